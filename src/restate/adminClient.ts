// The few calls of Restate's admin API the publisher and the tests need:
// health, and registering a service deployment (POST /deployments), which
// makes restate-server discover the journey services behind a URL.
export interface RegisteredDeployment {
  id: string;
  services: { name: string; revision?: number }[];
}

export class RestateAdminError extends Error {
  override readonly name = 'RestateAdminError';
}

function url(admin: string, path: string): string {
  return new URL(path, admin.endsWith('/') ? admin : admin + '/').toString();
}

/**
 * Registers the service deployment at `uri`. Registering a URL again with the
 * same services is accepted; `force` (never the default) replaces a deployment
 * whose services changed, which Restate otherwise refuses with HTTP 409.
 */
export async function registerDeployment(adminUrl: string, uri: string, options: { force?: boolean; timeoutMs?: number } = {}): Promise<RegisteredDeployment> {
  let response: Response;
  try {
    response = await fetch(url(adminUrl, 'deployments'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ uri, force: options.force ?? false }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (error) {
    throw new RestateAdminError(`Cannot reach the Restate admin API at ${adminUrl}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = await response.text();
  if (response.status === 409 && !options.force) throw new RestateAdminError(`Restate refused to register ${uri} (HTTP 409): it is registered with other services. To replace that deployment, run \`npm run register -- --force\` in the generated project. ${text.slice(0, 300)}`);
  if (!response.ok) throw new RestateAdminError(`Restate refused to register ${uri} (HTTP ${response.status}): ${text.slice(0, 500)}`);
  const body = JSON.parse(text) as { id: string; services: { name: string; revision?: number }[] };
  return { id: body.id, services: body.services.map((s) => ({ name: s.name, ...(s.revision !== undefined ? { revision: s.revision } : {}) })) };
}

/** Resolves when the admin API answers its health check; rejects after `timeoutMs`. */
export async function waitUntilHealthy(adminUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url(adminUrl, 'health'), { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new RestateAdminError(`Restate admin API at ${adminUrl} is not healthy after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
