// The trainee app (Dutch, on a phone): a trainee works through a module, fails the quiz and then
// passes it; finds their progress after a reload and on another device, and mid-quiz the choices
// made on the question shown; after an editorial new version is asked nothing, after a substantive
// one only the changed lesson, keeping the certificate of the version they finished meanwhile
// (named as that version was); prints the certificate on one A4 page that it fills; "My training"
// names the program and offers its FAQ, then its helpdesk; axe-core finds nothing on the way. Quiz
// feedback gives the verdict once. An expired or revoked training link shows a page saying so, with
// the helpdesk, in Dutch and English, and leaves nothing on the device; an unknown one leads on to
// the start page, as a survey link does.
const { test, expect } = require("@playwright/test");
const { audit, assignedTrainee, planner, expectNoHorizontalScroll, withLessonBodies } = require("./helpers");

/** The module definition the trainee's link opens (for the right and wrong answers). */
async function moduleOf(request, token) {
  const res = await request.get(`/api/v1/train/${token}`);
  expect(res.ok()).toBeTruthy();
  // Whole again: tests publish next versions of it.
  return withLessonBodies((await res.json()).modules[0].module);
}

/** Answers the quiz on the page: every question right (orderings left as shown) or wrong;
 * `checked(question)` runs while each question's feedback shows. */
async function answerQuiz(page, module, right, checked = async () => {}) {
  for (let guard = 0; guard < 10; guard++) {
    const heading = page.locator("legend h1");
    await heading.waitFor();
    const text = await heading.textContent();
    const q = module.quiz.questions.find((x) => x.text.nl === text);
    expect(q, `a question of the module: ${text}`).toBeTruthy();
    if (q.type === "single_choice") {
      const option = q.options.find((o) => Boolean(o.correct) === right);
      await page.getByLabel(option.text.nl, { exact: true }).check();
    } else if (q.type === "multiple_choice") {
      for (const o of q.options.filter((o) => Boolean(o.correct) === right)) {
        await page.getByLabel(o.text.nl, { exact: true }).check();
      }
    } else if (q.type === "true_false") {
      await page.getByLabel(q.answer === right ? "Waar" : "Niet waar", { exact: true }).check();
    }
    await page.getByRole("button", { name: "Controleren" }).click();
    await expect(page.locator(".feedback")).toBeVisible();
    await checked(q);
    const next = page.getByRole("button", { name: "Volgende" });
    if (await next.count()) {
      await next.click();
    } else {
      await page.getByRole("button", { name: "Uitslag bekijken" }).click();
      return;
    }
  }
}

/** Reads every lesson of the module from its overview (nothing read yet), up to the quiz. */
async function readLessons(page, count) {
  await page.getByRole("button", { name: "Beginnen" }).click();
  for (let i = 1; i <= count; i++) {
    await expect(page.getByText(`Les ${i} van ${count}`)).toBeVisible();
    if (i < count) await page.getByRole("button", { name: "Volgende" }).click();
  }
}

/** The next version of a module with one change note on `lesson` of `kind`. */
function nextVersion(module, lesson, kind) {
  const next = JSON.parse(JSON.stringify(module));
  next.version = module.version + 1;
  const l = next.lessons.find((x) => x.id === lesson);
  l.body.nl += `\n\nBijgewerkt in versie ${next.version}.`;
  l.body.en += `\n\nUpdated in version ${next.version}.`;
  next.changes = [{ lesson, kind, note: { nl: "Nieuwe stap toegevoegd.", en: "A new step was added." } }];
  return next;
}

