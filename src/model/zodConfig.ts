import * as z from 'zod/mini';

/**
 * zod compiles object parsers with `new Function` unless told not to; the app's Content-Security-Policy
 * forbids eval, and even zod's probe for it would be reported as a violation. Every module that builds a
 * schema imports this first, so the setting is in place before any schema exists (zod reads it then).
 *
 * The schemas use `zod/mini` (the same checks and issues as `zod`, in a fraction of the bytes: embeds and
 * the check worker ship it), which has no messages of its own: the English ones (`zod`'s defaults) are set
 * here, and `validate.ts` words them for people.
 */
z.config({ ...z.locales.en(), jitless: true });
