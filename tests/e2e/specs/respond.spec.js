// A pilot user answers the survey; the planner sees it.
const { test, expect } = require("@playwright/test");
const { invite, responseCount, scaleCount, answerSurvey, signIn } = require("./helpers");

test("a pilot user answers in Dutch, the planner sees the count, and the link cannot be used twice", async ({ page, request }) => {
  const before = await responseCount(request);
  const npsEightBefore = await scaleCount(request, "nps", 8);
  const path = await invite(request, "e2e-dutch", { language: "nl" });

  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByText(/^Pagina 1 van \d+$/)).toBeVisible();
  await answerSurvey(page, { next: "Volgende", submit: "Versturen" });
  await expect(page.getByRole("heading", { name: "Bedankt voor je antwoorden!" })).toBeVisible();
  // A screen reader goes on from the thanks' heading, not from the top of the region.
  await expect(page.getByRole("heading", { name: "Bedankt voor je antwoorden!" })).toBeFocused();
  // A personal link takes one response: nothing invites a second.
  await expect(page.getByRole("button", { name: "Iemand anders laten invullen" })).toHaveCount(0);
  expect(await responseCount(request)).toBe(before + 1);

  await page.goto("/planner/programs/demo/surveys/pilot-feedback/results");
  await signIn(page);
  const results = page.getByRole("region", { name: /Resultaten/ });
  await expect(results).toContainText(`${before + 1} respondenten`);
  // The NPS question was answered 8 by the filler: its distribution shows it.
  await expect(results.locator("[data-question='nps'] [data-value='8'] [data-cell='count']")).toHaveText(String(npsEightBefore + 1));

  await page.goto(path);
  await expect(page.getByText("Je hebt deze vragenlijst al ingevuld. Bedankt!")).toBeVisible();
});

test("on a phone, 'Anders' is a thumb-sized target and the SUS matrix's scale key stays in sight down to the last statement", async ({ page, request }) => {
  const { planner, answerPage } = require("./helpers");
  await page.setViewportSize({ width: 390, height: 844 });
  // No platform on the link: the survey asks, with "Anders" among the choices.
  const res = await request.post("/api/v1/programs/demo/surveys/pilot-feedback/invitations", {
    headers: await planner(request),
    data: { invitations: [{ person_id: `e2e-phone-${Date.now().toString(36)}`, language: "nl", attributes: { wave: "pilot" } }] },
  });
  expect(res.status()).toBe(201);
  const [link] = await res.json();
  await page.goto(new URL(link.url).pathname);
  const other = page.locator(".option-other label");
  await expect(other).toHaveText(/^Anders/);
  expect((await other.boundingBox()).height, "the radio's target, in CSS pixels").toBeGreaterThanOrEqual(44);

  const items = page.locator("fieldset.matrix-item");
  for (let guard = 0; guard < 10 && !(await items.count()); guard++) {
    await answerPage(page);
    await page.getByRole("button", { name: "Volgende", exact: true }).click();
    await expect(page.getByText(/^Pagina \d+ van \d+$/)).toBeVisible();
  }
  expect(await items.count()).toBeGreaterThanOrEqual(6);
  const key = page.locator(".matrix-key");
  await expect(key).toHaveText("1 = Helemaal mee oneens … 5 = Helemaal mee eens");
  // Scrolled down to the sixth statement, far below where the key stood.
  await items.nth(5).evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 100));
  await expect(key).toBeInViewport();
  const [keyBox, row] = [await key.boundingBox(), await items.nth(5).locator(".scale").boundingBox()];
  expect(keyBox.y, "the key sits at the top of the screen").toBeLessThan(10);
  expect(keyBox.y + keyBox.height, "above the sixth statement's points, not over them").toBeLessThanOrEqual(row.y);
});

