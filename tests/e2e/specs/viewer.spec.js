// A viewer sees every page and can change nothing; signed out, the API answers 401.
const { test, expect } = require("@playwright/test");
const { signIn } = require("./helpers");
const { VIEWER_EMAIL } = require("./env");

test("a viewer sees every page of a program, and no change control works", async ({ page }) => {
  await page.goto("/planner");
  await signIn(page, { email: VIEWER_EMAIL });
  await expect(page.getByText("Je bent aangemeld als kijker")).toBeVisible();
  await expect(page.getByRole("link", { name: "Nieuw programma" })).toHaveCount(0);
  // Typed in by hand, the new-program page says why there is no form.
  await page.goto("/planner/new-program");
  await expect(page.getByText("Als kijker kun je geen programma aanmaken; vraag een planner om dat te doen.")).toBeVisible();
  await expect(page.locator("#program-form")).toHaveCount(0);

  await page.goto("/planner/programs/demo");
  await expect(page.locator("#f-name")).toHaveValue(/demo/);
  // The form reads as a record: its fields are disabled, and there is no Save to find greyed out.
  await expect(page.getByRole("button", { name: "Programma opslaan" })).toHaveCount(0);
  await expect(page.locator("#f-name")).toBeDisabled();
  await expect(page.getByRole("button", { name: "program.toml downloaden" })).toBeEnabled();

  await page.goto("/planner/programs/demo/files");
  await expect(page.getByRole("heading", { name: "Eerdere imports" })).toBeVisible();
  for (const kind of ["roster", "devices", "enrollment_failures", "tickets"]) {
    await expect(page.locator(`#file-${kind}`)).toBeDisabled();
  }

  await page.goto("/planner/programs/demo/surveys");
  await expect(page.locator("[data-survey='pilot-feedback']")).toBeVisible();
  await expect(page.getByRole("button", { name: "Publiceren" })).toBeDisabled();
  await expect(page.locator("#survey-file")).toBeDisabled();

  await page.goto("/planner/programs/demo/surveys/pilot-feedback/results");
  await expect(page.getByRole("region", { name: /Resultaten/ }).getByText(/^\d+ respondenten$/)).toBeVisible();
  await page.goto("/planner/programs/demo/surveys/pilot-feedback");
  await expect(page.getByRole("button", { name: "Links maken" })).toBeDisabled();
  // Who was invited and who answered, but no working link: one would let a viewer answer as
  // that person.
  await expect(page.getByRole("button", { name: "Uitnodigingslinks downloaden (CSV)" })).toHaveCount(0);
  await expect(page.getByText(/Als kijker zie je wie is uitgenodigd en wie heeft geantwoord, maar niet de links zelf/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Voorbeeld downloaden (CSV)" })).toHaveCount(0);
  // Reminders: the counts, but no batch to make; no revoking at all.
  await expect(page.getByText(/kunnen nu een herinnering krijgen/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Herinneringsbatch maken (CSV)" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Links intrekken" })).toHaveCount(0);

  // And the server refuses anyway, with the viewer's own session and CSRF token.
  const session = await (await page.request.get("/api/v1/session")).json();
  const res = await page.request.post("/api/v1/programs/demo/surveys", {
    headers: { "X-CSRF-Token": session.csrf_token },
    data: { template: "sus" },
  });
  expect(res.status()).toBe(403);
});

test("signed out, the planner API answers 401", async ({ page }) => {
  await page.goto("/planner");
  await signIn(page);
  await expect(page.getByRole("heading", { name: "Programma's" })).toBeVisible();
  expect((await page.request.get("/api/v1/programs")).status()).toBe(200);
  await page.getByRole("button", { name: "Afmelden" }).click();
  await expect(page.getByLabel("E-mailadres")).toBeVisible();
  const res = await page.request.get("/api/v1/programs");
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe("unauthorized");
});
