// Nothing a respondent enters is lost: drafts survive reloads, submissions survive the network.
const { test, expect } = require("@playwright/test");
const { invite, assignedTrainee, responseCount, answerPage, answerSurvey } = require("./helpers");

test("answers survive a reload", async ({ page, request }) => {
  const path = await invite(request, "e2e-reload", { language: "en" });
  await page.goto(path);
  await answerPage(page);
  const checkedBefore = await page.locator("fieldset.question input:checked").count();
  expect(checkedBefore).toBeGreaterThan(0);
  await page.reload();
  await expect(page.getByText("Welcome back. Pick up where you left off.")).toBeVisible();
  await expect(page.locator("fieldset.question input:checked")).toHaveCount(checkedBefore);
});

test("losing the connection mid-survey is said while it lasts, and the notice goes when it returns", async ({ page, context, request }) => {
  const path = await invite(request, "e2e-offline-notice", { language: "en" });
  await page.goto(path);
  const notice = page.getByText("You're offline. You can carry on: your answers are saved on this device and sent later.");
  await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
  await expect(notice).toHaveCount(0);
  const footer = page.locator(".draft-note");
  await expect(footer).toHaveText("Your answers are saved. Open your link on another device to continue there.");
  await context.setOffline(true);
  await expect(notice).toBeVisible();
  // Offline, the answers are on this device only: another device would not find them yet.
  await expect(footer).toHaveText("Your answers are saved on this device, so you can continue later.");
  await answerPage(page);
  await context.setOffline(false);
  await expect(notice).toHaveCount(0);
  await expect(footer).toHaveText("Your answers are saved. Open your link on another device to continue there.");
});

