// End-to-end test of the streaming path of "Analisis penjualan" (issue 16): a
// file opened on the page with ?streamAbove=0 (every text file streamed by the
// worker through LogStream, js/stream-file.js) shows exactly what the same file
// shows by today's path (read whole, analyzeLog): the data read, the status list,
// every figure, table and chart text of the results and the customers' CSV, also
// after a changed option (RFM by quintiles, a status unticked), which streams the
// kept File again. And the progress bar shows the streaming stage and goes away.
// Run from the repository root after building the module:
//   scripts/build.sh && node --test --test-concurrency=1 tests/e2e/stream.test.mjs

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openPage, repo, sharedData } from "./helpers.mjs";
import { initSync, analyzeLog } from "../../www/pkg/customer_metrics.js";

const shopee = path.join(repo, "tests/fixtures/exports/shopee.csv");

describe("the sales analysis of a streamed file", { timeout: 900_000 }, () => {
  let page;
  let base;
  let close;
  let problems = [];
  let tmp;
  let latinFile; // the shop log in Windows-1252 bytes, with accented names

  before(async () => {
    initSync({ module: fs.readFileSync(path.join(repo, "www/pkg/customer_metrics_bg.wasm")) });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "stream-"));
    latinFile = path.join(tmp, "penjualan-1252.csv");
    const text = fs.readFileSync(sharedData("transaksi_toko.csv"), "utf8").replace(/Putri/g, "Andr\u00e9 Putri").replace(/Budi/g, "Zo\u00eb Budi");
    fs.writeFileSync(latinFile, Buffer.from([...text].map((c) => c.charCodeAt(0))));
    ({ page, base, problems, close } = await openPage());
  });

  after(async () => {
    await close?.();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const testid = (id) => `[data-testid="${id}"]`;
  const runs = () => page.evaluate(() => Number(document.getElementById("sales").dataset.run || 0));

  async function waitResult(before) {
    await page.waitForFunction(
      (n) => {
        const s = document.getElementById("sales");
        return Number(s.dataset.run || 0) > n && s.dataset.state === "ok" && !s.querySelector('[aria-busy="true"]');
      },
      before,
      { timeout: 120_000 },
    );
  }

  /** Opens the page at `query` and records the progress stages seen and the analyse messages posted. */
  async function load(query) {
    await page.goto(`${base}${query}`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 30_000 });
    problems.length = 0; // the last page's requests cut short by the navigation
    await page.evaluate(() => {
      const seen = (window.__seen = { stages: [], values: [], posted: [] });
      const progress = document.querySelector('[data-testid="sales-progress"]');
      const bar = document.querySelector('[data-testid="sales-progress-bar"]');
      new MutationObserver(() => {
        const stage = progress.hidden ? "hidden" : progress.dataset.stage;
        if (seen.stages[seen.stages.length - 1] !== stage) seen.stages.push(stage);
        if (stage === "streaming") seen.values.push(Number(bar.getAttribute("aria-valuenow")));
      }).observe(progress, { attributes: true, subtree: true, attributeFilter: ["data-stage", "hidden", "aria-valuenow"] });
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (message, ...rest) {
        if (message && message.type === "analyse") seen.posted.push({ file: "file" in message, streamAbove: message.streamAbove });
        return post.call(this, message, ...rest);
      };
    });
  }

  /** What the page shows of the analysis: the file's status, the data read, the results, the customers' CSV. */
  async function snapshot() {
    const shown = await page.evaluate(() => {
      const text = (sel) => (document.querySelector(sel)?.innerText || "").replace(/[\u00a0\u202f]/g, " ").replace(/[ \t]+/g, " ").trim();
      return {
        file: text('[data-testid="sales-file-status"]'),
        data: text('[data-testid="sales-data"]'),
        results: text('[data-testid="sales-results"]'),
      };
    });
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(testid("sales-customers-download"))]);
    shown.csv = fs.readFileSync(await download.path(), "utf8");
    return shown;
  }

  /** The same steps on the page as it is at `query`: each step's snapshot. */
  async function scenario(query) {
    await load(query);
    const shots = {};
    let n = await runs();
    await page.setInputFiles("#sales-file", shopee);
    await waitResult(n);
    shots.opened = await snapshot();
    n = await runs();
    await page.click('label[for="sales-method-quintile"]');
    await waitResult(n);
    shots.quintile = await snapshot();
    n = await runs();
    await page.click(`${testid("sales-statuses")} tr[data-status="Telah Dikirim"] input`);
    await waitResult(n);
    shots.unticked = await snapshot();
    n = await runs();
    await page.setInputFiles("#sales-file", latinFile);
    await waitResult(n);
    shots.latin = await snapshot();
    const seen = await page.evaluate(() => window.__seen);
    return { shots, seen };
  }

  it("shows the same data, figures, tables and CSV streamed as read whole, also after changed options", async () => {
    const whole = await scenario("");
    const streamed = await scenario("?streamAbove=0");
    // The two paths were taken: no streaming stage without the knob, the knob posted with it.
    assert.ok(!whole.seen.stages.includes("streaming"), `stages read whole: ${whole.seen.stages.join(", ")}`);
    assert.ok(whole.seen.posted.every((p) => p.streamAbove === undefined));
    assert.ok(streamed.seen.posted.every((p) => p.streamAbove === 0));
    assert.ok(streamed.seen.stages.includes("streaming"), `stages streamed: ${streamed.seen.stages.join(", ")}`);
    // Options alone were posted for the changes: the worker streamed the File it kept.
    assert.deepEqual(streamed.seen.posted.map((p) => p.file), [true, false, false, true]);
    for (const step of Object.keys(whole.shots)) {
      for (const part of ["file", "data", "results", "csv"]) {
        assert.equal(streamed.shots[step][part], whole.shots[step][part], `${step}: ${part}`);
      }
    }
    // The steps changed what is shown (the comparison is not of four equal pages).
    assert.notEqual(whole.shots.quintile.results, whole.shots.opened.results);
    assert.notEqual(whole.shots.unticked.results, whole.shots.quintile.results);
    assert.match(streamed.shots.latin.file, /Windows-1252/);
    assert.match(streamed.shots.latin.csv, /Andr\u00e9 Putri Susanto;/);
    // And they are analyzeLog's figures (the quintile step's segments, from the whole text in Node).
    const expected = analyzeLog({ text: fs.readFileSync(shopee, "utf8"), method: "quintile" }).rfm.segments.filter((s) => s.count > 0);
    for (const s of expected) assert.match(streamed.shots.quintile.results, new RegExp(`\\b${s.count}\\b`), s.key);
    assert.deepEqual(problems, []);
  });

  it("shows the streaming stage on the progress bar, growing, and hides the bar at the end", async () => {
    await load("?streamAbove=0");
    const n = await runs();
    await page.setInputFiles("#sales-file", sharedData("transaksi_toko.csv"));
    await waitResult(n);
    const seen = await page.evaluate(() => window.__seen);
    assert.ok(seen.stages.includes("streaming"), `stages: ${seen.stages.join(", ")}`);
    assert.ok(!seen.stages.includes("analysing"), "no separate analysing stage");
    assert.deepEqual(seen.stages.slice(-2), ["drawing", "hidden"]);
    assert.ok(seen.values.length > 0 && seen.values.every((v, i) => v >= 0 && v <= 90 && (i === 0 || v >= seen.values[i - 1])), `values: ${seen.values}`);
    assert.equal(await page.locator(testid("sales-progress")).isHidden(), true);
    assert.equal((await page.locator(testid("sales-rows")).innerText()).replace(/\s+/g, " "), "2.941 baris dipakai, 3 dilewati");
    assert.deepEqual(problems, []);
  });

  it("predicts from a streamed file (read whole as text for the model: it is under 100 MB)", async () => {
    await load("?streamAbove=0");
    const n = await runs();
    await page.setInputFiles("#sales-file", sharedData("CDNOW_sample.txt"));
    await waitResult(n);
    assert.ok((await page.evaluate(() => window.__seen.stages)).includes("streaming"));
    await page.waitForFunction(() => !document.getElementById("predict-run").disabled, null, { timeout: 10_000 });
    await page.fill("#predict-calibration-end", "1997-09-30");
    await page.fill("#predict-holdout-end", "1998-06-30");
    await page.click('label[for="predict-unit-weeks"]');
    const before = await page.evaluate(() => Number(document.getElementById("predict").dataset.run || 0));
    await page.click("#predict-run");
    await page.waitForFunction(
      (k) => {
        const s = document.getElementById("predict");
        return Number(s.dataset.run || 0) > k && s.dataset.state === "ok" && !s.querySelector('[aria-busy="true"]');
      },
      before,
      { timeout: 60_000 },
    );
    // The published BG/NBD estimates (METRICS.md §2: Fader, Hardie & Lee 2005), as the Predict test reads them.
    assert.equal((await page.locator(testid("predict-param-r")).innerText()).trim(), "0,243");
    assert.equal((await page.locator(testid("predict-param-b")).innerText()).trim(), "2,426");
    assert.deepEqual(problems, []);
  });
});
