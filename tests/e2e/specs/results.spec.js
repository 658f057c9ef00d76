// A survey's results as a planner reads them, at an address of their own: ADKAR barriers, the
// recommendation question as promoters and detractors, the device question answered by the
// invitations, a question fewer than 5 answered withheld, the split by wave (golf), department
// (afdeling) and platform with small groups left out, and a printout that keeps the charts.
const { test, expect } = require("@playwright/test");
const { audit, expectNoHorizontalScroll, planner, signIn } = require("./helpers");

test("the results page reads right, moves focus to its heading and can be bookmarked", async ({ page }) => {
  await page.goto("/planner/programs/demo/surveys/pilot-feedback");
  await signIn(page);
  await page.getByRole("link", { name: "Resultaten bekijken" }).click();
  await expect(page).toHaveURL(/\/planner\/programs\/demo\/surveys\/pilot-feedback\/results$/);
  const heading = page.getByRole("heading", { level: 1, name: /^Resultaten: / });
  await expect(heading).toBeFocused();
  const results = page.getByRole("region", { name: /Resultaten/ });
  await expect(results.getByText(/^\d+ respondenten$/)).toBeVisible();

  // ADKAR: where people get stuck, as a chart with its figures in text.
  const adkar = page.getByRole("region", { name: "ADKAR: waar mensen vastlopen" });
  await expect(adkar.locator("svg.chart [data-value='none'] text").first()).toHaveText("Geen knelpunt");
  await expect(adkar.getByRole("img")).toHaveAttribute("aria-label", /Bewustzijn: \d+ · \d+%/);

  // The 0–10 question: promoters, passives, detractors; no agreement boxes.
  const nps = page.locator("[data-question='nps']");
  // How many answered it, in words ("8 antwoorden"): every respondent did.
  const respondents = Number((await results.getByText(/^\d+ respondenten$/).textContent()).split(" ")[0]);
  await expect(nps.locator(".answered")).toHaveText(`${respondents} antwoorden`);
  await expect(nps).toContainText(/Promotors \(9–10\): \d+/);
  await expect(nps).toContainText(/Criticasters \(0–6\): \d+/);
  await expect(nps).not.toContainText("Eens (top-2)");

  // The device question was answered by the invitations' platform: their values, not empty bars.
  const device = page.locator("[data-question='platform']");
  await expect(device).toContainText("de uitnodiging gaf het kenmerk ‘platform’ al mee");
  await expect(device.locator(".answered")).toHaveCount(0);
  // Piped titles read generically.
  await expect(page.locator("[data-question='nps_reason'] h3")).toHaveText(/^Je gaf een … Wat is/);
  await expect(page.locator("main")).not.toContainText("{nps}");
  // Only 4 demo respondents were asked what they ran into (after a low score): hidden, no bars
  // (the "Anders" label of a shown choice question is checked in the planner's component tests).
  const problems = page.locator("[data-question='enroll_problems']");
  await expect(problems).toContainText("Minder dan 5 antwoorden; verborgen");
  await expect(problems.locator("svg.chart")).toHaveCount(0);

  // The split: every attribute of the invitations, small groups named as left out.
  const split = page.getByRole("region", { name: "Per groep" });
  for (const attribute of ["golf", "platform", "afdeling"]) {
    await expect(split.getByRole("heading", { name: `Naar ${attribute}` })).toBeVisible();
  }
  await expect(split.locator("[data-attribute='platform'] .suppressed-note")).toContainText("kleiner is dan 5");
  // The demo pilot's one macOS response is not shown as a group of its own.
  await expect(split.locator("details[data-segment='platform=macOS']")).toHaveCount(0);
  // A group's questions are drawn when it is opened.
  const pilot = split.locator("details[data-segment='wave=pilot']");
  await pilot.locator("summary").click();
  await expect(pilot.locator("[data-question='nps'] svg.chart")).toBeVisible();
  await audit(page);

  // The address is the page: reloading it shows the results again, in English too.
  await page.reload();
  await expect(heading).toBeVisible();
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Results: / })).toBeVisible();
  await expect(nps).toContainText(/Promoters \(9–10\): \d+/);
  await page.getByRole("button", { name: /Nederlands/ }).click();

  // In print the charts stay and the page's controls go.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("[data-question='nps'] svg.chart")).toBeVisible();
  await expect(page.locator(".toolbar")).toBeHidden();
  await expect(page.locator(".program-nav")).toBeHidden();
});

test("responses imported from another survey tool show per survey beside the published ones, small surveys without figures", async ({ page, request }) => {
  const headers = await planner(request);
  let res = await request.post("/api/v1/programs", {
    headers: { ...headers, "Content-Type": "application/toml" },
    data: `name = "Imported answers e2e ${Date.now()}"\n[[wave]]\nid = "pilot"\nstart = 2027-01-11\nend = 2027-01-29\n`,
  });
  expect(res.status()).toBe(201);
  const { id } = await res.json();
  // Published here (201), or attached as published before by another program (200).
  res = await request.post(`/api/v1/programs/${id}/surveys`, { headers, data: { template: "pilot-feedback" } });
  expect([200, 201]).toContain(res.status());
  // Six people answered the pilot survey in another tool: 9, 10, 10, 7, 3 and 0 for the
  // recommendation (NPS +17), and all of them are stuck at Desire. Two answered another one.
  const rows = ["response_id,survey_id,survey_version,person_id,submitted_at,question_id,value"];
  [9, 10, 10, 7, 3, 0].forEach((nps, i) => {
    const head = `x${i},pilot-feedback,1,p00${i + 1},2027-01-1${i} 10:00`;
    rows.push(`${head},nps,${nps}`, `${head},adkar_awareness,5`, `${head},adkar_desire,2`);
  });
  rows.push("y1,lms-survey,1,p001,2027-01-12 10:00,nps,9", "y2,lms-survey,1,p002,2027-01-12 10:00,nps,8");
  res = await request.put(`/api/v1/programs/${id}/files/responses`, { headers: { ...headers, "Content-Type": "text/csv" }, data: rows.join("\n") + "\n" });
  expect(res.status()).toBe(200);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/planner/programs/${id}/surveys`);
  await signIn(page);
  const card = page.locator("#imported-responses");
  await expect(card.getByRole("heading", { name: "Geïmporteerde antwoorden" })).toBeVisible();
  await expect(card).toContainText("Uit responses.csv, geïmporteerd op");
  // The survey published here by its title; its figures as the survey results compute them.
  const pilot = card.locator("tr[data-survey='pilot-feedback']");
  await expect(pilot.locator("th")).toContainText("(pilot-feedback)");
  await expect(pilot.locator("td")).toHaveText(["6", "10 januari 2027 – 15 januari 2027", "—", "+17", "Bereidheid (100%)"]);
  // Two responses only: no figures, and the note says why.
  await expect(card.locator("tr[data-survey='lms-survey'] th")).toHaveText("lms-survey");
  await expect(card.locator("tr[data-survey='lms-survey'] td")).toHaveText(["—", "—", "—", "—", "—"]);
  await expect(card.locator(".suppressed-note")).toContainText("minder dan 5 antwoorden");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(card.getByRole("heading", { name: "Imported responses" })).toBeVisible();
  await expect(pilot.locator("td").nth(4)).toHaveText("Desire (100%)");
  await audit(page);
  await expectNoHorizontalScroll(page);
});