test("a trainee fails then passes, keeps progress across devices, re-studies only what changed, and prints the certificate", async ({ page, request, browser }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const { program, path, token, headers: plannerHeaders } = await assignedTrainee(request);
  const module = await moduleOf(request, token);
  const res0 = await request.put(`/api/v1/programs/${program}/support`, { headers: plannerHeaders, data: { helpdesk: HELPDESK, faq_url: FAQ } });
  expect(res0.status()).toBe(200);
  const programName = (await (await request.get(`/api/v1/train/${token}`)).json()).program_name;

  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Mijn training" })).toBeVisible();
  await expect(page.getByText("Waar je hulp krijgt")).toBeVisible();
  await expect(page.getByText("8 minuten")).toBeVisible();
  // Which rollout this is, and where to get help: the FAQ first, then the helpdesk.
  await expect(page.getByText(`Hallo Trainee 1, dit is je training voor ${programName}.`)).toBeVisible();
  const help = page.getByRole("region", { name: "Hulp nodig?" });
  await help.scrollIntoViewIfNeeded();
  await expect(help).toBeInViewport();
  await expect(help.locator("p")).toHaveText(["Veelgestelde vragen", HELPDESK.nl]);
  await expect(help.getByRole("link", { name: "Veelgestelde vragen" })).toHaveAttribute("href", FAQ);
  await expect(help.getByRole("link", { name: "020-1234567" })).toHaveAttribute("href", "tel:0201234567");
  await expectNoHorizontalScroll(page);
  await audit(page);
  await page.getByRole("button", { name: "Openen" }).click();
  // Before beginning, what it asks: its lessons, the time, the quiz's pass mark.
  // The pass mark as a number of questions too: 75% of 3 is all 3, which a share alone hides.
  await expect(page.locator(".meta.about")).toHaveText(new RegExp(`^${module.lessons.length} lessen · ${module.estimate_minutes} minutenOm te slagen heb je \\d+ van de \\d+ vragen goed nodig \\(minstens ${Math.round(module.quiz.pass_mark * 100)}%\\)\\.$`));
  await readLessons(page, module.lessons.length);
  await audit(page);
  // The lesson's Markdown arrives as HTML the server rendered: a numbered list with bold steps.
  await page.getByRole("button", { name: "Vorige" }).click();
  await expect(page.locator(".lesson-body ol > li").first()).toContainText("Start het apparaat opnieuw op.");
  await expect(page.locator(".lesson-body li strong").first()).toHaveText("Start het apparaat opnieuw op.");
  await page.getByRole("button", { name: "Volgende" }).click();
  await page.getByRole("button", { name: "Naar de quiz" }).click();
  await audit(page);

  await answerQuiz(page, module, false);
  await expect(page.getByRole("heading", { name: "Nog niet geslaagd", exact: true })).toBeVisible();
  await expect(page.getByText("Je mag de quiz zo vaak doen als je wilt.")).toBeVisible();
  await audit(page);
  await page.getByRole("button", { name: "Opnieuw proberen" }).click();
  await answerQuiz(page, module, true);
  await expect(page.getByRole("heading", { name: "Geslaagd!" })).toBeVisible();

  // The progress reached the server and is kept here when the link is opened again.
  await expect.poll(async () => (await (await request.get(`/api/v1/train/${token}`)).json()).modules[0].status.stage).toBe("done");
  await page.goto(path);
  await expect(page.getByText("Afgerond")).toBeVisible();

  // Another device (a new browser context, nothing stored) sees the same.
  const other = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "nl-NL" });
  const phone = await other.newPage();
  await phone.goto(path);
  await expect(phone.getByText("Afgerond")).toBeVisible();
  await other.close();

  // The certificate, printed: only the certificate shows.
  await page.getByRole("button", { name: "Openen" }).click();
  await page.getByRole("button", { name: "Certificaat bekijken" }).click();
  const certificate = page.locator(".certificate");
  await expect(certificate).toContainText("Trainee 1");
  await expect(certificate).toContainText("Waar je hulp krijgt");
  await expect(certificate).toContainText(`Versie ${module.version}`);
  await expect(certificate.locator(".version")).toContainText("Afgerond op ");
  // Each fact once, and who issues it: the program.
  await expect(certificate.locator(".statement")).toHaveText("heeft de zelfstudiemodule afgerond");
  await expect(certificate.getByText("Waar je hulp krijgt")).toHaveCount(1);
  await expect(certificate.locator(".issuer")).toHaveText(/^Uitgegeven door Training e2e /);
  await audit(page);
  // A roster without names gives the trainee's e-mail address: it wraps on a phone, as in print.
  await certificate.locator(".trainee").evaluate((el) => { el.textContent = "marie-louise.van-der-berg-hoogeveen@gemeente-voorbeeldstad.example.org"; });
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 844 });
    await expectNoHorizontalScroll(page);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ media: "print" });
  await expect(certificate).toBeVisible();
  await expect(page.locator(".topbar")).toBeHidden();
  await expect(page.getByRole("button", { name: "Afdrukken" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await expectPrintedOnOneA4Page(page);

  // An editorial new version: nothing to re-study, the pass is kept.
  const headers = await planner(request);
  const v2 = nextVersion(module, "self", "editorial");
  let res = await request.post(`/api/v1/programs/${program}/modules/get-help/versions`, { headers, data: { module: v2 } });
  expect(res.status()).toBe(201);
  await page.goto(path);
  await expect(page.getByText("Afgerond")).toBeVisible();
  await expect(page.getByText("Deze module is bijgewerkt.", { exact: false })).toHaveCount(0);

  // A substantive one, which renames the module: only the changed lesson is asked again.
  const v3 = nextVersion(v2, "desk", "substantive");
  v3.title = { nl: "Hulp bij je nieuwe laptop", en: "Help with your new laptop" };
  res = await request.post(`/api/v1/programs/${program}/modules/get-help/versions`, { headers, data: { module: v3 } });
  expect(res.status()).toBe(201);
  await page.goto(path);
  await expect(page.getByText("Deze module is bijgewerkt.", { exact: false })).toBeVisible();
  // The card says what is left, not a share done that reads as barely begun.
  await expect(page.locator(".module-item .meta")).toHaveText(`${v3.estimate_minutes} minuten · Bijgewerkt · nog te doen: 1 les en de vragen erover`);
  // The card names what to re-read after its colon.
  await expect(page.locator(".module-item ul.restudy li")).toHaveText([v3.lessons.find((l) => l.id === "desk").title.nl]);
  await page.getByRole("button", { name: "Openen" }).click();
  // The certificate they earned stays at hand, for the version they finished, until the new
  // version's is earned.
  await expect(page.getByRole("button", { name: "Certificaat bekijken" })).toHaveCount(0);
  await page.getByRole("button", { name: `Certificaat voor versie ${v2.version}` }).click();
  await expect(certificate.locator(".version")).toHaveText(new RegExp(`^Versie ${v2.version} · Afgerond op `));
  await expect(certificate).not.toContainText(`Versie ${v3.version}`);
  // It names the module as the version it covers did, and the server hands out the same one.
  await expect(certificate.locator(".module-title")).toHaveText(v2.title.nl);
  const fromServer = await (await request.get(`/api/v1/train/${token}/modules/get-help/certificate`)).json();
  expect([fromServer.version, fromServer.title.nl]).toEqual([v2.version, v2.title.nl]);
  await page.getByRole("button", { name: "Terug naar mijn training" }).click();
  await page.getByRole("button", { name: "Openen" }).click();
  const restudy = page.locator("ul.restudy li");
  await expect(restudy).toHaveCount(1);
  await expect(restudy).toContainText(v3.lessons.find((l) => l.id === "desk").title.nl);
  await page.getByRole("button", { name: "Verder lezen" }).click();
  await expect(page.getByText("Les 1 van 1")).toBeVisible();
  await audit(page);

  // Not you? Asked first (nothing waits here), then the device forgets this link.
  await page.getByRole("button", { name: "Terug naar mijn training" }).click();
  await page.getByRole("button", { name: "Niet jij? Verwijder deze training van dit apparaat" }).click();
  await expect(page.getByRole("group")).toContainText("Alles van deze training wordt van dit apparaat verwijderd.");
  await audit(page);
  await page.getByRole("button", { name: "Ja, verwijderen" }).click();
  const cleared = page.getByRole("heading", { level: 1, name: "De training is van dit apparaat verwijderd" });
  await expect(page.getByText("Je training en voortgang zijn van dit apparaat verwijderd. Wat de server al had, blijft daar bewaard.")).toBeVisible();
  // The link's address is gone from the tab: reloading does not open the person's training.
  await expect(page).toHaveURL(/\/t\/cleared$/);
  await expect(cleared).toBeFocused();
  await audit(page);
  await page.reload();
  await expect(page.getByText("Je training en voortgang zijn van dit apparaat verwijderd. Wat de server al had, blijft daar bewaard.")).toBeVisible();
  await expect(cleared).toBeFocused();
  await expect(page.getByText(/Hallo/)).toHaveCount(0);
  // Of the link only a marker is left that it was removed (a digest), which does not give the
  // link away.
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("wavegate.training")));
  expect(kept).toHaveLength(1);
  expect(kept[0]).toMatch(/^wavegate\.training\.forgotten\.[0-9a-f]{16}$/);
  expect(kept[0]).not.toContain(token);
  // "Back" to the link's address asks first and loads nothing of the training.
  await page.goBack();
  expect(new URL(page.url()).pathname).toBe(path);
  await expect(cleared).toBeVisible();
  const reopen = page.getByRole("button", { name: "Dit is mijn training: opnieuw openen" });
  await expect(reopen).toBeVisible();
  await expect(page.getByText(/Hallo/)).toHaveCount(0);
  await audit(page);
  // Theirs after all: it opens again, and the marker goes.
  await reopen.click();
  await expect(page.getByRole("heading", { name: "Mijn training" })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("wavegate.training.forgotten")))).toEqual([]);
});

