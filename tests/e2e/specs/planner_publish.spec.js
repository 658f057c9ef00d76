// Publishing a survey from a file (Dutch): picking a file publishes nothing. The app checks it
// with the core's validator and previews it (title, pages, questions, their types, languages,
// personal or anonymous), focus on the preview's heading; only Publish sends it. A broken file
// shows every problem at its JSON path and has nothing to publish; "Choose another file" goes
// back to the picker. axe-core finds nothing.
const { test, expect } = require("@playwright/test");
const { audit, planner, signIn } = require("./helpers");

/** A program of its own, without surveys; its id. */
async function emptyProgram(request) {
  const headers = await planner(request);
  const res = await request.post("/api/v1/programs", {
    headers: { ...headers, "Content-Type": "application/toml" },
    data: `name = "Publish e2e ${Date.now()}"\n[[wave]]\nid = "pilot"\nstart = 2027-01-11\nend = 2027-01-29\n`,
  });
  expect(res.status()).toBe(201);
  return (await res.json()).id;
}

/** A `wavegate.survey/1` definition of two pages and three questions, in Dutch and English. */
function definition(id) {
  const text = (nl, en) => ({ nl, en });
  return {
    format: "wavegate.survey/1", id, version: 1,
    title: text("Eerste week met Intune", "First week with Intune"),
    pages: [
      { id: "p1", questions: [
        { id: "ready", text: text("Ik voel me voorbereid.", "I feel prepared."), type: "agreement", points: 5 },
        { id: "worked", text: text("Werkte de inschrijving?", "Did enrolment work?"), type: "yes_no" },
      ] },
      { id: "p2", questions: [
        { id: "ease", text: text("Ging het makkelijk?", "Was it easy?"), type: "agreement", points: 5 },
      ] },
    ],
  };
}

/** Picks a JSON file in the survey picker. */
async function pick(page, name, json) {
  await page.locator("#survey-file").setInputFiles({
    name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(json)),
  });
}

test("a survey file is previewed before it is published, and only Publish publishes it", async ({ page, request }) => {
  const program = await emptyProgram(request);
  const id = `eerste-week-${Date.now().toString(36)}`;
  await page.goto(`/planner/programs/${program}/surveys`);
  await signIn(page);
  const list = page.locator("section", { has: page.getByRole("heading", { name: "Gepubliceerd" }) });
  await expect(list.getByText("Dit programma heeft nog geen vragenlijsten.")).toBeVisible();

  // A broken file: every problem at its path, nothing to publish, nothing published.
  const broken = definition(id);
  delete broken.pages[0].questions[1].text.en;
  await pick(page, "kapot.json", broken);
  await expect(page.getByText("De vragenlijst klopt niet; er is niets gepubliceerd.")).toBeVisible();
  await expect(page.locator(".survey-problems code")).toHaveText(["pages[0].questions[1].text.en"]);
  await expect(page.locator(".definition-preview")).toHaveCount(0);

  // A valid one: the preview, focused, and still nothing published.
  await pick(page, "eerste-week.json", definition(id));
  const preview = page.locator(".definition-preview");
  await expect(preview.getByRole("heading", { name: "Eerste week met Intune · First week with Intune" })).toBeFocused();
  await expect(preview).toContainText("Voorbeeld van eerste-week.json");
  await expect(preview).toContainText("Er is nog niets gepubliceerd");
  const fact = (label) => preview.locator(".facts > div", { has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");
  await expect(fact("Pagina's")).toHaveText("2");
  await expect(fact("Vragen")).toHaveText("3");
  await expect(fact("Soorten vragen")).toHaveText("eensschaal (2), ja/nee (1)");
  await expect(fact("Talen")).toHaveText("Nederlands, Engels");
  await expect(fact("Antwoorden")).toHaveText(/^persoonlijk/);
  await expect(page.locator(".survey-problems")).toHaveCount(0);
  await audit(page);
  // Ticking "anonymous" after picking changes what the preview says would be published.
  await page.getByRole("checkbox", { name: /^Anoniem/ }).check();
  await expect(fact("Antwoorden")).toHaveText(/^anoniem/);
  await page.getByRole("checkbox", { name: /^Anoniem/ }).uncheck();
  await expect(fact("Antwoorden")).toHaveText(/^persoonlijk/);
  await page.reload();
  await expect(list.getByText("Dit programma heeft nog geen vragenlijsten.")).toBeVisible();
  let res = await request.get("/api/v1/programs");
  expect((await res.json()).find((p) => p.id === program).surveys).toEqual([]);

  // Choose another file: the preview goes, the picker has the focus, nothing was sent.
  await pick(page, "eerste-week.json", definition(id));
  await preview.getByRole("button", { name: "Ander bestand kiezen" }).click();
  await expect(page.locator(".definition-preview")).toHaveCount(0);
  await expect(page.locator("#survey-file")).toBeFocused();
  await expect(list.getByText("Dit programma heeft nog geen vragenlijsten.")).toBeVisible();

  // Publish: now it is published and listed.
  await pick(page, "eerste-week.json", definition(id));
  await preview.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByText("Eerste week met Intune versie 1 is gepubliceerd.")).toBeVisible();
  await expect(page.locator("#survey-outcome")).toBeFocused();
  await expect(list.locator(`[data-survey='${id}']`)).toContainText("Eerste week met Intune");
  res = await request.get("/api/v1/programs");
  const surveys = (await res.json()).find((p) => p.id === program).surveys;
  expect(surveys.map((s) => [s.survey_id, s.version, s.anonymous])).toEqual([[id, 1, false]]);
  await audit(page);
});

test("an English-only SurveyJS file is previewed with its one language and published anonymous", async ({ page, request }) => {
  const program = await emptyProgram(request);
  const surveyjs = {
    title: "Product Feedback Survey",
    pages: [{ elements: [
      { type: "rating", name: "satisfaction", title: "How satisfied are you with the product?" },
      { type: "radiogroup", name: "price", title: "Is the price right?", choices: ["correct|Yes", "low|No, too low"] },
    ] }],
  };
  await page.goto(`/planner/programs/${program}/surveys`);
  await signIn(page);
  await page.getByRole("checkbox", { name: /^Anoniem/ }).check();
  await page.getByLabel(/^Id voor een SurveyJS-vragenlijst/).fill("product-feedback");
  await pick(page, "product.json", surveyjs);
  const preview = page.locator(".definition-preview");
  await expect(preview.getByRole("heading", { name: "Product Feedback Survey" })).toBeFocused();
  const fact = (label) => preview.locator(".facts > div", { has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");
  await expect(fact("Id")).toHaveText("product-feedback");
  await expect(fact("Vragen")).toHaveText("2");
  await expect(fact("Talen")).toHaveText("Engels");
  await expect(fact("Antwoorden")).toHaveText(/^anoniem/);
  await preview.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByText("Product Feedback Survey versie 1 is gepubliceerd.")).toBeVisible();
  await expect(page.locator("[data-survey='product-feedback']")).toContainText("anoniem");
});
