// The sales-log and predictive functions of the built module (www/pkg), in
// Node: the published CDNOW figures (METRICS.md §2: Fader, Hardie & Lee 2005;
// Fader & Hardie 2013) and the shop log's figures computed independently
// (see tests/log_api.rs), plus parseTable on the shop log.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { initSync, predictClv, analyzeLog, parseTable, rfm, crr, defaults } from "../../www/pkg/customer_metrics.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
initSync({ module: fs.readFileSync(path.join(repo, "www/pkg/customer_metrics_bg.wasm")) });
const sharedDir = process.env.SHARED_DIR ?? path.resolve(repo, "../shared");
const sample = (name) => fs.readFileSync(path.join(sharedDir, "data", name), "utf8");
const rounds = (value, decimals, published) =>
  assert.equal(Math.round(value * 10 ** decimals) / 10 ** decimals, published, `${value} ≈ ${published}`);

describe("predictClv (METRICS.md §2)", () => {
  test("the raw CDNOW log gives the published BG/NBD and Gamma-Gamma estimates", () => {
    const p = predictClv({ text: sample("CDNOW_sample.txt"), calibrationEnd: "1997-09-30", holdoutEnd: "1998-06-30" });
    assert.equal(p.customers.length, 2357);
    rounds(p.params.r, 3, 0.243);
    rounds(p.params.alpha, 3, 4.414);
    rounds(p.params.a, 3, 0.793);
    rounds(p.params.b, 3, 2.426);
    rounds(p.logLikelihood.bgNbd, 1, -9582.4);
    rounds(p.params.p, 2, 6.25);
    rounds(p.params.q, 2, 3.74);
    rounds(p.params.v, 2, 15.44);
    assert.equal(p.holdout.totalActual, 1882);
    assert.ok(p.customers.every((c) => Number.isFinite(c.clv) && c.pAlive > 0 && c.pAlive <= 1));
  });

  test("the summary table and bad input", () => {
    const p = predictClv({ summary: sample("cdnow_customers_summary_with_transactions.csv") });
    rounds(p.params.r, 3, 0.243);
    rounds(p.params.b, 3, 2.426);
    assert.throws(() => predictClv({ text: "a", summary: "b" }), (e) => e.code === "conflictingInputs");
    assert.throws(() => predictClv({ summary: "x,y\n1,2\n" }), (e) => e.code === "missingColumn");
    // Numbers of an error are params, so that no page reads the sentence:
    // 3 customers, of the 10 BG/NBD needs.
    const three = "ID,x,t_x,T,zbar\na,1,2,10,5\nb,0,0,12,0\nc,2,5,9,7\n";
    assert.throws(
      () => predictClv({ summary: three }),
      (e) => e.code === "tooFewCustomers" && e.params.got === 3 && e.params.min === 10,
    );
    // The module keeps working after the errors.
    assert.equal(predictClv({ summary: sample("cdnow_customers_summary_with_transactions.csv") }).customers.length, 2357);
  });
});

