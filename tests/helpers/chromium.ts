// Headless Debian Chromium driven by playwright-core, for the browser end-to-end tests and
// bench:browser. Browsers cannot be downloaded here: the system's /usr/bin/chromium is used
// (.ci/run installs it with apt-get). Without it the tests FAIL when CI is set and are
// skipped with a message otherwise.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env['L1L2_CHROMIUM'] ?? '/usr/bin/chromium';

/** Flags for a quiet headless run (without the background-networking ones, connections get refused). */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Why the browser tests cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM_PATH) ? undefined : `Chromium not found at ${CHROMIUM_PATH} (install it with \`apt-get install chromium\`, or set L1L2_CHROMIUM)`;
}

/** Whether to skip the browser tests: only outside CI, and only when Chromium is missing. */
export function skipBrowserTests(): boolean {
  const missing = chromiumMissing();
  if (!missing) return false;
  if (process.env['CI']) return false; // in CI the tests run and fail loudly
  console.warn(`browser tests skipped: ${missing}`);
  return true;
}

/** A fresh browser with its own throw-away profile directory. */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  const profile = mkdtempSync(join(tmpdir(), 'l1l2-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
