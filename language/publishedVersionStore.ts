// What the server knows of the published versions kept beside each journey
// (R22), learnt from the client (publishedVersionsProtocol.ts) and given to
// the validator as ValidationOptions.publishedVersion. The validator is
// synchronous: a lookup of something not yet known answers "unknown" and
// asks the client; when the answer comes, `onLearned` lets the server
// validate that document again. A client that does not offer the request
// (initializationOptions), or fails to answer in time, is not asked again
// about the same version until the client says the kept versions changed.
import type { PublishedVersion } from '../src/core/validate';
import type { PublishedVersionsParams, PublishedVersionsResult } from './publishedVersionsProtocol';

/** How long the server waits for the client to answer before judging the journey without it. */
export const ANSWER_TIMEOUT_MS = 5_000;

export type AskClient = (params: PublishedVersionsParams) => Promise<PublishedVersionsResult | null>;

function isResult(value: unknown): value is PublishedVersionsResult {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return Array.isArray(r['versions']) && r['versions'].every((v) => typeof v === 'number') && (r['text'] === undefined || typeof r['text'] === 'string') && (r['location'] === undefined || typeof r['location'] === 'string');
}

export class PublishedVersionStore {
  /** Per document uri: what was learnt per "id vN" (null: nothing can be known). */
  private readonly known = new Map<string, Map<string, PublishedVersion | null>>();
  private readonly pending = new Map<string, Map<string, Promise<void>>>();
  private generation = 0;

  constructor(
    /** Undefined while the client does not answer these requests. */
    private ask: AskClient | undefined,
    private readonly onLearned: (uri: string) => void,
  ) {}

  /** Whether the client answers (from its initialization options). */
  setClient(ask: AskClient | undefined): void {
    this.ask = ask;
    this.forget();
  }

  /** The validator's lookup for the document `uri`. */
  lookupFor(uri: string): (id: string, version: number) => PublishedVersion | undefined {
    return (id, version) => {
      const ask = this.ask;
      if (!ask) return undefined;
      const key = `${id} v${version}`;
      const known = this.known.get(uri);
      if (known?.has(key)) return known.get(key) ?? undefined;
      const pending = this.pending.get(uri) ?? new Map<string, Promise<void>>();
      this.pending.set(uri, pending);
      if (!pending.has(key)) pending.set(key, this.learn(ask, uri, key, { uri, id, version }));
      return undefined;
    };
  }

  /** Resolves when every question asked about `uri` is answered (or timed out); undefined when none is open. */
  settled(uri: string): Promise<void> | undefined {
    const pending = this.pending.get(uri);
    return pending && pending.size > 0 ? Promise.all(pending.values()).then(() => undefined) : undefined;
  }

  /** Forgets everything learnt (the kept versions changed); the next lookups ask again. */
  forget(): void {
    this.generation++;
    this.known.clear();
    this.pending.clear();
  }

  /** Forgets a closed document. */
  delete(uri: string): void {
    this.known.delete(uri);
    this.pending.delete(uri);
  }

  private async learn(ask: AskClient, uri: string, key: string, params: PublishedVersionsParams): Promise<void> {
    const generation = this.generation;
    let answer: PublishedVersion | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const result = await Promise.race([ask(params), new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ANSWER_TIMEOUT_MS)))]);
      if (isResult(result)) answer = { versions: result.versions, ...(result.text !== undefined ? { text: result.text } : {}), ...(result.location !== undefined ? { location: result.location } : {}) };
    } catch {
      answer = null;
    } finally {
      clearTimeout(timer);
    }
    if (generation !== this.generation) return; // forgotten meanwhile: the answer may be stale
    this.pending.get(uri)?.delete(key);
    const known = this.known.get(uri) ?? new Map<string, PublishedVersion | null>();
    this.known.set(uri, known);
    known.set(key, answer);
    this.onLearned(uri);
  }
}
