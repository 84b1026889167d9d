// Types of the files the webview bundle embeds with import attributes
// (esbuild `with { type: 'text' | 'bytes' }`): the elkjs worker script, run
// from a Blob, and the codicon font, loaded from bytes. Nothing is fetched.
declare module 'elkjs/lib/elk-worker.min.js' {
  const source: string;
  export default source;
}
declare module '@vscode/codicons/dist/codicon.ttf' {
  const bytes: Uint8Array;
  export default bytes;
}
