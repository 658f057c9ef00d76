// Shared settings of the end-to-end run.
const path = require("node:path");

const root = path.resolve(__dirname, "../../..");

module.exports = {
  // The binary under test (scripts/test passes it; else the debug build in the target directory).
  BIN: process.env.WAVEGATE_BIN || path.join(process.env.CARGO_TARGET_DIR || path.join(root, "target"), "debug/wavegate"),
  PORT: Number(process.env.WAVEGATE_E2E_PORT || 18473),
  // `serve --demo` creates these accounts; the password is fixed for the run by
  // WAVEGATE_DEMO_PASSWORD (see playwright.config.js).
  PLANNER_EMAIL: "planner@demo.invalid",
  VIEWER_EMAIL: "viewer@demo.invalid",
  DEMO_PASSWORD: "e2e-demo-password-0123456789",
};