test("not you? while steps wait for a connection says they would be lost; cancel keeps them and they are sent", async ({ page, context, request }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const { path, token } = await assignedTrainee(request);
  const viewed = async () => (await (await request.get(`/api/v1/train/${token}`)).json()).modules[0].status.lessons.filter((l) => l.viewed_at).length;
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Mijn training" })).toBeVisible();
  await context.setOffline(true);
  await page.getByRole("button", { name: "Openen" }).click();
  await page.getByRole("button", { name: "Beginnen" }).click();
  await page.getByRole("button", { name: "Volgende" }).click();
  await page.getByRole("button", { name: "Terug naar mijn training" }).click();
  await expect(page.getByText("2 stappen van je voortgang staan nog alleen op dit apparaat. Ze worden verstuurd zodra je weer verbinding hebt.")).toBeVisible();

  await page.getByRole("button", { name: "Niet jij? Verwijder deze training van dit apparaat" }).click();
  const question = page.getByRole("group");
  await expect(question).toContainText("2 stappen van je voortgang staan nog alleen op dit apparaat. Ze worden verstuurd zodra je weer verbinding hebt. Verwijder je de training nu, dan gaat die voortgang verloren.");
  await expect(page.locator("#clear-question")).toBeFocused();
  await audit(page);
  await page.getByRole("button", { name: "Annuleren" }).click();
  await expect(question).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Niet jij? Verwijder deze training van dit apparaat" })).toBeFocused();
  expect(await viewed()).toBe(0);

  await context.setOffline(false);
  await expect.poll(viewed).toBe(2);
  await expect(page.getByText("2 stappen van je voortgang staan nog alleen op dit apparaat. Ze worden verstuurd zodra je weer verbinding hebt.")).toHaveCount(0);
});

