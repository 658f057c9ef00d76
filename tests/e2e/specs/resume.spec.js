// Continuing on another device, clearing a shared device, and how the survey reads on a phone.
const { test, expect } = require("@playwright/test");
const { audit, expectNoHorizontalScroll, invite, planner, responseCount, answerPage, answerSurvey } = require("./helpers");

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "nl-NL" };
const DESKTOP = { viewport: { width: 1280, height: 900 }, locale: "nl-NL" };

/** What this page's origin keeps in localStorage, this tab's sessionStorage (as `session:<key>`),
 * caches and IndexedDB whose name holds `token`. */
async function storedFor(page, token) {
  return page.evaluate(async (t) => {
    const found = Object.keys(localStorage).filter((k) => k.includes(t));
    found.push(...Object.keys(sessionStorage).filter((k) => k.includes(t)).map((k) => `session:${k}`));
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) {
        if (req.url.includes(t)) found.push(`cache:${req.url}`);
      }
    }
    if (indexedDB.databases) {
      for (const db of await indexedDB.databases()) {
        if ((db.name || "").includes(t)) found.push(`idb:${db.name}`);
      }
    }
    return found;
  }, token);
}

test("half a survey on a phone continues on a desktop with the same link, and is stored once", async ({ browser, request }) => {
  const before = await responseCount(request);
  const path = await invite(request, "e2e-resume", { language: "nl" });
  const token = path.split("/").pop();

  const phone = await browser.newContext(PHONE);
  const onPhone = await phone.newPage();
  await onPhone.goto(path);
  await expect(onPhone.getByText(/^Pagina 1 van \d+$/)).toBeVisible();
  await answerPage(onPhone);
  await onPhone.getByRole("button", { name: "Volgende", exact: true }).click();
  await expect(onPhone.getByText(/^Pagina 2 van \d+$/)).toBeVisible();
  await expect(onPhone.getByText("Open je link op een ander apparaat om daar verder te gaan.")).toBeVisible();
  // The page change saves the draft (on page 2, with the answers) on the server shortly after.
  const serverPage = async () => {
    const res = await request.get(`/api/v1/respond/${token}/draft`);
    return res.status() === 200 ? (await res.json()).draft.page : null;
  };
  await expect.poll(serverPage).toBe(1);
  await phone.close();

  const desktop = await browser.newContext(DESKTOP);
  const onDesktop = await desktop.newPage();
  await onDesktop.goto(path);
  // This device had no answers of its own: nothing says where the others came from.
  await expect(onDesktop.getByText(/Je gaat verder waar je was gebleven \(bewaard op /)).toBeVisible();
  await expect(onDesktop.getByText(/^Pagina 2 van \d+$/)).toBeVisible();
  await onDesktop.getByRole("button", { name: "Vorige", exact: true }).click();
  // The phone's answers are there: every question of page 1 has its answer checked.
  const firstPage = onDesktop.locator("fieldset.question");
  for (let i = 0; i < (await firstPage.count()); i++) {
    await expect(firstPage.nth(i).locator("input:checked, textarea").first()).toBeAttached();
  }
  await onDesktop.getByRole("button", { name: "Volgende", exact: true }).click();
  await answerSurvey(onDesktop, { next: "Volgende", submit: "Versturen" });
  await expect(onDesktop.getByRole("heading", { name: "Bedankt voor je antwoorden!" })).toBeVisible();
  await expect.poll(() => responseCount(request)).toBe(before + 1);
  // The draft is gone from the server and from this device.
  expect((await request.get(`/api/v1/respond/${token}/draft`)).status()).toBe(409);
  expect(await storedFor(onDesktop, token)).toEqual([]);
  await desktop.close();
});

test("a phone left open on a stale page does not wipe what the desktop saved since", async ({ browser, request }) => {
  const path = await invite(request, "e2e-both-open", { language: "nl" });
  const token = path.split("/").pop();
  const saved = async () => {
    const res = await request.get(`/api/v1/respond/${token}/draft`);
    return res.status() === 200 ? res.json() : null;
  };

  // The phone answers page 1 and goes on: revision 1 on the server.
  const phone = await browser.newContext(PHONE);
  const onPhone = await phone.newPage();
  await onPhone.goto(path);
  await answerPage(onPhone);
  await onPhone.getByRole("button", { name: "Volgende", exact: true }).click();
  await expect(onPhone.getByText(/^Pagina 2 van \d+$/)).toBeVisible();
  await expect.poll(async () => (await saved())?.revision).toBe(1);

  // Meanwhile on the desktop (the phone stays open): page 2 answered, on to page 3: revision 2.
  const desktop = await browser.newContext(DESKTOP);
  const onDesktop = await desktop.newPage();
  await onDesktop.goto(path);
  await expect(onDesktop.getByText(/^Pagina 2 van \d+$/)).toBeVisible();
  await answerPage(onDesktop);
  await onDesktop.getByRole("button", { name: "Volgende", exact: true }).click();
  await expect(onDesktop.getByText(/^Pagina 3 van \d+$/)).toBeVisible();
  await expect.poll(async () => (await saved())?.revision).toBe(2);
  const desktopAnswers = (await saved()).draft.answers;

  // The phone, still on its page 2 without those answers, turns back a page. Its save over
  // revision 1 is refused; it had changed no answers, so it takes the desktop's and says so.
  await onPhone.getByRole("button", { name: "Vorige", exact: true }).click();
  await expect(onPhone.getByText(/Je gaat verder met de nieuwere antwoorden die je op een ander apparaat gaf/)).toBeVisible();
  await expect(onPhone.getByText(/^Pagina 3 van \d+$/)).toBeVisible();
  const kept = await saved();
  expect(kept.draft.answers).toEqual(desktopAnswers);
  await audit(onPhone);

  // Finishing on the phone sends a response with the desktop's answers.
  const sent = onPhone.waitForRequest((r) => r.method() === "POST" && r.url().endsWith(`/api/v1/respond/${token}`));
  await answerSurvey(onPhone, { next: "Volgende", submit: "Versturen" });
  const response = (await sent).postDataJSON();
  for (const [question, answer] of Object.entries(desktopAnswers)) {
    expect(response.answers[question], question).toEqual(answer);
  }
  await expect(onPhone.getByRole("heading", { name: "Bedankt voor je antwoorden!" })).toBeVisible();
  await phone.close();
  await desktop.close();
});

test("answers given offline on a phone win over an older save from the desktop, and the person is told", async ({ browser, request }) => {
  const path = await invite(request, "e2e-offline-newer", { language: "nl" });
  const token = path.split("/").pop();
  const saved = async () => {
    const res = await request.get(`/api/v1/respond/${token}/draft`);
    return res.status() === 200 ? res.json() : null;
  };

  // The desktop answers page 1 and goes on: revision 1.
  const desktop = await browser.newContext(DESKTOP);
  const onDesktop = await desktop.newPage();
  await onDesktop.goto(path);
  await answerPage(onDesktop);
  await onDesktop.getByRole("button", { name: "Volgende", exact: true }).click();
  await expect(onDesktop.getByText(/^Pagina 2 van \d+$/)).toBeVisible();
  await expect.poll(async () => (await saved())?.revision).toBe(1);

  // The phone picks that up on page 2.
  const phone = await browser.newContext(PHONE);
  let onPhone = await phone.newPage();
  await onPhone.goto(path);
  await expect(onPhone.getByText(/Je gaat verder waar je was gebleven \(bewaard op /)).toBeVisible();
  await expect(onPhone.getByText(/^Pagina 2 van \d+$/)).toBeVisible();

  // The desktop turns back a page: revision 2, no new answers.
  await onDesktop.getByRole("button", { name: "Vorige", exact: true }).click();
  await expect.poll(async () => (await saved())?.revision).toBe(2);
  await desktop.close();

  // On the train, offline, a second later: the phone answers page 2 and goes on. Its save
  // cannot reach the server; the answers stay on the phone.
  await phone.setOffline(true);
  await onPhone.waitForTimeout(1100);
  await answerPage(onPhone);
  await onPhone.getByRole("button", { name: "Volgende", exact: true }).click();
  await expect(onPhone.getByText(/^Pagina 3 van \d+$/)).toBeVisible();
  const onDevice = await onPhone.evaluate((t) => JSON.parse(localStorage.getItem(`wavegate.draft.${t}`)), token);
  await onPhone.close();
  expect((await saved()).revision, "nothing reached the server").toBe(2);

  // Back online, the link opens with the phone's newer answers, and says so.
  await phone.setOffline(false);
  onPhone = await phone.newPage();
  await onPhone.goto(path);
  await expect(onPhone.getByText("De antwoorden op dit apparaat zijn nieuwer dan die van je andere apparaat. Je gaat verder met die van dit apparaat.")).toBeVisible();
  await expect(onPhone.getByText(/^Pagina 3 van \d+$/)).toBeVisible();
  await audit(onPhone);
  // The next page change puts them on the server over the desktop's revision.
  await onPhone.getByRole("button", { name: "Vorige", exact: true }).click();
  await expect.poll(async () => (await saved())?.revision).toBe(3);
  expect((await saved()).draft.answers).toEqual(onDevice.answers);
  await phone.close();
});

test("'not you?' leaves nothing of the survey on a shared device", async ({ browser, request }) => {
  const path = await invite(request, "e2e-shared", { language: "nl" });
  const token = path.split("/").pop();
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(path);
  await answerPage(page);
  await page.getByRole("button", { name: "Volgende", exact: true }).click();
  await expect(page.getByText(/^Pagina 2 van \d+$/)).toBeVisible();
  expect((await storedFor(page, token)).length).toBeGreaterThan(0);
  await audit(page);

  // Once the page change is saved on the server, clearing loses nothing but this device's
  // copy. Asked once more, saying so; cancelling keeps everything.
  await expect.poll(() => page.evaluate((t) => JSON.parse(localStorage.getItem(`wavegate.draftsync.${t}`) || "{}").changed, token)).toBe(false);
  await page.getByRole("button", { name: "Niet jij? Verwijder deze vragenlijst van dit apparaat" }).click();
  const ask = page.getByRole("group", { name: /Alles van deze vragenlijst wordt van dit apparaat verwijderd/ });
  await expect(ask.getByText(/Alles van deze vragenlijst/)).toBeFocused();
  await ask.getByRole("button", { name: "Annuleren" }).click();
  await expect(ask).toHaveCount(0);
  expect((await storedFor(page, token)).length).toBeGreaterThan(0);
  // Answers typed offline are not on the server yet: the question says they would be lost.
  await context.setOffline(true);
  await page.locator("fieldset.question").first().locator("label.option").first().click();
  await page.getByRole("button", { name: "Niet jij? Verwijder deze vragenlijst van dit apparaat" }).click();
  const warn = page.getByRole("group", { name: /nog niet op de server bewaard/ });
  await expect(warn).toBeVisible();
  // This person's own language choice, which the next person's link must not open in.
  await page.evaluate(() => localStorage.setItem("wavegate.lang", JSON.stringify("en")));
  await warn.getByRole("button", { name: "Ja, verwijderen" }).click();
  await context.setOffline(false);
  await expect(page.getByRole("heading", { name: "De vragenlijst is van dit apparaat verwijderd" })).toBeVisible();
  // The link left the address bar: the next person cannot reload it back.
  await expect(page).toHaveURL(/\/cleared$/);
  expect(await storedFor(page, token)).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem("wavegate.lang"))).toBeNull();
  await audit(page);
  await page.reload();
  await expect(page.getByRole("heading", { name: "De vragenlijst is van dit apparaat verwijderd" })).toBeVisible();
  await expect(page.getByText(/^Pagina \d+ van \d+$/)).toHaveCount(0);
  await expect(page.locator("fieldset.question")).toHaveCount(0);
  // Nor go back to it: the link's entry in the history was replaced.
  await page.goBack();
  expect(page.url()).not.toContain(token);
  // Leaving the page now saves nothing back.
  await page.goto("/");
  expect(await storedFor(page, token)).toEqual([]);
  await context.close();
});

