// Writes the generated examples into public/models/. `npm run examples` after changing the generator.
import { writeFileSync } from 'node:fs';
import { cellsExample, largeExample } from '../src/model/examples';

writeFileSync(
  new URL('../public/models/large.json', import.meta.url),
  `${JSON.stringify(largeExample(), null, 1)}\n`,
);
console.log('wrote public/models/large.json');
writeFileSync(
  new URL('../public/models/cells.json', import.meta.url),
  `${JSON.stringify(cellsExample(), null, 1)}\n`,
);
console.log('wrote public/models/cells.json');
