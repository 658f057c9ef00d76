// What opening a page costs: the bytes Chromium transfers (compressed, headers included), per
// CDP's Network.loadingFinished. Respondents and trainees, often on a phone, must never download
// the planner.
const { test, expect } = require("@playwright/test");
const { invite, assignedTrainee } = require("./helpers");

/** Bytes transferred to load `path` in a fresh context (empty cache), until `ready` shows. */
async function transferred(browser, path, ready) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const urls = new Map();
  let bytes = 0;
  cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, new URL(e.request.url).pathname));
  cdp.on("Network.loadingFinished", (e) => { bytes += e.encodedDataLength; });
  await page.goto(path, { waitUntil: "networkidle" });
  await ready(page);
  await context.close();
  return { bytes, paths: [...urls.values()] };
}

test("a survey or training link transfers at most 250 KB, the planner's bundle not among it", async ({ browser, request }) => {
  const path = await invite(request, "e2e-bundle", { language: "nl" });
  const respondent = await transferred(browser, path, (page) => expect(page.getByText(/^Pagina 1 van \d+$/)).toBeVisible());
  const trainee = await transferred(browser, (await assignedTrainee(request)).path,
    (page) => expect(page.getByRole("heading", { name: "Mijn training" })).toBeVisible());
  const planner = await transferred(browser, "/planner", (page) => expect(page.getByLabel("E-mailadres")).toBeVisible());
  console.log(`transferred: /r/{token} ${respondent.bytes} bytes; /t/{token} ${trainee.bytes} bytes; /planner ${planner.bytes} bytes`);
  console.log(`  /r/{token} requests: ${respondent.paths.join(" ")}`);
  console.log(`  /t/{token} requests: ${trainee.paths.join(" ")}`);
  for (const link of [respondent, trainee]) {
    expect(link.paths.some((p) => p.startsWith("/planner"))).toBe(false);
    expect(link.paths.some((p) => p.endsWith(".wasm"))).toBe(true);
    expect(link.bytes).toBeLessThanOrEqual(250_000);
  }
  expect(planner.paths.some((p) => p.startsWith("/planner/") && p.endsWith(".wasm"))).toBe(true);
});
