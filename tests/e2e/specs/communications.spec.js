// The communication plan: a planner follows a dashboard action's "plan this message" to the
// form filled in, plans messages for a wave and a segment of a program with `wavegate demo-data`'s
// files (dated up to today, so their enrollments lie before the server's today), marks one sent
// and reads its reach, worked out here from the same files, in Dutch and English; a small group's
// reach stays hidden; the segment's value is picked from the roster's with its size; edits and
// deletes; axe-core; 390 px. A viewer reads the plan without controls.
const { test, expect } = require("@playwright/test");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { audit, expectNoHorizontalScroll, signIn } = require("./helpers");
const { BIN, VIEWER_EMAIL } = require("./env");

const KINDS = ["roster", "devices", "enrollment_failures", "tickets", "responses", "training"];
const TODAY = new Date().toISOString().slice(0, 10);

/** A program of its own with demo-data's files leading up to today; its id and directory. */
async function demoProgram(page) {
  const dir = fs.mkdtempSync(path.join(process.env.WAVEGATE_E2E_DIR || os.tmpdir(), "comms-"));
  execFileSync(BIN, ["demo-data", "--out", dir, "--people", "300", "--seed", "7", "--at", TODAY], { stdio: "ignore" });
  const { csrf_token } = await (await page.request.get("/api/v1/session")).json();
  const headers = { "X-CSRF-Token": csrf_token };
  const toml = fs.readFileSync(path.join(dir, "program.toml"), "utf8").replace(/^name = .*$/m, `name = "Communicatie e2e ${Date.now().toString(36)}"`);
  const created = await page.request.post("/api/v1/programs", { headers: { ...headers, "Content-Type": "application/toml" }, data: toml });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  for (const kind of KINDS) {
    const res = await page.request.put(`/api/v1/programs/${id}/files/${kind}`, {
      headers: { ...headers, "Content-Type": "text/csv" },
      data: fs.readFileSync(path.join(dir, `${kind}.csv`)),
      timeout: 120_000,
    });
    expect(res.status(), `${kind}: ${await res.text()}`).toBe(200);
  }
  return { id, dir, headers };
}

/** The first day of a wave in the directory's program.toml. */
function waveStart(dir, wave) {
  const toml = fs.readFileSync(path.join(dir, "program.toml"), "utf8");
  const m = toml.match(new RegExp(`id = "${wave}"\\n(?:name = "[^"]*"\\n)?start = "(\\d{4}-\\d{2}-\\d{2})"`));
  return m[1];
}

/** Rows of a CSV file as objects by header (the demo's roster is `;`, its devices `,`). */
function rows(file, sep) {
  const [head, ...lines] = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  const names = head.split(sep);
  return lines.map((l) => Object.fromEntries(l.split(sep).map((v, i) => [names[i], v])));
}

/** Reach worked out from the files: of the wave's people, who first enrolled before `sent`, and
 * who on or after it (up to today). */
function expectedReach(dir, wave, sent) {
  const people = rows(path.join(dir, "roster.csv"), ";").filter((r) => r.Wave === wave);
  const first = new Map();
  for (const d of rows(path.join(dir, "devices.csv"), ",")) {
    const who = (d["Primary user UPN"] || "").toLowerCase();
    const day = (d["Enrollment date"] || "").slice(0, 10);
    if (who && day && day <= TODAY && (!first.has(who) || day < first.get(who))) first.set(who, day);
  }
  let already = 0;
  let reached = 0;
  for (const p of people) {
    const day = first.get(p.Email.toLowerCase());
    if (day && day < sent) already += 1;
    else if (day) reached += 1;
  }
  return { group: people.length, already, reached, outOf: people.length - already, people };
}

