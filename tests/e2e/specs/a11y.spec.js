// Accessibility: axe-core finds no WCAG 2.1 A/AA violations on the main screens.
const { test, expect } = require("@playwright/test");
const AxeBuilder = require("@axe-core/playwright").default;
const { invite, signIn } = require("./helpers");

async function audit(page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}x: ${v.nodes[0].target})`);
  expect(summary).toEqual([]);
}

test("the start page is accessible", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await audit(page);
});

test("a survey page, also with validation errors, is accessible on a phone", async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const path = await invite(request, "e2e-a11y", { language: "nl" });
  await page.goto(path);
  await expect(page.getByText(/^Pagina 1 van \d+$/)).toBeVisible();
  await audit(page);
  await page.getByRole("button", { name: "Volgende", exact: true }).click();
  await expect(page.locator("fieldset.question[aria-invalid='true']").first()).toBeVisible();
  await audit(page);
});

test("the planner overview is accessible", async ({ page }) => {
  await page.goto("/planner");
  await audit(page);
  await signIn(page);
  await expect(page.getByRole("heading", { name: "Planneroverzicht" })).toBeVisible();
  await page.getByRole("button", { name: "Resultaten bekijken" }).first().click();
  await expect(page.getByRole("region", { name: /Resultaten/ })).toBeVisible();
  await audit(page);
});
