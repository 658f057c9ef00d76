// The planner's Training tab (Dutch, on a phone): publish a built-in module, see an uploaded one
// refused with its JSON paths before anything is sent, assign the module to a wave, download the trainees' links, see
// results per group with the small group hidden, preview a substantive new version (its change
// notes), publish it and see who must re-study, revoke a wave's training links after a confirmation; a viewer sees the same
// pages without write controls. axe-core finds nothing,
// nothing scrolls sideways.
const { test, expect } = require("@playwright/test");
const { audit, download, expectNoHorizontalScroll, planner, signIn, withLessonBodies } = require("./helpers");
const { VIEWER_EMAIL } = require("./env");

/** A program of its own with 6 Windows and 2 macOS people in the pilot wave; its id. */
async function programWithRoster(request) {
  const headers = await planner(request);
  let res = await request.post("/api/v1/programs", {
    headers: { ...headers, "Content-Type": "application/toml" },
    data: `name = "Training planner e2e ${Date.now()}"\n[[wave]]\nid = "pilot"\nstart = 2027-01-11\nend = 2027-01-29\n`,
  });
  expect(res.status()).toBe(201);
  const { id } = await res.json();
  const people = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => `p00${i};p00${i}@example.org;pilot;${i <= 6 ? "Windows" : "macOS"};Person ${i}`);
  res = await request.put(`/api/v1/programs/${id}/files/roster`, {
    headers: { ...headers, "Content-Type": "text/csv" },
    data: "person_id;email;wave;platform;name\n" + people.join("\n") + "\n",
  });
  expect(res.status()).toBe(200);
  return id;
}

/** A trainee reads every lesson of the version assigned (as their app would sync it); their module. */
async function readEveryLesson(request, token) {
  let res = await request.get(`/api/v1/train/${token}`);
  expect(res.ok()).toBeTruthy();
  const module = withLessonBodies((await res.json()).modules[0].module);
  const views = module.lessons.map((l) => ({ id: `view-${module.version}-${l.id}`, version: module.version, lesson: l.id, at: new Date().toISOString() }));
  res = await request.post(`/api/v1/train/${token}/modules/${module.id}/sync`, { data: { views } });
  expect(res.ok()).toBeTruthy();
  return module;
}

