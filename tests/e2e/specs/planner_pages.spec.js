// Every planner page, on a laptop and on a phone: axe-core finds nothing, nothing scrolls sideways.
const { test, expect } = require("@playwright/test");
const { audit, expectNoHorizontalScroll, planner, signIn } = require("./helpers");

/** The planner pages of the demo program, each with what shows it has loaded. */
const PAGES = [
  { path: "/planner", ready: (p) => p.getByRole("heading", { name: "Programma's" }) },
  { path: "/planner/new-program", ready: (p) => p.getByRole("heading", { name: "Nieuw programma" }) },
  { path: "/planner/programs/demo", ready: (p) => p.getByRole("button", { name: "Programma opslaan" }) },
  { path: "/planner/programs/demo/files", ready: (p) => p.getByRole("heading", { name: "Eerdere imports" }) },
  { path: "/planner/programs/demo/surveys", ready: (p) => p.locator("[data-survey='pilot-feedback']") },
  // Inviting, the mail-merge links and the response rates per wave and segment.
  { path: "/planner/programs/demo/surveys/pilot-feedback", ready: (p) => p.locator("table.rates") },
  { path: "/planner/programs/demo/surveys/pilot-feedback/results", ready: (p) => p.getByRole("region", { name: /Resultaten/ }).getByText(/respondenten/) },  // The communication plan with its form.
  { path: "/planner/programs/demo/communications", ready: (p) => p.getByRole("heading", { name: "Een bericht inplannen" }) },
  // The demo pilot's training: the modules, and one module's assigning, links and results.
  { path: "/planner/programs/demo/training", ready: (p) => p.locator("[data-module='enroll-ios']") },
  { path: "/planner/programs/demo/training/enroll-ios", ready: (p) => p.getByRole("heading", { name: "Resultaten per groep" }) },
  // The demo pilot has no roster: its readiness says what to do next, not that loading failed.
  { path: "/planner/programs/demo/readiness", ready: (p) => p.getByRole("heading", { name: "Nog niets te beoordelen" }) },
];

/** A program of its own with a roster imported, so its files page lists an import. */
async function programWithAnImport(page) {
  const { csrf_token } = await (await page.request.get("/api/v1/session")).json();
  const headers = { "X-CSRF-Token": csrf_token };
  const toml = `name = "Pages ${Date.now().toString(36)}"\n[[wave]]\nid = "pilot"\nstart = 2027-01-11\nend = 2027-01-29\n`;
  const created = await page.request.post("/api/v1/programs", { headers: { ...headers, "Content-Type": "application/toml" }, data: toml });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const roster = "person_id;email;wave\n" + [1, 2, 3, 4, 5, 6].map((i) => `q00${i};q00${i}@example.org;pilot`).join("\n") + "\n";
  const imported = await page.request.put(`/api/v1/programs/${id}/files/roster`, { headers: { ...headers, "Content-Type": "text/csv" }, data: roster });
  expect(imported.status()).toBe(200);
  return id;
}

for (const [name, viewport] of [["a laptop", { width: 1280, height: 800 }], ["a phone", { width: 390, height: 844 }]]) {
  test(`every planner page is accessible and fits on ${name}`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(viewport);
    await page.goto("/planner");
    await signIn(page);
    await expect(page.getByRole("button", { name: "Afmelden" })).toBeVisible();
    // A files page with an import listed: its table must scroll within the page, not widen it.
    const id = await programWithAnImport(page);
    const pages = [...PAGES, { path: `/planner/programs/${id}/files`, ready: (p) => p.getByRole("cell", { name: /roster\.csv/ }) }];
    const titles = new Set();
    for (const { path, ready } of pages) {
      await page.goto(path);
      await expect(ready(page).first()).toBeVisible();
      // The browser tab names the page, so tabs, history and bookmarks tell pages apart.
      await expect(page).toHaveTitle(/^\S.* — Wavegate$/);
      titles.add(await page.title());
      if (path === "/planner/programs/demo") {
        // The thresholds are folded away: open them, they must fit too.
        await page.getByText("Drempels (standaard, of eigen waarden)").click();
        await expect(page.getByText(/^Standaard: onvoldoende 0,85, voldoende 0,95/).first()).toBeVisible();
        // Numbers read as a Dutch planner writes them, as the hint's example does.
        await expect(page.locator("#f-confidence")).toHaveValue("0,8");
      }
      if (path.endsWith("/results")) {
        // Every group's questions open, their charts must fit too.
        for (const d of await page.locator("details.segment").all()) await d.locator("summary").click();
      }
      await audit(page);
      await expectNoHorizontalScroll(page);
      const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
      expect(width, `${path} is no wider than the screen`).toBeLessThanOrEqual(viewport.width);
    }
    // One title per kind of page (the results share their survey's tab, a module its training's).
    expect(titles.size).toBeGreaterThanOrEqual(8);
  });
}

