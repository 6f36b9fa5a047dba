import { z } from 'zod';

/**
 * zod compiles object parsers with `new Function` unless told not to; the app's Content-Security-Policy
 * forbids eval, and even zod's probe for it would be reported as a violation. Every module that builds a
 * schema imports this first, so the setting is in place before any schema exists (zod reads it then).
 */
z.config({ jitless: true });