/** `get-help` as a module of its own with another attempt policy (`attempts`); its link. */
async function withPolicy(request, id, attempts) {
  const base = await moduleOf(request, (await assignedTrainee(request)).token);
  // A module of its own: a first version, without the built-in's change notes.
  const module = { ...base, id, version: 1, changes: undefined, quiz: { ...base.quiz, attempts } };
  return assignedTrainee(request, {}, { module });
}

/** Fails the quiz of the module at `path`, from "My training" through every lesson. */
async function failQuiz(page, module, checked) {
  await page.getByRole("button", { name: "Openen" }).click();
  await readLessons(page, module.lessons.length);
  await page.getByRole("button", { name: "Naar de quiz" }).click();
  await answerQuiz(page, module, false, checked);
  // "Niet geslaagd" once every attempt is used: the quiz is closed.
  await expect(page.getByRole("heading", { name: /^(Nog niet|Niet) geslaagd$/ })).toBeVisible();
}

test("a quiz that draws its questions asks on the phone what the server checks, attempt after attempt; long lesson headings wrap", async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const { path, token } = await assignedTrainee(request, {}, { builtin: "enroll-android" }, "Android");
  const module = await moduleOf(request, token);
  expect(Object.keys(module.quiz.draw), "the quiz draws some of a topic's questions").not.toHaveLength(0);
  const server = async () => (await (await request.get(`/api/v1/train/${token}`)).json()).modules[0].status;
  await page.goto(path);
  await page.getByRole("button", { name: "Openen" }).click();
  await page.getByRole("button", { name: "Beginnen" }).click();
  for (let i = 1; i <= module.lessons.length; i++) {
    await expect(page.getByText(`Les ${i} van ${module.lessons.length}`)).toBeVisible();
    // "Inschrijven is niet toegestaan (EnrollmentRestrictionsEnforced)" fits a phone.
    await expectNoHorizontalScroll(page);
    if (i < module.lessons.length) await page.getByRole("button", { name: "Volgende" }).click();
  }
  await page.getByRole("button", { name: "Naar de quiz" }).click();
  // Each retry draws other questions; the server re-derives the draw and takes every attempt.
  for (let attempt = 1; attempt <= 3; attempt++) {
    const passing = attempt === 3;
    await answerQuiz(page, module, passing);
    await expect(page.getByRole("heading", { name: passing ? "Geslaagd!" : "Nog niet geslaagd", exact: true })).toBeVisible();
    await expect.poll(async () => (await server()).attempts_used).toBe(attempt);
    if (!passing) {
      // The result says the share and how many right answers pass, so nobody does the sums.
      await expect(page.locator(".results .score")).toHaveText(/^\d+ van \d+ goed \(\d+%\)$/);
      await expect(page.locator(".results .policy")).toContainText(/Om te slagen heb je \d+ van de \d+ vragen goed nodig \(minstens \d+%\)\./);
    }
    if (!passing) await page.getByRole("button", { name: "Opnieuw proberen" }).click();
  }
  expect((await server()).passed_at).not.toBeNull();
  await expect(page.locator(".attempt-refused")).toHaveCount(0);
});

