// @ts-check
// End-to-end tests: the real `wavegate serve` (debug build) serving the Trunk-built app from
// dist/, driven through Debian's Chromium. Never `playwright install`: the browser is Debian's.
const { defineConfig } = require("@playwright/test");
const path = require("node:path");
const os = require("node:os");
const fs = require("node:fs");
const { PORT, DEMO_PASSWORD, BIN } = require("./specs/env");

const root = path.resolve(__dirname, "../..");
const bin = BIN;
// A fresh database per run. The config is evaluated by the runner and by each worker; workers
// inherit the runner's environment, so only the runner makes the directory, and the global
// teardown removes it (each run's database is tens of megabytes).
const dataDir =
  process.env.WAVEGATE_E2E_DIR || (process.env.WAVEGATE_E2E_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "wavegate-e2e-")));

module.exports = defineConfig({
  testDir: "./specs",
  globalTeardown: require.resolve("./teardown.js"),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry: a test that fails once and then passes is reported as "flaky" in the summary
  // (and scripts/test prints it), so timing trouble on a loaded CI machine is seen and mended
  // without one stall throwing away a whole run; a test that fails twice fails the run.
  retries: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    // Most of Wavegate's users are Dutch; pages with no language of their own follow the browser.
    locale: "nl-NL",
    launchOptions: {
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `"${bin}" serve --addr 127.0.0.1:${PORT} --db "${path.join(dataDir, "e2e.sqlite")}" --dist "${path.join(root, "dist")}" --demo`,
    url: `http://127.0.0.1:${PORT}/api/v1/health`,
    env: { WAVEGATE_DEMO_PASSWORD: DEMO_PASSWORD, WAVEGATE_LOG: "warn" },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