test("'not you?' takes back from the server what was answered on the shared device, so the link's person starts afresh", async ({ browser, request }) => {
  const path = await invite(request, "e2e-not-you-server", { language: "nl" });
  const token = path.split("/").pop();
  const shared = await browser.newContext(DESKTOP);
  const page = await shared.newPage();
  await page.goto(path);
  await answerPage(page);
  await page.getByRole("button", { name: "Volgende", exact: true }).click();
  await expect(page.getByText(/^Pagina 2 van \d+$/)).toBeVisible();
  const draft = () => request.get(`/api/v1/respond/${token}/draft`);
  await expect.poll(async () => (await draft()).status()).toBe(200);
  await expect.poll(() => page.evaluate((t) => JSON.parse(localStorage.getItem(`wavegate.draftsync.${t}`) || "{}").changed, token)).toBe(false);
  await page.getByRole("button", { name: "Niet jij? Verwijder deze vragenlijst van dit apparaat" }).click();
  const ask = page.getByRole("group", { name: /ook van de server/ });
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Ja, verwijderen" }).click();
  await expect(page.getByRole("heading", { name: "De vragenlijst is van dit apparaat verwijderd" })).toBeVisible();
  await expect.poll(async () => (await draft()).status()).toBe(404);
  await shared.close();

  // The link's person opens it on their own phone: no one else's answers, no "where you left off".
  const phone = await browser.newContext(PHONE);
  const own = await phone.newPage();
  await own.goto(path);
  await expect(own.getByText(/^Pagina 1 van \d+$/)).toBeVisible();
  await expect(own.getByText(/verder waar je/)).toHaveCount(0);
  await expect(own.locator("fieldset.question input:checked")).toHaveCount(0);
  await phone.close();
});