test("feedback gives the verdict once and names each option, and a used-up quiz says whom to ask instead of offering a retry", async ({ page, request }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const { path, token } = await withPolicy(request, "get-help-once", { max: 1 });
  const module = await moduleOf(request, token);
  await page.goto(path);
  const kinds = new Set();
  await failQuiz(page, module, async (q) => {
    // The verdict once, above the feedback, which explains.
    await expect(page.locator(".feedback > p").first()).toHaveText("Niet goed");
    const lines = page.locator(".feedback li");
    if (q.type === "multiple_choice") {
      // The wrong options picked, the right ones missed; each line says which.
      for (const o of q.options) {
        const label = o.correct ? "juiste antwoord, niet gekozen" : "gekozen, niet goed";
        await expect(lines.filter({ hasText: o.text.nl })).toHaveText(`${o.text.nl} (${label}): ${o.feedback.nl}`);
      }
    } else if (q.type === "single_choice") {
      // The one option picked is the wrong one: the verdict said so, its line does not again.
      const picked = q.options.find((o) => !o.correct);
      const right = q.options.find((o) => o.correct);
      await expect(lines).toHaveText([`${picked.text.nl} (gekozen): ${picked.feedback.nl}`, `${right.text.nl} (juiste antwoord, niet gekozen): ${right.feedback.nl}`]);
    } else if (q.type === "ordering") {
      // Whatever the wrong order, the right one and why; never "almost".
      await expect(lines).toHaveText([q.feedback.incorrect.nl]);
    } else {
      await expect(lines).toHaveText([q.feedback[String(!q.answer)].nl]);
      // And which answer was right, not only that this one was not.
      await expect(page.locator(".feedback > p.right")).toHaveText(`${q.answer ? "Waar" : "Niet waar"} (juiste antwoord, niet gekozen)`);
    }
    kinds.add(q.type);
  });
  expect([...kinds].sort(), "the quiz asked every kind of question").toEqual(["multiple_choice", "ordering", "single_choice", "true_false"]);
  // Closed, said plainly; the program set no helpdesk, so none is pointed to.
  const noneLeft = "Je hebt alle pogingen voor deze quiz gebruikt: de quiz is gesloten.";
  await expect(page.getByRole("heading", { name: "Niet geslaagd", exact: true })).toBeVisible();
  await expect(page.locator(".policy")).toContainText(noneLeft);
  await expect(page.locator(".policy")).not.toContainText("helpdesk");
  await expect(page.getByRole("button", { name: "Opnieuw proberen" })).toHaveCount(0);
  await audit(page);
  // The module's page says so too, where the quiz button was.
  await page.getByRole("button", { name: "Terug naar mijn training" }).click();
  // "My training" says it too, not only a share done.
  await expect(page.locator(".module-item .meta")).toContainText("· quiz gesloten");
  await page.getByRole("button", { name: "Openen" }).click();
  await expect(page.getByRole("status").filter({ hasText: noneLeft })).toBeVisible();
  await expect(page.getByText("Niet geslaagd: ")).toBeVisible();
  await expect(page.getByRole("button", { name: "Quiz starten" })).toHaveCount(0);
  await expect(page.getByText("pogingen zijn gebruikt")).toHaveCount(0);
});

