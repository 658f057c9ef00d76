// A planner's whole round: create a program, import the files `wavegate demo-data` writes (a
// preview of each first), publish the pilot survey, invite the pilot wave (its size, and a
// segment's value picked from the roster's with its size, seen first), download the
// mail-merge file; a pilot user answers through one of its links.
const { test, expect } = require("@playwright/test");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { audit, download, signIn, answerSurvey } = require("./helpers");
const { BIN } = require("./env");

/** The files of a synthetic organisation of 300 people, written by the binary under test. */
function demoData() {
  const dir = fs.mkdtempSync(path.join(process.env.WAVEGATE_E2E_DIR || os.tmpdir(), "demo-data-"));
  execFileSync(BIN, ["demo-data", "--out", dir, "--people", "300", "--seed", "1", "--at", "2027-01-20"], { stdio: "ignore" });
  const toml = fs.readFileSync(path.join(dir, "program.toml"), "utf8");
  const waves = [...toml.matchAll(/\[\[wave\]\]\s*id = "([^"]+)"\s*(?:name = "([^"]+)"\s*)?start = "([^"]+)"\s*end = "([^"]+)"\s*planned_size = (\d+)/g)]
    .map(([, id, name, start, end, size]) => ({ id, name, start, end, size }));
  // The roster: a BOM, semicolons, the wave in the third column.
  const roster = fs.readFileSync(path.join(dir, "roster.csv"), "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  const people = roster.slice(1).map((line) => line.split(";"));
  const pilotRows = people.filter((cells) => cells[2] === "pilot");
  // People per platform (the sixth column) in the pilot, in the order the planner lists them:
  // most people in all waves first, then by name.
  const count = (rows) => rows.reduce((m, cells) => m.set(cells[5], (m.get(cells[5]) || 0) + 1), new Map());
  const [all, inPilot] = [count(people), count(pilotRows)];
  const pilotPlatforms = [...all]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .filter(([platform]) => inPilot.has(platform))
    .map(([platform]) => [platform, inPilot.get(platform)]);
  return { dir, waves, pilot: pilotRows.length, pilotPlatforms };
}

