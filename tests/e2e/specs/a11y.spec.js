// Accessibility: axe-core finds no WCAG 2.1 A/AA violations on the main screens.
const { test, expect } = require("@playwright/test");
const { audit, invite, signIn, answerPage } = require("./helpers");

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

test("every page of the survey is accessible, and each text field is named by its question", async ({ page, request }) => {
  const path = await invite(request, "e2e-a11y-pages", { language: "nl" });
  await page.goto(path);
  let fields = 0;
  for (let guard = 0; guard < 20; guard++) {
    await expect(page.getByText(/^Pagina \d+ van \d+$/)).toBeVisible();
    await answerPage(page);
    await audit(page);
    // A screen reader announces a text field by the question it answers.
    for (const field of await page.locator("fieldset.question textarea, fieldset.question input[type=text]:not(.other-text)").all()) {
      if (!(await field.isVisible())) continue;
      const question = (await field.locator("xpath=ancestor::fieldset[1]/legend").innerText()).trim().slice(0, 25);
      await expect(field).toHaveAccessibleName(new RegExp(question.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
      fields += 1;
    }
    const next = page.getByRole("button", { name: "Volgende", exact: true });
    if (!(await next.count())) break;
    await next.click();
  }
  expect(fields).toBeGreaterThan(0);
});

test("the planner's sign-in form is accessible, also with its error", async ({ page }) => {
  await page.goto("/planner");
  await audit(page);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByText("Vul je e-mailadres en je wachtwoord in.")).toBeVisible();
  await audit(page);
});
