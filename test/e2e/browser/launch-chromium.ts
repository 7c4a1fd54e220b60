/**
 * Debian's Chromium under playwright-core: the tests never download a
 * browser (`npx playwright install` fails offline), so a missing
 * /usr/bin/chromium is a failure that says how to install it, not a skip.
 * The flags keep Chromium off the network it would otherwise call home on;
 * each launch gets a fresh temporary profile from Playwright.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Debian's Chromium at ${CHROMIUM_PATH}, which is missing: install it with apt-get install -y chromium (as root), then run the tests again.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
