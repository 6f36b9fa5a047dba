// Writes the generated examples into public/models/. `npm run examples` after changing the generator.
import { writeFileSync } from 'node:fs';
import { largeExample } from '../src/model/examples';

writeFileSync(
  new URL('../public/models/large.json', import.meta.url),
  `${JSON.stringify(largeExample(), null, 1)}\n`,
);
console.log('wrote public/models/large.json');
