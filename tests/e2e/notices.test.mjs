// End-to-end test of the page's words by key and its notices by code and params
// (issue 12: no sentence of the API is read): the CDNOW sample opened in the sales
// section of the Indonesian page, then predicted with a calibration end and no
// holdout end, so that predictClv gives the notice `purchasesAfterCalibration`
// with params { days, calibrationEnd } (README "Codes"). The texts expected are
// written out by hand from js/i18n/predict.{id,en}.js with the page's number and
// date notation (1.882 / 1,882; 30 Sep 1997 / 30 Sept 1997); the count 1882 is
// predictClv's in Node (the same module), not the page's.
// Run from the repository root after building the module:
//   scripts/build.sh && node --test --test-concurrency=1 tests/e2e/notices.test.mjs

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { norm, openPage, repo, sharedData } from "./helpers.mjs";
import { initSync, predictClv } from "../../www/pkg/customer_metrics.js";

const cdnowFile = sharedData("CDNOW_sample.txt");

describe("notices by code and params, words by key (Indonesian and English)", { timeout: 300_000 }, () => {
  let page;
  let close;
  let problems = [];

  before(async () => {
    initSync({ module: fs.readFileSync(path.join(repo, "www/pkg/customer_metrics_bg.wasm")) });
    ({ page, problems, close } = await openPage());
  });

  after(async () => {
    await close?.();
  });

  const testid = (id) => `[data-testid="${id}"]`;
  const runs = (id) => page.evaluate((s) => Number(document.getElementById(s).dataset.run || 0), id);
  const waitRun = (id, n) =>
    page.waitForFunction(([s, k]) => Number(document.getElementById(s).dataset.run || 0) > k && document.getElementById(s).dataset.state === "ok" && !document.getElementById(s).querySelector('[aria-busy="true"]'), [id, n], { timeout: 120_000 });
  const warnings = () => page.locator(`${testid("predict-warnings")} li`).evaluateAll((lis) => lis.map((li) => ({ text: li.textContent, known: li.dataset.known, lang: li.getAttribute("lang") })));

  it("the Indonesian page: segment words by key, the model's notice from its params", async () => {
    const before = await runs("sales");
    await page.setInputFiles("#sales-file", cdnowFile);
    await waitRun("sales", before);
    // A segment's label and its condition (R = 5, F ≥ 4, M ≥ 4 joined by "dan"), from js/calc/i18n/segments.id.js.
    const champions = (await page.locator(`${testid("sales-rules")} tbody tr`).first().locator("th, td").allTextContents()).map(norm);
    assert.deepEqual(champions.slice(0, 2), ["Pelanggan juara", "R = 5 dan F ≥ 4 dan M ≥ 4"]);

    await page.waitForFunction(() => !document.getElementById("predict-run").disabled, null, { timeout: 10_000 });
    await page.fill("#predict-calibration-end", "1997-09-30");
    await page.click('label[for="predict-unit-weeks"]');
    const n = await runs("predict");
    await page.click("#predict-run");
    await waitRun("predict", n);
    // The same prediction in Node: the notice's code and its count of purchase days.
    const expected = predictClv({ text: fs.readFileSync(cdnowFile, "utf8"), unit: "weeks", calibrationEnd: "1997-09-30" });
    assert.deepEqual(
      expected.notices.map((x) => [x.code, x.params]),
      [["purchasesAfterCalibration", { calibrationEnd: "1997-09-30", days: 1882 }]],
    );
    assert.deepEqual(
      (await warnings()).map((w) => ({ ...w, text: norm(w.text) })),
      [{ text: "1.882 hari pembelian setelah akhir kalibrasi (30 Sep 1997) tidak dipakai. Isi akhir holdout untuk memakainya sebagai uji model.", known: "1", lang: null }],
    );
  });

  it("the English page: the same notice in English, from its params", async () => {
    await page.click("#lang-toggle");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await page.waitForFunction(() => /purchase days/.test(document.querySelector('[data-testid="predict-warnings"] li')?.textContent || ""));
    assert.deepEqual(
      (await warnings()).map((w) => ({ ...w, text: norm(w.text) })),
      [{ text: "1,882 purchase days after the calibration end (30 Sept 1997) were not used. Set a holdout end to use them to test the model.", known: "1", lang: null }],
    );
    const champions = (await page.locator(`${testid("sales-rules")} tbody tr`).first().locator("th, td").allTextContents()).map(norm);
    assert.deepEqual(champions.slice(0, 2), ["Champions", "R = 5 and F ≥ 4 and M ≥ 4"]);
  });

  it("logged no console errors, page errors or failed requests", () => {
    assert.deepEqual(problems, []);
  });
});