test("a survey and a training opened once online reopen offline in a new tab", async ({ browser, request }) => {
  const survey = await invite(request, "e2e-offline-reopen", { language: "en" });
  const { path: training } = await assignedTrainee(request);
  const context = await browser.newContext({ locale: "nl-NL" });
  for (const [path, ready] of [
    [survey, (p) => p.getByText(/^Page 1 of \d+$/)],
    [training, (p) => p.getByRole("heading", { name: "Mijn training" })],
  ]) {
    const first = await context.newPage();
    await first.goto(path);
    await expect(ready(first)).toBeVisible();
    // The worker has what the page needs (it installs on the first visit, after the page's
    // own scripts were fetched).
    await first.evaluate(() => navigator.serviceWorker.ready);
    await first.close();
    await context.setOffline(true);
    const again = await context.newPage();
    await again.goto(path);
    await expect(ready(again)).toBeVisible();
    await expect(again.getByText(/^(You're offline|Je bent offline)\./)).toBeVisible();
    await again.close();
    await context.setOffline(false);
  }
  await context.close();
});

test("a response submitted offline is sent by itself when the connection returns", async ({ page, context, request }) => {
  const path = await invite(request, "e2e-offline-open", { language: "en" });
  const before = await responseCount(request);
  await page.goto(path);
  await answerSurvey(page, { next: "Next", submit: "Submit", beforeSubmit: () => context.setOffline(true) });
  await expect(page.getByText(/You're offline\. Your answers are saved on this device/)).toBeVisible();
  expect(await responseCount(request)).toBe(before);

  await context.setOffline(false);
  await expect(page.getByRole("heading", { name: "Thank you for your answers!" })).toBeVisible();
  expect(await responseCount(request)).toBe(before + 1);
});

test("a response queued in a tab closed while offline is sent, exactly once, when the link is reopened", async ({ page, context, request }) => {
  const path = await invite(request, "e2e-offline-closed", { language: "en" });
  const before = await responseCount(request);
  await page.goto(path);
  await answerSurvey(page, { next: "Next", submit: "Submit", beforeSubmit: () => context.setOffline(true) });
  await expect(page.getByText(/You're offline\. Your answers are saved on this device/)).toBeVisible();
  await page.close();

  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto(path);
  await expect(again.getByRole("heading", { name: /Thank you for your answers!|You've already filled in this survey/ })).toBeVisible();
  await expect.poll(() => responseCount(request)).toBe(before + 1);
});

/**
 * Answers submissions through the link with `status` (and `headers`) until the returned
 * function is called (by default after the first), then lets the real server answer.
 */
async function refuseSubmissions(page, status, { headers = {}, once = true } = {}) {
  let refusing = true;
  const recover = () => { refusing = false; };
  recover.refused = 0;
  // When the last submission was refused and when the first one was let through, so a test can
  // tell how long the app waited, whatever the machine's speed.
  recover.refusedAt = null;
  recover.passedAt = null;
  await page.route(/\/api\/v1\/respond\/[^/]+$/, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    if (!refusing) {
      recover.passedAt ??= Date.now();
      return route.continue();
    }
    if (once) refusing = false;
    recover.refused += 1;
    recover.refusedAt = Date.now();
    const code = status === 429 ? "rate_limited" : "internal";
    await route.fulfill({
      status,
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify({ error: { code, message: "not now" } }),
    });
  });
  return recover;
}

test("a busy server is not called 'offline': the answers wait and go after its Retry-After", async ({ page, request }) => {
  const path = await invite(request, "e2e-busy", { language: "nl" });
  const before = await responseCount(request);
  // Long enough that a slow machine still sees the notice before the answers go.
  const server = await refuseSubmissions(page, 429, { headers: { "Retry-After": "8" } });
  await page.goto(path);
  await answerSurvey(page, { next: "Volgende", submit: "Versturen" });
  const notice = page.getByRole("status").filter({ has: page.getByRole("heading", { name: "Nog niet verstuurd" }) });
  await expect(notice).toContainText("Het is nu even erg druk. Je antwoorden zijn bewaard op dit apparaat");
  // One reading of the notice: the server asked to wait, so it does not say 'offline' and offers no
  // button to hammer the server with.
  const shown = await notice.evaluate((el) => ({ text: el.textContent, buttons: el.querySelectorAll("button").length }));
  expect(shown.text).not.toContain("offline");
  expect(shown.buttons).toBe(0);
  await expect(page.getByRole("heading", { name: "Bedankt voor je antwoorden!" })).toBeVisible({ timeout: 20_000 });
  expect(await responseCount(request)).toBe(before + 1);
  expect(server.refused).toBe(1);
  // Nothing was sent before its time.
  expect(server.passedAt - server.refusedAt).toBeGreaterThanOrEqual(8000);
});

test("a server error says so, keeps the answers and sends them on 'try again'", async ({ page, request }) => {
  const path = await invite(request, "e2e-server-error", { language: "en" });
  const recover = await refuseSubmissions(page, 500, { once: false });
  await page.goto(path);
  await answerSurvey(page, { next: "Next", submit: "Submit" });
  const notice = page.getByRole("status").filter({ has: page.getByRole("heading", { name: "Not sent yet" }) });
  await expect(notice).toContainText("Something went wrong on the server. Your answers are saved on this device");
  await expect(notice).not.toContainText("offline");
  // The page retries by itself after 2, 4, then 8 seconds. Once the third attempt failed, the
  // next is 8 seconds off: an answer well before then is the button's doing, not the schedule's.
  await expect.poll(() => recover.refused, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  recover();
  await notice.getByRole("button", { name: "Try again now" }).click();
  await expect(page.getByRole("heading", { name: "Thank you for your answers!" })).toBeVisible({ timeout: 6_000 });
});

test("a link opened while the server is too busy says to wait a moment, and opens on 'try again'", async ({ page, request }) => {
  const survey = await invite(request, "e2e-busy-open", { language: "nl" });
  const { path: training } = await assignedTrainee(request);
  let busy = true;
  await page.route(/\/api\/v1\/(respond|train)\/[^/]+$/, async (route) => {
    if (!busy || route.request().method() !== "GET") return route.continue();
    await route.fulfill({
      status: 429,
      headers: { "Content-Type": "application/json", "Retry-After": "2" },
      body: JSON.stringify({ error: { code: "rate_limited", message: "too many requests" } }),
    });
  });
  for (const path of [survey, training]) {
    busy = true;
    await page.goto(path);
    const heading = page.getByRole("heading", { level: 1, name: "Even geduld" });
    await expect(heading).toBeVisible();
    const notice = page.locator("section.notice");
    // Nobody has answered anything yet: nothing is said about answers kept.
    await expect(notice).toContainText("Het is nu even erg druk. Probeer het over een paar seconden opnieuw.");
    await expect(notice).not.toContainText("antwoorden");
    busy = false;
    await notice.getByRole("button", { name: "Opnieuw proberen" }).click();
    await expect(heading).toHaveCount(0);
    await expect(page.locator("main h1, main h2").first()).toBeVisible();
  }
});
