// The readiness dashboard as a planner and a viewer use it: a program with `wavegate demo-data`'s
// files (its planted iOS problem), the SPLIT decision with its evidence and the iOS group held,
// the iOS group invited through its action, a training action's group assigned its module, the
// heatmap's drill-down by keyboard, the printable report (with a lesson at its end), today's stored evaluation in the trend,
// axe-core, 390 px; one segment's readiness picked in the trend; and the render time of a report
// with some 150 segments.
const { test, expect } = require("@playwright/test");
const { execFileSync } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { audit, download, expectNoHorizontalScroll, signIn } = require("./helpers");
const { BIN, VIEWER_EMAIL } = require("./env");

// The date the demo data leads up to (the CLI's own test of demo-data splits on it).
const AT = "2027-03-01";
const KINDS = ["roster", "devices", "enrollment_failures", "tickets", "responses", "training"];

function demoData(people, seed, at = AT) {
  const dir = fs.mkdtempSync(path.join(process.env.WAVEGATE_E2E_DIR || os.tmpdir(), "dashboard-"));
  execFileSync(BIN, ["demo-data", "--out", dir, "--people", String(people), "--seed", String(seed), "--at", at], { stdio: "ignore" });
  return dir;
}

/** Creates a program from the directory's program.toml and imports its files, as the signed-in page. */
async function createProgram(page, dir, name, { depth } = {}) {
  const { csrf_token } = await (await page.request.get("/api/v1/session")).json();
  const headers = { "X-CSRF-Token": csrf_token };
  const toml = fs.readFileSync(path.join(dir, "program.toml"), "utf8").replace(/^name = .*$/m, `name = "${name}"${depth ? `\nsegment_depth = ${depth}` : ""}`);
  const created = await page.request.post("/api/v1/programs", { headers: { ...headers, "Content-Type": "application/toml" }, data: toml });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  for (const kind of KINDS) {
    const res = await page.request.put(`/api/v1/programs/${id}/files/${kind}`, {
      headers: { ...headers, "Content-Type": "text/csv" },
      data: fs.readFileSync(path.join(dir, `${kind}.csv`)),
      timeout: 300_000,
    });
    expect(res.status(), `${kind}: ${await res.text()}`).toBe(200);
  }
  const survey = await page.request.post(`/api/v1/programs/${id}/surveys`, { headers, data: { template: "pilot-feedback" } });
  expect([200, 201]).toContain(survey.status());
  return id;
}

/** At the page's size (a phone's larger chart type), no label of any chart runs off it. */
async function expectChartLabelsInside(page) {
  const cut = await page.evaluate(() => [...document.querySelectorAll("svg.chart")].flatMap((svg) => {
    const box = svg.viewBox.baseVal;
    return [...svg.querySelectorAll("text")]
      .map((t) => ({ text: t.textContent, b: t.getBBox() }))
      .filter(({ b }) => b.width > 0 && (b.x < box.x - 1 || b.x + b.width > box.x + box.width + 1))
      .map(({ text }) => text);
  }));
  expect(cut).toEqual([]);
}

/** Opens the dashboard on today's date, then picks the demo's date as a planner would. */
async function openReadiness(page, id) {
  await page.goto(`/planner/programs/${id}/readiness`);
  await expect(page.locator(".decision-kind, .card.notice, [role='alert']").first()).toBeVisible({ timeout: 60_000 });
  await page.getByLabel("Beoordelen op datum").fill(AT);
  await expect(page).toHaveURL(new RegExp(`/readiness\\?at=${AT}$`));
  await expect(page.locator(".decision-kind")).toBeVisible({ timeout: 60_000 });
  await expect(page.locator(".provenance-line")).toBeVisible();
  // Times are written as dates are, in the page's language: "30 november 2026, 14:08".
  await expect(page.locator(".provenance-line")).toContainText(/Berekend op \d{1,2} [a-z]+ \d{4}, \d{2}:\d{2} uit program\.toml, roster\.csv, .* en [a-z_]+\.csv\./);
}

