// zod without its JIT: the webview's CSP forbids eval, so zod must not even
// probe for it (the probe itself is reported as a CSP violation). Imported
// first by the entry, before any schema is used.
import { z } from 'zod';

z.config({ jitless: true });
