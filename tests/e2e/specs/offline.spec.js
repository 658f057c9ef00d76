// Nothing a respondent enters is lost: drafts survive reloads, submissions survive the network.
const { test, expect } = require("@playwright/test");
const { invite, responseCount, answerPage, answerSurvey } = require("./helpers");

test("answers survive a reload", async ({ page, request }) => {
  const path = await invite(request, "e2e-reload", { language: "en" });
  await page.goto(path);
  await answerPage(page);
  const checkedBefore = await page.locator("fieldset.question input:checked").count();
  expect(checkedBefore).toBeGreaterThan(0);
  await page.reload();
  await expect(page.getByText("Welcome back. You continue where you left off.")).toBeVisible();
  await expect(page.locator("fieldset.question input:checked")).toHaveCount(checkedBefore);
});

test("a response submitted offline is sent by itself when the connection returns", async ({ page, context, request }) => {
  const path = await invite(request, "e2e-offline-open", { language: "en" });
  const before = await responseCount(request);
  await page.goto(path);
  await answerSurvey(page, { next: "Next", submit: "Submit", beforeSubmit: () => context.setOffline(true) });
  await expect(page.getByText(/You are offline\. Your answers are saved/)).toBeVisible();
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
  await expect(page.getByText(/You are offline\. Your answers are saved/)).toBeVisible();
  await page.close();

  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto(path);
  await expect(again.getByRole("heading", { name: /Thank you for your answers!|You have already filled in this survey/ })).toBeVisible();
  await expect.poll(() => responseCount(request)).toBe(before + 1);
});