test("after a failed quiz with a wait, the trainee reads until when in their own time, not the server's", async ({ page, request }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const { path, token } = await withPolicy(request, "get-help-wait", { wait_minutes: 30 });
  const module = await moduleOf(request, token);
  await page.goto(path);
  await failQuiz(page, module);
  const wait = page.locator(".policy");
  await expect(wait).toContainText("Een nieuwe poging kan vanaf");
  await expect(wait).not.toContainText("UTC");
  await expect(page.getByRole("button", { name: "Opnieuw proberen" })).toHaveCount(0);
  await page.getByRole("button", { name: "Terug naar mijn training" }).click();
  await page.getByRole("button", { name: "Openen" }).click();
  const status = page.getByRole("status").filter({ hasText: "Een nieuwe poging kan vanaf" });
  await expect(status).toBeVisible();
  await expect(status).not.toContainText("UTC");
  await expect(status).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole("button", { name: "Quiz starten" })).toHaveCount(0);
  await audit(page);
});

test("a quiz answered while a new version came out is refused once, and the retry, of the new version, counts", async ({ page, request }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const { program, path, token, headers } = await assignedTrainee(request);
  const module = await moduleOf(request, token);
  await page.goto(path);
  await page.getByRole("button", { name: "Openen" }).click();
  await readLessons(page, module.lessons.length);
  await page.getByRole("button", { name: "Naar de quiz" }).click();
  // While the trainee answers, the planner publishes a new wording of the first lesson.
  const next = nextVersion(module, module.lessons[0].id, "editorial");
  const res = await request.post(`/api/v1/programs/${program}/modules/${module.id}/versions`, { headers, data: { module: next } });
  expect(res.status()).toBe(201);
  await answerQuiz(page, module, true);
  await expect(page.locator(".attempt-refused")).toContainText("kon niet worden opgeslagen");
  // The app took the new version from the server: the retry is judged by it, and counts.
  await page.getByRole("button", { name: "Terug naar mijn training" }).click();
  await page.getByRole("button", { name: "Openen" }).click();
  await page.getByRole("button", { name: /^(Naar de quiz|Quiz starten|Opnieuw proberen)$/ }).first().click();
  await answerQuiz(page, next, true);
  await expect(page.getByRole("heading", { name: "Geslaagd!" })).toBeVisible();
  await expect.poll(async () => {
    const status = (await (await request.get(`/api/v1/train/${token}`)).json()).modules[0].status;
    return [status.version, status.stage];
  }).toEqual([next.version, "done"]);
});

test.describe("far east of the server", () => {
  // Kiritimati is 14 hours ahead of UTC: from 10:00 UTC on, its day is the next one.
  const zone = "Pacific/Kiritimati";
  test.use({ timezoneId: zone });

  test("the certificate is dated by the trainee's own calendar, not the server's", async ({ page, request }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 390, height: 844 });
    const { path, token } = await assignedTrainee(request);
    const module = await moduleOf(request, token);
    const today = () => new Date().toLocaleDateString("nl-NL", { timeZone: zone, day: "numeric", month: "long", year: "numeric" });
    await page.goto(path);
    await page.getByRole("button", { name: "Openen" }).click();
    await readLessons(page, module.lessons.length);
    await page.getByRole("button", { name: "Naar de quiz" }).click();
    const before = today();
    await answerQuiz(page, module, true);
    await expect(page.getByRole("heading", { name: "Geslaagd!" })).toBeVisible();
    const after = today();
    await page.getByRole("button", { name: "Certificaat bekijken" }).click();
    await expect(page.locator(".certificate .version")).toHaveText(new RegExp(`Afgerond op (${before}|${after})$`));
  });
});

