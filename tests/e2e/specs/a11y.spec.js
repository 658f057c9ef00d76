// Accessibility: axe-core finds no WCAG 2.1 A/AA violations on the main screens.
const { test, expect } = require("@playwright/test");
const { audit, invite, signIn } = require("./helpers");

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

test("the planner's sign-in form is accessible, also with its error", async ({ page }) => {
  await page.goto("/planner");
  await audit(page);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByText("Vul je e-mailadres en je wachtwoord in.")).toBeVisible();
  await audit(page);
});