test("on a phone, the SUS statement focused after a failed 'Volgende' shows whole below the sticky scale key", async ({ page, request }) => {
  const { planner, answerPage } = require("./helpers");
  await page.setViewportSize({ width: 390, height: 844 });
  const res = await request.post("/api/v1/programs/demo/surveys/pilot-feedback/invitations", {
    headers: await planner(request),
    data: { invitations: [{ person_id: `e2e-sus-focus-${Date.now().toString(36)}`, language: "nl", attributes: { wave: "pilot" } }] },
  });
  expect(res.status()).toBe(201);
  const [link] = await res.json();
  await page.goto(new URL(link.url).pathname);
  const items = page.locator("fieldset.matrix-item");
  for (let guard = 0; guard < 10 && !(await items.count()); guard++) {
    await answerPage(page);
    await page.getByRole("button", { name: "Volgende", exact: true }).click();
    await expect(page.getByText(/^Pagina \d+ van \d+$/)).toBeVisible();
  }
  // The first five statements answered, the sixth (and those after it) not.
  for (let i = 0; i < 5; i++) await items.nth(i).locator("label.option").nth(3).click();
  await page.getByRole("button", { name: "Volgende", exact: true }).click();
  const missing = items.nth(5);
  await expect(missing.locator("input").first()).toBeFocused();
  await page.waitForTimeout(300);
  const [keyBox, itemBox] = [await page.locator(".matrix-key").boundingBox(), await missing.boundingBox()];
  const height = page.viewportSize().height;
  expect(keyBox.y + keyBox.height, "the statement's text starts below the key, not under it").toBeLessThanOrEqual(itemBox.y + 1);
  expect(itemBox.y + itemBox.height, "its points and error are on screen").toBeLessThanOrEqual(height);
});

test("required questions stop the respondent with a clear, focused message", async ({ page, request }) => {
  const path = await invite(request, "e2e-required", { language: "en" });
  await page.goto(path);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByText("Some answers aren't filled in correctly. Please check the marked questions.")).toBeVisible();
  const invalid = page.locator("fieldset.question[aria-invalid='true']");
  await expect(invalid.first()).toBeVisible();
  await expect(invalid.first().locator("input").first()).toBeFocused();
  await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
});

test("the language can be switched while answering, answers kept", async ({ page, request }) => {
  const path = await invite(request, "e2e-switch", { language: "nl" });
  await page.goto(path);
  const first = page.locator("fieldset.question").first();
  await first.locator("label.option").nth(3).click();
  await page.getByRole("button", { name: "Schakel over naar Nederlands" }).or(page.getByRole("button", { name: "Switch to English" })).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
  await expect(first.locator("input:checked")).toHaveCount(1);
});