test("on a 320-430 px phone the 0-10 scale is one row and errors clear as answers are given", async ({ browser, request }) => {
  const path = await invite(request, "e2e-phone", { language: "nl" });
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(path);
  // Page 1: errors on every required question, gone as soon as each is answered.
  await page.getByRole("button", { name: "Volgende", exact: true }).click();
  const summary = page.getByText("Niet alles is goed ingevuld. Bekijk de gemarkeerde vragen.");
  await expect(summary).toBeVisible();
  await audit(page);
  await answerPage(page);
  await expect(page.locator("fieldset.question.has-error")).toHaveCount(0);
  await expect(summary).toBeHidden();

  // Find the 0-10 question on a later page.
  let rating = page.locator("fieldset.question").filter({ has: page.locator(".scale-rating") });
  for (let n = 1; n < 10 && (await rating.count()) === 0; n++) {
    await answerPage(page);
    await page.getByRole("button", { name: "Volgende", exact: true }).click();
    await expect(page.getByText(new RegExp(`^Pagina ${n + 1} van \\d+$`))).toBeVisible();
  }
  await expect(rating.first()).toBeVisible();
  // Measured at its widest border: unanswered and marked as missing (it may be the last page).
  await page.getByRole("button", { name: /^(Volgende|Versturen)$/ }).click();
  await expect(rating.first()).toHaveClass(/has-error/);
  for (const width of [320, 390, 430]) {
    await page.setViewportSize({ width, height: 844 });
    const boxes = await rating.first().locator("label.option").evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), width: r.width, height: r.height })));
    expect(boxes.length).toBe(11);
    expect(new Set(boxes.map((b) => b.top)).size, `one row at ${width}px`).toBe(1);
    expect(Math.max(...boxes.map((b) => b.width)) - Math.min(...boxes.map((b) => b.width)), `equal points at ${width}px`).toBeLessThanOrEqual(1);
    // WCAG 2.2 target size (2.5.8): every point at least 24x24 CSS px; 44 px tall for thumbs.
    expect(Math.min(...boxes.map((b) => b.width)), `point width at ${width}px`).toBeGreaterThanOrEqual(24);
    expect(Math.min(...boxes.map((b) => b.height)), `point height at ${width}px`).toBeGreaterThanOrEqual(44);
    await expectNoHorizontalScroll(page);
  }
  // The end labels sit below the points, the low end under 0 and the high end under 10.
  const ends = rating.first().locator(".rating-ends span");
  const [first, last] = [rating.first().locator("label.option").first(), rating.first().locator("label.option").last()];
  const [low, high, zero, ten] = await Promise.all([ends.first(), ends.last(), first, last].map((l) => l.boundingBox()));
  expect(low.y).toBeGreaterThanOrEqual(zero.y + zero.height);
  expect(Math.round(low.x)).toBeLessThanOrEqual(Math.round(zero.x + zero.width));
  expect(Math.round(high.x + high.width)).toBeGreaterThanOrEqual(Math.round(ten.x));
  // Choosing a point clears its error at once.
  await rating.first().locator("label.option").nth(8).click();
  await expect(rating.first()).not.toHaveClass(/has-error/);
  await context.close();
});

