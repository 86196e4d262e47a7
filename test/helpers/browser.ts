import { chromium, type Browser } from 'playwright-core';

// Headless Debian chromium driven by playwright-core (DEVELOPERS.md; node.md "Known to work"): the flags keep
// it off the network (this machine's network is closed); playwright gives every launch a fresh profile.
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
