// Records when the extension's bundle started to evaluate. extension.ts
// imports this module first, so the time until activate() returns covers
// loading our code and activating; tests read it from the API.
export const bundleStart = performance.now();
