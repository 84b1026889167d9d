// Reads the stats every contact keeps in its own object (the `stats` field
// of the state entry `contact` of the journey's Contact virtual object)
// through Restate's SQL introspection: the admin API's /query endpoint over
// the `state` table, which Restate documents for listing an object's keys
// and state (docs.restate.dev, "Introspection"). Only the stats field leaves
// restate-server (json_get_json). The stats and queue queries sum what it
// returns (statsDelta.ts), so contact steps make no calls for stats at all.
import type { ContactStats } from './statsDelta';

/** The state key under which a contact object keeps everything, its ContactStats in field `stats`. */
export const CONTACT_RECORD_KEY = 'contact';

export class ContactStatsQueryError extends Error {
  override readonly name = 'ContactStatsQueryError';
}

/** A string literal for Restate's SQL (DataFusion): quotes doubled. */
function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

async function queryOnce(adminUrl: string, sql: string, timeoutMs: number): Promise<{ rows: Record<string, unknown>[] }> {
  const response = await fetch(new URL('query', adminUrl.endsWith('/') ? adminUrl : `${adminUrl}/`), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: sql }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  if (!response.ok) throw new ContactStatsQueryError(`HTTP ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as { rows: Record<string, unknown>[] };
}

/**
 * Every contact's stats of the Contact object `contactService`, as [contact
 * id, stats] pairs. Asks the admin URLs in turn (any node of a cluster
 * answers for all partitions), a few rounds, before it gives up with an
 * error that names them.
 */
export async function readContactStats(adminUrls: readonly string[], contactService: string, options: { rounds?: number; timeoutMs?: number } = {}): Promise<[string, ContactStats][]> {
  const sql = `SELECT service_key, json_get_json(value_utf8, 'stats') AS stats FROM state WHERE service_name = ${sqlString(contactService)} AND key = ${sqlString(CONTACT_RECORD_KEY)}`;
  const rounds = options.rounds ?? 3;
  const failures: string[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round > 0) await new Promise((r) => setTimeout(r, 250 * 2 ** round));
    for (const url of adminUrls) {
      try {
        const { rows } = await queryOnce(url, sql, options.timeoutMs ?? 20_000);
        const out: [string, ContactStats][] = [];
        for (const row of rows) {
          if (typeof row.service_key !== 'string' || typeof row.stats !== 'string') continue;
          out.push([row.service_key, JSON.parse(row.stats) as ContactStats]);
        }
        return out;
      } catch (error) {
        failures.push(`${url}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  throw new ContactStatsQueryError(
    `Cannot read the contacts' stats through the Restate admin API (SQL introspection, POST /query) at ${adminUrls.join(', ')}: ${failures.slice(-adminUrls.length).join('; ')}. Set the admin URLs the service can reach with "adminUrls" in the runtime config or RESTATE_ADMIN_URL.`,
  );
}
