// End-to-end test of "Prediksi CLV" (www/js/predict.js with www/worker.js) in
// headless Chromium: the CDNOW sample opened once in the sales section, then
// predicted with a calibration end and a holdout end (weeks): the fitted
// parameters as published, the ranked customers (highest CLV first), the P(alive)
// heat map, the calibration-vs-holdout chart with its totals, the comparison with
// the simple-formula CLV, the CSV download, errors, English, then the shop log
// (600 customers) with a model test set up by the page, and screenshots.
// Run from the repository root after building the module:
//   scripts/build.sh && node --test --test-concurrency=1 tests/e2e/predict.test.mjs
// Screenshots go to tests/e2e/screenshots/ (gitignored).

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { norm, openPage, repo, sharedData, shotsDir } from "./helpers.mjs";
import { axe } from "./embedding.mjs";
import { initSync, analyzeLog, predictClv } from "../../www/pkg/customer_metrics.js";

const cdnowFile = sharedData("CDNOW_sample.txt");
const cdnowText = fs.readFileSync(cdnowFile, "utf8");
const shopFile = sharedData("transaksi_toko.csv");
const shopText = fs.readFileSync(shopFile, "utf8");

/** Rupiah as the page writes it in Indonesian (whole, or with cents for small amounts). */
const rpId = (n, digits = 0) =>
  `Rp ${n.toLocaleString("id-ID", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
/**
 * A log that behaves as BG/NBD assumes (each customer buys at their own pace and
 * may drop out after a purchase), deterministic: `customers` customers over 78 weeks.
 */
function modelLikeLog(customers) {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = ["Pelanggan;Tanggal;Total"];
  const start = Date.UTC(2024, 0, 1);
  for (let c = 0; c < customers; c++) {
    const rate = ((-Math.log(rnd()) - Math.log(rnd()) - Math.log(rnd())) / 3) * 0.15 + 0.01; // purchases a week
    const drop = 0.1 + rnd() * 0.4;
    const spend = 50_000 + rnd() * 400_000;
    for (let day = rnd() * 490; day < 546; day += (-Math.log(rnd()) / rate) * 7) {
      const d = new Date(start + Math.floor(day) * 86_400_000);
      const date = `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
      lines.push(`Pelanggan ${c + 1};${date};${Math.round(spend * (0.5 + rnd()))}`);
      if (rnd() < drop) break;
    }
  }
  return `${lines.join("\n")}\n`;
}

/**
 * An export in Shopee's order layout (the headers of tests/fixtures/exports/shopee.csv)
 * of a young shop: 8 weeks from 1 June 2024, week w bringing 20 + 8w new buyers, a
 * third of whom buy again at their own pace; deterministic.
 */
