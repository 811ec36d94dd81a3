/**
 * The Chromium that every real-browser run drives (the end-to-end tests and the
 * benchmark): Debian's by default, as Playwright's own browser download cannot run here;
 * CHROME_PATH points elsewhere on machines that have another build. The flags keep it
 * quiet: no sandbox (it runs as root in containers), no GPU, and nothing fetched in the
 * background, so the only requests are the app's.
 */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
