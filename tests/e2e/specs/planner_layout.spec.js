// What a planner sees of the planner's wide content, on a phone (390 px) and a laptop (1280 px),
// on `serve --demo`'s programs: the heatmap's opened metrics read in full beside the grid that
// scrolls; the data tables show every figure of a row without sideways scrolling, and stay
// tables to a screen reader; the imports fit their card; a lone stored evaluation draws both
// its figures; stacked buttons keep a gap.
const { test, expect } = require("@playwright/test");
const { audit, expectNoHorizontalScroll, signIn } = require("./helpers");

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 900 };

/** Each element lies whole within the screen's width and within every box around it that
 * clips what sticks out (a table's scrolling region): none of it is cut off at either side. */
async function expectWhole(locator, what) {
  const cut = await locator.evaluateAll((elements) => elements.flatMap((el) => {
    const box = el.getBoundingClientRect();
    let left = 0;
    let right = document.documentElement.clientWidth;
    for (let up = el.parentElement; up; up = up.parentElement) {
      if (getComputedStyle(up).overflowX === "visible") continue;
      const clip = up.getBoundingClientRect();
      left = Math.max(left, clip.left + up.clientLeft);
      right = Math.min(right, clip.left + up.clientLeft + up.clientWidth);
    }
    const whole = box.width > 0 && box.left >= left - 0.5 && box.right <= right + 0.5;
    return whole ? [] : [`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}" at ${Math.round(box.left)}–${Math.round(box.right)}, visible ${Math.round(left)}–${Math.round(right)}`];
  }));
  expect(await locator.count(), what).toBeGreaterThan(0);
  expect(cut, what).toEqual([]);
}

/** The words shown before a cell's figure on a phone (its column's name). */
function shownLabel(cell) {
  return cell.evaluate((td) => getComputedStyle(td, "::before").content);
}

/** What Chromium tells a screen reader the element is, and its accessible name. */
async function spoken(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
  await cdp.detach();
  return { role: nodes[0].role.value, name: nodes[0].name ? nodes[0].name.value : "" };
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/planner");
  await signIn(page);
});

test("at 390 px a heatmap cell's metrics read in full, wherever the grid is scrolled to", async ({ page }) => {
  await page.goto("/planner/programs/contoso/readiness");
  const grid = page.locator("div.table-scroll:has(> table.heatmap)");
  await expect(grid).toBeVisible({ timeout: 60_000 });
  // The grid is wider than the phone: it scrolls sideways in its own region.
  expect(await grid.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
  // A cell of the last column, reached by scrolling the grid to its right end.
  const cell = page.locator("table.heatmap tr[data-segment='platform=iOS'] button.cell").last();
  await grid.evaluate((e) => { e.scrollLeft = e.scrollWidth; });
  await cell.click();
  await expect(page.locator("#drill-title")).toBeFocused();
  const drill = page.locator("#heatmap-drill");
  await expectWhole(drill.locator("#drill-title, p.drill-reading"), "the heading and the explanation");
  await expect(drill.locator("p.drill-reading")).toContainText("Een dimensie voldoet als");
  // Each metric a card: its name, then each figure after its column's name, all on screen.
  const metrics = drill.locator("table.drill tbody tr");
  expect(await metrics.count()).toBeGreaterThan(0);
  await expectWhole(drill.locator("table.drill tbody").locator("th, td"), "every figure of every metric");
  await expect(metrics.first().locator("td").first()).toHaveAttribute("data-label", "Toestand");
  expect(await shownLabel(metrics.first().locator("td").last())).toContain("Bron");
  await expectWhole(drill.getByRole("button", { name: "Sluiten" }), "the close button");
  // Back at the grid's left edge the metrics are where they were: still whole.
  await grid.evaluate((e) => { e.scrollLeft = 0; });
  await expectWhole(drill.locator("p.drill-reading, table.drill td"), "the metrics with the grid scrolled back");
  await expectNoHorizontalScroll(page);
  await audit(page);
});

test("at 390 px a data table shows every figure of a row, and is still a table to a screen reader", async ({ page }) => {
  await page.goto("/planner/programs/demo/surveys/pilot-feedback");
  const pilot = page.locator("table.rates tr[data-group='wave=pilot']");
  await expect(pilot).toBeVisible();
  // The response rate, the figure the table is for, is on screen under its column's name.
  const rate = pilot.locator("td").nth(2);
  await expect(rate).toHaveText(/^\d+%$/);
  await expectWhole(rate, "the pilot's response rate");
  await expectWhole(page.locator("table.rates tbody").locator("th, td"), "every group's figures");
  expect(await shownLabel(rate)).toContain("Respons");
  expect(await shownLabel(pilot.locator("th"))).toBe("none");
  // Chromium still reads it as a table of cells: the column header names the figure, the
  // label drawn for the eye is not read out a second time.
  expect(await spoken(page, "table.rates")).toMatchObject({ role: "table" });
  expect(await spoken(page, "table.rates tr[data-group='wave=pilot'] td:nth-of-type(3)")).toEqual({ role: "cell", name: await rate.textContent() });
  await expectNoHorizontalScroll(page);

  // The same on the other data tables: a module's results per group, the imported answers and
  // training records, the imports so far (with their download buttons).
  for (const [path, table] of [
    ["/planner/programs/demo/training/get-help", "table.training-results"],
    ["/planner/programs/contoso/surveys", "table.imported-responses"],
    ["/planner/programs/contoso/training", "table.imported-training"],
    ["/planner/programs/contoso/files", "section[aria-labelledby='imports-title'] table"],
  ]) {
    await page.goto(path);
    await expect(page.locator(`${table} tbody tr`).first()).toBeVisible();
    await expectWhole(page.locator(`${table} tbody`).locator("th, td, button"), `${table} on ${path}`);
    await expectNoHorizontalScroll(page);
  }
  await audit(page);
});

test("on a laptop the imports fit their card, each download button whole", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await page.goto("/planner/programs/contoso/files");
  const region = page.locator("section[aria-labelledby='imports-title'] .table-scroll");
  await expect(region.locator("tbody tr")).toHaveCount(6);
  expect(await region.evaluate((e) => e.scrollWidth - e.clientWidth), "sideways scrolling in the imports table").toBeLessThanOrEqual(0);
  await expectWhole(region.getByRole("button", { name: "Downloaden" }), "the download buttons");
  await expectWhole(region.locator("th, td"), "every cell");
});