function shopeeLikeLog() {
  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const header =
    "No. Pesanan,Status Pesanan,Status Pembatalan/ Pengembalian,No. Resi,Opsi Pengiriman,Waktu Pesanan Dibuat,Waktu Pembayaran Dilakukan,Metode Pembayaran,SKU Induk,Nama Produk,Nama Variasi,Harga Awal,Harga Setelah Diskon,Jumlah,Total Harga Produk,Total Diskon,Ongkos Kirim Dibayar oleh Pembeli,Total Pembayaran,Catatan dari Pembeli,Username (Pembeli),Nama Penerima,No. Telepon,Kota/Kabupaten,Provinsi,Waktu Pesanan Selesai";
  const lines = [header];
  const start = Date.UTC(2024, 5, 1);
  const end = 56;
  let order = 0;
  let buyer = 0;
  const rupiah = (n) => n.toLocaleString("id-ID");
  for (let w = 0; w < 8; w++) {
    for (let k = 0; k < 20 + 8 * w; k++) {
      buyer += 1;
      const repeat = rnd() < 0.35;
      const rate = 0.05 + rnd() * 0.1; // purchases a day
      for (let day = w * 7 + Math.floor(rnd() * 7); day < end; day += Math.max(1, Math.round(-Math.log(1 - rnd()) / rate))) {
        order += 1;
        const d = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
        const price = 25_000 * (1 + Math.floor(rnd() * 8));
        const qty = 1 + Math.floor(rnd() * 3);
        const total = price * qty + 10_000;
        lines.push(
          [`2406${String(order).padStart(6, "0")}XY`, "Selesai", "", `SPX${order}`, "SPX Standard", `${d} 10:15`, `${d} 10:16`, "ShopeePay", "K-1", "Kaos", "L", rupiah(price), rupiah(price), qty, rupiah(price * qty), "0", "10.000", rupiah(total), "", `pembeli.${buyer}`, `Pembeli ${buyer}`, "******21", "Bandung", "Jawa Barat", `${d} 18:00`]
            .map((c) => (String(c).includes(",") ? `"${c}"` : c))
            .join(","),
        );
        if (!repeat) break;
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

/** "Rp 1.250.000" → 1250000; "Rp 30,36" → 30.36. *//** "Rp 1.250.000" → 1250000; "Rp 30,36" → 30.36. */
const fromRpId = (s) => Number(norm(s).replace(/^Rp\s*/, "").replace(/\./g, "").replace(",", "."));

describe("the CLV prediction (Prediksi CLV)", { timeout: 600_000 }, () => {
  let page;
  let close;
  let problems = [];
  let expected; // predictClv on CDNOW with the test's options, in Node

  before(async () => {
    initSync({ module: fs.readFileSync(path.join(repo, "www/pkg/customer_metrics_bg.wasm")) });
    expected = predictClv({ text: cdnowText, unit: "weeks", calibrationEnd: "1997-09-30", holdoutEnd: "1998-06-30" });
    ({ page, problems, close } = await openPage({ bypassCSP: true }));
  });

  after(async () => {
    await close?.();
  });

  const text = async (selector) => norm(await page.locator(selector).first().textContent());
  const testid = (id) => `[data-testid="${id}"]`;
  const choose = (id) => page.click(`label[for="${id}"]`);
  const salesRuns = () => page.evaluate(() => Number(document.getElementById("sales").dataset.run || 0));
  const predictRuns = () => page.evaluate(() => Number(document.getElementById("predict").dataset.run || 0));

  async function openLog(file) {
    const before = await salesRuns();
    await page.setInputFiles("#sales-file", file);
    await page.waitForFunction(
      (n) => {
        const s = document.getElementById("sales");
        return Number(s.dataset.run || 0) > n && s.dataset.state === "ok" && !s.querySelector('[aria-busy="true"]');
      },
      before,
      { timeout: 120_000 },
    );
    await page.waitForFunction(() => !document.getElementById("predict-run").disabled, null, { timeout: 10_000 });
  }

  /** Waits for a prediction newer than run `before`, in state `state` (ok or error). */
  async function waitPredict(before, state = "ok") {
    await page.waitForFunction(
      ([n, st]) => {
        const s = document.getElementById("predict");
        return Number(s.dataset.run || 0) > n && s.dataset.state === st;
      },
      [before, state],
      { timeout: 60_000 },
    );
  }

  async function waitStatus(id, expectedText) {
    await page.waitForFunction(
      ([sel, want]) => {
        const el = document.querySelector(sel);
        return (el ? el.textContent.replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim() : "") === want;
      },
      [testid(`${id}-status`), expectedText],
      { timeout: 30_000 },
    );
  }

  it("says where the data comes from before any log is given", async () => {
    assert.equal(await text("#predict-title"), "Prediksi CLV per pelanggan");
    assert.equal(await text('.toc a[href="#predict"]'), "Prediksi CLV");
    assert.match(await text(testid("predict-source")), /^Belum ada data\. Tempel atau buka log penjualan di bagian Analisis penjualan/);
    assert.equal(await page.locator("#predict-run").isDisabled(), true);
    assert.equal(await page.locator(testid("predict-results")).isHidden(), true);
  });

  it("predicts from the CDNOW sample opened once in the sales section: the published parameters", async () => {
    await openLog(cdnowFile);
    assert.equal(await text(testid("sales-ov-customers")), "2.357");
    assert.equal(await text(testid("predict-source")), "Memakai log dari Analisis penjualan: 2.357 pelanggan, transaksi 1 Jan 1997 – 30 Jun 1998.");
    assert.equal(await page.inputValue("#predict-calibration-end"), "1998-06-30", "the default: the last date in the data");
    assert.equal(await page.inputValue("#predict-holdout-end"), "");
    assert.equal(await page.inputValue("#predict-horizon"), "12");
    assert.equal(await page.inputValue("#predict-discount"), "1");
    // The prediction is asked of the worker with options only: the log is not sent again.
    await page.evaluate(() => {
      window.__predicts = [];
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (message, ...rest) {
        if (message && message.type === "predict") window.__predicts.push({ keys: Object.keys(message), options: message.options });
        return post.call(this, message, ...rest);
      };
    });
    await page.fill("#predict-calibration-end", "1997-09-30");
    await page.fill("#predict-holdout-end", "1998-06-30");
    await choose("predict-unit-weeks");
    const before = await predictRuns();
    await page.click("#predict-run");
    await waitPredict(before);
    assert.deepEqual(await page.evaluate(() => window.__predicts), [
      { keys: ["type", "id", "options"], options: { unit: "weeks", calibrationEnd: "1997-09-30", holdoutEnd: "1998-06-30", horizonMonths: 12, monthlyDiscountRate: 0.01 } },
    ]);
    const params = {};
    for (const k of ["r", "alpha", "a", "b", "p", "q", "v"]) params[k] = await text(testid(`predict-param-${k}`));
    assert.deepEqual(params, { r: "0,243", alpha: "4,414", a: "0,793", b: "2,426", p: "6,25", q: "3,74", v: "15,44" });
    // Standard errors next to them, with the same decimals.
    assert.equal(await text(testid("predict-se-r")), expected.standardErrors.r.toLocaleString("id-ID", { minimumFractionDigits: 3, maximumFractionDigits: 3 }));
    assert.equal(await page.locator(`${testid("predict-params")} tbody tr[data-param]`).count(), 7);
    // The plain-language explanation of both models.
    const model = await text(testid("predict-model"));
    assert.match(model, /BG\/NBD menebak berapa kali pelanggan akan membeli lagi dan peluang ia masih aktif/);
    assert.match(model, /Gamma-Gamma menebak nilai belanjanya per pembelian/);
    assert.match(model, /Log-likelihood: BG\/NBD −9\.582,43/);
    // Totals over the horizon; CDNOW's amounts are small, so the page shows cents.
    assert.equal(await text(testid("predict-t-customers")), "2.357");
    assert.equal(await text(testid("predict-t-repeat")), String(expected.totals.repeatBuyers));
    assert.equal(await text(testid("predict-t-purchases")), Math.round(expected.totals.expectedPurchases).toLocaleString("id-ID"));
    assert.equal(await text(testid("predict-t-total")), rpId(expected.totals.clv, 2));
    assert.equal(await text(testid("predict-t-mean")), "Rp 30,36");
    assert.match(await text(testid("predict-summary")), /^Dalam 12 bulan ke depan: sekitar 2\.095 pembelian dan CLV total Rp 71\.550,20 \(rata-rata Rp 30,36 per pelanggan\)\./);
    assert.equal(await page.getAttribute("#predict-summary", "aria-live"), "polite");
    assert.equal(await page.locator(testid("predict-progress")).isHidden(), true);
    assert.match(await text(testid("predict-done")), /^Prediksi selesai dalam/);
  });

  it("ranks the customers by predicted CLV with P(alive): the first row has the highest CLV", async () => {
    await waitStatus("predict-customers", "1–50 dari 2.357 pelanggan");
    const rows = page.locator(`${testid("predict-customers-table")} tbody tr`);
    assert.equal(await rows.count(), 50, "one page of 50 rows");
    const top = expected.customers[0];
    const cells = (await rows.first().locator("th, td").allTextContents()).map(norm);
    const first = cells.slice(0, 7);
    assert.deepEqual(first, [
      top.customer,
      "1",
      `${(top.pAlive * 100).toLocaleString("id-ID", { maximumFractionDigits: 1 })} %`,
      String(top.frequency),
      top.expectedPurchases.toLocaleString("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      rpId(top.spendPerPurchase, 2),
      rpId(top.clv, 2),
    ]);
    // Then its 90 % intervals and its holdout purchases, actual / predicted.
    const f2 = (v) => v.toLocaleString("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    assert.deepEqual(cells.slice(7), [
      `${f2(top.expectedPurchasesLow)} – ${f2(top.expectedPurchasesHigh)}`,
      `${rpId(top.clvLow, 2)} – ${rpId(top.clvHigh, 2)}`,
      `${top.holdoutActual} / ${top.holdoutPredicted.toLocaleString("id-ID", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}`,
    ]);
    assert.ok(top.expectedPurchasesLow <= top.expectedPurchases && top.expectedPurchases <= top.expectedPurchasesHigh);
    const maxClv = Math.max(...expected.customers.map((c) => c.clv));
    assert.equal(fromRpId(first[6]), Math.round(maxClv * 100) / 100);
    const clvs = (await page.locator(`${testid("predict-customers-table")} tbody td.predict-clv`).allTextContents()).map(fromRpId);
    assert.ok(clvs.every((v, i) => i === 0 || clvs[i - 1] >= v), "highest CLV first");
    // Search and the P(alive) filter.
    await page.fill("#predict-customers-search", top.customer);
    await waitStatus("predict-customers", "1–1 dari 1 pelanggan (dari 2.357)");
    await page.fill("#predict-customers-search", "");
    await waitStatus("predict-customers", "1–50 dari 2.357 pelanggan");
    const active = expected.customers.filter((c) => c.pAlive >= 0.5).length;
    await page.selectOption("#predict-customers-filter", "likelyGone");
    await waitStatus("predict-customers", `1–50 dari ${(2357 - active).toLocaleString("id-ID")} pelanggan (dari 2.357)`);
    await page.selectOption("#predict-customers-filter", "");
    await waitStatus("predict-customers", "1–50 dari 2.357 pelanggan");
  });

  it("draws the heat map of P(alive) over frequency × recency, with a legend and a table", async () => {
    const m = expected.aliveMatrix;
    const svg = page.locator(testid("predict-alive-svg"));
    assert.equal(await svg.getAttribute("role"), "img");
    assert.equal(await svg.locator("g.alive-row").count(), m.frequencies.length);
    assert.equal(await svg.locator("g.alive-cell").count(), m.frequencies.length * m.recencies.length);
    // One-time buyers are alive by the model's definition; a frequent buyer long gone is not.
    const cell = (f, r) => svg.locator(`g.alive-row[data-frequency="${f}"] g.alive-cell[data-r="${r}"]`);
    assert.equal(Number(await cell(0, 0).getAttribute("data-value")), 1);
    assert.ok(Number(await cell(10, 0).getAttribute("data-value")) < 0.1);
    assert.match(norm(await cell(10, 0).locator("title").textContent()), /^Frekuensi 10, recency 0 minggu: P\(aktif\)/);
    assert.equal(await page.locator(`${testid("predict-alive-legend")} li`).count(), 6);
    assert.equal(await page.locator(`${testid("predict-alive-table")} tbody tr`).count(), m.frequencies.length);
    assert.match(norm(await svg.getAttribute("aria-label")), /^Peta panas P\(aktif\) menurut frekuensi 0 sampai 29/);
  });

  it("compares calibration and holdout purchases by frequency 0…7+, with the totals", async () => {
    const svg = page.locator(testid("predict-holdout-svg"));
    const groups = svg.locator("g.ho-group");
    assert.equal(await groups.count(), 8);
    assert.deepEqual((await svg.locator("text.ho-label").allTextContents()).map(norm), ["0", "1", "2", "3", "4", "5", "6", "7+"]);
    assert.equal(await svg.locator("rect.ho-actual").count(), 8);
    assert.equal(await svg.locator("rect.ho-pred").count(), 8);
    const seven = expected.holdout.byFrequency[7];
    assert.equal(Number(await groups.nth(7).getAttribute("data-customers")), seven.customers);
    assert.equal(await text(testid("predict-holdout-actual")), "1.882");
    assert.equal(await text(testid("predict-holdout-predicted")), Math.round(expected.holdout.totalPredicted).toLocaleString("id-ID"));
    assert.match(await text(testid("predict-holdout-diff")), /^−12,1 %/);
    assert.equal(await page.locator(`${testid("predict-holdout-table")} tbody tr`).count(), 8);
    assert.equal(await page.locator(`${testid("predict-holdout-legend")} li`).count(), 2);
  });

  it("says the holdout errors in words and in a table, for purchases and spend (issue #15)", async () => {
    const P = expected.holdout.purchases;
    const int = (v) => Math.round(v).toLocaleString("id-ID");
    const pct = (v) => `${v > 0 ? "+" : "−"}${Math.abs(v).toLocaleString("id-ID", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
    assert.equal(
      await text(testid("predict-holdout-words")),
      `Model menebak ${int(P.totalPredicted)} pembelian ulang di periode uji; nyatanya 1.882: ${pct(P.percentError)}.`,
    );
    assert.match(await text(testid("predict-holdout-words-spend")), /^Model menebak belanja Rp [\d.,]+ di periode uji; nyatanya Rp [\d.,]+: [+−]\d+,\d %\.$/);
    const rows = page.locator(`${testid("predict-holdout-errors")} tbody tr`);
    assert.equal(await rows.count(), 4);
    const mae = (await rows.nth(0).locator("td").allTextContents()).map(norm);
    assert.equal(mae[0], P.mae.toLocaleString("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    const corr = (await rows.nth(2).locator("td").allTextContents()).map(norm);
    assert.equal(corr[0], P.correlation.toLocaleString("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  });

  it("shows the 90 % intervals of the totals and of the parameters (issue #15)", async () => {
    const i = expected.intervals;
    assert.equal(i.method, "standardErrors");
    const n0 = (v) => Math.round(v).toLocaleString("id-ID");
    assert.equal(await text(testid("predict-t-purchases-range")), `${n0(i.totalExpectedPurchases.low)} – ${n0(i.totalExpectedPurchases.high)}`);
    assert.equal(await text(testid("predict-t-total-range")), `${rpId(i.totalClv.low, 2)} – ${rpId(i.totalClv.high, 2)}`);
    assert.ok(i.totalClv.low <= expected.totals.clv && expected.totals.clv <= i.totalClv.high);
    const f3 = (v) => v.toLocaleString("id-ID", { minimumFractionDigits: 3, maximumFractionDigits: 3 });
    assert.equal(await text(testid("predict-ci-r")), `${f3(i.params.r.low)} – ${f3(i.params.r.high)}`);
    assert.match(await text(testid("predict-interval-note")), /^Interval 90 % berasal dari galat baku parameter: 200 set parameter/);
  });

  it("draws the diagnostic plots with their numbers tables (issue #15)", async () => {
    // The tracking plot: actual and model, calibration then holdout, one row a week.
    const tr = expected.tracking;
    const svg = page.locator(testid("predict-tracking-svg"));
    assert.equal(await svg.getAttribute("role"), "img");
    assert.equal(await svg.locator("g.curve path.curve-line").count(), 2);
    assert.equal(await svg.locator("line.diag-mark").count(), 1, "the calibration end");
    const trRows = page.locator(`${testid("predict-tracking-table")} tbody tr`);
    assert.equal(await trRows.count(), tr.weeks.length);
    const lastRow = (await trRows.last().locator("th, td").allTextContents()).map(norm);
    const last = tr.weeks[tr.weeks.length - 1];
    assert.deepEqual(lastRow, ["30 Jun 1998", last.actual.toLocaleString("id-ID"), last.predicted.toLocaleString("id-ID", { minimumFractionDigits: 1, maximumFractionDigits: 1 }), "holdout"]);
    // The expected-purchases heat map: one cell per frequency × recency.
    const m = expected.expectedMatrix;
    assert.equal(await page.locator(`${testid("predict-expected-svg")} g.alive-cell`).count(), m.frequencies.length * m.recencies.length);
    assert.equal(await page.locator(`${testid("predict-expected-table")} tbody tr`).count(), m.frequencies.length);
    // The heterogeneity: λ and p densities, with their tables.
    for (const [id, d] of [["predict-het-lambda", expected.heterogeneity.lambda], ["predict-het-p", expected.heterogeneity.p]]) {
      assert.equal(await page.locator(`${testid(`${id}-svg`)} path.curve-line`).count(), 1);
      assert.equal(await page.locator(`${testid(`${id}-table`)} tbody tr`).count(), d.x.length);
    }
  });

  it("compares the mean predicted CLV with the simple-formula CLV, and says why they differ", async () => {
    const simple = analyzeLog({ text: cdnowText }).clv;
    assert.equal(await text(testid("predict-cmp-model-value")), "Rp 30,36");
    assert.equal(await text(testid("predict-cmp-simple-value")), rpId(simple.estimate.clv, 2));
    assert.equal(await text(testid("predict-cmp-simpleH-value")), rpId(simple.estimate.yearlyValue, 2));
    const why = await text(testid("predict-why"));
    assert.match(why, /menganggap setiap pelanggan bertahan 0,36 tahun — angka yang sebenarnya tidak diketahui siapa pun/);
    assert.match(why, /menebak dari riwayat setiap pelanggan sendiri/);
    assert.match(why, /hanya pembelian sampai 30 Sep 1997/);
  });

  it("downloads the ranked customers as CSV: BOM, ';' and every customer", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(testid("predict-customers-download"))]);
    assert.equal(download.suggestedFilename(), "prediksi-clv.csv");
    const csv = fs.readFileSync(await download.path(), "utf8");
    assert.equal(csv.charCodeAt(0), 0xfeff, "a UTF-8 BOM for Excel");
    const lines = csv.slice(1).split("\r\n").filter(Boolean);
    assert.equal(lines[0].split(";")[0], "Peringkat");
    assert.equal(lines[0].split(";").length, 16);
    assert.equal(lines.length - 1, 2357);
    const top = expected.customers[0];
    assert.match(lines[1], new RegExp(`^1;${top.customer};${(Math.round(top.pAlive * 10000) / 100).toString().replace(".", ",")};`));
    assert.match(await text(testid("predict-customers-download-status")), /prediksi-clv\.csv dibuat: 2\.357 pelanggan/);
  });

  it("checks the options and translates the API's errors", async () => {
    // A horizon that is not a whole number of months: said at once, nothing sent.
    const runs = await predictRuns();
    await page.fill("#predict-horizon", "0");
    await page.locator("#predict-horizon").blur();
    await page.waitForFunction(() => document.querySelector('[data-testid="predict-options-error"]').textContent.length > 0);
    assert.match(await text(testid("predict-options-error")), /Horizon harus bilangan bulat/);
    assert.equal(await page.getAttribute("#predict-horizon", "aria-invalid"), "true");
    assert.equal(await predictRuns(), runs);
    // A holdout end before the calibration end: the API says so, in Indonesian.
    await page.fill("#predict-horizon", "12");
    await page.locator("#predict-horizon").blur();
    await waitPredict(runs);
    let before = await predictRuns();
    await page.fill("#predict-holdout-end", "1997-06-30");
    await waitPredict(before, "error");
    assert.match(await text(testid("predict-error")), /^Akhir holdout harus setelah akhir kalibrasi/);
    assert.equal(await page.getAttribute(testid("predict-error"), "role"), "alert");
    assert.equal(await page.getAttribute("#predict-holdout-end", "aria-invalid"), "true");
    // Too few repeat buyers by an early calibration end.
    before = await predictRuns();
    await page.fill("#predict-holdout-end", "");
    await page.fill("#predict-calibration-end", "1997-01-03");
    await waitPredict(before, "error");
    assert.match(await text(testid("predict-error")), /^Terlalu sedikit pelanggan/);
    // Back to the test's options.
    before = await predictRuns();
    await page.fill("#predict-calibration-end", "1997-09-30");
    await page.fill("#predict-holdout-end", "1998-06-30");
    await waitPredict(before);
    await page.waitForFunction(() => document.querySelector('[data-testid="predict-holdout-actual"]')?.textContent === "1.882");
    assert.equal(await text(testid("predict-error")), "");
  });

  it("speaks English: the parameters with a decimal point, the totals, a CSV with ','", async () => {
    await page.click("#lang-toggle");
    assert.equal(await text("#predict-title"), "Predicted CLV per customer");
    assert.equal(await text(testid("predict-param-r")), "0.243");
    assert.equal(await text(testid("predict-param-v")), "15.44");
    assert.equal(await text(testid("predict-holdout-actual")), "1,882");
    assert.match(await text(testid("predict-holdout-words")), /^The model predicted [\d,]+ repeat purchases in the test period; there were 1,882: −\d+\.\d ?%\.$/);
    assert.equal(await text("#predict-diagnostics-title"), "Model diagnostics");
    assert.match(await text(testid("predict-tracking-chart")), /Tracking: cumulative repeat purchases per week/);
    assert.equal(await text(testid("predict-t-mean")), "Rp 30.36");
    assert.match(await text(testid("predict-model")), /BG\/NBD estimates how many times a customer will buy again/);
    await waitStatus("predict-customers", "1–50 of 2,357 customers");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(testid("predict-customers-download"))]);
    assert.equal(download.suggestedFilename(), "predicted-clv.csv");
    const lines = fs.readFileSync(await download.path(), "utf8").slice(1).split("\r\n").filter(Boolean);
    assert.equal(lines[0].split(",")[0], "Rank");
    assert.equal(lines.length - 1, 2357);
    await page.click("#lang-toggle");
    assert.equal(await text(testid("predict-param-r")), "0,243");
  });

  it("predicts the shop log too (600 customers), after a new log clears the old prediction", async () => {
    await openLog(shopFile);
    assert.equal(await page.locator(testid("predict-results")).isHidden(), true, "the CDNOW prediction is gone");
    assert.match(await text(testid("predict-done")), /Data berubah/);
    assert.equal(await page.inputValue("#predict-calibration-end"), "2025-06-30");
    assert.equal(await page.inputValue("#predict-holdout-end"), "");
    const before = await predictRuns();
    await page.click("#predict-run");
    await waitPredict(before);
    await waitStatus("predict-customers", "1–50 dari 600 pelanggan");
    const expectedShop = predictClv({ text: shopText });
    assert.equal(await text(`${testid("predict-customers-table")} tbody th`), expectedShop.customers[0].customer);
    assert.equal(await text(testid("predict-t-total")), rpId(Math.round(expectedShop.totals.clv)));
    assert.match(await text(testid("predict-holdout-none")), /Belum ada uji/);
  });

  it("sets up a model test on the shop log (two thirds to calibrate) and shows it", async () => {
    const before = await predictRuns();
    await page.click("#predict-suggest");
    await waitPredict(before);
    assert.equal(await page.inputValue("#predict-holdout-end"), "2025-06-30");
    const cal = await page.inputValue("#predict-calibration-end");
    const split = predictClv({ text: shopText, calibrationEnd: cal, holdoutEnd: "2025-06-30" });
    assert.equal(await page.locator(`${testid("predict-holdout-svg")} g.ho-group`).count(), 8);
    assert.equal(await text(testid("predict-holdout-actual")), split.holdout.totalActual.toLocaleString("id-ID"));
  });

  it("gives the hand-kept shop log intervals and diagnostics, and a prediction from its first three months too (issue #15)", async () => {
    // The model test set up above: intervals, holdout words, the tracking plot.
    assert.match(await text(testid("predict-t-purchases-range")), /^[\d.]+ – [\d.]+$/);
    assert.match(await text(testid("predict-holdout-words")), /^Model menebak [\d.]+ pembelian ulang di periode uji; nyatanya [\d.]+: [+−]\d+,\d %\.$/);
    assert.equal(await page.locator(`${testid("predict-tracking-svg")} path.curve-line`).count(), 2);
    // Calibrated to its first three months, plain maximum likelihood has no maximum
    // (it answered "Model tidak bisa disesuaikan" before): now a penalised fit that says so.
    const before = await predictRuns();
    await page.fill("#predict-holdout-end", "");
    await page.fill("#predict-calibration-end", "2024-03-31");
    await waitPredict(before);
    const early = predictClv({ text: shopText, calibrationEnd: "2024-03-31" });
    assert.ok(early.penalizer > 0);
    assert.equal(await text(testid("predict-t-total")), rpId(Math.round(early.totals.clv)));
    const warnings = await text(testid("predict-warnings"));
    assert.match(warnings, /Data hampir tidak menentukan parameter/);
    assert.match(warnings, /Riwayatnya pendek: pelanggan paling lama baru teramati 12,9 minggu/);
    assert.match(await text(testid("predict-penalty-note")), /penalti kecil \(0,001\)/);
    assert.equal(await page.locator(`${testid("predict-warnings")} li[data-known="0"]`).count(), 0, "every notice in Indonesian");
  });

  it("predicts a young Shopee shop's export (8 weeks, a growing base), in both languages (issue #15)", async () => {
    const log = shopeeLikeLog();
    const expectedShopee = predictClv({ text: log });
    assert.ok(expectedShopee.notices.some((n) => n.code === "shortHistory"));
    const sales = await salesRuns();
    await page.evaluate((v) => {
      const box = document.getElementById("sales-text");
      box.value = v;
      box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    }, log);
    await page.waitForFunction(
      (n) => {
        const el = document.getElementById("sales");
        return Number(el.dataset.run || 0) > n && el.dataset.state === "ok" && !document.getElementById("predict-run").disabled;
      },
      sales,
      { timeout: 120_000 },
    );
    const before = await predictRuns();
    await page.click("#predict-run");
    await waitPredict(before);
    assert.equal(await text(testid("predict-t-customers")), expectedShopee.totals.customers.toLocaleString("id-ID"));
    assert.match(await text(testid("predict-warnings")), /Riwayatnya pendek/);
    assert.match(await text(testid("predict-t-total-range")), /^Rp [\d.]+ – Rp [\d.]+$/);
    assert.equal(await page.locator(`${testid("predict-tracking-svg")} path.curve-line`).count(), 2);
    assert.equal(await page.locator(`${testid("predict-het-p-svg")} path.curve-line`).count(), 1);
    await page.click("#lang-toggle");
    assert.match(await text(testid("predict-warnings")), /The history is short/);
    assert.match(await text(testid("predict-t-total-range")), /^Rp [\d,]+ – Rp [\d,]+$/);
    assert.match(await text(testid("predict-warnings")), /The data hardly determine/);
    await page.click("#lang-toggle");
  });

  it("shows its progress while a 40,000-customer log is fitted in the worker, and one page of rows", async () => {
    const big = modelLikeLog(40_000);
    await page.evaluate((v) => {
      const box = document.getElementById("sales-text");
      box.value = v;
      box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    }, big);
    await page.waitForFunction(() => document.getElementById("sales").dataset.state === "ok" && !document.getElementById("predict-run").disabled, null, { timeout: 120_000 });
    assert.equal(await page.locator(testid("predict-results")).isHidden(), true, "the shop log's prediction is gone");
    await page.evaluate(() => {
      const seen = (window.__predictProgress = []);
      const box = document.querySelector('[data-testid="predict-progress"]');
      new MutationObserver(() => {
        const now = box.hidden ? "hidden" : box.textContent.replace(/[\u00a0\u202f]/g, " ").trim();
        if (seen[seen.length - 1] !== now) seen.push(now);
      }).observe(box, { attributes: true, childList: true, subtree: true, characterData: true });
    });
    const before = await predictRuns();
    await page.click("#predict-run");
    await waitPredict(before);
    const seen = await page.evaluate(() => window.__predictProgress);
    assert.ok(seen.includes("Menyesuaikan model BG/NBD dan Gamma-Gamma pada 40.000 pelanggan…"), `progress seen: ${seen.join(" | ")}`);
    assert.equal(seen[seen.length - 1], "hidden");
    assert.equal(await page.getAttribute(`${testid("predict-progress")} .sales-progress-head`, "role"), "status");
    await waitStatus("predict-customers", "1–50 dari 40.000 pelanggan");
    assert.equal(await page.locator(`${testid("predict-customers-table")} tbody tr`).count(), 50, "one page of rows only");
    console.log(`40,000 customers: predicted in ${await page.evaluate(() => document.getElementById("predict").dataset.ms)} ms (page to page)`);
    // Back to the shop log with its model test, for the screenshots.
    await openLog(shopFile);
    const again = await predictRuns();
    await page.click("#predict-suggest");
    await page.click("#predict-run");
    await waitPredict(again);
  });

  it("screenshots at 375 px and 1280 px, with no horizontal scrolling", async () => {
    await page.evaluate(() => document.activeElement?.blur());
    fs.mkdirSync(shotsDir, { recursive: true });
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(500); // the charts redraw for the new width
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling at ${width} px (overflow ${overflow} px)`);
      await page.locator("#predict").screenshot({ path: path.join(shotsDir, `predict-${width}.png`) });
    }
    console.log(`screenshots: ${shotsDir}/predict-*.png`);
  });

  it("finds no axe-core violation in the prediction's results", async () => {
    const found = (await axe(page)).filter((v) => v.includes("#predict"));
    assert.deepEqual(found, []);
  });

  it("labels every input of the section", async () => {
    const unlabelled = await page.$$eval("#predict input, #predict textarea, #predict select", (els) =>
      els.filter((el) => !el.labels || el.labels.length === 0).map((el) => el.id || el.outerHTML.slice(0, 60)),
    );
    assert.deepEqual(unlabelled, []);
  });

  it("logged no console errors, page errors or failed requests", () => {
    assert.deepEqual(problems, []);
  });
});
