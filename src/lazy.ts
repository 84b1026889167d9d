// Loads a part of the extension on first use, once. Keeps activation fast:
// the validator, zod schemas, the simulator, the exporter and the language
// client are evaluated only when a feature needs them.
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}
