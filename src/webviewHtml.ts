// The HTML shell of the journey map webview: a strict Content Security
// Policy with a per-load nonce, only local bundled resources (no CDN, no
// remote anything), scripts only with the nonce, workers only from the
// extension or blob: (the elkjs layout worker). The nonce is also published
// as <meta property="csp-nonce">, where the webview-ui-toolkit (FAST) finds
// it for the one <style> element it creates. Pure: the extension host and
// the browser test harness build the same page with it.

export interface WebviewHtmlOptions {
  /** The webview's resource origin (`webview.cspSource`). */
  cspSource: string;
  /** URL of dist/webview.js as the webview sees it. */
  scriptUri: string;
  /** URL of dist/webview.css as the webview sees it. */
  styleUri: string;
  /** A fresh random nonce per load; generated when omitted. */
  nonce?: string;
  /** Scripts that run before the app, with the same nonce (the test harness's fake host). */
  preludeScripts?: string[];
  /** Extra stylesheets from the same origin (the test harness's theme variables). */
  extraStyles?: string[];
  /** Classes of <body>, as VS Code sets them (vscode-light, vscode-dark, vscode-high-contrast). */
  bodyClass?: string;
}

export function nonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const random = new Uint32Array(32);
  globalThis.crypto.getRandomValues(random);
  return Array.from(random, (r) => alphabet.charAt(r % alphabet.length)).join('');
}

export function contentSecurityPolicy(cspSource: string, scriptNonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${scriptNonce}'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${scriptNonce}'`,
    `worker-src ${cspSource} blob:`,
  ].join('; ');
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function webviewHtml(options: WebviewHtmlOptions): string {
  const n = options.nonce ?? nonce();
  const styles = [options.styleUri, ...(options.extraStyles ?? [])].map((href) => `  <link rel="stylesheet" href="${attr(href)}">`).join('\n');
  const scripts = [...(options.preludeScripts ?? []), options.scriptUri].map((src) => `  <script nonce="${n}" src="${attr(src)}"></script>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(options.cspSource, n))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <meta property="csp-nonce" content="${n}">
${styles}
  <title>Journey map</title>
</head>
<body${options.bodyClass ? ` class="${attr(options.bodyClass)}"` : ''}>
  <div id="root"></div>
${scripts}
</body>
</html>`;
}