test("an unknown link says so instead of showing a broken page, and what to do next", async ({ page }) => {
  await page.goto("/r/00000000000000000000000000000000");
  await expect(page.getByRole("heading", { name: "Deze link werkt niet", level: 1 })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("Open de link uit je uitnodiging opnieuw");
  await expect(page.getByRole("alert")).toContainText("vraag de helpdesk van je organisatie om een nieuwe");
});

test("a wrong password is refused, and a reload keeps a session", async ({ page }) => {
  await page.goto("/planner");
  await signIn(page, { password: "not-the-password-at-all" });
  await expect(page.getByText("Het e-mailadres of het wachtwoord klopt niet.")).toBeVisible();
  await signIn(page);
  await expect(page.getByRole("heading", { name: "Programma's" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Programma's" })).toBeVisible();
  await page.getByRole("button", { name: "Afmelden" }).click();
  await expect(page.getByLabel("E-mailadres")).toBeVisible();
});

test("an anonymous link takes several responses, none tied to a person", async ({ page, request }) => {
  const { planner, responseCount } = require("./helpers");
  const res = await request.get("/api/v1/programs/demo/surveys/om-pulse/invitations", { headers: await planner(request) });
  const [link] = await res.json();
  expect(link.person_id).toBeUndefined();
  const before = await responseCount(request, "om-pulse");

  await page.goto(new URL(link.url).pathname);
  // The respondent is told before answering, and a personal link's "not you?" has no place here.
  await expect(page.getByText("Deze vragenlijst is anoniem: niemand kan je antwoorden aan jou koppelen.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Niet jij\?/ })).toHaveCount(0);
  await answerSurvey(page, { next: "Volgende", submit: "Versturen" });
  await expect(page.getByRole("heading", { name: "Bedankt voor je antwoorden!" })).toBeVisible();
  // For the next person on a shared device: the link serves the whole group.
  await page.getByRole("button", { name: "Iemand anders laten invullen" }).click();
  await expect(page.getByText(/^Pagina 1 van \d+$/)).toBeVisible();
  // The new survey takes focus, not the page's body.
  await expect(page.locator("#main")).toBeFocused();
  await answerSurvey(page, { next: "Volgende", submit: "Versturen" });
  await expect(page.getByRole("heading", { name: "Bedankt voor je antwoorden!" })).toBeVisible();
  await expect.poll(() => responseCount(request, "om-pulse")).toBe(before + 2);

  const csv = await request.get("/api/v1/programs/demo/surveys/om-pulse/responses?layout=wide", { headers: await planner(request) });
  const rows = (await csv.text()).trim().split("\r\n");
  const header = rows[0].split(",");
  const personColumn = header.indexOf("person_id");
  expect(personColumn).toBeGreaterThanOrEqual(0);
  const cells = rows.slice(1).map((r) => r.split(","));
  expect(cells.length).toBe(before + 2);
  expect(cells.filter((c) => c[personColumn] !== "")).toEqual([]);
  // The moment of answering would single people out: an anonymous export says only the day.
  const submitted = header.indexOf("submitted_at");
  expect(submitted).toBeGreaterThanOrEqual(0);
  expect(cells.map((c) => c[submitted]).filter((t) => !/^\d{4}-\d{2}-\d{2}T00:00:00Z$/.test(t))).toEqual([]);
  // Two people, two responses: the second did not overwrite the first.
  const ids = cells.map((c) => c[header.indexOf("response_id")]);
  expect(new Set(ids).size).toBe(ids.length);
});

test("a survey written only in English opens in English, with no language switch, for a person the roster calls Dutch", async ({ page, request }) => {
  const { planner } = require("./helpers");
  const headers = await planner(request);
  // SurveyJS's quickstart kind of survey: English only.
  const surveyjs = {
    title: "Product Feedback Survey",
    pages: [{ elements: [
      { type: "rating", name: "satisfaction", title: "How satisfied are you with the product?" },
      { type: "radiogroup", name: "price", title: "Do you feel our current price is merited by our product?",
        choices: ["correct|Yes, the price is about right", "low|No, the price is too low", "high|No, the price is too high"] },
    ] }],
  };
  const published = await request.post("/api/v1/programs/demo/surveys", { headers, data: { surveyjs } });
  expect(published.ok()).toBeTruthy();
  const { survey_id: survey, languages } = await published.json();
  expect(languages).toEqual(["en"]);
  const person = `e2e-english-only-${Date.now().toString(36)}`;
  const res = await request.post(`/api/v1/programs/demo/surveys/${survey}/invitations`, {
    headers,
    data: { invitations: [{ person_id: person, language: "nl", attributes: { wave: "pilot" } }] },
  });
  expect(res.status()).toBe(201);
  const [link] = await res.json();
  expect(link.language, "the language the person will read").toBe("en");
  const csv = await (await request.get(`/api/v1/programs/demo/surveys/${survey}/invitations?format=csv`, { headers })).text();
  expect(csv.split("\r\n").find((l) => l.startsWith(`${person},`))).toMatch(new RegExp(`^${person},,en,`));

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(new URL(link.url).pathname);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
  await expect(page.locator(".lang-switch")).toHaveCount(0);
  await expect(page.getByText("Volgende", { exact: true })).toHaveCount(0);
  await answerSurvey(page, { next: "Next", submit: "Submit" });
  await expect(page.getByRole("heading", { name: "Thank you for your answers!" })).toBeVisible();
});
