#!/usr/bin/env node
// The `stacklayers` command (see `stacklayers --help`): the built CLI, dist/lib/cli.js, plain JavaScript with
// its libraries inside (vite.node.config.ts). The npm package ships it; a checkout builds it when it installs
// (`prepare`) and in `npm run build`. A checkout whose CLI sources are newer than that build, or that has
// none, runs the TypeScript sources through tsx instead (a development dependency), so an edit never runs
// stale. `tsconfig: false`: whatever tsconfig.json the current directory has must not change how it compiles.
import { existsSync, readdirSync, statSync } from 'node:fs';

const built = new URL('../dist/lib/cli.js', import.meta.url);
const sources = new URL('../src/', import.meta.url);

/** The newest modification time of the files the CLI is built from (src/, but not the app's own folders). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (dir === sources && (entry.name === 'app' || entry.name === 'embed')) continue;
        walk(new URL(`${entry.name}/`, dir));
      } else newest = Math.max(newest, statSync(new URL(entry.name, dir)).mtimeMs);
    }
  };
  walk(sources);
  return newest;
}

const fromSource = existsSync(sources) && (!existsSync(built) || statSync(built).mtimeMs < newestSource());
if (fromSource) {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: false });
  const { main } = await import('../src/cli/main.ts');
  await main();
} else {
  const { main } = await import(built.href);
  await main();
}