test("a planner publishes, assigns and follows a module, and sees who must re-study a new version", async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const program = await programWithRoster(request);
  await page.goto(`/planner/programs/${program}/training`);
  await signIn(page);
  await expect(page.getByText("Dit programma heeft nog geen trainingsmodules.")).toBeVisible();
  // No training records imported from another platform: nothing about them.
  await expect(page.locator("#imported-training")).toHaveCount(0);
  await audit(page);
  await expectNoHorizontalScroll(page);

  // An uploaded module that breaks rules: nothing published, the problems with their paths.
  await page.locator("#module-file").setInputFiles({
    name: "kapot.json", mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ format: "wavegate.module/1", id: "kapot", version: 1 })),
  });
  await expect(page.getByText("De module klopt niet; er is niets gepubliceerd.")).toBeVisible();
  await expect(page.locator(".survey-problems code").first()).toBeVisible();
  // Checked in the browser: no preview, nothing to publish, and the list is as it was.
  await expect(page.locator(".definition-preview")).toHaveCount(0);
  await expect(page.getByText("Dit programma heeft nog geen trainingsmodules.")).toBeVisible();
  await audit(page);

  // A built-in one: every version of it, the latest named (version 2 rewrote its quiz feedback,
  // version 3 named the helpdesk as the rest of Wavegate does).
  await page.getByLabel("Ingebouwde module").selectOption("get-help");
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.locator("#module-published")).toContainText("Waar je hulp krijgt versie 3 is gepubliceerd.");
  await expect(page.locator("[data-module='get-help']")).toContainText("versie 3");
  await page.getByRole("link", { name: "Toewijzen en resultaten" }).click();

  // Assign to the pilot wave, then the links file.
  await page.getByLabel("Golf", { exact: true }).selectOption("pilot");
  await page.getByRole("button", { name: "Toewijzen" }).click();
  await expect(page.locator("#assign-result")).toContainText("8 mensen in de selectie");
  await expect(page.locator("#assign-result")).toContainText("8 nieuwe links");
  const file = await download(page, () => page.getByRole("button", { name: "Links downloaden (CSV)" }).click());
  expect(file.name).toBe("get-help-links.csv");
  // Opens in Dutch Excel by double-click: a byte-order mark and semicolons, as the survey's mail merge.
  const text = file.bytes.toString("utf8");
  expect(text.startsWith("\ufeff")).toBe(true);
  const lines = text.slice(1).trim().split(/\r?\n/);
  expect(lines).toHaveLength(9);
  const head = lines[0].split(";");
  const link = lines.find((l) => l.includes("p001")).split(";")[head.indexOf("link")];

  // Results: the wave's 8 shown; macOS (2) too small, and so Windows, or it could be worked out.
  await expect(page.locator("tr[data-group='wave=pilot']")).toContainText("8");
  await expect(page.locator("tr[data-group='platform=macOS']")).toContainText("minder dan 5 mensen");
  await expect(page.locator("tr[data-group='platform=Windows']")).toContainText("verborgen naast een kleine groep");
  await expect(page.getByText("Niemand hoeft iets opnieuw te bestuderen in versie 3.")).toBeVisible();
  await audit(page);
  await expectNoHorizontalScroll(page);

  // p001 read every lesson; a substantive change to one lesson asks only that of them.
  const module = await readEveryLesson(request, new URL(link).pathname.split("/").pop());
  const next = JSON.parse(JSON.stringify(module));
  next.version = module.version + 1;
  const lesson = next.lessons[0];
  lesson.body.nl += `\n\nBijgewerkt in versie ${next.version}.`;
  lesson.body.en += `\n\nUpdated in version ${next.version}.`;
  next.changes = [{ lesson: lesson.id, kind: "substantive", note: { nl: "Nieuwe stap.", en: "A new step." } }];
  await page.locator("#version-file").setInputFiles({
    name: `get-help-${next.version}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(next)),
  });
  // Picking previews the version, its change notes by lesson title; nothing is published yet.
  const preview = page.locator(".definition-preview");
  await expect(preview.getByRole("heading", { level: 3 })).toBeFocused();
  await expect(preview).toContainText("Er is nog niets gepubliceerd");
  const fact = (label) => preview.locator(".facts > div", { has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");
  await expect(fact("Versie")).toHaveText(String(next.version));
  await expect(fact("Lessen")).toHaveText(String(next.lessons.length));
  await expect(fact("Quizvragen")).toHaveText(next.quiz ? String(next.quiz.questions.length) : "geen quiz");
  await expect(fact("Wijzigingen")).toHaveText(`${lesson.title.nl} (inhoudelijk): Nieuwe stap.`);
  // Every published version listed, nothing of the one previewed yet.
  await expect(page.locator(".version-list li")).toHaveCount(module.version);
  await audit(page);
  await expectNoHorizontalScroll(page);
  await preview.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.locator("#module-published")).toContainText(`${next.title.nl} versie ${next.version} is gepubliceerd.`);
  await expect(page.locator("#module-published")).toContainText("1 persoon moet iets opnieuw bestuderen.");
  // Lessons and topics by their titles in the page's language, never their ids; one trainee
  // in the singular; the version's date in words.
  const row = page.locator("tr[data-person='p001']");
  await expect(row).toContainText(lesson.title.nl);
  await expect(row).not.toContainText(lesson.id);
  for (const topic of next.topics) await expect(row).not.toContainText(topic.id);
  await expect(page.getByText(`1 deelnemer moet iets opnieuw doen in versie ${next.version}.`)).toBeVisible();
  const versions = page.locator(".version-list li");
  await expect(versions.first()).toContainText(`inhoudelijk gewijzigd: ${lesson.title.nl}`);
  await expect(versions.first()).toContainText(new RegExp(`^versie ${next.version}, gepubliceerd op \\d{1,2} [a-z]+ \\d{4}, \\d{2}:\\d{2}`));
  await expect(versions.first()).not.toContainText(/\d{4}-\d{2}-\d{2}T/);
  await expect(page.locator("table.training-results")).not.toContainText(/\b(steps|why|self_service|service_desk): /);
  await audit(page);
  await expectNoHorizontalScroll(page);
});

test("a planner sees the training records imported from another learning platform, per module, small ones without counts", async ({ page, request }) => {
  const program = await programWithRoster(request);
  const headers = await planner(request);
  let res = await request.post(`/api/v1/programs/${program}/modules`, { headers, data: { builtin: "get-help" } });
  expect(res.status()).toBe(201);
  const rows = ["person_id,module_id,status,attempts,passed"];
  for (let i = 1; i <= 6; i++) rows.push(`p00${i},get-help,${i <= 3 ? "completed,1,true" : "assigned,,"}`);
  for (let i = 1; i <= 2; i++) rows.push(`p00${i},lms-privacy,completed,1,true`);
  res = await request.put(`/api/v1/programs/${program}/files/training`, { headers: { ...headers, "Content-Type": "text/csv" }, data: rows.join("\n") + "\n" });
  expect(res.status()).toBe(200);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/planner/programs/${program}/training`);
  await signIn(page);
  const card = page.locator("#imported-training");
  await expect(card.getByRole("heading", { name: "Geïmporteerde trainingsgegevens" })).toBeVisible();
  await expect(card).toContainText("Uit training.csv, geïmporteerd op");
  // A module published here by its title; counts per person, once.
  const getHelp = card.locator("tr[data-module='get-help']");
  await expect(getHelp.locator("th")).toContainText("(get-help)");
  await expect(getHelp.locator("td")).toHaveText(["6", "3", "3", "50%", "3"]);
  // Two people only: no counts, and the note says why.
  await expect(card.locator("tr[data-module='lms-privacy'] th")).toHaveText("lms-privacy");
  await expect(card.locator("tr[data-module='lms-privacy'] td")).toHaveText(["—", "—", "—", "—", "—"]);
  await expect(card.locator(".suppressed-note")).toContainText("minder dan 5 mensen");
  await card.getByRole("link", { name: "Vervangen op de pagina Bestanden" }).click();
  await expect(page).toHaveURL(new RegExp(`/planner/programs/${program}/files`));
  await page.goBack();
  await expect(card).toBeVisible();
  await audit(page);
  await expectNoHorizontalScroll(page);
});

