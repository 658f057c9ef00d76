// Shared settings of the end-to-end run.
module.exports = {
  PORT: Number(process.env.WAVEGATE_E2E_PORT || 18473),
  PLANNER_TOKEN: "e2e-planner-token-0123456789abcdef",
};