const HELPDESK = { nl: "Bel de helpdesk: 020-1234567", en: "Call the helpdesk: 020-1234567" };
const FAQ = "https://intranet.example.org/intune-faq";

/** The certificate shown, printed as Chromium prints it: one A4 page, the card filling it, the
 * trainee's name, the module and its version and date large and centred, none of the app. */
async function expectPrintedOnOneA4Page(page) {
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString("latin1");
  expect(pdf.match(/\/Type\s*\/Page\b(?!s)/g), "pages printed").toHaveLength(1);
  const box = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/);
  // A4 in points (210 × 297 mm), within a point of rounding.
  expect(Math.abs(Number(box[1]) - 595.3)).toBeLessThan(1.5);
  expect(Math.abs(Number(box[2]) - 841.9)).toBeLessThan(1.5);
  // The same page laid out on screen: A4 at 96 px per inch is 794 × 1123 px.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: "print" });
  const card = await page.locator(".certificate").boundingBox();
  expect(card.height, "the card's height on the page").toBeGreaterThan(0.85 * 1123);
  expect(card.width).toBeGreaterThan(0.85 * 794);
  const centre = card.x + card.width / 2;
  for (const [part, px] of [[".trainee", 36], [".module-title", 30], [".version", 18], ["h1", 40]]) {
    const el = page.locator(`.certificate ${part}`);
    const size = await el.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size, `${part}'s font size in px`).toBeGreaterThanOrEqual(px);
    const text = await el.evaluate((e) => { const r = document.createRange(); r.selectNodeContents(e); const b = r.getBoundingClientRect(); return b.x + b.width / 2; });
    expect(Math.abs(text - centre), `${part} centred`).toBeLessThan(4);
  }
  for (const hidden of [".topbar", "button", ".no-print"]) {
    await expect(page.locator(hidden).filter({ visible: true })).toHaveCount(0);
  }
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 390, height: 844 });
}

/** The program's helpdesk, which the closed-link page names. */
async function setHelpdesk(request, program, headers) {
  const res = await request.put(`/api/v1/programs/${program}/support`, { headers, data: { helpdesk: HELPDESK } });
  expect(res.status()).toBe(200);
}

