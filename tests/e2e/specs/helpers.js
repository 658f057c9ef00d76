// Helpers the specs share: planner API calls and a generic survey filler.
const { expect } = require("@playwright/test");
const AxeBuilder = require("@axe-core/playwright").default;
const { PLANNER_EMAIL, DEMO_PASSWORD, BIN } = require("./env");

/** axe-core finds no WCAG 2.1 A/AA violation on the page as it is now. */
async function audit(page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}x: ${v.nodes[0].target})`);
  expect(summary).toEqual([]);
}

/** The page scrolls vertically only: nothing sticks out to the right. */
async function expectNoHorizontalScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "horizontal overflow in CSS pixels").toBeLessThanOrEqual(0);
}

// One sign-in per request context (each test has its own): the context keeps the session
// cookie, and changes carry the session's CSRF token.
const sessions = new WeakMap();

/** Signs the request context in as the demo planner; returns the headers a change needs. */
async function planner(request) {
  if (!sessions.has(request)) {
    const res = await request.post("/api/v1/session", { data: { email: PLANNER_EMAIL, password: DEMO_PASSWORD } });
    expect(res.status()).toBe(200);
    const { csrf_token } = await res.json();
    sessions.set(request, { "X-CSRF-Token": csrf_token });
  }
  return sessions.get(request);
}

/** Signs in through the planner page like a person would. */
async function signIn(page, { email = PLANNER_EMAIL, password = DEMO_PASSWORD } = {}) {
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  // Waits for the server's answer: a test that navigates on at once would race the session
  // cookie (on a slow machine the page then opened signed out).
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/v1/session");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  const res = await answered;
  if (res.ok()) await expect(page.getByRole("button", { name: "Afmelden" })).toBeVisible();
  return res;
}

/** Creates a personal invitation to the demo pilot survey and returns its path (/r/<token>). */
async function invite(request, personId, { language = "nl", attributes = {} } = {}) {
  // A new person every time: the same person would get their existing (maybe answered) link back.
  const person = `${personId}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await request.post("/api/v1/programs/demo/surveys/pilot-feedback/invitations", {
    headers: await planner(request),
    data: {
      invitations: [{ person_id: person, language, attributes: { wave: "pilot", platform: "Windows", department: "Finance", ...attributes } }],
    },
  });
  expect(res.status()).toBe(201);
  const [link] = await res.json();
  return new URL(link.url).pathname;
}

const TRAINING_PROGRAM_TOML = `name = "Training e2e ${Date.now()} ${Math.random().toString(36).slice(2, 8)}"
[[wave]]
id = "pilot"
start = 2027-01-11
end = 2027-01-29
`;

/** A program of its own with a small roster and `get-help` (or the module `publish` names:
 * `{ module: {…} }`) assigned (with `assign`'s extra fields, e.g. `expires_on`); the trainee's
 * link path. */
async function assignedTrainee(request, assign = {}, publish = { builtin: "get-help" }, platform = "Windows") {
  const moduleId = publish.module ? publish.module.id : publish.builtin;
  const headers = await planner(request);
  let res = await request.post("/api/v1/programs", {
    headers: { ...headers, "Content-Type": "application/toml" },
    data: TRAINING_PROGRAM_TOML,
  });
  expect(res.status()).toBe(201);
  const { id } = await res.json();
  const roster = "person_id;email;wave;platform;name\n" +
    [1, 2, 3, 4, 5, 6].map((i) => `t00${i};t00${i}@example.org;pilot;${platform};Trainee ${i}`).join("\n") + "\n";
  res = await request.put(`/api/v1/programs/${id}/files/roster`, {
    headers: { ...headers, "Content-Type": "text/csv" },
    data: roster,
  });
  expect(res.status()).toBe(200);
  res = await request.post(`/api/v1/programs/${id}/modules`, { headers, data: publish });
  expect(res.status()).toBe(201);
  res = await request.post(`/api/v1/programs/${id}/modules/${moduleId}/assignments`, { headers, data: { wave: "pilot", ...assign } });
  expect(res.status()).toBe(201);
  res = await request.get(`/api/v1/programs/${id}/modules/${moduleId}/links.csv`, { headers });
  const lines = (await res.text()).trim().split(/\r?\n/);
  const head = lines[0].split(",");
  const link = lines[1].split(",")[head.indexOf("link")];
  return { program: id, headers, path: new URL(link).pathname, token: new URL(link).pathname.split("/").pop() };
}

