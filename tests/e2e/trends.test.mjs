// End-to-end test of the trends and the comparison of two months in "Analisis
// penjualan" (issue #14) in headless Chromium: the shop log opened as a file, the
// three trend charts (revenue, new vs returning customers, CRR and churn with the
// benchmark band) each with its numbers table, the benchmarks and the return rate,
// the comparison of two months (defaults, another pick, a year earlier) with the
// direction in a word, both languages, 375 and 1280 px, user text as text only,
// and axe-core with no violations. June 2025's S, E, N are the independent figures
// of tests/log_api.rs (S = 102 bought in May, E = 105 in June, N = 30); the other
// cells are checked against the module's `trends` (tests/trends.rs checks its
// figures by hand). Run after scripts/build.sh:
//   node --test --test-concurrency=1 tests/e2e/trends.test.mjs

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { norm, repo, sharedData, shotsDir } from "./helpers.mjs";
import { XSS, start, violations } from "./embedding.mjs";
import { initSync, trends } from "../../www/pkg/customer_metrics.js";

const shopFile = sharedData("transaksi_toko.csv");
const shopText = fs.readFileSync(shopFile, "utf8");

describe("trends and the comparison of two months", { timeout: 900_000 }, () => {
  let env;
  let page;
  let log;
  let context;
  let api;

  before(async () => {
    initSync({ module: fs.readFileSync(path.join(repo, "www/pkg/customer_metrics_bg.wasm")) });
    api = trends({ text: shopText });
    env = await start();
    // bypassCSP only so that axe-core can be injected; the CSP check reads the events anyway.
    ({ page, log, context } = await env.open(env.base, { bypassCSP: true }));
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 30_000 });
  });
  after(async () => {
    await context?.close();
    await env?.close();
  });

  const testid = (id) => `[data-testid="${id}"]`;
  const text = async (selector) => norm(await page.locator(selector).first().textContent());
  const runs = () => page.evaluate(() => Number(document.getElementById("sales").dataset.run || 0));
  async function waitResult(before, timeout = 120_000) {
    await page.waitForFunction(
      (n) => {
        const s = document.getElementById("sales");
        return Number(s.dataset.run || 0) > n && s.dataset.state === "ok" && !s.querySelector('[aria-busy="true"]');
      },
      before,
      { timeout },
    );
  }
  /** axe-core on the parts of the page named (the page's other parts have tests of their own). */
  async function axeIn(selectors) {
    if (!(await page.evaluate(() => !!window.axe))) {
      await page.addScriptTag({ content: fs.readFileSync(path.join(repo, "node_modules/axe-core/axe.min.js"), "utf8") });
    }
    const result = await page.evaluate((include) => window.axe.run({ include: include.map((s) => [s]) }, { resultTypes: ["violations"] }), selectors);
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`).join(" | ")}`);
  }
  /** The rows of a numbers table as trimmed cell texts. */
  const tableRows = (id) =>
    page.locator(`${testid(id)} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim())));
  const idNum = (n, d = 1) => n.toLocaleString("id-ID", { maximumFractionDigits: d });
  const enNum = (n, d = 1) => n.toLocaleString("en-GB", { maximumFractionDigits: d });

  it("draws the three trend charts with their numbers tables for the shop log (Indonesian, 1280 px)", async () => {
    const before = await runs();
    await page.setInputFiles("#sales-file", shopFile);
    await waitResult(before);
    // January 2024 to June 2025: 18 months, all complete (the data end on 30 June).
    assert.equal(api.periods.length, 18);
    assert.equal(await text(testid("trends-span")), "18 bulan, Januari 2024 sampai Juni 2025.");
    for (const id of ["trends-revenue", "trends-customers", "trends-rates"]) {
      assert.equal(await page.locator(`${testid(`${id}-chart`)} svg`).count(), 1, `${id}: an SVG`);
      const name = await page.locator(testid(`${id}-svg`)).getAttribute("aria-label");
      assert.match(name, /Januari 2024 sampai Juni 2025/, `${id}: named`);
      assert.equal((await tableRows(`${id}-table`)).length, 18, `${id}: a row per month`);
    }
    // One bar per month for the revenue; two series for the customers.
    assert.equal(await page.locator(`${testid("trends-revenue-svg")} .trend-bar`).count(), 18);
    // June 2025, the last row: S = 102, E = 105, N = 30 (tests/log_api.rs):
    // CRR = (105 − 30) / 102 = 73.5 %, churn 26.5 %; 105 active = 30 new + 75 returning.
    const june = api.periods[17];
    assert.deepEqual([june.period, june.startCustomers, june.activeCustomers, june.newCustomers], ["2025-06", 102, 105, 30]);
    const customers = await tableRows("trends-customers-table");
    assert.deepEqual(customers[17], ["Juni 2025", "30", "75", "105"]);
    const rates = await tableRows("trends-rates-table");
    assert.deepEqual(rates[17].slice(0, 3), ["Juni 2025", "73,5 %", "26,5 %"]);
    assert.equal(rates[0][1], "—", "no CRR for the first month");
    const revenue = await tableRows("trends-revenue-table");
    revenue.forEach((row, i) => {
      const p = api.periods[i];
      assert.equal(row[1], `Rp ${idNum(p.revenue, 0)}`, `${p.period} revenue`);
      assert.equal(row[2], idNum(p.orders, 0), `${p.period} orders`);
    });
    // The benchmark band and the churn target are drawn and named in the legend.
    assert.equal(await page.locator(`${testid("trends-rates-svg")} .trend-band`).count(), 1);
    assert.equal(await page.locator(`${testid("trends-rates-svg")} .trend-target`).count(), 1);
    assert.match(await text(testid("trends-rates-legend")), /Pita patokan: CRR 75 % ke atas/);
    // The benchmarks beside the latest figures, and the return rate (one refund
    // row of the log's 2,941 used rows; the figures are the reading's).
    assert.match(await text(testid("trends-bench")), /e-commerce 20–30 %/);
    assert.match(await text(testid("trends-bench")), /fesyen 25–30 %/);
    const returns = api.sales.returns;
    assert.ok(returns.orders > 0);
    const returnStat = norm(await page.locator(testid("trends-return-orders")).locator("xpath=..").textContent());
    assert.match(returnStat, new RegExp(`${idNum(returns.orders, 0)} dari ${idNum(returns.soldOrders, 0)} pesanan`));
    // Below 1 % with two decimals (1 of 2,940 is 0.03 %, not "0 %").
    assert.match(returnStat, new RegExp(`^Tingkat retur \\(pesanan\\)\\s*${idNum(returns.orderRate, returns.orderRate < 1 ? 2 : 1)} %`));
    fs.mkdirSync(shotsDir, { recursive: true });
    await page.locator("#sales-trends").screenshot({ path: path.join(shotsDir, "trends-id-1280.png") });
  });

  it("compares the last whole month with the one before, and a year earlier, with the direction in a word", async () => {
    // Defaults: A = June 2025 (the latest complete month), B = May 2025.
    assert.equal(await page.locator(testid("sales-compare-a")).inputValue(), "2025-06");
    assert.equal(await page.locator(testid("sales-compare-b")).inputValue(), "2025-05");
    assert.equal(await text(testid("compare-what")), "Juni 2025 dibanding Mei 2025: perubahan dari B ke A.");
    const rows = await tableRows("sales-compare-table");
    const may = api.periods[16];
    const june = api.periods[17];
    const active = rows.find((r) => r[0] === "Pelanggan aktif");
    assert.deepEqual(active.slice(1, 3), [idNum(june.activeCustomers, 0), idNum(may.activeCustomers, 0)]);
    // Every figure has a word for its direction (never colour alone).
    const words = await page.locator(`${testid("sales-compare-table")} .compare-dir`).allTextContents();
    assert.equal(words.length, 10);
    for (const w of words) assert.ok(["Lebih baik", "Lebih buruk", "Tidak berubah", "Berubah", "—"].includes(w), w);
    // Churn: down is better.
    const churn = rows.find((r) => r[0] === "Churn");
    const churnDir = june.churnRate < may.churnRate ? "Lebih baik" : june.churnRate > may.churnRate ? "Lebih buruk" : "Tidak berubah";
    assert.equal(churn[4], churnDir);
    const dir = await page.locator(testid("compare-dir-churn")).getAttribute("class");
    assert.match(dir, churnDir === "Lebih baik" ? /dir-better/ : churnDir === "Lebih buruk" ? /dir-worse/ : /dir-same/);
    // The same month a year earlier: June 2024.
    await page.check(testid("sales-compare-year"));
    await page.waitForFunction(() => document.querySelector('[data-testid="sales-compare-b"]').value === "2024-06");
    assert.equal(await text(testid("compare-what")), "Juni 2025 dibanding Juni 2024: perubahan dari B ke A.");
    // Another pick of A: March 2025; B stays a year earlier (March 2024).
    await page.selectOption(testid("sales-compare-a"), "2025-03");
    await page.waitForFunction(() => document.querySelector('[data-testid="sales-compare-b"]').value === "2024-03");
    const revenue = (await tableRows("sales-compare-table")).find((r) => r[0] === "Pendapatan bersih");
    assert.deepEqual(revenue.slice(1, 3), [`Rp ${idNum(api.periods[14].revenue, 0)}`, `Rp ${idNum(api.periods[2].revenue, 0)}`]);
  });

  it("says it in English, and fits 375 px in both languages", async () => {
    await page.click("#lang-toggle");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.equal(await text(testid("trends-span")), "18 months, January 2024 to June 2025.");
    const rates = await tableRows("trends-rates-table");
    assert.deepEqual(rates[17].slice(0, 3), ["June 2025", "73.5%", "26.5%"]);
    assert.match(await text(testid("compare-what")), /^March 2025 against March 2024/);
    const words = await page.locator(`${testid("sales-compare-table")} .compare-dir`).allTextContents();
    for (const w of words) assert.ok(["Better", "Worse", "No change", "Changed", "—"].includes(w), w);
    assert.match(await text(testid("trends-bench")), /fashion 25–30%/);
    await page.locator("#sales-compare").screenshot({ path: path.join(shotsDir, "compare-en-1280.png") });
    for (const lang of ["en", "id"]) {
      if (lang === "id") {
        await page.click("#lang-toggle");
        await page.waitForFunction(() => document.documentElement.lang === "id");
      }
      await page.setViewportSize({ width: 375, height: 800 });
      // The charts are redrawn at the box's width (after the resize observer's pause).
      await page.waitForFunction(() => {
        const svg = document.querySelector('[data-testid="trends-revenue-svg"]');
        return svg && Number(svg.getAttribute("width")) <= 375;
      });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${lang}: no horizontal scroll at 375 px (${overflow})`);
      for (const id of ["trends-revenue-svg", "trends-customers-svg", "trends-rates-svg"]) {
        const box = await page.locator(testid(id)).boundingBox();
        assert.ok(box.x >= 0 && box.x + box.width <= 375, `${lang} ${id} within 375 px`);
      }
      await page.locator("#sales-trends").screenshot({ path: path.join(shotsDir, `trends-${lang}-375.png`) });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="trends-revenue-svg"]').getAttribute("width")) > 375);
    }
    assert.equal(await page.evaluate(() => document.documentElement.lang), "id");
  });

  it("finds no axe-core violation with the trends and the comparison shown (375 and 1280 px)", async () => {
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      const found = await axeIn(["#sales-trends", "#sales-compare"]);
      assert.deepEqual(found, [], `${width} px`);
    }
  });

  it("shows user text as text only, and a churn jump as a notice", async () => {
    // A pasted log: a customer named as markup, and churn that jumps in May
    // (tests/trends.rs: 50 %, 50 %, 50 %, then 100 %).
    const log2 = [
      "Pelanggan;Tanggal;Jumlah",
      `${XSS};2025-01-03;10000`,
      "Q;2025-01-04;10000",
      `${XSS};2025-02-03;10000`,
      "R;2025-02-04;10000",
      "R;2025-03-03;10000",
      "T;2025-03-04;10000",
      "T;2025-04-03;10000",
      "U;2025-04-04;10000",
      "V;2025-05-03;10000",
      "V;2025-06-30;10000",
    ].join("\n");
    const before = await runs();
    await page.evaluate((v) => {
      const box = document.getElementById("sales-text");
      box.focus();
      box.value = v;
      box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    }, log2);
    await waitResult(before);
    const notice = page.locator(`${testid("trends-notices")} li[data-code="churnJump"]`);
    assert.equal(await notice.count(), 1);
    assert.match(norm(await notice.textContent()), /Churn Mei 2025 melonjak ke 100 %/);
    assert.match((await tableRows("trends-rates-table"))[4][2], /100 % ⚠ churn melonjak/);
    // The comparison's defaults follow the new log: June and May 2025.
    assert.equal(await page.locator(testid("sales-compare-a")).inputValue(), "2025-06");
    assert.equal(await page.locator(testid("sales-compare-b")).inputValue(), "2025-05");
    assert.equal(await page.locator("#sales img, #sales b").count(), 0);
    assert.deepEqual(log.dialogs, []);
  });

  it("CRR above 100 %: the log's retention is rated on strict retention; the quick calculator gives no rating", async () => {
    // S = February's A, B, C; in March A and three customers lapsed since
    // November (X, Y, Z) bought, none new: CRR = 4 / 3 = 133.3 %, strict
    // retention 1 / 3 = 33.3 % (poor), 3 reactivated. The data end on 31 March.
    const log3 = [
      "Pelanggan;Tanggal;Jumlah",
      "X;2024-11-02;10000",
      "Y;2024-11-03;10000",
      "Z;2024-11-04;10000",
      "A;2025-02-02;10000",
      "B;2025-02-03;10000",
      "C;2025-02-04;10000",
      "A;2025-03-02;10000",
      "X;2025-03-03;10000",
      "Y;2025-03-04;10000",
      "Z;2025-03-31;10000",
    ].join("\n");
    const before = await runs();
    await page.evaluate((v) => {
      const box = document.getElementById("sales-text");
      box.value = v;
      box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    }, log3);
    await waitResult(before);
    assert.equal(await text(testid("sales-crr")), "133,3 %");
    assert.equal(await page.getAttribute(testid("sales-crr-band"), "data-band"), "poor");
    assert.equal(await text(testid("sales-crr-band")), "Buruk");
    assert.match(await text(testid("sales-over100-strict")), /retensi ketat 33,3 %.*3 pelanggan kembali/);
    // The quick calculator: S = 100, E = 150, N = 20 → 130 %, not rated.
    for (const [id, v] of [["#crr-start", "100"], ["#crr-end", "150"], ["#crr-new", "20"]]) await page.fill(id, v);
    await page.waitForFunction(() => document.querySelector('[data-testid="crr-value"]')?.textContent.startsWith("130"));
    assert.equal(await page.getAttribute('[data-testid="crr-band"]', "data-band"), "unknown");
    assert.equal(await text('[data-testid="crr-band"]'), "Tidak dinilai di atas 100 %");
    assert.match(await text('[data-testid="crr-warning"]'), /bukan retensi yang sangat baik/);
  });

  it("logged no CSP violation, no error, no dialog", async () => {
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(log.problems, []);
  });
});
