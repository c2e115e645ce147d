// End-to-end test of the page www/ in headless Chromium (Playwright).
// Run from the repository root after building the module:
//   scripts/build.sh && node --test tests/e2e/
// Starts the project's own static server (examples/serve.rs) on a free port and
// stops it at the end (tests/e2e/helpers.mjs). Screenshots go to tests/e2e/screenshots/ (gitignored);
// docs/screenshot.png (the README's) is cut by hand from the 1280 px one.

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { norm, openPage, sharedData, shotsDir } from "./helpers.mjs";

const npsFile = sharedData("survei_nps.tsv");
const cesFile = sharedData("survei_ces.txt");

describe("the page www/", { timeout: 900_000 }, () => {
  let page;
  let close;
  let problems = []; // console errors, page errors, failed requests

  before(async () => {
    ({ page, problems, close } = await openPage());
  });

  after(async () => {
    await close?.();
  });

  const text = async (selector) => norm(await page.locator(selector).first().textContent());

  /** Replaces an input's value by typing it key by key (fires input events). */
  async function typeInto(selector, value) {
    const input = page.locator(selector);
    await input.fill("");
    await input.pressSequentially(value);
  }

  it("loads in Indonesian with results for the default numbers", async () => {
    assert.equal(await page.getAttribute("html", "lang"), "id");
    assert.match(await text('[data-testid="privacy-note"]'), /Data Anda tidak pernah meninggalkan browser ini/);
    assert.equal(await text("#crr-title"), "Tingkat Retensi Pelanggan (CRR)");
    for (const id of ["crr", "clv", "nps", "ces", "csat", "fcr"]) {
      assert.equal(await page.getAttribute(`#${id}`, "data-state"), "ok", `${id} shows a result on load`);
      assert.ok((await text(`[data-testid="${id}-value"]`)).length > 0, `${id} has a figure`);
    }
    assert.equal(await text('[data-testid="clv-value"]'), "Rp 6.000.000");
    // Every input and textarea has a label.
    const unlabelled = await page.$$eval("input, textarea, select", (els) =>
      els.filter((el) => !el.labels || el.labels.length === 0).map((el) => el.id),
    );
    assert.deepEqual(unlabelled, []);
  });

  it("CRR updates live as S, E, N are typed: 90 %, excellent, formula with the numbers", async () => {
    await typeInto("#crr-end", "950");
    await typeInto("#crr-new", "100");
    assert.equal(await text('[data-testid="crr-value"]'), "85 %");
    await typeInto("#crr-start", "1000");
    await typeInto("#crr-end", "1100");
    await typeInto("#crr-new", "200");
    const value = await text('[data-testid="crr-value"]');
    assert.match(value, /^90\b/);
    assert.equal(value, "90 %");
    assert.equal(await page.getAttribute('[data-testid="crr-band"]', "data-band"), "excellent");
    assert.equal(await text('[data-testid="crr-band"]'), "Sangat baik");
    assert.equal(await text('[data-testid="crr-formula"]'), "(1.100 − 200) / 1.000 × 100 % = 90 %");
    assert.match(await text('[data-testid="crr-benchmark"]'), /tidak sepakat/);
    assert.ok((await text('[data-testid="crr-next"]')).length > 20);
    assert.equal(await page.getAttribute("#crr-summary", "aria-live"), "polite");
  });

  it("NPS from the pasted survey: 10,2 with 412 used, rows 415 and 416 skipped, and a chart", async () => {
    const tsv = fs.readFileSync(npsFile, "utf8");
    await page.locator("#nps-text").fill(tsv);
    assert.ok(await page.locator("#nps-source-text").isChecked(), "pasting selects the text source");
    assert.equal(await text('[data-testid="nps-value"]'), "10,2");
    assert.equal(await text('[data-testid="nps-moe"]'), "± 7,9 (2,3 – 18,1)");
    assert.equal(await page.getAttribute('[data-testid="nps-band"]', "data-band"), "needsImprovement");
    assert.equal(await text('[data-testid="nps-rows"]'), "412 jawaban dipakai, 2 dilewati");
    const skipped = await page.locator('[data-testid="nps-skipped"] li').allTextContents();
    assert.deepEqual(skipped.map(norm), ["Baris 415: tidak ada skor", "Baris 416: skor di luar 0–10"]);
    assert.match(await text('[data-testid="nps-groups"]'), /160/);
    assert.match(await text('[data-testid="nps-formula"]'), /\(160 − 118\) \/ 412 × 100 = 10,2/);
    // The distribution chart: 11 bars, an accessible name, a table of the numbers.
    const svg = page.locator('[data-testid="nps-chart-svg"]');
    assert.equal(await svg.locator("rect.bar").count(), 11);
    assert.equal(await svg.getAttribute("role"), "img");
    assert.match(norm(await svg.getAttribute("aria-label")), /412/);
    assert.equal(await page.locator('[data-testid="nps-chart-table"] tbody tr').count(), 11);
    assert.match(await text('[data-testid="nps-chart"] figcaption'), /NPS 10,2 ± 7,9 \(2,3 – 18,1\)/);
    const counts = await svg.locator("rect.bar").evaluateAll((rects) => rects.map((r) => Number(r.dataset.count)));
    assert.equal(counts.reduce((a, b) => a + b, 0), 412);
    assert.equal(counts[9] + counts[10], 160);
  });

  it("CES from the sample file: 5,28 on 1–7 with 78,3 % easy", async () => {
    await page.selectOption("#ces-scale", "7");
    await page.locator("#ces-text").fill(fs.readFileSync(cesFile, "utf8"));
    assert.equal(await text('[data-testid="ces-value"]'), "5,28");
    assert.equal(await text('[data-testid="ces-easy"]'), "78,3 %");
    assert.equal(await text('[data-testid="ces-rows"]'), "180 jawaban dipakai, 0 dilewati");
    assert.equal(await page.getAttribute('[data-testid="ces-band"]', "data-band"), "belowBenchmark");
    assert.equal(await page.locator('[data-testid="ces-chart-svg"] rect.bar').count(), 7);
    // Scores typed as a list are accepted too; an off-scale one is skipped by position.
    await page.locator("#ces-text").fill("7, 6, 9, 5");
    assert.equal(await text('[data-testid="ces-rows"]'), "3 jawaban dipakai, 1 dilewati");
    assert.deepEqual((await page.locator('[data-testid="ces-skipped"] li').allTextContents()).map(norm), [
      "Skor ke-3: skor di luar skala 1–7",
    ]);
  });

  it("bad input shows a translated error, and valid input works again", async () => {
    await typeInto("#crr-start", "0");
    const error = page.locator('[data-testid="crr-error"]');
    assert.equal(await error.getAttribute("role"), "alert");
    assert.match(norm(await error.textContent()), /harus lebih dari 0/);
    assert.equal(await page.getAttribute("#crr-start", "aria-invalid"), "true");
    assert.equal(await page.locator('[data-testid="crr-value"]').count(), 0);
    // An empty field gives a gentle hint, not an error.
    await page.locator("#crr-start").fill("");
    assert.equal(norm(await error.textContent()), "");
    assert.match(await text('[data-testid="crr-hint"]'), /Isi ketiga angka/);
    // Text that is not a number, and an error the API reports with its rows.
    await page.locator("#crr-start").fill("abc");
    assert.match(norm(await error.textContent()), /harus berupa angka/);
    await page.locator("#csat-text").fill("Skor\n9\n8");
    assert.match(norm(await page.locator('[data-testid="csat-error"]').textContent()), /Tidak ada baris/);
    assert.deepEqual((await page.locator('[data-testid="csat-error"] li').allTextContents()).map(norm), [
      "Baris 2: skor di luar skala 1–5",
      "Baris 3: skor di luar skala 1–5",
    ]);
    await page.locator("#csat-text").fill("5, 4, 3");
    assert.equal(await text('[data-testid="csat-value"]'), "66,7 %");
    // Back to valid input.
    await typeInto("#crr-start", "1000");
    assert.equal(norm(await error.textContent()), "");
    assert.equal(await text('[data-testid="crr-value"]'), "90 %");
    assert.equal(await page.getAttribute("#crr-start", "aria-invalid"), null);
  });

  it("user text is shown as text, never as markup", async () => {
    await page.locator("#nps-text").fill('<img src=x data-xss="1">Skor\n9\n10\n<b>oops</b>');
    assert.match(await text('[data-testid="nps-rows"]'), /2 jawaban dipakai, 1 dilewati/);
    assert.equal(await page.locator("[data-xss], #nps-details b, #nps-details img").count(), 0);
    assert.match(await text("#nps-details"), /<img src=x data-xss="1">Skor/);
  });

  it("screenshots at 375 px and 1280 px", async () => {
    await page.locator("#nps-text").fill(fs.readFileSync(npsFile, "utf8"));
    await page.locator("#ces-text").fill(fs.readFileSync(cesFile, "utf8"));
    await page.locator("#csat-text").fill("5, 4, 4, 5, 3, 5, 4, 2, 5, 4, 5, 4, 3, 5, 4");
    await page.evaluate(() => document.activeElement?.blur());
    fs.mkdirSync(shotsDir, { recursive: true });
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => window.scrollTo(0, 0));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling at ${width} px (overflow ${overflow} px)`);
      await page.screenshot({ path: path.join(shotsDir, `page-${width}.png`), fullPage: true });
    }
    console.log(`screenshots: ${shotsDir}`);
  });

  it("switches to English with one click, remembers it, and never stores data", async () => {
    await page.click("#lang-toggle");
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.equal(await text("#crr-title"), "Customer Retention Rate (CRR)");
    assert.match(await text('[data-testid="privacy-note"]'), /Your data never leaves this browser/);
    assert.equal(await text('[data-testid="crr-value"]'), "90%");
    assert.equal(await text('[data-testid="crr-band"]'), "Excellent");
    assert.equal(await text('[data-testid="crr-formula"]'), "(1,100 − 200) / 1,000 × 100% = 90%");
    assert.equal(await text('[data-testid="nps-value"]'), "10.2");
    assert.equal(await text('[data-testid="nps-rows"]'), "412 responses used, 2 skipped");
    const skipped = await page.locator('[data-testid="nps-skipped"] li').allTextContents();
    assert.deepEqual(skipped.map(norm), ["Row 415: no score", "Row 416: score outside 0–10"]);
    assert.equal(await text('[data-testid="clv-value"]'), "Rp 6,000,000");
    assert.equal(await text("#lang-toggle"), "Bahasa Indonesia");
    // Errors in English too.
    await typeInto("#crr-start", "0");
    assert.match(norm(await page.locator('[data-testid="crr-error"]').textContent()), /must be more than 0/);
    await typeInto("#crr-start", "1000");
    assert.equal(await text('[data-testid="crr-value"]'), "90%");

    const stored = await page.evaluate(() => Object.entries(window.localStorage));
    assert.deepEqual(stored, [["customer-metrics.lang", "en"]]);
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.equal(await text("#crr-title"), "Customer Retention Rate (CRR)");
    assert.equal(await page.inputValue("#nps-text"), "", "pasted data is not kept");

    await page.click("#lang-toggle");
    assert.equal(await page.getAttribute("html", "lang"), "id");
    assert.equal(await text('[data-testid="crr-value"]'), "90 %");
  });

  it("logged no console errors, page errors or failed requests", () => {
    assert.deepEqual(problems, []);
  });
});