describe("sales-log functions on the shop log", () => {
  const text = sample("transaksi_toko.csv");

  test("parseTable reads roles, notations and the three broken rows", () => {
    const t = parseTable({ text });
    assert.deepEqual(t.columns.map((c) => c.role), ["orderId", "date", "customer", "amount"]);
    assert.equal(t.columns[1].notation.order, "dayFirst");
    assert.equal(t.columns[3].notation.decimalMark, ",");
    assert.deepEqual(t.skipped.map((s) => [s.row, s.code]), [[2974, "invalidDate"], [2975, "emptyValue"], [2976, "invalidAmount"]]);
    assert.equal(t.used + t.skipped.length, t.rows);
  });

  test("analyzeLog: retention June vs May 2025, cohorts, Pareto", () => {
    const a = analyzeLog({ text });
    assert.equal(a.customers, 600);
    assert.deepEqual([a.retention.startCustomers, a.retention.endCustomers, a.retention.newCustomers, a.retention.retained], [102, 105, 30, 52]);
    assert.ok(Math.abs(a.retention.retentionRate - (75 / 102) * 100) < 1e-9);
    assert.equal(a.cohorts.cohorts.length, 18);
    assert.ok(Math.abs(a.clv.pareto.topRevenueShare - 68.40300647243367) < 1e-6);
  });

  test("analyzeLog's tables: the customers as typed columns; omit leaves the lists empty", () => {
    const OMIT = ["rfm.customers", "clv.customers", "scores.customers", "lifecycle.customers"];
    const full = analyzeLog({ text });
    const a = analyzeLog({ text, tables: true, omit: OMIT });
    assert.equal(full.tables, undefined);
    const { rfm: r, lifecycle: l } = a.tables;
    assert.ok(r.recency instanceof Float64Array && r.monetary instanceof Float64Array && r.segment instanceof Uint8Array);
    assert.ok(l.spend instanceof Float64Array && l.stage instanceof Uint8Array && l.winBack instanceof Uint8Array);
    assert.equal(r.customer.length, 600);
    // Putri Susanto (see the rfm test below): 1 day, 3 orders, Rp 2,919,000.
    const i = r.customer.indexOf("Putri Susanto");
    assert.deepEqual([r.recency[i], r.frequency[i], r.monetary[i]], [1, 3, 2919000]);
    // Row for row the lists of objects of the call without them.
    full.rfm.customers.forEach((c, k) => {
      assert.deepEqual([r.customer[k], r.recency[k], r.frequency[k], r.monetary[k], r.r[k], r.f[k], r.m[k], r.segmentKeys[r.segment[k]]], [c.customer, c.recency, c.frequency, c.monetary, c.r, c.f, c.m, c.segment]);
    });
    full.lifecycle.customers.forEach((c, k) => {
      const win = l.winBack[k] === 0 ? null : l.winBackKeys[l.winBack[k] - 1];
      assert.deepEqual([l.customer[k], l.daysSinceFirstPurchase[k], l.daysSinceLastPurchase[k], l.spend[k], l.stageKeys[l.stage[k]], l.vip[k] === 1, win], [c.customer, c.daysSinceFirstPurchase, c.daysSinceLastPurchase, c.spend, c.stage, c.vip, c.winBack]);
    });
    for (const part of ["rfm", "clv", "scores", "lifecycle"]) assert.deepEqual(a[part].customers, [], part);
    // Everything else as without the options; the 20 lowest health scores stay.
    assert.equal(JSON.stringify({ ...a, tables: undefined, rfm: { ...a.rfm, customers: 0 } }), JSON.stringify({ ...full, rfm: { ...full.rfm, customers: 0 }, clv: { ...full.clv, customers: [] }, scores: { ...full.scores, customers: [] }, lifecycle: { ...full.lifecycle, customers: [] } }));
    assert.equal(a.scores.lowestHealth.length, 20);
    assert.throws(() => analyzeLog({ text, omit: ["clv"] }), (e) => e.code === "invalidOption" && e.field === "omit");
  });

  test("a long text (over 65,536 code units: copied in by TextEncoder) keeps every character", () => {
    // Non-ASCII from the first name on, so the ASCII-sized first round stops
    // early and the rest is copied in a second; an emoji (a surrogate pair)
    // and a lone surrogate, which comes out as U+FFFD.
    const names = ["Café Ümit", "Siti 😀", "Bad \uD800 half", ...Array.from({ length: 3000 }, (_, i) => `Pelanggan ${i} — Ñandú`)];
    const lines = names.map((n, i) => `${n};2025-0${1 + (i % 9)}-1${i % 10};${1000 + i}`);
    const text = `nama;tanggal;jumlah\n${lines.join("\n")}\n`;
    assert.ok(text.length > 65536);
    const r = rfm({ text });
    assert.equal(r.customers.length, names.length);
    assert.deepEqual(r.customers.map((c) => c.customer), names.map((n) => n.replace("\uD800", "\uFFFD")));
    assert.equal(r.customers[3002].monetary, 1000 + 3002);
    // The same text with an ASCII first part: one round.
    const ascii = `nama;tanggal;jumlah\n${Array.from({ length: 5000 }, (_, i) => `P${i};2025-01-01;${i + 1}`).join("\n")}\nZoë 😀;2025-01-02;7\n`;
    const a = rfm({ text: ascii });
    assert.equal(a.customers.at(-1).customer, "Zoë 😀");
    assert.equal(a.customers.length, 5001);
  });

  test("rfm: Putri Susanto's refund lowers her spend only; segments cover everyone", () => {
    const r = rfm({ text });
    const putri = r.customers.find((c) => c.customer === "Putri Susanto");
    assert.deepEqual([putri.recency, putri.frequency, putri.monetary], [1, 3, 2919000]);
    assert.equal(r.segments.reduce((n, s) => n + s.count, 0), 600);
    assert.throws(() => rfm({ text, method: "kuintil" }), (e) => e.code === "invalidOption" && e.field === "method");
  });
});

describe("notices (README: Codes)", () => {
  test("a warning is a notice with code and params, and its message is in warnings", () => {
    // S = 80, E = 100, N = 0: rate 100 / 80 × 100 = 125.
    const r = crr({ startCustomers: 80, endCustomers: 100, newCustomers: 0 });
    assert.equal(r.notices.length, 1);
    assert.equal(r.notices[0].code, "crrAboveHundred");
    assert.deepEqual(r.notices[0].params, { rate: 125, retained: 100, start: 80 });
    assert.deepEqual(r.warnings, [r.notices[0].message]);
    // An RFM segment's label is English and keyed (the page's words are by key).
    const s = rfm({ text: "customer,date,amount\nA,2025-01-10,10\nB,2025-01-15,20\n" });
    assert.ok(s.segments.every((g) => typeof g.key === "string" && typeof g.label === "string" && typeof g.action === "string"));
    assert.equal(s.notices[0].code, "rfmQuintileForSpending");
    assert.equal(s.notices[0].params.median, 20);
  });
});

describe("defaults()", () => {
  test("the analyses' defaults and limits, as plain values", () => {
    // METRICS.md §7 (the fixed RFM table: 7/30/60/90 days, 10/6/4/2 orders,
    // Rp 10 M / 5 M / 2 M / 500 k, recency edges ascending, the others
    // descending), §1 (D = 180 days, at least 1), the predictive CLV's
    // 12-month default horizon (1 to 1,200 months), 1 % a month, and
    // "likely active" = P(alive) ≥ 0.5.
    assert.deepEqual(defaults(), {
      rfm: {
        thresholds: { recency: [7, 30, 60, 90], frequency: [10, 6, 4, 2], monetary: [10000000, 5000000, 2000000, 500000] },
        thresholdOrder: { recency: "ascending", frequency: "descending", monetary: "descending" },
      },
      retention: { activeDays: 180, minActiveDays: 1 },
      predict: { horizonMonths: 12, minHorizonMonths: 1, maxHorizonMonths: 1200, monthlyDiscountRate: 0.01, aliveCutoff: 0.5 },
      // subscriptionRetention (README "Subscriptions (sBG)"): 1 % a period, at least 2 periods, horizon at least 12, at most 1,200.
      subscriptions: { discountRate: 0.01, minPeriods: 2, horizon: 12, maxHorizon: 1200 },
    });
    // A fresh object each call: changing one does not change the next.
    const d = defaults();
    d.rfm.thresholds.recency[0] = 1;
    assert.equal(defaults().rfm.thresholds.recency[0], 7);
  });
});