test("a planner creates a program, imports its files, invites the pilot wave, and a pilot user answers", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const data = demoData();
  expect(data.waves.length).toBe(5);
  expect(data.pilot).toBeGreaterThanOrEqual(5);
  const name = `Uitrol e2e ${Date.now().toString(36)}`;

  await page.goto("/planner");
  await signIn(page);
  await page.getByRole("link", { name: "Nieuw programma" }).click();
  await page.locator("#f-name").fill(name);
  for (const [i, w] of data.waves.entries()) {
    if (i > 0) await page.getByRole("button", { name: "Golf toevoegen" }).click();
    await page.locator(`#f-wave-${i}-id`).fill(w.id);
    // The demo's wave names, the pilot's with a typo first: shown at its field, nothing sent.
    await page.locator(`#f-wave-${i}-name`).fill(i === 0 ? "Pilot\u202eIT" : w.name);
    await page.locator(`#f-wave-${i}-start`).fill(w.start);
    await page.locator(`#f-wave-${i}-end`).fill(w.end);
    await page.locator(`#f-wave-${i}-plannedsize`).fill(w.size);
  }
  await page.getByLabel("Capaciteit (uitroltickets per dag)").fill("1");
  await page.getByLabel("Ticketcategorieën van de uitrol").fill("Enrollment, Company Portal, Email, MFA, Apps");
  await page.getByLabel("Helpdesk (Nederlands)").fill("Bel de helpdesk: 020-1234567");
  await page.getByLabel("Helpdesk (Engels)").fill("Call the helpdesk: 020-1234567");
  await page.getByLabel(/Link naar veelgestelde vragen/).fill("https://intranet.example.org/faq");
  await page.getByRole("button", { name: "Programma aanmaken" }).click();
  await expect(page.locator("#f-wave-0-name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#f-wave-0-name-error")).toContainText("verwacht een naam zonder stuur- of schrijfrichtingstekens");
  await page.locator("#f-wave-0-name").fill(data.waves[0].name);
  await page.getByRole("button", { name: "Programma aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  // The names are kept: the form shows them again after a reload.
  await page.reload();
  await expect(page.locator("#f-wave-0-name")).toHaveValue("Pilot IT");
  await expect(page.locator("#f-wave-4-name")).toHaveValue(data.waves[4].name);
  const programId = decodeURIComponent(new URL(page.url()).pathname.split("/")[3]);

  // program.toml reaches the disk as the server sent it, and reads back as this program.
  const toml = await download(page, () => page.getByRole("button", { name: "program.toml downloaden" }).click());
  expect(toml.name).toBe("program.toml");
  expect(toml.bytes.toString("utf8")).toContain(`name = "${name}"`);
  expect(toml.bytes.toString("utf8")).toContain('id = "wave-4"');
  expect(toml.bytes.toString("utf8")).toContain('id = "pilot"\nname = "Pilot IT"\n');

  await page.getByRole("link", { name: "Bestanden" }).click();
  const files = [
    ["roster", "roster.csv", "300 mensen in het bestand"],
    ["devices", "devices.csv", "mensen uit de personeelslijst gevonden"],
    ["enrollment_failures", "enrollment_failures.csv", "mislukte inschrijvingen in het bestand"],
    ["tickets", "tickets.csv", "tickets in het bestand"],
  ];
  for (const [kind, file, found] of files) {
    const panel = page.locator(`section.import[data-kind='${kind}']`);
    if (kind === "roster") {
      // The picker's button and "nothing chosen" are the page's words, not the browser's; the
      // button opens the file chooser, and the name of the file chosen shows beside it.
      await expect(panel.locator(".file-choice")).toContainText("Bestand kiezen");
      // Each of the page's pickers is named by its file, not only "Kies een CSV-bestand".
      await expect(page.locator("#file-roster")).toHaveAccessibleName("Personeelslijst (mensen, golven en kenmerken) Kies een CSV-bestand");
      await expect(page.locator("#file-devices")).toHaveAccessibleName("Intune-apparaten Kies een CSV-bestand");
      await expect(panel.locator(".file-name")).toHaveText("Nog geen bestand gekozen");
      const chooser = page.waitForEvent("filechooser");
      await panel.getByText("Bestand kiezen").click();
      await (await chooser).setFiles(path.join(data.dir, file));
      await expect(panel.locator(".file-name")).toHaveText(file);
    } else {
      await panel.locator(`#file-${kind}`).setInputFiles(path.join(data.dir, file));
    }
    await expect(panel.getByText(`Voorbeeld van ${file}`)).toBeVisible();
    await expect(panel.getByText("Er is nog niets opgeslagen.")).toBeVisible();
    await expect(panel.locator(".findings")).toContainText(found);
    await expect(panel.locator("table.preview tbody tr").first()).toBeVisible();
    // The header in the planner's words, the importer's own name of each column under it.
    if (kind === "devices") {
      const head = panel.locator("table.preview thead th");
      await expect(head.nth(3)).toContainText("Ingeschreven op");
      await expect(head.nth(3).locator("code")).toHaveText("enrolled_at");
    }
    if (kind === "roster") {
      await audit(page);
      // Cancelled: nothing stored, the name of the file dropped goes, and focus is back on
      // the picker rather than at the top of the page.
      await panel.getByRole("button", { name: "Annuleren" }).click();
      await expect(panel.locator(".file-name")).toHaveText("Nog geen bestand gekozen");
      await expect(panel.locator("#file-roster")).toBeFocused();
      await panel.locator("#file-roster").setInputFiles(path.join(data.dir, file));
      await expect(panel.getByText(`Voorbeeld van ${file}`)).toBeVisible();
    }
    // The preview takes focus once the file is read: "Bevestigen" is the next stop.
    await expect(panel.locator(`#import-preview-${kind}`)).toBeFocused();
    await panel.getByRole("button", { name: "Bevestigen en opslaan" }).click();
    await expect(panel.getByText(`${file} is opgeslagen`)).toBeVisible();
    // Focus moves to what was stored, for keyboard and screen reader alike.
    await expect(panel.locator(`#import-stored-${kind}`)).toBeFocused();
  }
  const list = page.locator("section", { has: page.getByRole("heading", { name: "Eerdere imports" }) });
  await expect(list.locator("tbody tr")).toHaveCount(4);
  await expect(list.getByText("in gebruik")).toHaveCount(4);
  const stored = await download(page, () => list.locator("tr[data-kind='roster']").getByRole("button", { name: "Downloaden" }).click());
  expect(stored.name).toBe("roster.csv");
  expect(stored.bytes.equals(fs.readFileSync(path.join(data.dir, "roster.csv")))).toBe(true);

  await page.getByRole("link", { name: "Vragenlijsten" }).click();
  await page.getByLabel("Ingebouwde vragenlijst").selectOption("pilot-feedback");
  await page.getByRole("button", { name: "Publiceren" }).click();
  // Named by its title, and the message takes the focus from the button, disabled meanwhile.
  await expect(page.getByText(/Jouw ervaring met de pilot versie \d+ is gepubliceerd/)).toBeVisible();
  await expect(page.locator("#survey-outcome")).toBeFocused();
  await page.getByRole("link", { name: "Uitnodigen en resultaten" }).click();

  const inviting = page.getByRole("group", { name: "Uitnodigen vanuit de personeelslijst" });
  // The wave list names each wave after its id; the id is what is chosen.
  await expect(inviting.getByLabel("Golf", { exact: true }).locator("option[value='pilot']")).toHaveText("pilot (Pilot IT)");
  await inviting.getByLabel("Golf", { exact: true }).selectOption("pilot");
  await expect(page.locator("#invite-size")).toHaveText(`Deze groep: ${data.pilot} mensen`);
  // The segment's value is one of the roster's, each with its people in the pilot; a platform
  // of fewer than 5 shows no number.
  await inviting.getByLabel("Segment: kenmerk").selectOption("platform");
  const value = inviting.getByLabel("Segment: waarde");
  const label = ([platform, n]) => (n >= 5 ? `${platform} — ${n} mensen` : `${platform} — minder dan 5`);
  await expect(value.locator("option")).toHaveText(["Kies een waarde", ...data.pilotPlatforms.map(label)]);
  const [platform, n] = data.pilotPlatforms.find(([, size]) => size >= 5);
  expect(n).toBeGreaterThanOrEqual(5);
  await value.selectOption(platform);
  await expect(page.locator("#invite-size")).toHaveText(`Deze groep: ${n} mensen`);
  await expect(value).toHaveAttribute("aria-describedby", "invite-size");
  await audit(page);
  // Back to the whole pilot wave.
  await inviting.getByLabel("Segment: kenmerk").selectOption("");
  await expect(page.locator("#invite-size")).toHaveText(`Deze groep: ${data.pilot} mensen`);
  await expect(value).toBeDisabled();
  await page.getByRole("button", { name: "Links maken" }).click();
  await expect(page.locator("#invite-result")).toContainText(`${data.pilot} mensen gekozen: ${data.pilot} nieuwe links`);
  await audit(page);

  const merge = await download(page, () => page.getByRole("button", { name: "Uitnodigingslinks downloaden (CSV)" }).click());
  expect(merge.name).toBe("invitations.csv");
  expect([...merge.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = merge.bytes.subarray(3).toString("utf8").trim().split("\r\n");
  expect(lines[0]).toMatch(/^person_id;email;language;link;submitted_at;/);
  expect(lines.length - 1).toBe(data.pilot);
  const header = lines[0].split(";");
  const rows = lines.slice(1).map((l) => l.split(";"));
  const dutch = rows.find((r) => r[header.indexOf("language")] === "nl") || rows[0];
  // The address to send it to, from the roster: the mail merge needs no join of its own.
  expect(rows.every((r) => /^[^@\s]+@[^@\s]+$/.test(r[header.indexOf("email")]))).toBeTruthy();
  const link = new URL(dutch[header.indexOf("link")]);

  // A pilot user answers through their link, and sees the program's helpdesk afterwards.
  const respondent = await browser.newPage();
  await respondent.goto(link.pathname);
  const english = dutch[header.indexOf("language")] === "en";
  await answerSurvey(respondent, english ? { next: "Next", submit: "Submit" } : { next: "Volgende", submit: "Versturen" });
  await expect(respondent.getByRole("heading", { name: english ? "Thank you for your answers!" : "Bedankt voor je antwoorden!" })).toBeVisible();
  await expect(respondent.locator(".helpdesk")).toContainText("020-1234567");
  // One tap away on a phone.
  await expect(respondent.locator(".helpdesk").getByRole("link", { name: "020-1234567" })).toHaveAttribute("href", "tel:0201234567");
  await respondent.close();

  await page.reload();
  await expect(page.locator("table.rates")).toBeVisible();
  await expect(page.locator("tr[data-group='wave=pilot'] td").first()).toHaveText(String(data.pilot));
  await page.getByRole("link", { name: "Resultaten bekijken" }).click();
  await expect(page).toHaveURL(/\/surveys\/pilot-feedback\/results$/);
  const results = page.getByRole("region", { name: /Resultaten/ });
  await expect(results).toContainText("1 respondent");
  // The response export reaches the disk byte for byte: it starts with the UTF-8 BOM.
  const responses = await download(page, () => results.getByRole("button", { name: "Antwoorden downloaden (CSV)" }).click());
  expect([...responses.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(responses.name).toBe("pilot-feedback-responses.csv");
  expect(programId).toBeTruthy();
});
