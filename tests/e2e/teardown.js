// After the run: the run's database directory goes (see playwright.config.js).
const fs = require("node:fs");

module.exports = async () => {
  const dir = process.env.WAVEGATE_E2E_DIR;
  if (dir && dir.includes("wavegate-e2e-")) fs.rmSync(dir, { recursive: true, force: true });
};
