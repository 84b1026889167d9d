// The HTML shell of the journey map webview: a strict Content Security
// Policy with a per-load nonce, only local bundled resources, no remote ones.
import * as vscode from 'vscode';

function nonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += alphabet.charAt(Math.floor(Math.random() * alphabet.length));
  return out;
}

export function webviewHtml(webview: vscode.Webview, distUri: vscode.Uri): string {
  const n = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(distUri, 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(distUri, 'webview.css'));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${n}'`,
    `worker-src ${webview.cspSource} blob:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${style.toString()}">
  <title>Journey map</title>
</head>
<body>
  <div id="root" role="application" aria-label="Journey map"></div>
  <script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
}
