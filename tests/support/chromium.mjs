// Debian's Chromium and the flags every run of it here starts with (browser tests, screenshots,
// `make bench`); Playwright's own browser download is never used. The flags keep Chromium from
// reaching for the network at start-up, which stalls on a closed network.
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
