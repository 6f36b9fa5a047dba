#!/usr/bin/env node
// The `stacklayers` command: loads the TypeScript CLI (src/cli/main.ts) through tsx, so a checkout runs it
// without a build step. See `stacklayers --help`. `tsconfig: false`: whatever tsconfig.json the current
// directory has must not change how the CLI compiles.
import { register } from 'tsx/esm/api';

register({ tsconfig: false });
const { main } = await import('../src/cli/main.ts');
await main();