test("a viewer sees the training pages without any control that changes something", async ({ page, request }) => {
  const program = await programWithRoster(request);
  const headers = await planner(request);
  const res = await request.post(`/api/v1/programs/${program}/modules`, { headers, data: { builtin: "get-help" } });
  expect(res.status()).toBe(201);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/planner/programs/${program}/training`);
  await signIn(page, { email: VIEWER_EMAIL });
  await expect(page.locator("[data-module='get-help']")).toBeVisible();
  await expect(page.getByRole("button", { name: "Publiceren" })).toBeDisabled();
  await expect(page.locator("#module-file")).toBeDisabled();
  await expect(page.locator("#revoke-wave")).toBeDisabled();
  await page.goto(`/planner/programs/${program}/training/get-help`);
  await expect(page.getByRole("button", { name: "Toewijzen" })).toBeDisabled();
  await expect(page.locator("#version-file")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Links downloaden (CSV)" })).toHaveCount(0);
  await expect(page.getByText(/Als kijker zie je wie de module heeft gekregen en hoe ver iedereen is, maar niet de traininglinks zelf/)).toBeVisible();
  await audit(page);
});

test("a planner revokes a wave's training links after confirming, and the links file shows their last day", async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const program = await programWithRoster(request);
  const headers = await planner(request);
  let res = await request.post(`/api/v1/programs/${program}/modules`, { headers, data: { builtin: "get-help" } });
  expect(res.status()).toBe(201);
  res = await request.post(`/api/v1/programs/${program}/modules/get-help/assignments`, { headers, data: { wave: "pilot" } });
  expect(res.status()).toBe(201);
  res = await request.get(`/api/v1/programs/${program}/modules/get-help/links.csv`, { headers });
  const lines = (await res.text()).trim().split(/\r?\n/);
  const head = lines[0].split(",");
  const first = lines[1].split(",");
  // The pilot ends 2027-01-29: its links open through 30 days later (30 days from today, UTC,
  // once it has ended: a default last day is never past).
  const end = Math.max(Date.parse("2027-01-29"), Date.parse(new Date().toISOString().slice(0, 10)));
  const lastDay = new Date(end + 30 * 86_400_000).toISOString().slice(0, 10);
  expect(first[head.indexOf("expires_on")]).toBe(lastDay);
  expect(first[head.indexOf("revoked_at")]).toBe("");
  const token = new URL(first[head.indexOf("link")]).pathname.split("/").pop();

  await page.goto(`/planner/programs/${program}/training`);
  await signIn(page);
  await page.getByLabel("Golf", { exact: true }).selectOption("pilot");
  await page.getByRole("button", { name: "Links van deze golf intrekken…" }).click();
  await expect(page.getByText("Alle traininglinks van golf pilot intrekken?", { exact: false })).toBeVisible();
  await audit(page);
  await expectNoHorizontalScroll(page);
  // Cancelling changes nothing.
  await page.getByRole("button", { name: "Annuleren" }).click();
  expect((await request.get(`/api/v1/train/${token}`)).status()).toBe(200);

  await page.getByRole("button", { name: "Links van deze golf intrekken…" }).click();
  await page.getByRole("button", { name: "Ja, intrekken" }).click();
  await expect(page.locator("#revoke-result")).toContainText("8 traininglinks van golf pilot ingetrokken.");
  await audit(page);
  expect((await request.get(`/api/v1/train/${token}`)).status()).toBe(410);
  // Again: nothing more to revoke.
  await page.getByRole("button", { name: "Links van deze golf intrekken…" }).click();
  await page.getByRole("button", { name: "Ja, intrekken" }).click();
  await expect(page.locator("#revoke-result")).toContainText("0 traininglinks van golf pilot ingetrokken.");
});
