// The lessons-learned log: a planner records lessons per wave and for the program, reads them
// under their headings in Dutch and English, and deletes one; a viewer reads without the form.
const { test, expect } = require("@playwright/test");
const { audit, download, expectNoHorizontalScroll, planner, signIn } = require("./helpers");
const { VIEWER_EMAIL, PLANNER_EMAIL } = require("./env");

/** A marker that makes this run's lessons unique in the shared demo program. */
const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("a planner records lessons for the pilot and the program, reads them per wave in both languages and deletes one", async ({ page }) => {
  const t = tag();
  await page.goto("/planner");
  await signIn(page);
  await page.goto("/planner/programs/demo/readiness");
  await page.getByRole("navigation", { name: "Pagina's van dit programma" }).getByRole("link", { name: "Geleerde lessen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Geleerde lessen" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Geleerde lessen" })).toHaveAttribute("aria-current", "page");

  // Nothing written: refused at the text field, before anything is sent.
  await page.getByRole("button", { name: "Les vastleggen" }).click();
  await expect(page.locator("#lesson-text-error")).toHaveText("Schrijf op wat er geleerd is: de tekst is leeg.");
  await expect(page.getByLabel("Wat is er geleerd?")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Wat is er geleerd?")).toBeFocused();
  await audit(page);

  // A lesson about the pilot, two lines, with markup that must stay text.
  await expect(page.getByLabel("Waarover gaat de les?").locator("option[value='pilot']")).toHaveText("Golf pilot (Pilot IT)");
  await page.getByLabel("Waarover gaat de les?").selectOption("pilot");
  await page.getByLabel("Kan beter").check();
  const pilotText = `Helpdesk eerder briefen ${t}.\nDe eerste dag kwamen er <b>40</b> tickets.`;
  await page.getByLabel("Wat is er geleerd?").fill(pilotText);
  await expect(page.locator("#lesson-count")).toHaveText(`${pilotText.length} van 2000 tekens`);
  await page.getByRole("button", { name: "Les vastleggen" }).click();
  await expect(page.getByText("De les is vastgelegd.")).toBeVisible();
  await expect(page.getByLabel("Wat is er geleerd?")).toHaveValue("");

  // One about the program as a whole.
  await page.getByLabel("Waarover gaat de les?").selectOption("");
  await page.getByLabel("Ging goed").check();
  await page.getByLabel("Wat is er geleerd?").fill(`Tweetalige uitnodigingen werkten ${t}.`);
  await page.getByRole("button", { name: "Les vastleggen" }).click();

  // The demo's pilot has a name: its heading gives it after the id.
  const pilot = page.getByRole("region", { name: "Golf pilot (Pilot IT)" });
  const whole = page.getByRole("region", { name: "Het programma als geheel" });
  const pilotLesson = pilot.locator("li.lesson", { hasText: `Helpdesk eerder briefen ${t}.` });
  const wholeLesson = whole.locator("li.lesson", { hasText: `Tweetalige uitnodigingen werkten ${t}.` });
  await expect(wholeLesson).toBeVisible();
  await expect(pilotLesson).toContainText("Kan beter");
  await expect(pilotLesson).toContainText("De eerste dag kwamen er <b>40</b> tickets.");
  await expect(pilotLesson.locator(".lesson-text b")).toHaveCount(0);
  await expect(pilotLesson.locator(".lesson-text br")).toHaveCount(1);
  await expect(pilotLesson).toContainText(PLANNER_EMAIL);
  await expect(wholeLesson).toContainText("Ging goed");
  // The program as a whole comes before the waves.
  const headings = await page.locator(".lesson-group h3").allTextContents();
  expect(headings.indexOf("Het programma als geheel")).toBeLessThan(headings.indexOf("Golf pilot (Pilot IT)"));
  await audit(page);

  // The log as a file for Dutch Excel: semicolons, the markup as text, the two lines in one cell.
  const csv = await download(page, () => page.getByRole("button", { name: "Logboek downloaden (CSV)" }).click());
  expect(csv.name).toBe("demo-lessons.csv");
  const csvText = csv.bytes.toString("utf8").replace(/^\uFEFF/, "");
  expect(csvText.startsWith("golf;soort;les;auteur;vastgelegd_op\r\n")).toBe(true);
  expect(csvText).toContain(`pilot (Pilot IT);Kan beter;"Helpdesk eerder briefen ${t}.\nDe eerste dag kwamen er <b>40</b> tickets.";${PLANNER_EMAIL};`);

  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lessons learned" })).toBeVisible();
  const pilotEn = page.getByRole("region", { name: "Wave pilot (Pilot IT)" });
  await expect(pilotEn.locator("li.lesson", { hasText: `Helpdesk eerder briefen ${t}.` })).toContainText("To improve");
  const wholeEn = page.getByRole("region", { name: "The program as a whole" });
  const wholeLessonEn = wholeEn.locator("li.lesson", { hasText: `Tweetalige uitnodigingen werkten ${t}.` });
  await expect(wholeLessonEn).toContainText("Went well");
  await expect(page.getByLabel("What was learned?")).toBeVisible();
  await audit(page);

  // Deleting asks first; cancelling keeps the lesson and puts focus back on its button.
  const deleteButton = wholeLessonEn.getByRole("button", { name: "Delete…" });
  await deleteButton.click();
  await expect(page.getByRole("heading", { name: "Delete this lesson?" })).toBeFocused();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(deleteButton).toBeFocused();
  await expect(wholeLessonEn).toBeVisible();
  // By keyboard alone: Enter on the button, Tab to the confirmation, Enter.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Delete this lesson?" })).toBeFocused();
  await audit(page);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Yes, delete" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("The lesson was deleted.")).toBeVisible();
  await expect(page.getByText("The lesson was deleted.")).toBeFocused();
  await expect(page.locator("li.lesson", { hasText: `Tweetalige uitnodigingen werkten ${t}.` })).toHaveCount(0);
  await expect(pilotEn.locator("li.lesson", { hasText: `Helpdesk eerder briefen ${t}.` })).toBeVisible();

  // A phone: nothing sticks out.
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalScroll(page);
});

test("a viewer reads the lessons and gets no form and no delete button", async ({ page, request }) => {
  const t = tag();
  const res = await request.post("/api/v1/programs/demo/lessons", {
    headers: await planner(request),
    data: { wave: "pilot", kind: "to_improve", text: `Roster eerder controleren ${t}.` },
  });
  expect(res.status()).toBe(201);
  await page.goto("/planner");
  await signIn(page, { email: VIEWER_EMAIL });
  await page.goto("/planner/programs/demo/lessons");
  const lesson = page.getByRole("region", { name: "Golf pilot (Pilot IT)" }).locator("li.lesson", { hasText: `Roster eerder controleren ${t}.` });
  await expect(lesson).toContainText("Kan beter");
  await expect(page.getByRole("heading", { name: "Een les vastleggen" })).toHaveCount(0);
  await expect(page.getByLabel("Wat is er geleerd?")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Verwijderen…" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Logboek downloaden (CSV)" })).toBeEnabled();
  await audit(page);
});
