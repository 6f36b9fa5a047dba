import { existsSync } from 'node:fs';

/**
 * How Stacklayers starts Chromium everywhere (browser tests, bench, PNG export): as root and headless, and
 * without reaching for the network (no background requests, updates or sync).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else undefined (Playwright's own browser). */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}
