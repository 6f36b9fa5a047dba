// Writes public/schema/model.v1.json from the zod schema. `npm run schema` after changing src/model/schema.ts.
import { writeFileSync } from 'node:fs';
import { modelJsonSchemaText, SCHEMA_PATH } from '../src/model/jsonSchema';

writeFileSync(new URL(`../public/${SCHEMA_PATH}`, import.meta.url), modelJsonSchemaText());
console.log(`wrote public/${SCHEMA_PATH}`);