test("a planner plans messages from a dashboard action, marks one sent, reads its reach in Dutch and English, edits and deletes", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto("/planner");
  await signIn(page);
  const { id, dir } = await demoProgram(page);

  // The dashboard's message action leads to the plan's form, filled in with its group and text.
  const report = await (await page.request.get(`/api/v1/programs/${id}/readiness?lang=nl`)).json();
  const assisted = report.actions.find((a) => a.kind === "assisted_enrollment");
  expect(assisted, "the demo's report asks for a message (assisted enrollment)").toBeTruthy();
  await page.goto(`/planner/programs/${id}/readiness`);
  await expect(page.locator(".decision-kind")).toBeVisible({ timeout: 60_000 });
  await page.locator("li.action[data-kind='AssistedEnrollment']").first().getByRole("link", { name: "Bericht inplannen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Communicatieplan" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Pagina's van dit programma" }).getByRole("link", { name: "Communicatie" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByLabel("Golf", { exact: true })).toHaveValue(report.next_wave);
  await expect(page.getByLabel("Tekst of toelichting")).toHaveValue(/^Beste collega,/);
  // The subject names the wave as the program does: its id, then its name.
  expect(report.next_wave_name).toBeTruthy();
  await expect(page.getByLabel("Onderwerp")).toHaveValue(`Begeleide inschrijving: de hele ${report.next_wave} (${report.next_wave_name})`);
  // The message asks what the action's evidence measures: enrolling, for assisted enrollment.
  await expect(page.getByLabel("Wat vraagt het bericht?")).toHaveValue("enroll");
  await expect(page.getByRole("link", { name: "Terug naar de gereedheid" })).toHaveAttribute("href", `/planner/programs/${id}/readiness`);

  // Nothing planned yet: no file of headers only is offered.
  await expect(page.getByText("Er zijn nog geen berichten ingepland.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Plan downloaden (CSV)" })).toHaveCount(0);

  // No owner and no planned day: both refused at their fields at once, before anything is
  // sent, the focus on the first.
  await page.getByLabel("Onderwerp").fill("Hulp bij het inschrijven");
  await page.getByRole("button", { name: "Bericht inplannen" }).click();
  await expect(page.locator("#msg-owner-error")).toHaveText("Vul in wie het bericht verstuurt.");
  await expect(page.locator("#msg-planned_on-error")).toHaveText("Kies de datum waarop het bericht gepland is.");
  await expect(page.getByLabel("Eigenaar (wie verstuurt het)")).toBeFocused();
  for (const [label, error] of [["Eigenaar (wie verstuurt het)", "msg-owner-error"], ["Gepland op", "msg-planned_on-error"]]) {
    await expect(page.getByLabel(label)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(label)).toHaveAttribute("aria-describedby", error);
  }
  await expect(page.getByLabel("Onderwerp")).not.toHaveAttribute("aria-invalid", "true");
  await audit(page);
  await page.getByLabel("Eigenaar (wie verstuurt het)").fill("Helpdesk – Joris");
  await page.getByLabel("Gepland op").fill(TODAY);
  await page.getByLabel("Kanaal").selectOption("manager_briefing");
  await page.getByRole("button", { name: "Bericht inplannen" }).click();
  await expect(page.getByText("Het bericht is ingepland.")).toBeFocused();
  // Planned: a reload does not fill the form in again from the address.
  expect(new URL(page.url()).search).toBe("");
  const assistedItem = page.locator("li.message", { hasText: "Hulp bij het inschrijven" });
  await expect(assistedItem).toContainText(`Doelgroep: ${report.next_wave} (`);
  await expect(assistedItem).toContainText("Briefing voor managers · eigenaar: Helpdesk – Joris · doel: Toestel inschrijven");
  await expect(assistedItem.locator(".reach")).toContainText("Nog niet verstuurd");
  await expect(page.getByRole("button", { name: "Plan downloaden (CSV)" })).toBeEnabled();

  // A message to wave-1 a week into the wave, to enroll: planned, then marked sent on that day.
  const sent = new Date(Date.parse(waveStart(dir, "wave-1")) + 7 * 86_400_000).toISOString().slice(0, 10);
  const expected = expectedReach(dir, "wave-1", sent);
  expect(expected.group).toBeGreaterThanOrEqual(5);
  expect(expected.already, "some enrolled before the message").toBeGreaterThan(0);
  expect(expected.reached, "some enrolled after it").toBeGreaterThan(0);
  await page.getByLabel("Golf", { exact: true }).selectOption("wave-1");
  await expect(page.locator("#msg-size")).toHaveText(`Deze groep: ${expected.group} mensen`);
  await page.getByLabel("Eigenaar (wie verstuurt het)").fill("Communicatie – Anna");
  await page.getByLabel("Wat vraagt het bericht?").selectOption("enroll");
  await page.getByLabel("Gepland op").fill(sent);
  await page.getByLabel("Onderwerp").fill("Schrijf je toestel deze week in");
  await page.getByLabel("Tekst of toelichting").fill("Regel één\n<b>geen opmaak</b>");
  await page.getByRole("button", { name: "Bericht inplannen" }).click();
  await expect(page.getByText("Het bericht is ingepland.")).toBeVisible();
  const wave1 = page.locator("li.message", { hasText: "Schrijf je toestel deze week in" });
  await expect(wave1.locator(".message-note b")).toHaveCount(0);
  await expect(wave1.locator(".message-note")).toContainText("<b>geen opmaak</b>");
  await wave1.getByLabel("Verstuurd op", { exact: true }).fill(sent);
  await wave1.getByRole("button", { name: "Markeer als verstuurd" }).click();
  await expect(page.getByText("Het bericht is als verstuurd gemarkeerd.")).toBeFocused();
  await expect(wave1).toHaveAttribute("data-reach", "measured");
  const pct = Math.round((100 * expected.reached) / expected.outOf);
  await expect(wave1.locator(".reach")).toContainText(
    `${expected.reached} van de ${expected.outOf} die het nog moesten doen (${pct}%, 80%-interval: `,
  );
  // Dutch says one person's act in the singular.
  const enrolled = expected.reached === 1 ? "schreef" : "schreven";
  const had = expected.already === 1 ? "had" : "hadden";
  await expect(wave1.locator(".reach")).toContainText(`${enrolled} een toestel in na het bericht; ${expected.already} ${had} dat al gedaan.`);
  await expect(wave1.getByRole("button", { name: "Markeer als verstuurd" })).toHaveCount(0);

  // A department of wave-1 with fewer than 5 people: its reach is not shown, its size neither.
  const sizes = new Map();
  for (const p of expected.people) sizes.set(p.Department, (sizes.get(p.Department) || 0) + 1);
  const [small, smallSize] = [...sizes].find(([, n]) => n < 5);
  await page.getByLabel("Golf", { exact: true }).selectOption("wave-1");
  await page.getByLabel("Kenmerk 1").selectOption("department");
  // The value from the roster's departments, each with its people in wave-1, the small one
  // without its number; the group's size under the picker.
  const value1 = page.getByLabel("Waarde 1");
  const [big, bigSize] = [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  await expect(value1.locator("option").nth(1)).toHaveText(`${big} — ${bigSize} mensen`);
  await expect(value1.getByRole("option", { name: `${small} — minder dan 5`, exact: true })).toHaveCount(1);
  await value1.selectOption(big);
  await expect(page.locator("#msg-size")).toHaveText(`Deze groep: ${bigSize} mensen`);
  await value1.selectOption(small);
  await expect(page.locator("#msg-size")).toHaveText("Deze groep: minder dan 5 mensen");
  await expect(page.locator("#msg-size")).not.toContainText(String(smallSize));
  await page.getByLabel("Eigenaar (wie verstuurt het)").fill("HR – Sam");
  await page.getByLabel("Wat vraagt het bericht?").selectOption("enroll");
  await page.getByLabel("Gepland op").fill(sent);
  await page.getByLabel("Verstuurd op (leeg: nog niet verstuurd)").fill(sent);
  await page.getByLabel("Onderwerp").fill(`Bericht voor ${small}`);
  await page.getByRole("button", { name: "Bericht inplannen" }).click();
  const smallItem = page.locator("li.message", { hasText: `Bericht voor ${small}` });
  await expect(smallItem).toHaveAttribute("data-reach", "suppressed");
  await expect(smallItem.locator(".reach")).toHaveText("Bereik: Niet getoond: de doelgroep telt minder dan 5 mensen.");
  await expect(smallItem.locator(".reach")).not.toContainText(String(smallSize));
  await audit(page);

  // English: the same plan and reach in the other language.
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Communication plan" })).toBeVisible();
  await expect(wave1.locator(".reach")).toContainText(
    `${expected.reached} of the ${expected.outOf} who still had to (${pct}%, 80% interval: `,
  );
  await expect(wave1.locator(".reach")).toContainText(`enrolled a device after the message; ${expected.already} had done so already.`);
  await expect(smallItem.locator(".reach")).toContainText("Not shown: the target group has fewer than 5 people.");

  // Editing fills the form in; a change of owner is stored.
  await smallItem.getByRole("button", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: `Edit message: Bericht voor ${small}` })).toBeFocused();
  await expect(page.getByLabel("Value 1")).toHaveValue(small);
  await expect(page.getByLabel("Value 1").locator("option:checked")).toHaveText(`${small} — fewer than 5`);
  await expect(page.locator("#msg-size")).toHaveText("This group: fewer than 5 people");
  await page.getByLabel("Owner (who sends it)").fill("HR – Kim");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("The message was changed.")).toBeFocused();
  await expect(smallItem).toContainText("owner: HR – Kim");
  await expect(page.getByRole("heading", { name: "Plan a message" })).toBeVisible();

  // Deleting asks first; cancelling keeps it, focus back on its button; then by keyboard.
  const deleteButton = smallItem.getByRole("button", { name: "Delete…" });
  await deleteButton.click();
  await expect(page.getByRole("heading", { name: "Delete this message?" })).toBeFocused();
  await audit(page);
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(deleteButton).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Delete this message?" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Yes, delete" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("The message was deleted.")).toBeFocused();
  await expect(page.locator("li.message", { hasText: `Bericht voor ${small}` })).toHaveCount(0);
  await expect(page.locator("li.message")).toHaveCount(2);
  // By planned day: wave-1's message (weeks ago) before the one planned today.
  const subjects = await page.locator("li.message h3").allTextContents();
  expect(subjects).toEqual(["Schrijf je toestel deze week in", "Hulp bij het inschrijven"]);

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await audit(page);

  // A training action's message asks people to start the training: the link says so, the form
  // reads it back (the English page, as the language was switched above).
  await page.goto(`/planner/programs/${id}/communications?wave=${report.next_wave}&purpose=start_training&subject=Training&note=Dear%20colleague#plan-message`);
  await expect(page.getByLabel("What does the message ask?")).toHaveValue("start_training");
  await expect(page.getByLabel("Subject", { exact: true })).toHaveValue("Training");
});

test("a viewer reads the plan and its reach without any control", async ({ page }) => {
  await page.goto("/planner");
  await signIn(page);
  const { id, headers } = await demoProgram(page);
  const res = await page.request.post(`/api/v1/programs/${id}/communications`, {
    headers,
    data: { wave: "pilot", channel: "intranet", owner: "Communicatie", purpose: "answer_survey", planned_on: TODAY, sent_on: TODAY, subject: "Vul de pilotvragenlijst in" },
  });
  expect(res.status()).toBe(201);
  await page.getByRole("button", { name: "Afmelden" }).click();
  await signIn(page, { email: VIEWER_EMAIL });
  await page.goto(`/planner/programs/${id}/communications`);
  const item = page.locator("li.message", { hasText: "Vul de pilotvragenlijst in" });
  await expect(item).toContainText("Intranet · eigenaar: Communicatie · doel: Vragenlijst invullen");
  await expect(item).toHaveAttribute("data-reach", "measured");
  await expect(page.getByRole("heading", { name: "Een bericht inplannen" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Markeer als verstuurd" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Wijzigen" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Verwijderen…" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Plan downloaden (CSV)" })).toBeEnabled();
  await audit(page);
});
