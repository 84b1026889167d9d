// Serves the browser harness on 127.0.0.1 (a port chosen at run time): the
// webview bundle (webview.js, webview.css) built on start from the sources
// with the options of the webview entry of esbuild.mjs (so the tests never
// run a stale dist/, nor depend on the other bundles building), the fake
// host, a theme stylesheet, and the page itself, made by the same
// webviewHtml() as the extension, with the same strict CSP.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { webviewHtml } from '../../../src/webviewHtml';
import { type ThemeName, THEME_NAMES, themeBodyClass, themeCss } from './themes';

export const REPO = resolve(__dirname, '../../..');

export interface HarnessServer {
  origin: string;
  /** URL of the map page in a theme. */
  pageUrl(theme: ThemeName): string;
  close(): Promise<void>;
}

/** The webview bundle, as esbuild.mjs builds it (`production`: minified, as `npm run package` ships it). */
export async function bundleWebview(production: boolean): Promise<Map<string, Uint8Array>> {
  const result = await esbuild.build({
    entryPoints: { webview: join(REPO, 'webview/main.tsx') },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    jsx: 'automatic',
    loader: { '.ttf': 'file' },
    mainFields: ['module', 'main'],
    minify: production,
    sourcemap: false,
    outdir: join(REPO, 'dist'),
    write: false,
    logLevel: 'silent',
  });
  return new Map(result.outputFiles.map((f) => [f.path.split('/').pop()!, f.contents]));
}

async function bundleFakeHost(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [join(REPO, 'test/webview/harness/fakeHost.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Starts the harness server with a fresh webview bundle (development build unless `production`). */
export async function startHarnessServer(options: { production?: boolean } = {}): Promise<HarnessServer> {
  const [fakeHost, webview] = await Promise.all([bundleFakeHost(), bundleWebview(options.production === true)]);
  let origin = '';
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', origin);
      const send = (status: number, type: string, body: string | Buffer) => {
        response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        response.end(body);
      };
      try {
        if (url.pathname === '/map') {
          const theme = (url.searchParams.get('theme') ?? 'dark') as ThemeName;
          if (!THEME_NAMES.includes(theme)) return send(400, 'text/plain', 'unknown theme');
          return send(200, 'text/html', webviewHtml({
            cspSource: origin,
            scriptUri: `${origin}/dist/webview.js`,
            styleUri: `${origin}/dist/webview.css`,
            preludeScripts: [`${origin}/harness/fakeHost.js`],
            extraStyles: [`${origin}/harness/theme-${theme}.css`],
            bodyClass: themeBodyClass(theme),
          }));
        }
        if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
        if (url.pathname === '/harness/fakeHost.js') return send(200, 'text/javascript', fakeHost);
        const themeMatch = /^\/harness\/theme-([a-z-]+)\.css$/.exec(url.pathname);
        if (themeMatch && THEME_NAMES.includes(themeMatch[1] as ThemeName)) return send(200, 'text/css', themeCss(themeMatch[1] as ThemeName));
        const bundled = /^\/dist\/(webview\.(?:js|css))$/.exec(url.pathname);
        const file = bundled ? webview.get(bundled[1]!) : undefined;
        if (file) return send(200, bundled![1]!.endsWith('.css') ? 'text/css' : 'text/javascript', Buffer.from(file));
        send(404, 'text/plain', 'not found');
      } catch (error) {
        send(500, 'text/plain', String(error));
      }
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pageUrl: (theme) => `${origin}/map?theme=${theme}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
