import { z } from 'zod';

/**
 * In the browser zod must not probe `new Function('')` for its fast path: the app's
 * Content-Security-Policy has no 'unsafe-eval', and the probe would be reported as a
 * violation on every page. The server keeps the fast path. Imported by every shared
 * module that defines schemas, so it runs before the first parse.
 */
if (typeof window !== 'undefined') z.config({ jitless: true });
