// Protected links, abuse limits and reminders as respondents and planners meet them.
const { test, expect } = require("@playwright/test");
const { audit, planner, invite, answerSurvey } = require("./helpers");

const PILOT = "/api/v1/programs/demo/surveys/pilot-feedback";
const PULSE = "/api/v1/programs/demo/surveys/om-pulse";
const unique = (p) => `${p}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

test("an expired link shows the expiry page with the helpdesk to ask for a new one", async ({ page, request }) => {
  const headers = await planner(request);
  const support = { helpdesk: { nl: "Bel de servicedesk: 020-1234567", en: "Call the service desk: 020-1234567" } };
  expect((await request.put("/api/v1/programs/demo/support", { headers, data: support })).status()).toBe(200);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const res = await request.post(`${PILOT}/invitations`, {
    headers,
    data: { invitations: [{ person_id: unique("e2e-expired"), attributes: { wave: "pilot" } }], expires_on: yesterday },
  });
  expect(res.status()).toBe(201);
  const [link] = await res.json();
  await page.goto(new URL(link.url).pathname);
  await expect(page.getByRole("heading", { name: "Deze link is verlopen" })).toBeVisible();
  await expect(page.getByText("Bel de servicedesk: 020-1234567")).toBeVisible();
  await expect(page.getByText(/Pagina 1 van/)).toHaveCount(0);
  await audit(page);
});

test("a flood through the anonymous link gets 429 while other links keep working", async ({ page, request }) => {
  const headers = await planner(request);
  const links = await (await request.get(`${PULSE}/invitations`, { headers })).json();
  const anonymous = links.find((l) => !l.person_id).token;
  const statuses = [];
  let retryAfter = null;
  for (let i = 0; i < 80; i++) {
    const res = await request.post(`/api/v1/respond/${anonymous}`, {
      data: { id: unique("flood").slice(0, 60), survey_id: "om-pulse", survey_version: 1, language: "nl", answers: {} },
    });
    statuses.push(res.status());
    if (res.status() === 429) retryAfter = res.headers()["retry-after"];
  }
  expect(statuses).toContain(429);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  // Another person's link still opens and takes an answer.
  const path = await invite(request, "e2e-bystander");
  await page.goto(path);
  await answerSurvey(page, { next: "Volgende", submit: "Versturen" });
  await expect(page.getByRole("heading", { name: "Bedankt voor je antwoorden!" })).toBeVisible();
});

test("the reminder CSV lists exactly the people who have not answered", async ({ page, request }) => {
  const headers = await planner(request);
  const department = unique("rem").replace(/-/g, "_");
  const people = [unique("e2e-rem-a"), unique("e2e-rem-b"), unique("e2e-rem-c")];
  const res = await request.post(`${PILOT}/invitations`, {
    headers,
    data: { invitations: people.map((person_id) => ({ person_id, language: "nl", attributes: { wave: "pilot", platform: "Windows", department } })) },
  });
  expect(res.status()).toBe(201);
  const links = await res.json();
  await page.goto(new URL(links[1].url).pathname);
  await answerSurvey(page, { next: "Volgende", submit: "Versturen" });
  await expect(page.getByRole("heading", { name: "Bedankt voor je antwoorden!" })).toBeVisible();

  const csv = await request.post(`${PILOT}/reminders?attribute=department&value=${department}`, { headers });
  expect(csv.status()).toBe(200);
  const rows = (await csv.text()).trim().split("\r\n").slice(1).map((l) => l.split(","));
  expect(rows.map((r) => r[0]).sort()).toEqual([people[0], people[2]].sort());
  expect(rows.every((r) => r[3] === "1")).toBeTruthy();
  const again = await request.post(`${PILOT}/reminders?attribute=department&value=${department}`, { headers });
  expect((await again.text()).trim().split("\r\n")).toHaveLength(1);
});