test("one stored evaluation draws both its figures, and stacked buttons keep their distance", async ({ page }) => {
  const { csrf_token } = await (await page.request.get("/api/v1/session")).json();
  const stored = await page.request.post("/api/v1/programs/contoso/evaluations?lang=nl", { headers: { "X-CSRF-Token": csrf_token } });
  expect(stored.status(), await stored.text()).toBe(201);
  const { readiness } = await stored.json();
  expect(readiness.estimate).not.toBe(readiness.conservative);
  await page.goto("/planner/programs/contoso/readiness");
  const trend = page.locator("section[aria-labelledby='trend-title']");
  await expect(trend.locator("#trend-desc")).toContainText(`(voorzichtig ${readiness.conservative})`, { timeout: 60_000 });
  // The estimate and the conservative figure, each a point at its own height.
  const estimate = trend.locator("svg circle.dot:not(.dot-conservative)");
  const conservative = trend.locator("svg circle.dot-conservative");
  await expect(estimate).toHaveCount(1);
  await expect(conservative).toHaveCount(1);
  await expect(conservative).toBeVisible();
  const [e, c] = [await estimate.boundingBox(), await conservative.boundingBox()];
  expect(c.y, "the conservative figure lies below the estimate").toBeGreaterThan(e.y + e.height);
  expect(c.width, "a point a phone shows").toBeGreaterThanOrEqual(6);

  // An action's two buttons, stacked on a phone, do not touch.
  const links = page.locator("li.action .action-links:has(a + a)").first().locator("a");
  const [first, second] = [await links.nth(0).boundingBox(), await links.nth(1).boundingBox()];
  const apart = Math.max(second.y - (first.y + first.height), second.x - (first.x + first.width));
  expect(apart, "space between an action's buttons").toBeGreaterThanOrEqual(8);

  // "Another attribute" keeps its distance from the field under it.
  await page.goto("/planner/programs/contoso/communications");
  const another = page.getByRole("button", { name: "Nog een kenmerk" });
  await expect(another).toBeVisible();
  const [button, label] = [await another.boundingBox(), await page.locator("label[for='msg-channel']").boundingBox()];
  expect(label.y - (button.y + button.height), "space under “Nog een kenmerk”").toBeGreaterThanOrEqual(12);
});

