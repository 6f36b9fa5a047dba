// Run after `tsc -p tsconfig.api.json` (npm run build:node): keeps the declarations of the package's API
// (src/api/index.ts) as dist/lib/index.d.ts and drops the rest of dist/types/. The API declares its own
// types, so that one file stands alone: this refuses a declaration file that imports anything (a consumer's
// `tsc` could not resolve it).
import { copyFileSync, readFileSync, rmSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const at = (p) => new URL(p, root);
const types = readFileSync(at('dist/types/api/index.d.ts'), 'utf8');
const imports = types.match(/^\s*(import|export .* from)\b.*$/gm);
if (imports) {
  console.error(
    `src/api/index.ts: its declarations import other files, so they do not stand alone:\n${imports.join('\n')}`,
  );
  process.exit(1);
}
copyFileSync(at('dist/types/api/index.d.ts'), at('dist/lib/index.d.ts'));
rmSync(at('dist/types'), { recursive: true, force: true });
console.log('wrote dist/lib/index.d.ts');
