// Writes the policy of scripts/securityHeaders.ts where it is a copy: public/_headers (Netlify, Cloudflare
// Pages) and the <meta> of the web-component example. `npm run headers` after changing the policy; a unit
// test checks both match.
import { readFileSync, writeFileSync } from 'node:fs';
import { cspMetaTag, EXAMPLE_PAGE, headersFile } from './securityHeaders';

writeFileSync(new URL('../public/_headers', import.meta.url), headersFile());
console.log('wrote public/_headers');
const example = new URL(`../public/${EXAMPLE_PAGE}`, import.meta.url);
const html = readFileSync(example, 'utf8');
const meta = /<meta http-equiv="Content-Security-Policy" content="[^"]*" \/>/;
if (!meta.test(html)) throw new Error(`public/${EXAMPLE_PAGE} has no CSP <meta> to update`);
writeFileSync(example, html.replace(meta, cspMetaTag('embed')));
console.log(`updated the CSP of public/${EXAMPLE_PAGE}`);
