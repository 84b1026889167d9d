// `npm start`: serves a real VS Code (code-server on 127.0.0.1, no auth)
// with this extension loaded from the working tree and samples/ open, and
// prints the URL to open. Stays in the foreground until Ctrl-C.
//   npm start -- [--port N] [--folder DIR]      (or JOURNEY_PORT=N)
import { join, resolve } from 'node:path';
import { PROJECT_ROOT, freePort, startCodeServer } from './codeServer.mjs';
import { workbenchUrl } from './runInVsCode.mjs';

function option(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function portToUse() {
  const wanted = Number(option('port') ?? process.env.JOURNEY_PORT ?? 3000);
  try {
    const response = await fetch(`http://127.0.0.1:${wanted}/healthz`, { signal: AbortSignal.timeout(500) });
    if (response) return freePort(); // something already answers there
  } catch {
    // nothing listens: take it
  }
  return wanted;
}

const folder = resolve(option('folder') ?? join(PROJECT_ROOT, 'samples'));
const server = await startCodeServer({ folder, port: await portToUse(), settings: { 'workbench.editorAssociations': { '*.journey.json': 'journeyDesigner.map' } } });
const url = workbenchUrl(server.url, { folder, extensionDevelopmentPath: PROJECT_ROOT });
console.log('');
console.log('Journey Designer is running in VS Code (code-server) at:');
console.log('');
console.log(`  ${url}`);
console.log('');
console.log(`Open that URL (it loads the extension from ${PROJECT_ROOT} and opens ${folder}).`);
console.log('Press Ctrl-C to stop.');

const shutdown = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
server.child.on('exit', (code) => {
  console.error(`code-server exited (${code}).\n${server.log().slice(-2000)}`);
  process.exit(code ?? 1);
});
