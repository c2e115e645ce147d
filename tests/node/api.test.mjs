// Tests of the JavaScript API (API.md) against the built module in www/pkg/.
//
// Run after `scripts/build.sh`:   node --test tests/node/
//
// Every expected value below is computed by hand from METRICS.md / API.md and
// written as a literal (or as the hand formula with its numbers filled in); the
// comment above each case names the source and shows the computation. Nothing
// here re-uses the implementation's own code to compute an expected value.
//
// Floating-point results are compared with a relative tolerance of 1e-9
// (absolute 1e-9 when the expected value is 0).
//
// The sample files are read from shared/data/ beside the repository (as on a
// developer's machine and in CI); SHARED_DIR overrides where shared/ is.

import { test, describe } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { initSync, crr, clv, nps, ces, csat, fcr } from "../../www/pkg/customer_metrics.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const wasmPath = path.join(repo, "www/pkg/customer_metrics_bg.wasm");
const wasmBytes = fs.readFileSync(wasmPath);
initSync({ module: wasmBytes });

const sharedDir = process.env.SHARED_DIR ?? path.resolve(repo, "../shared");
const sample = (name) => fs.readFileSync(path.join(sharedDir, "data", name), "utf8");

// ---------------------------------------------------------------- helpers

/** |actual − expected| ≤ 1e-9 × max(|expected|, 1). */
function near(actual, expected, what = "value") {
  assert.equal(typeof actual, "number", `${what} should be a number, got ${typeof actual}`);
  const tol = 1e-9 * Math.max(Math.abs(expected), 1);
  assert.ok(
    Math.abs(actual - expected) <= tol,
    `${what}: expected ${expected}, got ${actual} (difference ${actual - expected})`,
  );
}

/** Asserts each listed field of `actual` is near the expected number. */
function nearAll(actual, expected, label) {
  for (const [k, v] of Object.entries(expected)) near(actual[k], v, `${label}.${k}`);
}

/**
 * Runs `fn`, which must throw a JS Error carrying `code` (and `field` / `row`
 * where given) and a plain-English message. Returns the error.
 */
function throwsCode(fn, { code, field, row, mentions = [] }) {
  let error;
  try {
    const out = fn();
    assert.fail(`expected an error with code ${code}, got a result: ${JSON.stringify(out)?.slice(0, 200)}`);
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    error = e;
  }
  assert.ok(error instanceof Error, `the thrown value should be an Error, got ${Object.prototype.toString.call(error)}`);
  assert.equal(error.code, code, `code (message was: ${error.message})`);
  if (field !== undefined) assert.equal(error.field, field, `field of ${code}`);
  if (row !== undefined) assert.equal(error.row, row, `row of ${code}`);
  plainEnglish(error.message, code);
  for (const word of mentions) {
    assert.ok(error.message.includes(String(word)), `message of ${code} should mention ${word}: ${error.message}`);
  }
  return error;
}