test("a program form with rules broken shows every problem at its field at once and sends nothing", async ({ page }) => {
  await page.goto("/planner/new-program");
  await signIn(page);
  // An empty form: its name, the wave's id and both dates, all at once, not in rounds.
  await page.getByRole("button", { name: "Programma aanmaken" }).click();
  for (const id of ["f-name", "f-wave-0-id", "f-wave-0-start", "f-wave-0-end"]) {
    await expect(page.locator(`#${id}`), id).toHaveAttribute("aria-invalid", "true");
  }
  // Each problem goes as soon as its field is right, before the next attempt.
  await page.locator("#f-name").fill("Foutje");
  await expect(page.locator("#f-name")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#f-wave-0-id")).toHaveAttribute("aria-invalid", "true");
  await page.locator("#f-wave-0-id").fill("pilot");
  await expect(page.locator("#f-wave-0-id")).not.toHaveAttribute("aria-invalid", "true");
  await page.locator("#f-wave-0-start").fill("2027-02-10");
  await page.locator("#f-wave-0-end").fill("2027-02-01");
  await page.locator("#f-faq").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Programma aanmaken" }).click();
  await expect(page.getByText("Niet alles klopt; er is niets opgeslagen.")).toBeVisible();
  await expect(page.locator("#f-wave-0-end")).toHaveAttribute("aria-invalid", "true");
  // Its dates as a person reads them, in the page's language.
  await expect(page.locator("#f-wave-0-end-error")).toContainText("(1 februari 2027) op of na de begindatum (10 februari 2027)");
  await expect(page.locator("#f-wave-0-end")).toBeFocused();
  // The link's problem is shown by the same attempt, not the next one.
  await expect(page.locator("#f-faq")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#f-faq-error")).toBeVisible();
  await page.locator("#f-faq").fill("");
  await audit(page);
  await page.locator("#f-confidence").fill("heel zeker");
  await page.getByRole("button", { name: "Programma aanmaken" }).click();
  await expect(page.locator("#f-confidence-error")).toHaveText("Vul een getal in, bijvoorbeeld 12 of 0,85.");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.locator("#f-confidence-error")).toHaveText("Enter a number, for example 12 or 0.85.");
  const programs = await page.request.get("/api/v1/programs");
  expect((await programs.json()).some((p) => p.name === "Foutje")).toBe(false);
});

test("too many wrong passwords are answered calmly with the seconds to wait", async ({ page }) => {
  await page.goto("/planner");
  // A fresh address per run is not possible: a made-up account keeps the limit to itself.
  for (let i = 0; i < 6; i++) {
    await signIn(page, { email: "nobody-throttled@demo.invalid", password: `wrong password ${i}` });
    await expect(page.getByRole("button", { name: "Aanmelden" })).toBeEnabled();
  }
  await expect(page.getByRole("status")).toContainText(/probeer het over \d+ seconden opnieuw/);
});

test("a wave renamed under its roster is saved after a question and with a warning, and readiness names the file and line instead of failing to load", async ({ page, request }) => {
  const headers = await planner(request);
  let res = await request.post("/api/v1/programs", {
    headers: { ...headers, "Content-Type": "application/toml" },
    data: `name = "Hernoemd e2e ${Date.now()}"\n[[wave]]\nid = "pilot"\nstart = 2027-01-11\nend = 2027-01-29\n[[wave]]\nid = "wave-1"\nstart = 2027-03-01\nend = 2027-03-19\n`,
  });
  expect(res.status()).toBe(201);
  const { id } = await res.json();
  const people = [1, 2, 3, 4, 5, 6].map((i) => `p00${i},${i <= 3 ? "pilot" : "wave-1"}`);
  res = await request.put(`/api/v1/programs/${id}/files/roster`, { headers: { ...headers, "Content-Type": "text/csv" }, data: "person_id,wave\n" + people.join("\n") + "\n" });
  expect(res.status()).toBe(200);

  await page.goto(`/planner/programs/${id}`);
  await signIn(page);
  await page.locator("#f-wave-1-id").fill("golf-1");
  // Asked first, with how many people of the roster the old wave holds (3: fewer than 5).
  // Answered by a handler, not after the click: the question blocks the page, and a click
  // waiting for the page to settle would wait for an answer that never came.
  const asked = [];
  page.once("dialog", async (dialog) => {
    asked.push(dialog.message());
    await dialog.accept();
  });
  await page.getByRole("button", { name: "Programma opslaan" }).click();
  await expect(page.locator("#program-saved")).toBeVisible();
  expect(asked).toHaveLength(1);
  expect(asked[0]).toContain("wave-1 met minder dan 5 mensen");
  const misfit = page.locator(".roster-misfit");
  await expect(misfit).toContainText("Let op: de personeelslijst past niet meer bij het programma");
  // Read first: focus is on the warning, not left on the button.
  await expect(misfit).toBeFocused();
  // The first row of the old wave: line 5 (the header is line 1), its wave column.
  await expect(misfit.locator(".file-problem-place")).toHaveText("roster.csv, regel 5, kolom 2 (wave)");
  await expect(misfit.locator(".file-problem-message")).toContainText("golf-1");
  await audit(page);

  await page.goto(`/planner/programs/${id}/readiness?at=2027-02-01`);
  const card = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "De bestanden passen niet bij elkaar" }) });
  await expect(card).toBeVisible();
  await expect(card.locator(".file-problem-place")).toHaveText("roster.csv, regel 5, kolom 2 (wave)");
  await card.getByRole("link", { name: "Naar het programma" }).click();
  await expect(page).toHaveURL(new RegExp(`/planner/programs/${id}$`));
});
