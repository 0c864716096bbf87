// Playwright end-to-end tests against the release build in dist/
// (`trunk build --release` first; scripts/test.sh does that).
// Uses Debian's chromium: no browser is ever downloaded.
const { defineConfig } = require('@playwright/test');

const PORT = process.env.E2E_PORT || '8089';

module.exports = defineConfig({
  testDir: './e2e',
  timeout: 30000,
  retries: 0,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    headless: true,
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // Serves the already built dist/ (python3 serves .wasm as application/wasm).
    command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory dist`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 20000,
  },
});