/** A sentence for a person: starts with a letter, ends with a full stop, no Rust/JS internals. */
function plainEnglish(message, what) {
  assert.equal(typeof message, "string", `${what}: message should be a string`);
  assert.ok(message.length >= 15, `${what}: message too short: "${message}"`);
  assert.match(message, /^[A-Za-z"]/, `${what}: message should start with a word: "${message}"`);
  assert.match(message, /[.?]$/, `${what}: message should end like a sentence: "${message}"`);
  assert.doesNotMatch(
    message,
    /panicked|unreachable|RuntimeError|called `|Option::|Result::|JsValue|serde|invalid type: |\bat src\//,
    `${what}: message leaks internals: "${message}"`,
  );
}

/** After an error the module must still compute: METRICS.md §1 first example, 400/500 = 80 %. */
function stillWorks(api = { crr }) {
  const r = api.crr({ startCustomers: 500, endCustomers: 450, newCustomers: 50 });
  assert.equal(r.retentionRate, 80);
  assert.equal(r.band.key, "good");
}

/** API.md: every text result has rows, used, skipped, and used + skipped.length == rows. */
function rowsAddUp(r, label) {
  assert.ok(Number.isInteger(r.rows), `${label}: rows should be an integer`);
  assert.ok(Number.isInteger(r.used), `${label}: used should be an integer`);
  assert.ok(Array.isArray(r.skipped), `${label}: skipped should be an array`);
  assert.equal(r.used + r.skipped.length, r.rows, `${label}: used + skipped.length == rows`);
  for (const s of r.skipped) {
    assert.ok(Number.isInteger(s.row) && s.row >= 1, `${label}: skipped row ${JSON.stringify(s)}`);
    assert.equal(typeof s.code, "string");
    assert.ok(s.code.length > 0, `${label}: skipped entry needs a code`);
    plainEnglish(s.reason, `${label} skipped row ${s.row}`);
  }
}

function bandOk(band, key, label) {
  assert.equal(typeof band, "object", `${label}: band is an object`);
  assert.equal(band.key, key, `${label}: band.key`);
  assert.equal(typeof band.label, "string");
  assert.ok(band.label.length > 0, `${label}: band.label is shown to the user`);
}

// ---------------------------------------------------------------- CRR

describe("crr (METRICS.md §1, API.md)", () => {
  // METRICS.md §1 worked examples. CRR = (E − N) / S × 100, churn = 100 − CRR,
  // retained = E − N, lost = S − retained. Bands (API.md): poor < 60 ≤ average
  // < 75 ≤ good ≤ 85 < excellent.
  const examples = [
    // S=500, E=450, N=50: retained 400, 400/500 = 80 %, churn 20 %, lost 100 → good
    { S: 500, E: 450, N: 50, rate: 80, churn: 20, retained: 400, lost: 100, band: "good" },
    // S=500, N=200, E=600: retained 400, 400/500 = 80 %, churn 20 %, lost 100 → good
    { S: 500, E: 600, N: 200, rate: 80, churn: 20, retained: 400, lost: 100, band: "good" },
    // S=1000, E=1150, N=300: retained 850, 85 %, churn 15 %, lost 150 → good (85 inclusive)
    { S: 1000, E: 1150, N: 300, rate: 85, churn: 15, retained: 850, lost: 150, band: "good" },
    // S=1000, E=1100, N=200: retained 900, 90 %, churn 10 %, lost 100 → excellent
    { S: 1000, E: 1100, N: 200, rate: 90, churn: 10, retained: 900, lost: 100, band: "excellent" },
    // S=1000, E=950, N=100: retained 850, 85 %, churn 15 %, lost 150 → good
    { S: 1000, E: 950, N: 100, rate: 85, churn: 15, retained: 850, lost: 150, band: "good" },
  ];
  for (const x of examples) {
    test(`METRICS.md §1 worked example S=${x.S}, E=${x.E}, N=${x.N}`, () => {
      const r = crr({ startCustomers: x.S, endCustomers: x.E, newCustomers: x.N });
      near(r.retentionRate, x.rate, "retentionRate");
      near(r.churnRate, x.churn, "churnRate");
      assert.equal(r.retained, x.retained);
      assert.equal(r.lost, x.lost);
      bandOk(r.band, x.band, "crr");
      assert.deepEqual(r.warnings, []);
    });
  }

  test("band edges per API.md: 60 average, 75 good, 85 good, just past each edge", () => {
    // S = 1000, N = 0, so the rate is E / 10: 599 → 59.9, 600 → 60, 749 → 74.9,
    // 750 → 75, 850 → 85, 851 → 85.1.
    const cases = [
      [599, 59.9, "poor"],
      [600, 60, "average"],
      [749, 74.9, "average"],
      [750, 75, "good"],
      [850, 85, "good"],
      [851, 85.1, "excellent"],
      [0, 0, "poor"],
    ];
    for (const [end, rate, band] of cases) {
      const r = crr({ startCustomers: 1000, endCustomers: end, newCustomers: 0 });
      near(r.retentionRate, rate, `rate for E=${end}`);
      near(r.churnRate, 100 - rate, `churn for E=${end}`);
      assert.equal(r.band.key, band, `band for ${rate} %`);
    }
    // Exactly 85 % with other denominators: 17/20, 595/700 → good, not excellent.
    assert.equal(crr({ startCustomers: 20, endCustomers: 17, newCustomers: 0 }).band.key, "good");
    assert.equal(crr({ startCustomers: 700, endCustomers: 595, newCustomers: 0 }).band.key, "good");
    // Exactly 60 % and 75 %: 3/5, 3/4.
    assert.equal(crr({ startCustomers: 5, endCustomers: 3, newCustomers: 0 }).band.key, "average");
    assert.equal(crr({ startCustomers: 4, endCustomers: 3, newCustomers: 0 }).band.key, "good");
  });

  test("a rate above 100 % is returned with a warning, never clamped", () => {
    // S=100, E=150, N=20: retained 130, 130/100 = 130 %, churn −30 %, lost 100 − 130 = −30.
    const r = crr({ startCustomers: 100, endCustomers: 150, newCustomers: 20 });
    near(r.retentionRate, 130, "retentionRate");
    near(r.churnRate, -30, "churnRate");
    assert.equal(r.retained, 130);
    assert.equal(r.lost, -30);
    // Not rated above 100 % (issue #14): S, E and N cannot tell how many of S stayed.
    bandOk(r.band, "unknown", "crr > 100");
    assert.ok(Array.isArray(r.warnings) && r.warnings.length >= 1, "a warning is given");
    for (const w of r.warnings) plainEnglish(w, "crr warning");
    // Exactly 100 % (S=100, E=100, N=0) is possible without reactivations: no warning.
    const full = crr({ startCustomers: 100, endCustomers: 100, newCustomers: 0 });
    near(full.retentionRate, 100, "retentionRate");
    assert.deepEqual(full.warnings, []);
  });
});

// ---------------------------------------------------------------- CLV

describe("clv (METRICS.md §2, API.md)", () => {
  // yearlyValue = AOV × purchases/year; clv = yearlyValue × lifespan; basis =
  // profitClv = clv × margin / 100 (= clv without a margin); maxAcquisitionCost =
  // basis / 3; retentionBudgetLow/High = 10 % / 15 % of basis.
  const examples = [
    // 25,000 × 218 = 5,450,000 a year; × 20 = 109,000,000.
    // /3 = 36,333,333.333…; 10 % = 10,900,000; 15 % = 16,350,000.
    {
      input: { averageOrderValue: 25000, purchasesPerYear: 218, lifespanYears: 20 },
      out: {
        yearlyValue: 5450000, clv: 109000000, profitClv: 109000000,
        maxAcquisitionCost: 109000000 / 3, retentionBudgetLow: 10900000, retentionBudgetHigh: 16350000,
      },
    },
    // 5,000 × 260 (5 a week) = 1,300,000 a year; × 5 = 6,500,000.
    // /3 = 2,166,666.666…; 10 % = 650,000; 15 % = 975,000.
    {
      input: { averageOrderValue: 5000, purchasesPerYear: 260, lifespanYears: 5 },
      out: {
        yearlyValue: 1300000, clv: 6500000, profitClv: 6500000,
        maxAcquisitionCost: 6500000 / 3, retentionBudgetLow: 650000, retentionBudgetHigh: 975000,
      },
    },
    // 500,000 × 4 = 2,000,000 a year; × 3 = 6,000,000. /3 = 2,000,000; 600,000; 900,000.
    {
      input: { averageOrderValue: 500000, purchasesPerYear: 4, lifespanYears: 3 },
      out: {
        yearlyValue: 2000000, clv: 6000000, profitClv: 6000000,
        maxAcquisitionCost: 2000000, retentionBudgetLow: 600000, retentionBudgetHigh: 900000,
      },
    },
    // 500,000 × 3 = 1,500,000 a year; × 3 = 4,500,000. /3 = 1,500,000; 450,000; 675,000.
    {
      input: { averageOrderValue: 500000, purchasesPerYear: 3, lifespanYears: 3 },
      out: {
        yearlyValue: 1500000, clv: 4500000, profitClv: 4500000,
        maxAcquisitionCost: 1500000, retentionBudgetLow: 450000, retentionBudgetHigh: 675000,
      },
    },
  ];
  for (const x of examples) {
    const i = x.input;
    test(`METRICS.md §2 worked example ${i.averageOrderValue} × ${i.purchasesPerYear} × ${i.lifespanYears}, no margin`, () => {
      nearAll(clv(i), x.out, "clv");
    });
  }

  test("with grossMarginPercent the basis is the profit CLV", () => {
    // §2 example 1 at 30 % margin: clv stays 109,000,000; profit = 32,700,000;
    // /3 = 10,900,000; 10 % = 3,270,000; 15 % = 4,905,000.
    nearAll(
      clv({ averageOrderValue: 25000, purchasesPerYear: 218, lifespanYears: 20, grossMarginPercent: 30 }),
      {
        yearlyValue: 5450000, clv: 109000000, profitClv: 32700000,
        maxAcquisitionCost: 10900000, retentionBudgetLow: 3270000, retentionBudgetHigh: 4905000,
      },
      "clv 30 %",
    );
    // §2 example 2 at 40 %: 6,500,000 × 0.4 = 2,600,000; /3 = 866,666.666…; 260,000; 390,000.
    nearAll(
      clv({ averageOrderValue: 5000, purchasesPerYear: 260, lifespanYears: 5, grossMarginPercent: 40 }),
      {
        clv: 6500000, profitClv: 2600000, maxAcquisitionCost: 2600000 / 3,
        retentionBudgetLow: 260000, retentionBudgetHigh: 390000,
      },
      "clv 40 %",
    );
    // §2 example 3 at 25 %: 6,000,000 × 0.25 = 1,500,000; /3 = 500,000; 150,000; 225,000.
    nearAll(
      clv({ averageOrderValue: 500000, purchasesPerYear: 4, lifespanYears: 3, grossMarginPercent: 25 }),
      { clv: 6000000, profitClv: 1500000, maxAcquisitionCost: 500000, retentionBudgetLow: 150000, retentionBudgetHigh: 225000 },
      "clv 25 %",
    );
    // §2 example 4 at 100 %: profit = clv = 4,500,000; at 0 %: everything 0.
    nearAll(
      clv({ averageOrderValue: 500000, purchasesPerYear: 3, lifespanYears: 3, grossMarginPercent: 100 }),
      { clv: 4500000, profitClv: 4500000, maxAcquisitionCost: 1500000, retentionBudgetLow: 450000, retentionBudgetHigh: 675000 },
      "clv 100 %",
    );
    nearAll(
      clv({ averageOrderValue: 500000, purchasesPerYear: 3, lifespanYears: 3, grossMarginPercent: 0 }),
      { clv: 4500000, profitClv: 0, maxAcquisitionCost: 0, retentionBudgetLow: 0, retentionBudgetHigh: 0 },
      "clv 0 %",
    );
  });

  test("grossMarginPercent: null counts as not given (API convention: null and undefined are absent)", () => {
    // 500,000 × 4 × 3 = 6,000,000 with no margin.
    near(clv({ averageOrderValue: 500000, purchasesPerYear: 4, lifespanYears: 3, grossMarginPercent: null }).profitClv, 6000000);
    near(clv({ averageOrderValue: 500000, purchasesPerYear: 4, lifespanYears: 3, grossMarginPercent: undefined }).profitClv, 6000000);
  });
});

// ---------------------------------------------------------------- NPS

describe("nps (METRICS.md §3, API.md)", () => {
  test("METRICS.md §3 worked example as counts 60/30/10", () => {
    // n = 100, p = 0.6, d = 0.1: NPS = 60 − 10 = 50 → great (50 ≤ nps < 70).
    // variance = p + d − (p − d)² = 0.6 + 0.1 − 0.25 = 0.45;
    // margin = 1.96 × √(0.45 / 100) × 100 = 1.96 × 0.067082039… × 100 ≈ 13.148.
    const margin = 1.96 * Math.sqrt(0.45 / 100) * 100;
    assert.ok(Math.abs(margin - 13.148) < 0.001); // the hand figure
    const r = nps({ promoters: 60, passives: 30, detractors: 10 });
    near(r.nps, 50, "nps");
    assert.equal(r.responses, 100);
    assert.equal(r.promoters.count, 60);
    near(r.promoters.percent, 60, "promoters.percent");
    assert.equal(r.passives.count, 30);
    near(r.passives.percent, 30, "passives.percent");
    assert.equal(r.detractors.count, 10);
    near(r.detractors.percent, 10, "detractors.percent");
    near(r.marginOfError, margin, "marginOfError");
    near(r.low, 50 - margin, "low");
    near(r.high, 50 + margin, "high");
    bandOk(r.band, "great", "nps 50");
  });

  test("a scores list", () => {
    // [10, 9, 8, 7, 6, 0]: promoters 10, 9 (2); passives 8, 7 (2); detractors 6, 0 (2).
    // n = 6, p = d = 1/3: NPS = 0 → needsImprovement (0 ≤ nps < 30).
    // variance = 2/3 − 0 = 2/3; margin = 1.96 × √((2/3)/6) × 100 = 1.96 × 1/3 × 100 = 65.333…
    const r = nps({ scores: [10, 9, 8, 7, 6, 0] });
    near(r.nps, 0, "nps");
    assert.equal(r.responses, 6);
    assert.deepEqual([r.promoters.count, r.passives.count, r.detractors.count], [2, 2, 2]);
    near(r.promoters.percent, 100 / 3, "promoters.percent");
    near(r.marginOfError, 196 / 3, "marginOfError");
    near(r.low, -196 / 3, "low");
    near(r.high, 196 / 3, "high");
    bandOk(r.band, "needsImprovement", "nps 0");
    // types.d.ts: distribution has one bar per score 0–10.
    assert.deepEqual(
      r.distribution.map((b) => [b.score, b.count]),
      [[0, 1], [1, 0], [2, 0], [3, 0], [4, 0], [5, 0], [6, 1], [7, 1], [8, 1], [9, 1], [10, 1]],
    );
  });

  test("a second scores list: 5 promoters, 2 passives, 3 detractors", () => {
    // [10,10,9,8,7,6,5,0,9,10]: promoters 10,10,9,9,10 (5); passives 8,7 (2); detractors 6,5,0 (3).
    // NPS = 50 − 30 = 20; variance = 0.5 + 0.3 − 0.2² = 0.76; margin = 1.96 × √(0.076) × 100.
    const margin = 1.96 * Math.sqrt(0.76 / 10) * 100; // ≈ 54.03
    const r = nps({ scores: [10, 10, 9, 8, 7, 6, 5, 0, 9, 10] });
    near(r.nps, 20, "nps");
    near(r.marginOfError, margin, "marginOfError");
    near(r.low, 20 - margin, "low");
    near(r.high, 20 + margin, "high");
    bandOk(r.band, "needsImprovement", "nps 20");
  });

  test("text: /work/shared/data/survei_nps.tsv (Google Forms export)", () => {
    // shared/data/README.md: 412 answers used, 2 skipped (line 415 empty answer,
    // line 416 the answer 11); 416 lines − header − 1 blank line = 414 rows.
    // Counted by hand from the file: promoters (9–10) 160, detractors (0–6) 118,
    // passives 412 − 160 − 118 = 134.
    // NPS = (160 − 118) / 412 × 100 = 4200 / 412 = 10.1942…  → needsImprovement.
    // p = 160/412, d = 118/412: variance = 278/412 − (42/412)² ; margin = 1.96 × √(variance/412) × 100 ≈ 7.8707.
    const p = 160 / 412, d = 118 / 412;
    const margin = 1.96 * Math.sqrt((p + d - (p - d) ** 2) / 412) * 100;
    assert.ok(Math.abs(margin - 7.8707) < 0.0001);
    const r = nps({ text: sample("survei_nps.tsv") });
    rowsAddUp(r, "survei_nps.tsv");
    assert.equal(r.rows, 414);
    assert.equal(r.used, 412);
    assert.equal(r.responses, 412);
    assert.deepEqual(r.skipped.map((s) => s.row), [415, 416]);
    // 11 is out of range: the same code as a scores-list error for 11.
    assert.equal(r.skipped[1].code, "scoreOutOfRange");
    assert.equal(r.promoters.count, 160);
    assert.equal(r.passives.count, 134);
    assert.equal(r.detractors.count, 118);
    near(r.nps, 4200 / 412, "nps");
    assert.ok(Math.abs(r.nps - 10.1942) < 0.0001);
    near(r.marginOfError, margin, "marginOfError");
    near(r.low, 4200 / 412 - margin, "low");
    near(r.high, 4200 / 412 + margin, "high");
    bandOk(r.band, "needsImprovement", "survei_nps");
  });

  test("text: header, BOM, CRLF, a non-integer answer skipped with its line", () => {
    // Lines: 1 "Skor" (header), 2 "10", 3 "9,5" (not a whole number), 4 "9", 5 "0".
    // Used 10, 9, 0: promoters 2, detractors 1, n = 3: NPS = (2 − 1)/3 × 100 = 33.333… → good.
    const r = nps({ text: "\uFEFFSkor\r\n10\r\n9,5\r\n9\r\n0\r\n" });
    rowsAddUp(r, "nps CRLF");
    assert.equal(r.rows, 4);
    assert.equal(r.used, 3);
    assert.deepEqual(r.skipped.map((s) => [s.row, s.code]), [[3, "scoreNotInteger"]]);
    near(r.nps, 100 / 3, "nps");
    bandOk(r.band, "good", "nps 33");
  });

  test("low/high are kept within −100…100", () => {
    // All promoters (5): NPS 100, variance 1 + 0 − 1 = 0, margin 0, low = high = 100.
    const all = nps({ promoters: 5, passives: 0, detractors: 0 });
    near(all.nps, 100, "nps");
    near(all.marginOfError, 0, "marginOfError");
    assert.equal(all.low, 100);
    assert.equal(all.high, 100);
    bandOk(all.band, "worldClass", "nps 100");
    // Same as a scores list.
    const allScores = nps({ scores: [10, 9, 10] });
    assert.equal(allScores.low, 100);
    assert.equal(allScores.high, 100);
    // 9 promoters, 1 passive: NPS 90; variance = 0.9 − 0.81 = 0.09;
    // margin = 1.96 × √(0.09/10) × 100 = 1.96 × 0.0948683… × 100 ≈ 18.594;
    // 90 + 18.594 = 108.594 → high kept at 100; low = 71.406…
    const m = 1.96 * Math.sqrt(0.09 / 10) * 100;
    const hi = nps({ promoters: 9, passives: 1, detractors: 0 });
    near(hi.nps, 90, "nps");
    near(hi.marginOfError, m, "marginOfError");
    assert.equal(hi.high, 100);
    near(hi.low, 90 - m, "low");
    // Mirror: 9 detractors, 1 passive: NPS −90, low kept at −100, high = −71.406…
    const lo = nps({ promoters: 0, passives: 1, detractors: 9 });
    near(lo.nps, -90, "nps");
    assert.equal(lo.low, -100);
    near(lo.high, -90 + m, "high");
    bandOk(lo.band, "crisis", "nps -90");
  });

  test("band edges per API.md: crisis < 0 ≤ needsImprovement < 30 ≤ good < 50 ≤ great < 70 ≤ worldClass", () => {
    // [promoters, passives, detractors] → NPS = (P − D) / n × 100.
    const cases = [
      [[4, 1, 5], -10, "crisis"], //          (4 − 5)/10 = −10 %
      [[5, 0, 5], 0, "needsImprovement"], //   0
      [[29, 71, 0], 29, "needsImprovement"],
      [[30, 70, 0], 30, "good"],
      [[49, 51, 0], 49, "good"],
      [[50, 50, 0], 50, "great"],
      [[69, 31, 0], 69, "great"],
      [[70, 30, 0], 70, "worldClass"],
      [[80, 10, 10], 70, "worldClass"], //    (80 − 10)/100 = 70
    ];
    for (const [[p, pa, d], value, key] of cases) {
      const r = nps({ promoters: p, passives: pa, detractors: d });
      near(r.nps, value, `nps for ${p}/${pa}/${d}`);
      assert.equal(r.band.key, key, `band for ${p}/${pa}/${d} (nps ${r.nps})`);
    }
  });

  test("an NPS exactly on a band edge gets the higher band whatever the mix (no rounding drift)", () => {
    // 7 promoters, 1 passive, 2 detractors: (7 − 2)/10 × 100 = 50 exactly → great.
    // 23 promoters, 6 passives, 11 detractors: (23 − 11)/40 × 100 = 30 exactly → good.
    // 14/2/4 (n = 20): (14 − 4)/20 = 50 → great.
    for (const [[p, pa, d], value, key] of [
      [[7, 1, 2], 50, "great"],
      [[14, 2, 4], 50, "great"],
      [[23, 6, 11], 30, "good"],
    ]) {
      const r = nps({ promoters: p, passives: pa, detractors: d });
      near(r.nps, value, `nps for ${p}/${pa}/${d}`);
      assert.equal(r.band.key, key, `band for ${p}/${pa}/${d}: nps ${r.nps} is exactly ${value}`);
    }
    // The same 7/1/2 mix as a scores list: 10,10,10,10,9,9,9 | 8 | 0,1.
    const s = nps({ scores: [10, 10, 10, 10, 9, 9, 9, 8, 0, 1] });
    assert.equal(s.band.key, "great", `nps ${s.nps} is exactly 50`);
  });

  test("counts: missing groups count as 0", () => {
    // { promoters: 3, detractors: 1 }: n = 4, NPS = (3 − 1)/4 = 50 → great.
    const r = nps({ promoters: 3, detractors: 1 });
    assert.equal(r.responses, 4);
    assert.equal(r.passives.count, 0);
    near(r.nps, 50, "nps");
  });
});

// ---------------------------------------------------------------- CES

describe("ces (METRICS.md §4, API.md)", () => {
  test("METRICS.md §4 worked example on the 1–10 scale", () => {
    // 7,7,7,7 | 8×6 | 9×4 | 10: sum = 28 + 48 + 36 + 10 = 122, n = 15, mean = 122/15 = 8.1333…
    // easy (high is easy, 1–10: 8–10) = 6 + 4 + 1 = 11 → 11/15 = 73.333… %
    const r = ces({ scores: [7, 7, 7, 7, 8, 8, 8, 8, 8, 8, 9, 9, 9, 9, 10], scaleMin: 1, scaleMax: 10, highIsEasy: true });
    near(r.ces, 122 / 15, "ces");
    assert.equal(r.responses, 15);
    near(r.easyPercent, (11 / 15) * 100, "easyPercent");
    assert.deepEqual(r.easyRange, [8, 10]);
    // distribution: one bar per score of the scale, 1 to 10.
    assert.deepEqual(r.distribution.map((b) => b.score), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(r.distribution.map((b) => b.count), [0, 0, 0, 0, 0, 0, 4, 6, 4, 1]);
    near(r.distribution[7].percent, 40, "percent of 8"); // 6/15
    near(r.distribution[6].percent, (4 / 15) * 100, "percent of 7");
  });

  test("the same example with high = hard mirrors the easy range to 1–3", () => {
    // No answer is 1–3 → easyPercent 0; the mean is unchanged.
    const r = ces({ scores: [7, 7, 7, 7, 8, 8, 8, 8, 8, 8, 9, 9, 9, 9, 10], scaleMax: 10, highIsEasy: false });
    near(r.ces, 122 / 15, "ces");
    near(r.easyPercent, 0, "easyPercent");
    assert.deepEqual(r.easyRange, [1, 3]);
  });

  test("text: /work/shared/data/survei_ces.txt with the default 1–7 scale", () => {
    // 181 lines: a header and 180 answers. Counted by hand: 1×3, 2×3, 3×12, 4×21,
    // 5×53, 6×59, 7×29 (sum of counts 180). Sum = 3 + 6 + 36 + 84 + 265 + 354 + 203 = 951,
    // mean = 951/180 = 5.28333…; easy (5–7) = 53 + 59 + 29 = 141 → 141/180 = 78.333… %.
    const r = ces({ text: sample("survei_ces.txt") });
    rowsAddUp(r, "survei_ces.txt");
    assert.equal(r.rows, 180);
    assert.equal(r.used, 180);
    assert.deepEqual(r.skipped, []);
    assert.equal(r.responses, 180);
    near(r.ces, 951 / 180, "ces");
    assert.ok(Math.abs(r.ces - 5.28333) < 0.00001);
    near(r.easyPercent, (141 / 180) * 100, "easyPercent");
    assert.deepEqual(r.distribution.map((b) => b.count), [3, 3, 12, 21, 53, 59, 29]);
    assert.deepEqual(r.easyRange, [5, 7]);
  });

  test("highIsEasy false mirrors the easy range (1–7 → 1–3, 1–5 → 1–2)", () => {
    // survei_ces.txt with high = hard: easy = 1–3 = 3 + 3 + 12 = 18 → 18/180 = 10 %.
    const r = ces({ text: sample("survei_ces.txt"), highIsEasy: false });
    rowsAddUp(r, "survei_ces.txt mirrored");
    near(r.easyPercent, 10, "easyPercent");
    assert.deepEqual(r.easyRange, [1, 3]);
    near(r.ces, 951 / 180, "ces");
    // 1–5 scale, [1, 2, 3, 4, 5, 5]: high is easy → 4–5: 3/6 = 50 %; high is hard → 1–2: 2/6 = 33.3 %.
    // mean = 20/6 = 3.333…
    const easy = ces({ scores: [1, 2, 3, 4, 5, 5], scaleMax: 5 });
    near(easy.easyPercent, 50, "easyPercent 1–5");
    near(easy.ces, 20 / 6, "ces 1–5");
    assert.deepEqual(easy.easyRange, [4, 5]);
    const hard = ces({ scores: [1, 2, 3, 4, 5, 5], scaleMax: 5, highIsEasy: false });
    near(hard.easyPercent, 200 / 6, "easyPercent 1–5 hard");
    assert.deepEqual(hard.easyRange, [1, 2]);
  });
});

// ---------------------------------------------------------------- CSAT

describe("csat (METRICS.md §6, API.md)", () => {
  test("1–5 scale (default)", () => {
    // [5,5,4,4,4,3,2,1,5,4]: satisfied (4–5) = 5,5,4,4,4,5,4 = 7 of 10 → 70 %.
    // mean = (5+5+4+4+4+3+2+1+5+4)/10 = 37/10 = 3.7.
    const r = csat({ scores: [5, 5, 4, 4, 4, 3, 2, 1, 5, 4] });
    near(r.csat, 70, "csat");
    near(r.mean, 3.7, "mean");
    assert.equal(r.responses, 10);
    assert.deepEqual(r.distribution.map((b) => [b.score, b.count]), [[1, 1], [2, 1], [3, 1], [4, 4], [5, 3]]);
    near(r.distribution[3].percent, 40, "percent of 4");
  });

  test("1–10 scale: top box 9–10", () => {
    // [10,9,8,7,10,6,9,5,3,1]: 9–10 = 10,9,10,9 = 4 of 10 → 40 %.
    // mean = (10+9+8+7+10+6+9+5+3+1)/10 = 68/10 = 6.8.
    const r = csat({ scores: [10, 9, 8, 7, 10, 6, 9, 5, 3, 1], scaleMax: 10 });
    near(r.csat, 40, "csat");
    near(r.mean, 6.8, "mean");
    assert.equal(r.responses, 10);
    assert.equal(r.distribution.length, 10);
  });

  test("text: header, a blank line, a word and an off-scale answer", () => {
    // Lines: 1 "Rating", 2 "5", 3 "4", 4 blank (not a row), 5 "3", 6 "x", 7 "6".
    // rows 5, used 5, 4, 3 → satisfied 2/3 = 66.67 %, mean 12/3 = 4; skipped lines 6 and 7.
    const r = csat({ text: "Rating\n5\n4\n\n3\nx\n6\n" });
    rowsAddUp(r, "csat text");
    assert.equal(r.rows, 5);
    assert.equal(r.used, 3);
    assert.deepEqual(r.skipped.map((s) => s.row), [6, 7]);
    near(r.csat, 200 / 3, "csat");
    near(r.mean, 4, "mean");
  });
});

// ---------------------------------------------------------------- FCR

describe("fcr (METRICS.md §5, API.md)", () => {
  test("METRICS.md §5 worked example: 120 of 200", () => {
    // 120 / 200 × 100 = 60 % → belowAverage (< 70).
    const r = fcr({ resolvedFirstContact: 120, totalTickets: 200 });
    near(r.fcr, 60, "fcr");
    assert.equal(r.resolved, 120);
    assert.equal(r.total, 200);
    bandOk(r.band, "belowAverage", "fcr 60");
    assert.deepEqual(r.groups, []);
  });

  test("band edges 70 and 80", () => {
    const cases = [
      [69, 100, 69, "belowAverage"],
      [70, 100, 70, "good"],
      [7, 10, 70, "good"],
      [79, 100, 79, "good"],
      [80, 100, 80, "worldClass"],
      [4, 5, 80, "worldClass"],
      [200, 200, 100, "worldClass"],
      [0, 5, 0, "belowAverage"],
    ];
    for (const [resolved, total, rate, key] of cases) {
      const r = fcr({ resolvedFirstContact: resolved, totalTickets: total });
      near(r.fcr, rate, `fcr ${resolved}/${total}`);
      assert.equal(r.band.key, key, `band of ${resolved}/${total}`);
    }
  });

  test("text: a yes/no ticket log grouped by channel", () => {
    // Lines 2–9 are tickets; line 8 ("mungkin") is neither yes nor no → skipped.
    // Resolved: T1 ya, T3 YES, T4 y, T6 benar, T8 1 = 5 of 7 → 71.428… % → good.
    // WhatsApp T1 ✓ T2 ✗ T4 ✓ T8 ✓ = 3/4 = 75 %; Email T3 ✓ T5 ✗ = 1/2 = 50 %; Telepon 1/1 = 100 %.
    const text = [
      "ID Tiket,Kanal,Selesai di kontak pertama",
      "T1,WhatsApp,ya",
      "T2,WhatsApp,Tidak",
      "T3,Email,YES",
      "T4,WhatsApp,y",
      "T5,Email,no",
      "T6,Telepon,benar",
      "T7,Email,mungkin",
      "T8,WhatsApp,1",
    ].join("\n");
    const r = fcr({ text, groupBy: "Kanal" });
    rowsAddUp(r, "fcr text");
    assert.equal(r.rows, 8);
    assert.equal(r.used, 7);
    assert.deepEqual(r.skipped.map((s) => s.row), [8]);
    assert.equal(r.resolved, 5);
    assert.equal(r.total, 7);
    near(r.fcr, 500 / 7, "fcr");
    bandOk(r.band, "good", "fcr text");
    assert.deepEqual(r.groups.map((g) => [g.name, g.resolved, g.total]), [
      ["WhatsApp", 3, 4],
      ["Email", 1, 2],
      ["Telepon", 1, 1],
    ]);
    near(r.groups[0].fcr, 75, "WhatsApp fcr");
    near(r.groups[1].fcr, 50, "Email fcr");
    near(r.groups[2].fcr, 100, "Telepon fcr");
  });
});

// ---------------------------------------------------------------- errors

describe("errors: JS Error with code, field/row and a plain-English message", () => {
  const okCrr = { startCustomers: 500, endCustomers: 450, newCustomers: 50 };

  test("startNotPositive: S = 0", () => {
    throwsCode(() => crr({ ...okCrr, startCustomers: 0 }), {
      code: "startNotPositive", field: "startCustomers", mentions: ["startCustomers"],
    });
    stillWorks();
  });

  test("negative counts", () => {
    throwsCode(() => crr({ ...okCrr, endCustomers: -1 }), { code: "negative", field: "endCustomers", mentions: ["endCustomers"] });
    throwsCode(() => crr({ ...okCrr, newCustomers: -5 }), { code: "negative", field: "newCustomers" });
    throwsCode(() => crr({ ...okCrr, startCustomers: -500 }), { code: "negative", field: "startCustomers" });
    throwsCode(() => fcr({ resolvedFirstContact: -1, totalTickets: 10 }), { code: "negative", field: "resolvedFirstContact" });
    throwsCode(() => nps({ promoters: -1, passives: 2, detractors: 0 }), { code: "negative", field: "promoters" });
    throwsCode(() => clv({ averageOrderValue: -1, purchasesPerYear: 2, lifespanYears: 3 }), {
      code: "negative", field: "averageOrderValue",
    });
    stillWorks();
  });

  test("notInteger: counts must be whole", () => {
    throwsCode(() => crr({ ...okCrr, startCustomers: 500.5 }), { code: "notInteger", field: "startCustomers", mentions: ["startCustomers"] });
    throwsCode(() => fcr({ resolvedFirstContact: 1, totalTickets: 2.5 }), { code: "notInteger", field: "totalTickets" });
    throwsCode(() => nps({ promoters: 1.5 }), { code: "notInteger", field: "promoters" });
    stillWorks();
  });

  test("newExceedsEnd: N > E", () => {
    throwsCode(() => crr({ startCustomers: 500, endCustomers: 100, newCustomers: 101 }), {
      code: "newExceedsEnd", field: "newCustomers", mentions: ["newCustomers", "endCustomers"],
    });
    stillWorks();
  });

  test("resolvedExceedsTotal and totalNotPositive", () => {
    throwsCode(() => fcr({ resolvedFirstContact: 201, totalTickets: 200 }), {
      code: "resolvedExceedsTotal", field: "resolvedFirstContact", mentions: ["totalTickets"],
    });
    throwsCode(() => fcr({ resolvedFirstContact: 0, totalTickets: 0 }), {
      code: "totalNotPositive", field: "totalTickets", mentions: ["totalTickets"],
    });
    stillWorks();
  });

  test("emptyScores", () => {
    throwsCode(() => nps({ scores: [] }), { code: "emptyScores", field: "scores" });
    throwsCode(() => ces({ scores: [] }), { code: "emptyScores", field: "scores" });
    throwsCode(() => csat({ scores: [] }), { code: "emptyScores", field: "scores" });
    stillWorks();
  });

  test("NPS scores list: scoreNotInteger and scoreOutOfRange carry the 1-based row", () => {
    throwsCode(() => nps({ scores: [10, 9.5, 8] }), { code: "scoreNotInteger", field: "scores", row: 2, mentions: ["9.5", "row 2"] });
    throwsCode(() => nps({ scores: [10, 9, 11] }), { code: "scoreOutOfRange", field: "scores", row: 3, mentions: ["11", "row 3"] });
    throwsCode(() => nps({ scores: [-1] }), { code: "scoreOutOfRange", field: "scores", row: 1 });
    stillWorks();
  });

  test("CES: scoreOffScale (row) and invalidScale (field)", () => {
    // Default scale 1–7: 8 is off the scale; 0 is off every scale.
    throwsCode(() => ces({ scores: [7, 8] }), { code: "scoreOffScale", field: "scores", row: 2, mentions: ["8"] });
    throwsCode(() => ces({ scores: [0], scaleMax: 10 }), { code: "scoreOffScale", row: 1 });
    throwsCode(() => ces({ scores: [3.5], scaleMax: 5 }), { code: "scoreOffScale", row: 1 });
    throwsCode(() => ces({ scores: [1], scaleMax: 6 }), { code: "invalidScale", field: "scaleMax" });
    throwsCode(() => ces({ scores: [1], scaleMin: 0, scaleMax: 10 }), { code: "invalidScale", field: "scaleMin" });
    throwsCode(() => csat({ scores: [1], scaleMax: 7 }), { code: "invalidScale", field: "scaleMax" });
    stillWorks();
  });

  test("unknownField: a typo names the field and suggests the right name", () => {
    const e = throwsCode(
      () => crr({ startCustomer: 500, endCustomers: 450, newCustomers: 50 }),
      { code: "unknownField", field: "startCustomer", mentions: ["startCustomer", "startCustomers"] },
    );
    assert.match(e.message, /Did you mean startCustomers\?/);
    throwsCode(() => clv({ averageOrderValue: 1, purchasesPerYear: 1, lifespanYears: 1, grossMargin: 30 }), {
      code: "unknownField", field: "grossMargin", mentions: ["grossMarginPercent"],
    });
    throwsCode(() => nps({ score: [9] }), { code: "unknownField", field: "score", mentions: ["scores"] });
    throwsCode(() => fcr({ resolved: 1, totalTickets: 2 }), { code: "unknownField", field: "resolved" });
    stillWorks();
  });

  test("missingField and wrongType", () => {
    throwsCode(() => crr({ startCustomers: 500, endCustomers: 450 }), {
      code: "missingField", field: "newCustomers", mentions: ["newCustomers"],
    });
    throwsCode(() => clv({ averageOrderValue: 1, purchasesPerYear: 1 }), { code: "missingField", field: "lifespanYears" });
    throwsCode(() => fcr({ totalTickets: 2 }), { code: "missingField", field: "resolvedFirstContact" });
    throwsCode(() => crr({ ...okCrr, startCustomers: "500" }), { code: "wrongType", field: "startCustomers", mentions: ["startCustomers"] });
    throwsCode(() => nps({ text: 42 }), { code: "wrongType", field: "text" });
    throwsCode(() => nps({ scores: "9,10" }), { code: "wrongType", field: "scores" });
    throwsCode(() => ces({ scores: [5], highIsEasy: "yes" }), { code: "wrongType", field: "highIsEasy" });
    stillWorks();
  });

  test("conflictingInputs and missingInput", () => {
    throwsCode(() => nps({ scores: [9], promoters: 3 }), { code: "conflictingInputs" });
    throwsCode(() => nps({ scores: [9], text: "9" }), { code: "conflictingInputs" });
    throwsCode(() => ces({ scores: [5], text: "5" }), { code: "conflictingInputs" });
    throwsCode(() => fcr({ resolvedFirstContact: 1, totalTickets: 2, text: "ya" }), { code: "conflictingInputs" });
    throwsCode(() => nps({}), { code: "missingInput", mentions: ["scores", "text"] });
    throwsCode(() => ces({}), { code: "missingInput" });
    throwsCode(() => csat({}), { code: "missingInput" });
    stillWorks();
  });

  test("noUsableRows carries the skipped rows", () => {
    // Lines: 1 "Skor" header, 2 blank (not a row), 3 "11", 4 "abc", 5 "-1": 3 rows, none usable.
    const e = throwsCode(() => nps({ text: "Skor\n\n11\nabc\n-1\n" }), { code: "noUsableRows", field: "text" });
    assert.ok(Array.isArray(e.skipped), "skipped is an array");
    assert.deepEqual(e.skipped.map((s) => s.row), [3, 4, 5]);
    for (const s of e.skipped) {
      assert.equal(typeof s.code, "string");
      plainEnglish(s.reason, `skipped row ${s.row}`);
    }
    const c = throwsCode(() => ces({ text: "Skor\n9\n0\n" }), { code: "noUsableRows" });
    assert.deepEqual(c.skipped.map((s) => [s.row, s.code]), [[2, "scoreOffScale"], [3, "scoreOffScale"]]);
    stillWorks();
  });

  test("non-object inputs are errors with a code, not crashes", () => {
    for (const bad of [null, undefined, "crr", 42, [1, 2, 3], true]) {
      throwsCode(() => crr(bad), { code: "invalidInput" });
    }
    stillWorks();
  });
});

// ---------------------------------------------------------------- robustness

/**
 * A fresh, separate instance of the module (ES modules with a different query
 * string are separate instances), so that a test that breaks its instance
 * cannot take the other tests down with it.
 */
async function freshInstance(tag) {
  const url = pathToFileURL(path.join(repo, "www/pkg/customer_metrics.js"));
  url.search = `?instance=${tag}`;
  const m = await import(url.href);
  m.initSync({ module: wasmBytes });
  return m;
}

/** Runs a call that should fail; returns what it threw (the module must throw, not return). */
function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("the module still works after every error", () => {
  test("a burst of bad calls, then valid calls return the right results", async () => {
    const m = await freshInstance("burst");
    const fns = [m.crr, m.clv, m.nps, m.ces, m.csat, m.fcr];
    const megabyteOfJunk = "x;y,z\t\"".repeat((1 << 20) / 7);
    const weird = [
      null, undefined, "a string", 42, [], [1, 2, 3], true, NaN, Infinity, -Infinity,
      { startCustomers: NaN, endCustomers: 1, newCustomers: 0 },
      { startCustomers: Infinity, endCustomers: 1, newCustomers: 0 },
      { startCustomers: 1e308, endCustomers: 1e308, newCustomers: 0 },
      { startCustomers: Number.MAX_SAFE_INTEGER * 4, endCustomers: 1, newCustomers: 0 },
      { averageOrderValue: 1e308, purchasesPerYear: 1e308, lifespanYears: 1e308 },
      { averageOrderValue: NaN, purchasesPerYear: 1, lifespanYears: 1 },
      { scores: [NaN] }, { scores: [Infinity] }, { scores: [1e308] }, { scores: [null] },
      { scores: [[9]] }, { scores: [{}] }, { scores: new Array(1000).fill("9") },
      { text: megabyteOfJunk },
      { text: "\u0000\uFFFF\uD800" },
      { promoters: 1e300 },
      { scaleMax: Infinity, scores: [1] },
      { resolvedFirstContact: 2 ** 60, totalTickets: 2 ** 61 },
      { nested: { a: { b: { c: [1, { d: null }] } } } },
      Object.create(null),
      new Date(0),
      { [Symbol("s")]: 1 },
    ];
    let errors = 0;
    for (const [i, input] of weird.entries()) {
      for (const f of fns) {
        const e = thrown(() => f(input));
        if (e !== undefined) {
          errors++;
          // Every failure is a proper Error (API.md: bad input throws a JS Error with a code).
          assert.ok(e instanceof Error, `${f.name}(weird input #${i}) threw a non-Error`);
          assert.equal(typeof e.code, "string", `${f.name}(weird input #${i}): error without code: ${e.message}`);
        }
      }
    }
    assert.ok(errors > weird.length * 4, "most of those calls fail");
    // A 1 MB text of valid answers still computes: 524,288 lines "9" → all promoters, NPS 100.
    const big = m.nps({ text: "9\n".repeat(1 << 19) });
    assert.equal(big.responses, 1 << 19);
    assert.equal(big.nps, 100);
    rowsAddUp(big, "1 MB text");
    // After all that, every function gives its hand-computed answer.
    stillWorks(m);
    near(m.clv({ averageOrderValue: 500000, purchasesPerYear: 4, lifespanYears: 3 }).clv, 6000000, "clv");
    near(m.nps({ promoters: 60, passives: 30, detractors: 10 }).nps, 50, "nps");
    near(m.ces({ scores: [1, 2, 3, 4, 5, 5], scaleMax: 5 }).ces, 20 / 6, "ces");
    near(m.csat({ scores: [5, 5, 4, 4, 4, 3, 2, 1, 5, 4] }).csat, 70, "csat");
    near(m.fcr({ resolvedFirstContact: 120, totalTickets: 200 }).fcr, 60, "fcr");
  });

  test("a deeply nested object (10,000 levels) is an Error with a code and leaves the module usable", async () => {
    const m = await freshInstance("deep-object");
    let deep = {};
    for (let i = 0; i < 10000; i++) deep = { a: deep };
    const e = thrown(() => m.crr({ startCustomers: 1, endCustomers: 1, newCustomers: 0, extra: deep }));
    assert.ok(e instanceof Error, "throws an Error");
    // First what matters most: the module must still compute afterwards.
    stillWorks(m);
    near(m.nps({ promoters: 60, passives: 30, detractors: 10 }).nps, 50, "nps after a deep object");
    assert.equal(typeof e.code, "string", `the error carries a code (got: ${e.message})`);
  });

  test("a cyclic object is an Error with a code and leaves the module usable", async () => {
    const m = await freshInstance("cycle");
    const input = { startCustomers: 500, endCustomers: 450, newCustomers: 50 };
    input.self = input;
    const e = thrown(() => m.crr(input));
    assert.ok(e instanceof Error, "throws an Error");
    stillWorks(m);
    assert.equal(typeof e.code, "string", `the error carries a code (got: ${e.message})`);
  });

  test("a deeply nested array given twice leaves the module usable", async () => {
    const m = await freshInstance("deep-array");
    let deep = [];
    for (let i = 0; i < 20000; i++) deep = [deep];
    const errors = [thrown(() => m.nps({ scores: deep })), thrown(() => m.nps({ scores: deep }))];
    for (const e of errors) assert.ok(e instanceof Error, "throws an Error");
    // First what matters most: the module must still compute afterwards.
    stillWorks(m);
    for (const e of errors) assert.equal(typeof e.code, "string", `the error carries a code (got: ${e.message})`);
  });
});

