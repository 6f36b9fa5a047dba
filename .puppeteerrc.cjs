/**
 * Puppeteer (a dependency of @mermaid-js/mermaid-cli, the bench's peer on the command line) downloads no
 * browser at install: `npm ci` needs nothing but the npm registry. The bench points mmdc at the system's
 * Chromium (see bench/cli.ts).
 */
module.exports = { skipDownload: true };
