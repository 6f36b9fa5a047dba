// Before `npm test`: what the docs-site tests need beyond the main install. The sites' own packages
// (VitePress, Docusaurus, markdown-it, MDX) live in e2e/sites with their own lock file, installed here when
// missing or older than the lock; the Python generators come from Debian (see docs/embedding-docs-sites.md).
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const lock = 'e2e/sites/package-lock.json';
const marker = 'e2e/sites/node_modules/.package-lock.json';
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
  console.log('Installing the docs sites’ packages (npm ci --prefix e2e/sites)…');
  execFileSync('npm', ['ci', '--prefix', 'e2e/sites', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
try {
  execFileSync(python, ['-c', 'import mkdocs, material, pymdownx, sphinx, openstackdocstheme'], {
    stdio: 'ignore',
  });
} catch {
  console.error(
    `The docs-site tests need MkDocs, Material, Sphinx and openstackdocstheme for ${python}:\n` +
      '  sudo apt-get install mkdocs mkdocs-material python3-sphinx python3-openstackdocstheme',
  );
  process.exit(1);
}