// ---------------------------------------------------------------- API conventions

describe("API.md conventions", () => {
  test("rates are on a 0–100 scale at full precision (never rounded)", () => {
    // 1 of 3 tickets: 100/3 = 33.333… — not 33.33.
    near(fcr({ resolvedFirstContact: 1, totalTickets: 3 }).fcr, 100 / 3, "fcr");
    assert.notEqual(fcr({ resolvedFirstContact: 1, totalTickets: 3 }).fcr, 33.33);
    // CRR 2 of 3 = 66.666…
    near(crr({ startCustomers: 3, endCustomers: 2, newCustomers: 0 }).retentionRate, 200 / 3, "crr");
  });

  test("results are plain objects (maps as objects), bands are { key, label }", () => {
    const r = nps({ promoters: 1, passives: 1, detractors: 1 });
    assert.equal(Object.getPrototypeOf(r), Object.prototype);
    assert.equal(Object.getPrototypeOf(r.promoters), Object.prototype);
    assert.deepEqual(Object.keys(r.band).sort(), ["key", "label"]);
  });

  test("every text-reading function accepts locale (\"id\", \"en\", \"auto\")", () => {
    // API.md, Conventions: locale decides how 1.250 and 01/02/2025 are read.
    // 10, 9, 0 → (2 − 1)/3 = 33.33…
    for (const locale of ["id", "en", "auto"]) {
      near(nps({ text: "Skor\n10\n9\n0\n", locale }).nps, 100 / 3, `nps locale ${locale}`);
      near(csat({ text: "Skor\n5\n4\n1\n", locale }).csat, 200 / 3, `csat locale ${locale}`);
      near(ces({ text: "Skor\n7\n5\n1\n", locale }).easyPercent, 200 / 3, `ces locale ${locale}`);
    }
  });
});