test("the back button closes a module instead of leaving the app, and a reload keeps the module open", async ({ page, request }) => {
  const { path } = await assignedTrainee(request);
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Mijn training" })).toBeVisible();
  await page.getByRole("button", { name: "Openen" }).click();
  await expect(page.getByRole("heading", { name: "Mijn training" })).toHaveCount(0);
  await expect(page).toHaveURL(/#get-help$/);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Mijn training" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Terug naar mijn training" }).first()).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Mijn training" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(path);
  // Closing the module in the page leaves no entry that "back" would reopen it from.
  await page.getByRole("button", { name: "Openen" }).click();
  await page.getByRole("button", { name: "Terug naar mijn training" }).first().click();
  await expect(page.getByRole("heading", { name: "Mijn training" })).toBeVisible();
  expect(new URL(page.url()).hash).toBe("");
});

test("a reload mid-quiz keeps the question shown with the choices made on it, not checked yet", async ({ page, request }) => {
  const { path, token } = await assignedTrainee(request);
  const module = await moduleOf(request, token);
  await page.goto(path);
  await page.getByRole("button", { name: "Openen" }).click();
  await readLessons(page, module.lessons.length);
  await page.getByRole("button", { name: "Naar de quiz" }).click();
  // The first question answered and checked; on the next one with options, options chosen.
  let picked = [];
  let text;
  for (let n = 0; picked.length === 0; n++) {
    await page.locator("legend h1").waitFor();
    text = await page.locator("legend h1").textContent();
    const q = module.quiz.questions.find((x) => x.text.nl === text);
    if (n > 0 && q.type !== "ordering") {
      picked = q.type === "true_false" ? ["Waar"] : q.options.slice(0, q.type === "multiple_choice" ? 2 : 1).map((o) => o.text.nl);
      for (const label of picked) await page.getByLabel(label, { exact: true }).check();
      break;
    }
    if (q.type !== "ordering") {
      await page.getByLabel(q.type === "true_false" ? "Waar" : q.options[0].text.nl, { exact: true }).check();
    }
    await page.getByRole("button", { name: "Controleren" }).click();
    await page.getByRole("button", { name: "Volgende" }).click();
  }

  await page.reload();
  await expect(page.locator("legend h1")).toHaveText(text);
  for (const label of picked) await expect(page.getByLabel(label, { exact: true })).toBeChecked();
  await expect(page.locator(".feedback")).toHaveCount(0);
  await page.getByRole("button", { name: "Controleren" }).click();
  await expect(page.locator(".feedback")).toBeVisible();
});

test("an unknown training link says so under its own heading and leads on to the start page, as a survey link does", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/t/0123456789abcdef0123456789abcdef", "/r/0123456789abcdef0123456789abcdef"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "Deze link werkt niet" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Naar de startpagina" })).toHaveAttribute("href", "/");
    await audit(page);
  }
  await page.getByRole("link", { name: "Naar de startpagina" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("a revoked training link shows a page saying so with the helpdesk, in Dutch and English", async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { program, headers, path } = await assignedTrainee(request);
  await setHelpdesk(request, program, headers);
  // Opened once, so the device holds a copy of the training.
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Mijn training" })).toBeVisible();
  const res = await request.post(`/api/v1/programs/${program}/training/revoke`, { headers, data: { wave: "pilot" } });
  expect(res.status()).toBe(200);
  expect((await res.json()).revoked).toBe(6);

  // Still open on the phone: the next lesson read is sent, refused, and the page says why.
  await page.getByRole("button", { name: "Openen" }).click();
  await page.getByRole("button", { name: "Beginnen" }).click();
  await expect(page.getByRole("heading", { name: "Deze trainingslink werkt niet meer" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Deze trainingslink werkt niet meer" })).toBeVisible();
  await expect(page.getByText("De organisatie heeft deze link ingetrokken.", { exact: false })).toBeVisible();
  await expect(page.getByText(HELPDESK.nl)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Mijn training" })).toHaveCount(0);
  await audit(page);
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("wavegate.training")));
  expect(kept, "the device keeps nothing of a closed link").toEqual([]);

  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { name: "This training link no longer works" })).toBeVisible();
  await expect(page.getByText(HELPDESK.en)).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the home page" })).toHaveAttribute("href", "/");
  await audit(page);
});

test("an expired training link shows the expiry page with the helpdesk", async ({ page, request }) => {
  const { program, headers, path, token } = await assignedTrainee(request);
  await setHelpdesk(request, program, headers);
  // A last day already past is refused (the links would never open), so no link here is past
  // its last day: the page gets the answer the server gives one (its API tests check that).
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const refused = await request.post(`/api/v1/programs/${program}/modules/get-help/assignments`, {
    headers,
    data: { wave: "pilot", expires_on: yesterday },
  });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error.code).toBe("invalid_date");
  // The answer is the server's own for a link that no longer opens (a colleague's link,
  // revoked), with only its code turned to expiry: its shape and helpdesk are the real ones.
  const links = await request.get(`/api/v1/programs/${program}/modules/get-help/links.csv`, { headers });
  const rows = (await links.text()).trim().split(/\r?\n/);
  const head = rows[0].split(",");
  const colleague = rows.slice(1).map((r) => r.split(",")).find((c) => !c[head.indexOf("link")].endsWith(`/t/${token}`));
  const revokedToken = colleague[head.indexOf("link")].split("/t/").pop();
  const closed = await request.post(`/api/v1/programs/${program}/training/revoke`, { headers, data: { person_ids: [colleague[head.indexOf("person_id")]] } });
  expect((await closed.json()).revoked).toBe(1);
  const real = await request.get(`/api/v1/train/${revokedToken}`);
  expect(real.status()).toBe(410);
  const answer = await real.json();
  expect(answer.error.code).toBe("link_revoked");
  answer.error.code = "link_expired";
  await page.route(new RegExp(`/api/v1/train/${token}(/|\\?|$)`), (route) => route.fulfill({
    status: 410,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(answer),
  }));
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Deze trainingslink is verlopen" })).toBeVisible();
  await expect(page.getByText("De periode voor deze training is voorbij.", { exact: false })).toBeVisible();
  await expect(page.getByText(HELPDESK.nl)).toBeVisible();
  await audit(page);
});