test("the heatmap's column headers stay in view over its rows; at 390 px it says it scrolls sideways", async ({ page }) => {
  // A laptop: the grid fits its card, and its headers stick to the top of the window.
  await page.setViewportSize(LAPTOP);
  await page.goto("/planner/programs/contoso/readiness");
  const table = page.locator("table.heatmap");
  await expect(table).toBeVisible({ timeout: 60_000 });
  expect(await table.locator("tbody tr[data-segment]").count(), "a long grid").toBeGreaterThan(15);
  await expect(page.locator("#heatmap-scroll-cue")).toBeHidden();
  await page.evaluate(() => {
    const t = document.querySelector("table.heatmap");
    window.scrollTo(0, t.getBoundingClientRect().top + window.scrollY + 500);
  });
  const head = table.locator("thead th").nth(2);
  await expect.poll(async () => Math.round((await head.boundingBox()).y), "the header row at the window's top").toBe(0);
  const onTop = await head.evaluate((th) => {
    const box = th.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return th.contains(hit);
  });
  expect(onTop, "the header is drawn over the rows under it").toBe(true);

  // A phone: the grid scrolls in a box of its own, says so, and shows a shadow at the edge
  // there is more beyond.
  await page.setViewportSize(PHONE);
  await page.goto("/planner/programs/contoso/readiness");
  const grid = page.locator("div.heatmap-scroll");
  const frame = page.locator("div.scroll-frame", { has: page.locator("div.heatmap-scroll") });
  await expect(grid).toBeVisible({ timeout: 60_000 });
  await expect(page.locator("#heatmap-scroll-cue")).toBeVisible();
  await expect(page.locator("#heatmap-scroll-cue")).toContainText("schuif hem opzij");
  await expect(frame).toHaveClass(/more-right/);
  // The shadow fades in: read it once it has.
  await expect.poll(() => frame.evaluate((e) => getComputedStyle(e, "::after").opacity)).toBe("1");
  // Scrolled down within the box, the headers stay at its top.
  await grid.evaluate((e) => { e.scrollTop = 900; });
  const [g, h] = [await grid.boundingBox(), await table.locator("thead th").first().boundingBox()];
  expect(Math.abs(h.y - g.y), "the header row at the top of the grid's box").toBeLessThan(2);
  // Scrolled to the right end: the shadow moves to the left, the segment names stay, and
  // the last column reads whole, its header and every cell.
  await grid.evaluate((e) => { e.scrollLeft = e.scrollWidth; });
  await expect(frame).toHaveClass(/more-left/);
  await expect(frame).not.toHaveClass(/more-right/);
  const name = await table.locator("tbody th[scope='row']").first().boundingBox();
  expect(Math.abs(name.x - g.x), "the segment names at the left edge").toBeLessThan(2);
  await expectWhole(table.locator("thead th").last(), "the last column's header");
  await expectWhole(table.locator("tbody tr[data-segment] > td:last-child"), "the last column's cells");
  await expectNoHorizontalScroll(page);
});

test("at 390 px the waves over time read at 11 px or more, no label over another", async ({ page }) => {
  await page.goto("/planner/programs/contoso/readiness");
  const svg = page.locator("section[aria-labelledby='charts-timeline'] svg.chart");
  await expect(svg).toBeVisible({ timeout: 60_000 });
  // Drawn at the width it is shown at: one unit a pixel.
  await expect.poll(() => svg.evaluate((s) => Math.abs(s.viewBox.baseVal.width - s.getBoundingClientRect().width))).toBeLessThan(2);
  const found = await svg.evaluate((s) => {
    const frame = s.getBoundingClientRect();
    const scale = frame.width / s.viewBox.baseVal.width;
    const texts = [...s.querySelectorAll("text")].map((t) => ({
      text: t.textContent,
      size: parseFloat(getComputedStyle(t).fontSize) * scale,
      box: t.getBoundingClientRect(),
    }));
    const over = [];
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const [a, b] = [texts[i].box, texts[j].box];
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
          over.push(`${texts[i].text} / ${texts[j].text}`);
        }
      }
    }
    return {
      texts: texts.map((t) => t.text),
      small: texts.filter((t) => t.size < 11).map((t) => `${t.text}: ${t.size.toFixed(1)} px`),
      over,
      outside: texts.filter((t) => t.box.left < frame.left - 1 || t.box.right > frame.right + 1).map((t) => t.text),
    };
  });
  // Every wave's figure at the end of its line, and the first wave named under the axis.
  expect(found.texts.filter((t) => /^[\w-]+: \d+$/.test(t)).length, found.texts.join(" | ")).toBeGreaterThanOrEqual(2);
  expect(found.texts, found.texts.join(" | ")).toContain("pilot");
  expect(found.small).toEqual([]);
  expect(found.over).toEqual([]);
  expect(found.outside).toEqual([]);
});

test("a wave's inputs line up on a laptop, the name's hint under its input", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await page.goto("/planner/new-program");
  const row = page.locator(".wave-row").first();
  await expect(row).toBeVisible();
  const tops = [];
  for (const field of ["id", "name", "start", "end"]) {
    tops.push(Math.round((await row.locator(`#f-wave-0-${field}`).boundingBox()).y));
  }
  expect(new Set(tops).size, `the inputs' tops: ${tops}`).toBe(1);
});
