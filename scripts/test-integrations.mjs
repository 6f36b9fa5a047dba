// The docs integrations' own tests: the JavaScript plugins (node --test) and the Python ones (unittest, with
// the Python the generators are installed for: Debian's, as in e2e/docsSites.ts).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const python = process.env.DOCS_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
execFileSync(process.execPath, ['--test', 'integrations/test/'], { stdio: 'inherit' });
execFileSync(python, ['-m', 'unittest', 'discover', '-s', 'tests', '-t', '.'], {
  cwd: 'integrations/python',
  stdio: 'inherit',
});
