// Wraps a request handler so the server always answers: an intended refusal
// (a ResponseError, e.g. "that id is taken" on rename) reaches the client as
// the error it is; any other failure on some odd document is logged and
// answered with the empty result instead of an internal error.
import { ResponseError } from 'vscode-languageserver';

export function safely<P, R, F>(
  name: string,
  log: (message: string) => void,
  fallback: F,
  handler: (params: P) => R | Promise<R>,
): (params: P) => Promise<R | F> {
  return async (params: P) => {
    try {
      return await handler(params);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      log(`journey: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };
}
