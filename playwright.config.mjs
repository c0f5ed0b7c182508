// End-to-end tests against the release build in dist/ (built by scripts/test.sh).
// Uses Debian's Chromium: this machine cannot download Playwright's own browsers.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 4173);

export const chromiumFlags = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-dev-shm-usage",
];

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    acceptDownloads: true,
    launchOptions: { executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: chromiumFlags },
    // Recording a trace costs a quarter of the suite's CPU time (measured: 176 against 135
    // CPU-seconds), and the test command's output has no use for one. E2E_TRACE=retain-on-failure
    // records them for a failure to inspect (scripts/e2e-under-load.sh does).
    trace: process.env.E2E_TRACE ?? "off",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: `node e2e/serve.mjs dist`,
    env: { PORT: String(port), SERVE_SECONDS: "1800" },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
