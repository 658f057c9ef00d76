// Shared settings of the end-to-end run.
module.exports = {
  PORT: Number(process.env.WAVEGATE_E2E_PORT || 18473),
  // `serve --demo` creates these accounts; the password is fixed for the run by
  // WAVEGATE_DEMO_PASSWORD (see playwright.config.js).
  PLANNER_EMAIL: "planner@demo.invalid",
  VIEWER_EMAIL: "viewer@demo.invalid",
  DEMO_PASSWORD: "e2e-demo-password-0123456789",
};