/** The number of responses the planner API reports for a survey of the demo program. */
async function responseCount(request, surveyId = "pilot-feedback") {
  const res = await request.get("/api/v1/programs", { headers: await planner(request) });
  expect(res.ok()).toBeTruthy();
  const programs = await res.json();
  const survey = programs.find((p) => p.id === "demo").surveys.find((s) => s.survey_id === surveyId);
  return survey.responses;
}

/** How many responses gave `value` to a scale question, per the planner's summary API. */
async function scaleCount(request, questionId, value) {
  const res = await request.get("/api/v1/programs/demo/surveys/pilot-feedback/summary", { headers: await planner(request) });
  expect(res.ok()).toBeTruthy();
  const { summary } = await res.json();
  const q = summary.questions.find((x) => x.id === questionId);
  return q.stats.distribution.find((c) => c.value === String(value)).count;
}

/**
 * Answers every visible question on the current page like a person would: the 4th option of
 * agreement scales ("agree"), 8 on 0-10 ratings, the first choice elsewhere, some text in text
 * fields. Returns the number of questions answered.
 */
async function answerPage(page) {
  const questions = page.locator("fieldset.question");
  await questions.first().waitFor();
  const n = await questions.count();
  for (let i = 0; i < n; i++) {
    const q = questions.nth(i);
    const items = q.locator("fieldset.matrix-item");
    if ((await items.count()) > 0) {
      for (let j = 0; j < (await items.count()); j++) {
        await items.nth(j).locator("label.option").nth(3).click();
      }
      continue;
    }
    const options = q.locator(":scope > div label.option, :scope > div > div label.option");
    const radios = q.locator("input[type=radio]");
    const checkboxes = q.locator("input[type=checkbox]");
    const texts = q.locator("textarea, input[type=text]:not(.other-text)");
    const ranking = q.locator("ol.ranking");
    if (await ranking.count()) {
      await q.locator("li.ranking-item button").last().click();
    } else if ((await radios.count()) === 11) {
      await q.locator("label.option", { hasText: /^8$/ }).click();
    } else if ((await radios.count()) >= 5) {
      await options.nth(3).click();
    } else if (await radios.count()) {
      await options.first().click();
    } else if (await checkboxes.count()) {
      await options.first().click();
    } else if (await texts.count()) {
      await texts.first().fill("Het inschrijven ging vlot.");
    }
  }
  return n;
}

/** Answers every page and submits (after `beforeSubmit`, if given). */
async function answerSurvey(page, { next, submit, beforeSubmit }) {
  for (let guard = 0; guard < 20; guard++) {
    await answerPage(page);
    const submitButton = page.getByRole("button", { name: submit, exact: true });
    if (await submitButton.count()) {
      if (beforeSubmit) await beforeSubmit();
      await submitButton.click();
      return;
    }
    await page.getByRole("button", { name: next, exact: true }).click();
  }
  throw new Error("the survey did not end within 20 pages");
}

/** The bytes of a file the browser downloaded when `click` ran, and the name it saved it as. */
async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  const fs = require("node:fs");
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

/** A module as a trainee downloads it (its lessons rendered, without their Markdown) made whole
 * again from the built-in it comes from (`wavegate module template`), so a test can publish a
 * next version of it. */
function withLessonBodies(module) {
  const { execFileSync } = require("node:child_process");
  // A built-in by its own id, else the tests' own modules, which are get-help's lessons.
  const print = (id) => execFileSync(BIN, ["module", "template", id], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  let json;
  try {
    json = print(module.id);
  } catch {
    json = print("get-help");
  }
  const template = JSON.parse(json);
  const bodies = new Map(template.lessons.map((l) => [l.id, l.body]));
  return { ...module, lessons: module.lessons.map((l) => ({ ...l, body: l.body ?? bodies.get(l.id) })) };
}

module.exports = {
  audit, expectNoHorizontalScroll, download, planner, signIn, invite, assignedTrainee, responseCount, scaleCount, answerPage, answerSurvey,
  withLessonBodies,
};
