// Protected links, abuse limits and reminders as respondents and planners meet them.
const { test, expect } = require("@playwright/test");
const { audit, download, expectNoHorizontalScroll, planner, invite, answerSurvey, signIn } = require("./helpers");

const PILOT = "/api/v1/programs/demo/surveys/pilot-feedback";
const PULSE = "/api/v1/programs/demo/surveys/om-pulse";
const unique = (p) => `${p}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

test("an expired link shows the expiry page with the helpdesk to ask for a new one", async ({ page, request }) => {
  const headers = await planner(request);
  const support = { helpdesk: { nl: "Bel de helpdesk: 020-1234567", en: "Call the helpdesk: 020-1234567" } };
  expect((await request.put("/api/v1/programs/demo/support", { headers, data: support })).status()).toBe(200);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const res = await request.post(`${PILOT}/invitations`, {
    headers,
    data: { invitations: [{ person_id: unique("e2e-expired"), attributes: { wave: "pilot" } }], expires_on: yesterday },
  });
  expect(res.status()).toBe(201);
  const [link] = await res.json();
  await page.goto(new URL(link.url).pathname);
  // Named, so the person knows which survey to ask a new link for.
  await expect(page.getByRole("heading", { name: "Je link voor ‘Jouw ervaring met de pilot’ is verlopen", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(/^Je link voor ‘Jouw ervaring met de pilot’ is verlopen/);
  await expect(page.getByText("Bel de helpdesk: 020-1234567")).toBeVisible();
  // The help follows the page's h1 (axe's heading-order is not among the WCAG rules audited).
  await expect(page.getByRole("heading", { name: "Hulp nodig?", level: 2 })).toBeVisible();
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
  expect(rows.every((r) => r[4] === "1")).toBeTruthy();
  const again = await request.post(`${PILOT}/reminders?attribute=department&value=${department}`, { headers });
  expect((await again.text()).trim().split("\r\n")).toHaveLength(1);
});

test("a planner makes the reminder batch in the planner: its file lists exactly the non-responders", async ({ page, request }) => {
  const headers = await planner(request);
  const department = unique("ui").replace(/-/g, "_");
  const people = [unique("e2e-ui-a"), unique("e2e-ui-b"), unique("e2e-ui-c")];
  const res = await request.post(`${PILOT}/invitations`, {
    headers,
    data: { invitations: people.map((person_id) => ({ person_id, language: "nl", attributes: { wave: "pilot", platform: "Windows", department } })) },
  });
  expect(res.status()).toBe(201);
  const links = await res.json();
  await page.goto(new URL(links[1].url).pathname);
  await answerSurvey(page, { next: "Volgende", submit: "Versturen" });
  await expect(page.getByRole("heading", { name: "Bedankt voor je antwoorden!" })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/planner/programs/demo/surveys/pilot-feedback");
  await signIn(page);
  const card = page.getByRole("region", { name: "Herinneringen" });
  await card.getByLabel("Golf", { exact: true }).selectOption("pilot");
  await card.getByLabel("Segment: kenmerk").selectOption("department");
  await card.getByLabel("Segment: waarde").fill(department);
  await expect(card.getByLabel("Minimale tussentijd (dagen)")).toHaveValue("3");
  await card.getByRole("button", { name: "Tellen" }).click();
  await expect(card.getByText("2 mensen met een open link hebben nog niet geantwoord.")).toBeVisible();
  await expect(card.getByText("2 van hen kunnen nu een herinnering krijgen.")).toBeVisible();
  await audit(page);
  await expectNoHorizontalScroll(page);
  // A changed gap is not what was counted: the batch waits for "Tellen" again.
  await card.getByLabel("Minimale tussentijd (dagen)").fill("4");
  await expect(card.getByRole("button", { name: "Herinneringsbatch maken (CSV)" })).toHaveCount(0);
  await expect(card.getByText("druk op ‘Tellen’ om de aantallen bij te werken", { exact: false })).toBeVisible();
  await card.getByLabel("Minimale tussentijd (dagen)").fill("3");
  await card.getByRole("button", { name: "Tellen" }).click();

  const preview = await download(page, () => card.getByRole("button", { name: "Voorbeeld downloaden (CSV)" }).click());
  const batch = await download(page, () => card.getByRole("button", { name: "Herinneringsbatch maken (CSV)" }).click());
  expect(batch.name).toBe("pilot-feedback-reminders.csv");
  // Saved byte for byte: the byte-order mark Dutch Excel needs, semicolons, CRLF.
  expect([...batch.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = batch.bytes.toString("utf8").slice(1).trim().split("\r\n").map((l) => l.split(";"));
  expect(rows[0].slice(0, 5)).toEqual(["person_id", "email", "language", "link", "reminders_sent"]);
  expect(rows.slice(1).map((r) => r[0]).sort()).toEqual([people[0], people[2]].sort());
  expect(rows.slice(1).every((r) => r[4] === "1")).toBeTruthy();
  // The preview named the same people and recorded nothing.
  const previewRows = preview.bytes.toString("utf8").slice(1).trim().split("\r\n").slice(1).map((l) => l.split(";"));
  expect(previewRows.map((r) => r[0]).sort()).toEqual([people[0], people[2]].sort());
  expect(previewRows.every((r) => r[4] === "0")).toBeTruthy();

  // The counts follow: both were just reminded, so nobody is due within the gap.
  await expect(card.getByRole("status").filter({ hasText: "pilot-feedback-reminders.csv" })).toBeFocused();
  await expect(card.getByText("0 van hen kunnen nu een herinnering krijgen.")).toBeVisible();
  await expect(card.getByRole("button", { name: "Herinneringsbatch maken (CSV)" })).toBeDisabled();
});

test("a planner revokes a wave in the planner, and its links show the revoked page", async ({ page, request }) => {
  const headers = await planner(request);
  const toml = `name = "${unique("Intrekken")}"\nsplit_attributes = ["platform"]\n\n[[wave]]\nid = "w1"\nstart = 2027-01-11\nend = 2099-01-29\n`;
  const created = await request.post("/api/v1/programs", { headers: { ...headers, "Content-Type": "application/toml" }, data: toml });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  expect((await request.post(`/api/v1/programs/${id}/surveys`, { headers, data: { template: "pilot-feedback" } })).ok()).toBeTruthy();
  const people = [unique("e2e-rv-a"), unique("e2e-rv-b"), unique("e2e-rv-c")];
  const res = await request.post(`/api/v1/programs/${id}/surveys/pilot-feedback/invitations`, {
    headers,
    data: { invitations: people.map((person_id) => ({ person_id, language: "nl", attributes: { wave: "w1" } })) },
  });
  expect(res.status()).toBe(201);
  const links = await res.json();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/planner/programs/${id}/surveys/pilot-feedback`);
  await signIn(page);
  const card = page.getByRole("region", { name: "Links intrekken" });
  await expect(card.getByLabel("Golf", { exact: true })).toHaveValue("w1");
  await expect(card.getByRole("option", { name: "Golf w1: 3 links werken nog" })).toBeAttached();
  await card.getByRole("button", { name: "Links van deze golf intrekken…" }).click();
  const confirmation = card.getByRole("group", { name: "Links van golf w1 intrekken?" });
  await expect(confirmation.getByText(/^3 links van golf w1 werken tot nu\./)).toBeVisible();
  await expect(confirmation.getByRole("heading")).toBeFocused();
  await audit(page);
  await expectNoHorizontalScroll(page);
  // Cancelling changes nothing; confirming revokes the three.
  await confirmation.getByRole("button", { name: "Annuleren" }).click();
  await expect(confirmation).toHaveCount(0);
  // Focus goes back to the button that opened the confirmation, not to the page's top.
  await expect(card.getByRole("button", { name: "Links van deze golf intrekken…" })).toBeFocused();
  expect((await request.get(`/api/v1/respond/${links[0].token}`)).status()).toBe(200);
  await card.getByRole("button", { name: "Links van deze golf intrekken…" }).click();
  await card.getByRole("button", { name: "Ja, 3 links intrekken" }).click();
  await expect(card.getByRole("status").filter({ hasText: "3 links ingetrokken." })).toBeFocused();
  await expect(card.getByRole("option", { name: "w1: 0 links werken nog" })).toBeAttached();

  // One person's link, by person id (an unknown id beside it changes nothing).
  const loner = unique("e2e-rv-d");
  const single = await request.post(`/api/v1/programs/${id}/surveys/pilot-feedback/invitations`, {
    headers,
    data: { invitations: [{ person_id: loner, language: "nl", attributes: {} }] },
  });
  expect(single.status()).toBe(201);
  const [lonerLink] = await single.json();
  await card.getByRole("button", { name: "Hun links intrekken" }).click();
  await expect(card.getByText("Vul minstens één person-id in.")).toBeVisible();
  await card.getByLabel("Persoon-id's, met komma's of op aparte regels").fill(`${loner}\nnobody-${loner}`);
  await card.getByRole("button", { name: "Hun links intrekken" }).click();
  await expect(card.getByRole("status").filter({ hasText: "1 link ingetrokken." })).toBeFocused();

  for (const link of [links[1], lonerLink]) {
    await page.goto(new URL(link.url).pathname);
    await expect(page.getByRole("heading", { name: "Deze link werkt niet meer" })).toBeVisible();
    await expect(page.getByText(/Pagina 1 van/)).toHaveCount(0);
  }

  // Inviting that person again gives a new link that opens; the old one still says it no
  // longer works (use the new link or ask the helpdesk), never "unknown link".
  const again = await request.post(`/api/v1/programs/${id}/surveys/pilot-feedback/invitations`, {
    headers,
    data: { invitations: [{ person_id: loner, language: "nl", attributes: {} }] },
  });
  expect(again.status()).toBe(201);
  const [fresh] = await again.json();
  expect(fresh.token).not.toBe(lonerLink.token);
  expect((await request.get(`/api/v1/respond/${fresh.token}`)).status()).toBe(200);
  expect((await request.get(`/api/v1/respond/${lonerLink.token}`)).status()).toBe(410);
  await page.goto(new URL(lonerLink.url).pathname);
  await expect(page.getByRole("heading", { name: "Deze link werkt niet meer" })).toBeVisible();
});
