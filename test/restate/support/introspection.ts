// Asks restate-server what it holds through its SQL introspection (the admin
// API's POST /query, docs.restate.dev "Introspection"): the tests read the
// invocations a journey left there, e.g. that no Stay workflow was started.

/** The rows of one SQL query on restate-server's introspection tables. */
export async function introspect(adminUrl: string, sql: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(new URL('query', adminUrl.endsWith('/') ? adminUrl : `${adminUrl}/`), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: sql }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`introspection query failed: HTTP ${response.status} ${text.slice(0, 300)}\n${sql}`);
  return (JSON.parse(text) as { rows: Record<string, unknown>[] }).rows;
}

/** The invocations of one service (any handler), with their handler and status. */
export async function invocationsOf(adminUrl: string, service: string): Promise<{ handler: string; status: string; key: string }[]> {
  const rows = await introspect(adminUrl, `SELECT target_handler_name, status, target_service_key FROM sys_invocation WHERE target_service_name = '${service.replace(/'/g, "''")}'`);
  return rows.map((r) => ({ handler: String(r.target_handler_name), status: String(r.status), key: String(r.target_service_key) }));
}