test("reloading after an anonymous response shows the thank-you again, and answering again is one press away", async ({ browser, request }) => {
  const res = await request.get("/api/v1/programs/demo/surveys/om-pulse/invitations", { headers: await planner(request) });
  const [link] = await res.json();
  expect(link.person_id).toBeUndefined();
  const path = new URL(link.url).pathname;
  const token = path.split("/").pop();
  const before = await responseCount(request, "om-pulse");

  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(path);
  await answerSurvey(page, { next: "Volgende", submit: "Versturen" });
  const thanks = page.getByRole("heading", { name: "Bedankt voor je antwoorden!" });
  await expect(thanks).toBeVisible();
  await expect.poll(() => responseCount(request, "om-pulse")).toBe(before + 1);
  // The tab remembers that the link was answered and when, nothing of the answers; the device
  // (localStorage) keeps nothing of the survey.
  expect(await storedFor(page, token)).toEqual([`session:wavegate.answered.${token}`]);
  const mark = await page.evaluate((t) => JSON.parse(sessionStorage.getItem(`wavegate.answered.${t}`)), token);
  expect(Object.keys(mark)).toEqual(["submitted_at"]);

  // A reload shows the thank-you with the time it was received, not a blank survey.
  await page.reload();
  await expect(thanks).toBeVisible();
  await expect(page.locator(".submitted-at time")).toHaveAttribute("datetime", mark.submitted_at);
  await expect(page.locator(".submitted-at time")).toHaveText(/^\d{1,2} [A-Za-z]+ \d{4}, \d{2}:\d{2}$/);
  await expect(page.locator("form.survey-page")).toHaveCount(0);
  await expect(page.locator("fieldset.question")).toHaveCount(0);
  await audit(page);
  // Offline too: the thank-you with its time, and that answering again needs the connection
  // (the device keeps no copy of the survey to answer with).
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Bedankt voor je antwoorden!" })).toBeVisible();
  await expect(page.locator(".submitted-at time")).toHaveAttribute("datetime", mark.submitted_at);
  await expect(page.getByText("Je bent nu offline. Wil iemand anders de vragenlijst op dit apparaat invullen")).toBeVisible();
  await audit(page);
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByRole("button", { name: "Iemand anders laten invullen" })).toBeVisible();
  // Another tab (a new browser session for the next person on this device) gets the survey.
  const otherTab = await context.newPage();
  await otherTab.goto(path);
  await expect(otherTab.getByText(/^Pagina 1 van \d+$/)).toBeVisible();
  await expect(otherTab.getByRole("heading", { name: "Bedankt voor je antwoorden!" })).toHaveCount(0);
  await otherTab.close();

  // "Let someone else answer": a blank survey, which a reload now continues instead of thanking.
  await page.getByRole("button", { name: "Iemand anders laten invullen" }).click();
  await expect(page.getByText(/^Pagina 1 van \d+$/)).toBeVisible();
  await expect(thanks).toHaveCount(0);
  await expect(page.locator("fieldset.question input:checked")).toHaveCount(0);
  expect(await storedFor(page, token)).not.toContain(`session:wavegate.answered.${token}`);
  await page.locator("fieldset.question").first().locator("label.option").first().click();
  await page.reload();
  await expect(page.getByText(/^Pagina 1 van \d+$/)).toBeVisible();
  await expect(page.locator("fieldset.question").first().locator("input:checked")).toHaveCount(1);
  await context.close();
  expect(await responseCount(request, "om-pulse")).toBe(before + 1);
});

test("an anonymous link opened after someone else on the same device can start over", async ({ browser, request }) => {
  const res = await request.get("/api/v1/programs/demo/surveys/om-pulse/invitations", { headers: await planner(request) });
  const [link] = await res.json();
  const path = new URL(link.url).pathname;
  const context = await browser.newContext(DESKTOP);
  const first = await context.newPage();
  await first.goto(path);
  await answerPage(first);
  const given = await first.locator("fieldset.question input:checked").count();
  expect(given).toBeGreaterThan(0);
  await first.close();

  // The next person on the shared computer opens the same link.
  const next = await context.newPage();
  await next.goto(path);
  const banner = next.getByRole("status").filter({ hasText: "Op dit apparaat stonden al antwoorden. Niet van jou?" });
  await expect(banner).toBeVisible();
  await expect(next.locator("fieldset.question input:checked")).toHaveCount(given);
  await banner.getByRole("button", { name: "Opnieuw beginnen" }).click();
  await expect(banner).toHaveCount(0);
  await expect(next.locator("fieldset.question input:checked")).toHaveCount(0);
  await expect(next.getByText("Deze vragenlijst is anoniem: niemand kan je antwoorden aan jou koppelen.")).toBeVisible();
  await audit(next);
  await context.close();
});