test("a planner reads the SPLIT decision, invites the held iOS group, prints the report; a viewer reads it", async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  // Seed 4: iOS and Finance held, and a failing dimension among the segments shown.
  const dir = demoData(800, 11);
  const name = `Dashboard e2e ${Date.now().toString(36)}`;
  await page.goto("/planner");
  await signIn(page);
  await expect(page.getByRole("link", { name: "Nieuw programma" })).toBeVisible();
  const id = await createProgram(page, dir, name);
  const report = await (await page.request.get(`/api/v1/programs/${id}/readiness?at=${AT}&lang=nl`)).json();
  expect(report.decision.kind).toBe("split");
  const ios = report.segments.find((s) => JSON.stringify(s.segment) === JSON.stringify({ platform: "iOS" }));

  await openReadiness(page, id);
  await expect(page.getByRole("link", { name: "Gereedheid" })).toHaveAttribute("aria-current", "page");
  // What the report says about its data is on the dashboard too (demo exports have rows of
  // devices nobody in the roster owns).
  expect(report.notes.length).toBeGreaterThan(0);
  await expect(page.locator("section.data-notes li")).toHaveText(report.notes);
  await expect(page.locator("section.data-notes")).toContainText("rijen in devices.csv horen bij niemand in roster.csv");
  const decision = page.locator("section.decision");
  // The decision first, as a sentence, with its confidence and evidence.
  await expect(decision.locator(".decision-kind")).toHaveText("Splitsen");
  // The title names the wave as planners know it: its id, then its name from program.toml.
  expect(report.next_wave_name).toBe("Hoofdkantoor");
  await expect(decision.locator("#decision-title")).toHaveText(`Besluit voor ${report.next_wave} (Hoofdkantoor)`);
  await expect(decision.locator(".decision-sentence")).toContainText(
    `Start ${report.next_wave} met ${report.decision.recommended_size} van de ${report.decision.planned_size} mensen en laat`,
  );
  await expect(decision.locator(".decision-sentence")).toContainText("platform iOS");
  await expect(decision).toContainText("Zekerheid van dit besluit:");
  // The figure is of the people who go, and says which dimensions it rests on.
  const r = report.decision.readiness;
  await expect(decision).toContainText(`Gereedheid van wie doorgaat: ${r.estimate} (voorzichtig: ${r.conservative}) van 100. Beoordeeld: `);
  await expect(decision.locator(".segments").first()).toContainText("platform iOS");
  // Departments go ahead while iOS users wait: the list of who goes says that those wait too.
  expect(report.decision.hold.some((h) => "platform" in h && !("department" in h))).toBe(true);
  expect(report.decision.proceed.some((p) => "department" in p && !("platform" in p))).toBe(true);
  await expect(decision.locator(".except-held")).toHaveText("Behalve wie ook in een aangehouden groep valt.");
  // The next wave's people in groups not shown on their own are in neither list: said where they go.
  expect(report.suppressed.some((g) => g.group === "next_wave"), "the demo's next wave has small groups").toBe(true);
  await expect(decision.locator(".small-groups-go")).toContainText("gaat door, tenzij een aangehouden groep die persoon omvat");
  const evidence = decision.locator("table.evidence tbody tr");
  // Every gate and every failing dimension is evidence: a segment held for its dimension
  // (the demo's planted desire problem) shows what holds it, as a gated one does.
  await expect(evidence).toHaveCount(report.gates.length + report.dimension_failures.length);
  expect(report.dimension_failures.length).toBeGreaterThan(0);
  const failures = evidence.and(page.locator("[data-dimension-failure]"));
  await expect(failures).toHaveCount(report.dimension_failures.length);
  for (const [i, f] of report.dimension_failures.entries()) {
    await expect(failures.nth(i)).toContainText(f.explanation);
    // n says what it counts: "21 mensen", "378 persoonsweken".
    await expect(failures.nth(i).locator("td.num").nth(2)).toHaveText(new RegExp(`^${f.n} \\p{L}+$`, "u"));
  }
  const iosGate = evidence.filter({ has: page.locator("th", { hasText: /^platform iOS$/ }) }).first();
  await expect(iosGate).toContainText("80%");
  await expect(iosGate.locator("td.num").nth(2)).toHaveText(`${report.gates.find((g) => JSON.stringify(g.scope) === '{"platform":"iOS"}').n} mensen`);
  // The helpdesk gate reads in its own unit, tickets a day, with the forecast's median as its
  // estimate and n in person-weeks (it once showed the ticket rate's name per 100 people
  // beside tickets a day, with the interval's top as estimate).
  const helpdesk = report.gates.find((g) => g.id === "helpdesk_capacity");
  expect(helpdesk, "the demo's wave is more than its helpdesk carries").toBeTruthy();
  expect(helpdesk.estimate).toBe(report.helpdesk_forecast.tickets_per_day_median);
  const helpdeskRow = evidence.filter({ hasText: "capaciteit helpdesk: verwachte uitroltickets per dag" });
  await expect(helpdeskRow.locator("td.num").nth(0)).toHaveText(helpdesk.estimate.toFixed(2).replace(".", ","));
  await expect(helpdeskRow.locator("td.num").nth(2)).toHaveText(`${helpdesk.n} persoonsweken`);
  await expect(page.locator(".counterfactuals li")).toHaveCount(report.counterfactuals.length);

  // Groups under 5 are named, never shown with figures.
  // The demo data always puts a handful of Legal people in the next wave.
  const legal = report.suppressed.find((s) => s.group === "next_wave" && s.segment.department === "Legal" && Object.keys(s.segment).length === 1);
  expect(legal).toMatchObject({ reason: "small" });
  expect(legal.n).toBeLessThan(5);
  // The list is long with nested segments: one line says how many, the list opens from it.
  const list = page.locator("details.suppressed-groups");
  await expect(list.locator("summary")).toHaveText(`${report.suppressed.length} groepen zonder eigen cijfers: bekijk de lijst`);
  await expect(list.locator("ul.suppressed")).toBeHidden();
  await list.locator("summary").click();
  await expect(list.locator("ul.suppressed li")).toHaveCount(report.suppressed.length);
  await expect(list.locator("ul.suppressed")).toContainText("afdeling Legal");
  await expect(page.locator("table.heatmap tr[data-segment='department=Legal']")).toHaveCount(0);
  await expect(page.locator("table.heatmap tbody tr")).toHaveCount(report.segments.length);
  // With many nested segments a planner narrows the grid to the ones that fail (the whole
  // wave always stays), and back.
  const failing = report.segments.filter((s, i) => i === 0 || s.state === "fail" || Object.values(s.dimensions).some((d) => d.state === "fail"));
  expect(failing.length).toBeLessThan(report.segments.length);
  await page.getByLabel("Segmenten tonen").selectOption("failing");
  await expect(page.locator("table.heatmap tbody tr:visible")).toHaveCount(failing.length);
  await expect(page.locator("#heatmap-count")).toHaveText(`${failing.length} van de ${report.segments.length} rijen getoond; de rij van de hele golf staat er altijd bij.`);
  await expect(page.locator("table.heatmap tr[data-segment='platform=iOS']")).toBeVisible();
  await page.getByLabel("Segmenten tonen").selectOption("all");
  await expect(page.locator("table.heatmap tbody tr:visible")).toHaveCount(report.segments.length);

  // The heatmap by keyboard: a cell says its state in words, Enter opens its metrics.
  const iosRow = page.locator("table.heatmap tr[data-segment='platform=iOS']");
  const technical = iosRow.locator("button.cell").first();
  await expect(technical).toHaveText(/^(voldoet|let op|onvoldoende|te weinig gegevens|ter info)( \d+)?$/);
  // Its name says whose figure it is, for a screen reader moving cell by cell.
  await expect(technical).toHaveAccessibleName(new RegExp(`^Platform iOS, Techniek: ${await technical.textContent()}$`));
  await technical.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#drill-title")).toBeFocused();
  await expect(page.locator("#drill-title")).toHaveText("Platform iOS: Techniek");
  await expect(page.locator("table.drill tbody tr").first().locator("td.num").first()).toHaveText(/\d/);
  // The metrics open right under their segment, not at the foot of a long table.
  await expect(page.locator("table.heatmap tr[data-segment='platform=iOS'] + tr.drill-row #drill-title")).toBeVisible();
  await audit(page);
  // Escape closes them and puts focus back on the cell; the grid is one tab stop, and the
  // arrow keys move from cell to cell.
  await page.keyboard.press("Escape");
  await expect(page.locator("#drill-title")).toHaveCount(0);
  await expect(technical).toBeFocused();
  await expect(page.locator("table.heatmap button.cell[tabindex='0']")).toHaveCount(1);
  await page.keyboard.press("ArrowRight");
  await expect(technical).not.toBeFocused();
  await expect(page.locator("table.heatmap button.cell:focus")).toHaveAttribute("tabindex", "0");

  // Only today's evaluation is stored (the history EXPAND reads is what was seen on each day):
  // the view of another date offers no saving and says why; the server refuses it too.
  await expect(page.getByRole("button", { name: "Deze beoordeling opslaan" })).toHaveCount(0);
  await expect(page.getByText("Alleen de beoordeling van vandaag wordt opgeslagen")).toBeVisible();
  const { csrf_token } = await (await page.request.get("/api/v1/session")).json();
  const past = await page.request.post(`/api/v1/programs/${id}/evaluations?at=${AT}&lang=nl`, { headers: { "X-CSRF-Token": csrf_token } });
  expect(past.status()).toBe(422);
  const today = await page.request.post(`/api/v1/programs/${id}/evaluations?lang=nl`, { headers: { "X-CSRF-Token": csrf_token } });
  expect(today.status(), await today.text()).toBe(201);
  await page.reload();
  await expect(page.locator(".decision-kind")).toBeVisible({ timeout: 60_000 });
  // Dates in sentences are written as Dutch readers write them, never as 2027-03-01.
  await expect(page.locator("#trend-desc")).toContainText("1 opgeslagen beoordeling, van ");
  // The wave timeline: enrolled against planned per wave, every figure in its sentence too.
  await expect(page.locator("#timeline-desc")).toContainText(
    /^Op 1 maart 2027, per golf ingeschreven tegen gepland: pilot \(Pilot IT\) \(\d{1,2} [a-z]+ \d{4} tot \d{1,2} [a-z]+ \d{4}\): \d+ gepland, \d+ in de personeelslijst, \d+ ingeschreven; wave-1 /,
  );
  await expect(page.locator("#timeline-desc")).toContainText("Het advies voor wave-2 (Hoofdkantoor): ");
  await expect(page.locator("figure.chart-figure svg path.actual").first()).toBeVisible();
  await expect(page.locator("figure.chart-figure svg text", { hasText: /^pilot: \d+$/ })).toHaveCount(1);
  await expect(page.locator("details.chart-table tbody tr")).toHaveCount(5);
  for (const sentence of await page.locator("#timeline-desc, #trend-desc").allInnerTexts()) {
    expect(sentence).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  }
  await expect(page.locator("svg.chart")).toHaveCount(3);

  // The printable report: time and hashes of its inputs, the lessons learned at its end, and it
  // prints to an A4 PDF. A long lesson without spaces must wrap, not widen the page.
  const lessonText = `Eerst de helpdesk briefen, dan pas uitnodigen: ${"wrap".repeat(60)}`;
  const lesson = await page.request.post(`/api/v1/programs/${id}/lessons`, {
    headers: { "X-CSRF-Token": csrf_token },
    data: { wave: "pilot", kind: "to_improve", text: lessonText },
  });
  expect(lesson.status()).toBe(201);
  const html = await download(page, () => page.getByRole("button", { name: "Afdrukbaar rapport (HTML)" }).click());
  expect(html.name).toBe(`readiness-${id}-${AT}.html`);
  const text = html.bytes.toString("utf8");
  const rosterHash = crypto.createHash("sha256").update(fs.readFileSync(path.join(dir, "roster.csv"))).digest("hex");
  expect(text).toContain(rosterHash);
  expect(text).toMatch(/Berekend op: \d{1,2} [a-z]+ \d{4}, \d{2}:\d{2} UTC</);
  const printer = await browser.newPage();
  await printer.setContent(text);
  // At an A4 page's printable width (210 mm less 2 × 14 mm margins = 688 CSS px) every table,
  // the input hashes' too, fits: nothing is cut off on paper.
  await printer.setViewportSize({ width: 688, height: 1000 });
  await printer.emulateMedia({ media: "print" });
  const tooWide = await printer.evaluate(() => [...document.querySelectorAll("table")]
    .map((t) => ({ caption: t.caption ? t.caption.textContent : t.rows[0].textContent, width: t.scrollWidth }))
    .filter((t) => t.width > document.documentElement.clientWidth));
  expect(tooWide).toEqual([]);
  await printer.emulateMedia({ media: "screen" });
  // Opened on a phone, the page does not scroll sideways: wide tables scroll on their own.
  await printer.setViewportSize({ width: 390, height: 844 });
  expect(await printer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The decision comes before the input files and their hashes.
  const order = await printer.evaluate(() => [...document.querySelectorAll("h2")].map((h) => h.textContent));
  expect(order[0]).toMatch(/^Besluit/);
  expect(order[order.length - 1]).toBe("Invoerbestanden");
  const printed = await printer.locator("main").innerText();
  expect(printed).toContain(name);
  expect(printed).toContain("Splitsen");
  expect(printed).toContain(rosterHash);
  expect(printed).toContain("Communicatie en bereik");
  expect(printed).toContain("Geleerde lessen");
  expect(printed).toContain(lessonText);
  const pdf = await printer.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  await printer.close();
  const md = await download(page, () => page.getByRole("button", { name: "Rapport (Markdown)" }).click());
  expect(md.bytes.toString("utf8")).toMatch(/^> Berekend op \d{1,2} [a-z]+ \d{4}, \d{2}:\d{2} UTC uit /);
  const zip = await download(page, () => page.getByRole("button", { name: "Gegevensmap (zip)" }).click());
  expect([...zip.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);

  // 390 px wide: no horizontal scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await expectChartLabelsInside(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  // Each action offers the step that fits it: preparing the helpdesk invites nobody, and
  // enrollment failure reasons read as words with Intune's code.
  if (report.actions.some((a) => a.kind === "helpdesk_preparation")) {
    await expect(page.locator("li.action[data-kind='HelpdeskPreparation']").getByRole("link", { name: "Deze groep uitnodigen voor een vragenlijst" })).toHaveCount(0);
  }
  // A message that meets doubt tells how it went for those who went first, with a bound the
  // evidence holds up: the wave's completed enrollment passes, and the Finance managers'
  // message quotes it as "more than" the interval's lower end, rounded down to 5.
  const wave = report.segments.find((s) => Object.keys(s.segment).join() === "wave");
  const completion = wave.metrics.find((m) => m.id === "enrollment_completion");
  expect(completion.state).toBe("pass");
  const bound = Math.floor((completion.interval[0] * 100) / 5) * 5;
  const managers = page.locator("li.action[data-kind='ManagerConversations'][data-target='department=Finance'] textarea");
  await expect(managers).toHaveValue(/Zo ging het bij de collega's die al over zijn:\n- /);
  // Never a figure the group itself contradicts: Finance's own completion warning or failing
  // leaves the wave's out of its message.
  const finance = report.segments.find((s) => JSON.stringify(s.segment) === JSON.stringify({ department: "Finance" }));
  const doubted = finance.metrics.some((m) => m.id === "enrollment_completion" && ["warn", "fail"].includes(m.state));
  if (doubted) {
    await expect(managers).not.toHaveValue(/binnen de eigen golf ingeschreven/);
  } else {
    await expect(managers).toHaveValue(new RegExp(`- meer dan ${bound}% was binnen de eigen golf ingeschreven\n`));
  }
  await expect(managers).toHaveValue(/\n\nMet vriendelijke groet$/);
  // "Next step:" is followed by the step in a sentence, not straight by a text field.
  const managersAction = page.locator("li.action[data-kind='ManagerConversations'][data-target='department=Finance']");
  await expect(managersAction.locator("p", { hasText: "Volgende stap:" }).locator("xpath=following-sibling::p[1]"))
    .toHaveText("Stuur deze groep een bericht; de tekst hieronder staat klaar.");
  // The message is copied in one press (a field's own copy is fiddly on a phone); served
  // from localhost the page has a clipboard.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const draft = page.locator("li.action[data-kind='ManagerConversations'][data-target='department=Finance'] .message-draft");
  await draft.getByRole("button", { name: "Tekst kopiëren" }).click();
  await expect(draft.getByRole("status")).toHaveText("Gekopieerd.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await managers.inputValue());
  // On paper the letters are left out (the printable report carries the plan).
  await page.emulateMedia({ media: "print" });
  await expect(draft).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await expect(draft).toBeVisible();
  if (report.actions.some((a) => a.kind === "assisted_enrollment" && a.items.includes("UserAbandonment"))) {
    await expect(page.locator("li.action[data-kind='AssistedEnrollment']", { hasText: "(UserAbandonment)" }).first())
      .toContainText("inschrijving halverwege afgebroken (UserAbandonment)");
  }
  // The iOS group's action leads to the invitation form, filled in; inviting works.
  const action = page.locator(`li.action[data-target='platform=iOS']`).first();
  await action.getByRole("link", { name: "Deze groep uitnodigen voor een vragenlijst" }).click();
  // The wave by the name people know it by, as the dashboard names it.
  const waveLabel = report.next_wave_name ? `${report.next_wave} (${report.next_wave_name})` : report.next_wave;
  await expect(page.getByRole("heading", { name: `Groep: ${waveLabel}, platform iOS` })).toBeVisible();
  await expect(page.locator("#invite-group-size")).toHaveText(`Deze groep: ${ios.n} mensen`);
  // The group is chosen already; the survey is named by its title, as the surveys page names it.
  await expect(page.getByText("Kies de vragenlijst en het soort link voor deze groep.")).toBeVisible();
  await expect(page.locator("#invite-survey option").first()).not.toHaveText(/^[a-z0-9-]+$/);
  await audit(page);
  await page.getByRole("button", { name: "Links maken" }).click();
  await expect(page.locator("#invite-result")).toContainText(`${ios.n} mensen gekozen: ${ios.n} nieuwe links`);
  // Opened without a group (not from an action), the page says it acts on the whole roster.
  await page.goto(`/planner/programs/${id}/invite`);
  await expect(page.getByRole("heading", { name: "Groep: iedereen in de personeelslijst" })).toBeVisible();

  // A training action leads to the assignment form, filled in with its group and every
  // module the report names that is published here (built-ins), each ticked; the modules it
  // names that this program does not have are said, and assigning works for each.
  const BUILTINS = ["enroll-windows", "enroll-android", "enroll-ios", "enroll-macos", "what-changes", "get-help", "admin-operations"];
  const training = report.actions.find((a) => a.kind === "targeted_training" && a.items.some((m) => BUILTINS.includes(m)));
  expect(training, "a training action naming a built-in module").toBeTruthy();
  const builtins = training.items.filter((m) => BUILTINS.includes(m));
  // One more module, published but not named: offered, not ticked.
  const unnamed = BUILTINS.find((m) => !training.items.includes(m));
  for (const builtin of [...builtins, unnamed]) {
    const published = await page.request.post(`/api/v1/programs/${id}/modules`, { headers: { "X-CSRF-Token": csrf_token }, data: { builtin } });
    expect(published.status()).toBe(201);
  }
  await page.goto(`/planner/programs/${id}/readiness?at=${AT}`);
  const key = Object.entries(training.target).map(([k, v]) => `${k}=${v}`).join(",");
  const trainingAction = page.locator(`li.action[data-kind='TargetedTraining'][data-target='${key}']`).first();
  // A published module is named by its title, with the id the report gave.
  await expect(trainingAction).toContainText(`(${builtins[0]})`);
  await trainingAction.getByRole("link", { name: "Deze groep een module toewijzen" }).click();
  await expect(page.getByRole("heading", { name: "Een groep een module toewijzen" })).toBeVisible();
  const within = Object.keys(training.target).length > 1 ? ", " : "";
  await expect(page.locator("#assign-group")).toHaveText(new RegExp(`^Groep: ${waveLabel.replace(/[()]/g, "\\$&")}${within}`));
  const modules = page.getByRole("group", { name: "Modules" });
  for (const builtin of builtins) {
    await expect(modules.getByRole("checkbox", { name: `(${builtin})` })).toBeChecked();
  }
  await expect(modules.getByRole("checkbox", { name: `(${unnamed})` })).not.toBeChecked();
  for (const other of training.items.filter((m) => !BUILTINS.includes(m))) {
    await expect(page.locator("p.notice")).toContainText(other);
  }
  await audit(page);
  // Nothing ticked: the form says so instead of sending.
  for (const builtin of builtins) {
    await modules.getByRole("checkbox", { name: `(${builtin})` }).uncheck();
  }
  await page.getByRole("button", { name: "Toewijzen" }).click();
  await expect(page.locator("#assign-modules-error")).toHaveText("Kies minstens één module.");
  await expect(page.locator("#assign-result")).toHaveCount(0);
  for (const builtin of builtins) {
    await modules.getByRole("checkbox", { name: `(${builtin})` }).check();
  }
  await expect(page.locator("#assign-modules-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Toewijzen" }).click();
  for (const builtin of builtins) {
    await expect(page.locator(`#assign-result p[data-module='${builtin}']`)).toContainText(/\d+ mensen in de selectie, \d+ voor deze module: \d+ nieuwe links/);
  }
  await expect(page.locator("#assign-result p[data-module]")).toHaveCount(builtins.length);

  // A viewer reads the same dashboard, without any button that changes something.
  const context = await browser.newContext({ baseURL, locale: "nl-NL" });
  const viewer = await context.newPage();
  await viewer.goto("/planner");
  await signIn(viewer, { email: VIEWER_EMAIL });
  await expect(viewer.getByText("Je bent aangemeld als kijker")).toBeVisible();
  await openReadiness(viewer, id);
  await expect(viewer.locator(".decision-kind")).toHaveText("Splitsen");
  await expect(viewer.locator("#trend-desc")).toContainText("1 opgeslagen beoordeling,");
  await expect(viewer.getByRole("button", { name: "Deze beoordeling opslaan" })).toHaveCount(0);
  await expect(viewer.getByRole("link", { name: "Deze groep uitnodigen voor een vragenlijst" })).toHaveCount(0);
  await expect(viewer.getByRole("link", { name: "Deze groep een module toewijzen" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Afdrukbaar rapport (HTML)" })).toBeEnabled();
  await audit(viewer);
  await context.close();
});

test("a planner follows one segment's readiness in the trend, on screen, at 390 px and on paper", async ({ page }) => {
  test.setTimeout(180_000);
  // Demo data leading up to today: the one day an evaluation is stored, with figures by then.
  const today = new Date().toISOString().slice(0, 10);
  const dir = demoData(800, 3, today);
  await page.goto("/planner");
  await signIn(page);
  await expect(page.getByRole("link", { name: "Nieuw programma" })).toBeVisible();
  const id = await createProgram(page, dir, `Trend e2e ${Date.now().toString(36)}`);
  const { csrf_token } = await (await page.request.get("/api/v1/session")).json();
  const stored = await page.request.post(`/api/v1/programs/${id}/evaluations?lang=nl`, { headers: { "X-CSRF-Token": csrf_token } });
  expect(stored.status(), await stored.text()).toBe(201);
  const [listed] = await (await page.request.get(`/api/v1/programs/${id}/evaluations?segments=true`)).json();
  const pick = listed.segments.findIndex((s, i) => i > 0 && s.readiness.estimate !== null);
  expect(pick, "a segment with figures").toBeGreaterThan(0);
  const chosen = listed.segments[pick];
  // The wave as the program names it (the summaries carry its id).
  const now = await (await page.request.get(`/api/v1/programs/${id}/readiness?lang=nl`)).json();
  expect(now.next_wave).toBe(listed.next_wave);
  const wave = now.next_wave_name ? `${now.next_wave} (${now.next_wave_name})` : now.next_wave;
  expect(wave).not.toBe(listed.next_wave);

  await page.goto(`/planner/programs/${id}/readiness`);
  await expect(page.locator(".decision-kind")).toBeVisible({ timeout: 60_000 });
  const picker = page.getByLabel("De lijnen tonen");
  await expect(picker).toHaveValue("");
  await expect(page.locator("#trend-desc")).toContainText("1 opgeslagen beoordeling, van ");
  // Every shown segment, under its wave, named as in the heatmap.
  await expect(picker.locator("optgroup")).toHaveAttribute("label", `Segmenten van ${wave}`);
  await expect(picker.locator("option")).toHaveCount(listed.segments.length + 1);
  const label = (await picker.locator(`option[value="${pick}"]`).textContent()).trim();
  const key = Object.entries(chosen.segment).map(([k, v]) => `${k}=${v}`).join(",");
  await expect(page.locator(`table.heatmap tr[data-segment='${key}'] th`)).toHaveText(label);
  await picker.focus();
  await expect(picker).toBeFocused();
  await picker.selectOption(String(pick));
  // The date as Dutch readers write it (the server's today, UTC), as everywhere on the page.
  const day = new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  await expect(page.locator("#trend-desc")).toHaveText(
    `${label} in ${wave}, opgeslagen op ${day}: gereedheid ${chosen.readiness.estimate} (voorzichtig ${chosen.readiness.conservative}).`,
  );
  const trend = page.locator("section[aria-labelledby='trend-title']");
  await trend.locator("details summary").click();
  const row = trend.locator("table.trend-table tbody tr");
  await expect(row).toHaveCount(1);
  await expect(row.locator("td")).toHaveText([
    String(chosen.n), /.+/, String(chosen.readiness.estimate), String(chosen.readiness.conservative),
  ]);
  await expect(trend.locator("svg circle.dot")).toHaveCount(2);
  await audit(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await expectChartLabelsInside(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  // On paper: the list is left out, the chart and the sentence name the segment.
  await page.emulateMedia({ media: "print" });
  await expect(picker).toBeHidden();
  await expect(page.locator("#trend-desc")).toBeVisible();
  await expect(page.locator("#trend-desc")).toContainText(label);
  await page.emulateMedia({ media: "screen" });
  await picker.selectOption("");
  await expect(page.locator("#trend-desc")).toContainText("1 opgeslagen beoordeling, van ");
  await expect(row.locator("td").first()).toHaveText(wave);
});

test("after the last wave has started the dashboard says there is nothing left to decide, and stays usable", async ({ page }) => {
  await page.goto("/planner");
  await signIn(page);
  const { csrf_token } = await (await page.request.get("/api/v1/session")).json();
  const headers = { "X-CSRF-Token": csrf_token };
  const created = await page.request.post("/api/v1/programs", {
    headers: { ...headers, "Content-Type": "application/toml" },
    data: `name = "Done e2e ${Date.now().toString(36)}"\n[[wave]]\nid = "pilot"\nstart = 2027-01-11\nend = 2027-01-29\n[[wave]]\nid = "wave-1"\nstart = 2027-02-01\nend = 2027-02-19\n`,
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const people = Array.from({ length: 12 }, (_, i) => `p${i + 1},${i < 6 ? "pilot" : "wave-1"}`);
  const roster = await page.request.put(`/api/v1/programs/${id}/files/roster`, {
    headers: { ...headers, "Content-Type": "text/csv" },
    data: "person_id,wave\n" + people.join("\n") + "\n",
  });
  expect(roster.status()).toBe(200);
  await page.goto(`/planner/programs/${id}/readiness?at=2027-02-10`);
  await expect(page.getByText("Alle golven zijn begonnen: er is geen volgende golf om over te beslissen.")).toBeVisible({ timeout: 60_000 });
  // No grid of segments without a segment; the page still answers (it used to hang here).
  await expect(page.locator("table.heatmap")).toHaveCount(0);
  await page.getByLabel("Beoordelen op datum").fill("2027-01-20");
  await expect(page).toHaveURL(/\/readiness\?at=2027-01-20$/);
  await expect(page.locator(".decision-kind")).toBeVisible({ timeout: 60_000 });
  await audit(page);
});

// The rows, not the people, cost the browser: 20,000 people already give some 150 segments at
// depth 3, in a fifth of the time 100,000 take to generate and import with the debug server.
// docs/benchmarks.md measures the 100,000-person program (WAVEGATE_DASHBOARD_PEOPLE=100000).
const DASHBOARD_PEOPLE = Number(process.env.WAVEGATE_DASHBOARD_PEOPLE || 20_000);

test("a report of some 150 segments renders in under 300 ms after it arrives", async ({ page }) => {
  test.setTimeout(600_000);
  const dir = demoData(DASHBOARD_PEOPLE, 1);
  await page.goto("/planner");
  await signIn(page);
  await expect(page.getByRole("link", { name: "Nieuw programma" })).toBeVisible();
  // Three attributes deep: hundreds of segments.
  const id = await createProgram(page, dir, `Groot ${Date.now().toString(36)}`, { depth: 3 });
  // Evaluated once ahead, so the page's request is served from the server's cache and the
  // measurement is the browser's alone.
  const warm = await page.request.get(`/api/v1/programs/${id}/readiness?at=${AT}&lang=nl`, { timeout: 300_000 });
  expect(warm.status()).toBe(200);
  const { segments } = await warm.json();
  const runs = [];
  for (let i = 0; i < 3; i++) {
    // Straight to the date: one report, one render, measured.
    await page.goto(`/planner/programs/${id}/readiness?at=${AT}`);
    await expect(page.locator(".decision-kind")).toBeVisible({ timeout: 60_000 });
    await expect(page.locator("table.heatmap tbody tr")).toHaveCount(segments.length);
    const ms = await page.evaluate(() => {
      const data = performance.getEntriesByType("resource").filter((e) => e.name.includes("/readiness/evaluation?at=")).pop();
      const rendered = performance.getEntriesByName("wavegate-readiness-rendered").pop();
      return rendered.startTime - data.responseEnd;
    });
    runs.push(ms);
  }
  console.log(`dashboard render after data arrived: ${runs.map((r) => r.toFixed(0)).join(", ")} ms (${segments.length} segments, ${DASHBOARD_PEOPLE} people)`);
  // Of some 220 segments, 155 are shown at 20,000 people and 163 at 100,000: the rest are small,
  // or hidden beside a small one in one of the breakdowns they belong to.
  expect(segments.length).toBeGreaterThanOrEqual(150);
  for (const ms of runs) expect(ms).toBeLessThan(300);
});
