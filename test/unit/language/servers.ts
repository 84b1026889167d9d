// The two ways the LSP specifications start the language server: the built
// bundle in a child process over stdio, as editors run it, and the sources
// in this process over in-memory streams, where mutation testing sees them.
// A specification that holds for both runs once per way, its title saying
// which (mutation runs leave out the titles with "dist/server.js").
import { startServerInProcess } from './inProcessServer';
import { type ServerStarter, startServer } from './lspClient';

export const SERVERS: readonly { how: string; start: ServerStarter }[] = [
  { how: 'dist/server.js over stdio', start: startServer },
  { how: 'the sources in process', start: startServerInProcess },
];
