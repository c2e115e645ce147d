// subscriptionRetention in the built module www/pkg (the shifted-beta-geometric
// model). Run after `scripts/build.sh`:   node --test tests/node/sbg.test.mjs
//
// Expected values: Fader & Hardie (2007), "How to project customer retention",
// Journal of Interactive Marketing 21(1): 1,000 "high end" customers, still
// customers after years 0–7 (their Table 1), with the published estimates
// α = 0.668, β = 3.806; the discounted lifetimes (Fader & Hardie 2010, eqs. 5
// and 6) against the plain sums Σ S(t) / (1 + d)^t computed here.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { initSync, subscriptionRetention, defaults } from "../../www/pkg/customer_metrics.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
initSync({ module: fs.readFileSync(path.join(repo, "www/pkg/customer_metrics_bg.wasm")) });

const HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491];
const round3 = (x) => Math.round(x * 1000) / 1000;

/** S(t) by the paper's recursion: P(T=1) = α/(α+β), P(T=t) = (β+t−2)/(α+β+t−1) P(T=t−1), S(t) = S(t−1) − P(T=t). */
function survival(alpha, beta, last) {
  const s = [1];
  let p = alpha / (alpha + beta);
  for (let t = 1; t <= last; t++) {
    if (t > 1) p *= (beta + t - 2) / (alpha + beta + t - 1);
    s.push(s[t - 1] - p);
  }
  return s;
}

test("the high-end customers give the published α and β, and the projection to year 12", () => {
  const r = subscriptionRetention({ survivors: HIGH_END, horizon: 12, discountRate: 0.1, valuePerPeriod: 100 });
  assert.equal(round3(r.params.alpha), 0.668);
  assert.equal(round3(r.params.beta), 3.806);
  assert.equal(r.source, "survivors");
  assert.equal(r.periods.length, 13);
  const s = survival(r.params.alpha, r.params.beta, 12);
  for (const p of r.periods) {
    assert.ok(Math.abs(p.survival - 100 * s[p.period]) < 1e-9, `period ${p.period}`);
    assert.equal(p.projected, p.period > 7);
  }
  // Table 1's held-out year 12: 394 still customers; the model 378.0 (1.6 points under).
  assert.ok(Math.abs(r.periods[12].expected - 378.0) < 0.05, String(r.periods[12].expected));
  assert.equal(r.periods[12].actual, null);
  // DEL = Σ_{t≥0} S(t) / 1.1^t, DERL(7) = Σ_{t>7} S(t)/S(7) / 1.1^(t−8).
  const long = survival(r.params.alpha, r.params.beta, 5000);
  const del = long.reduce((sum, st, t) => sum + st / 1.1 ** t, 0);
  let derl7 = 0;
  for (let t = 8; t < long.length; t++) derl7 += long[t] / long[7] / 1.1 ** (t - 8);
  assert.ok(Math.abs(r.discountedLifetime - del) < 1e-9 * del);
  assert.ok(Math.abs(r.residual[7].derl - derl7) < 1e-9 * derl7);
  assert.ok(Math.abs(r.valuePerNewSubscriber - 100 * del) < 1e-7 * del);
  assert.ok(Math.abs(r.residualValueOfBase - 491 * 100 * derl7) < 1e-5 * derl7);
  // α < 1: no finite mean lifetime, with its notice.
  assert.equal(r.expectedLifetime, null);
  assert.deepEqual(r.notices.map((n) => n.code), ["sbgNoFiniteLifetime"]);
});

test("pasted counts, and the defaults the page reads", () => {
  const r = subscriptionRetention({ text: "Bulan\tAktif\nBulan 0\t1.000\nBulan 1\t869\nBulan 2\t743\nBulan 3\t653\n" });
  assert.deepEqual(r.counts, [1000, 869, 743, 653]);
  assert.equal(r.discountRate, 0.01);
  assert.deepEqual(r.notices.map((n) => n.code), ["sbgFewPeriods"].concat(r.params.alpha <= 1 ? ["sbgNoFiniteLifetime"] : []));
  assert.deepEqual(defaults().subscriptions, { discountRate: 0.01, minPeriods: 2, horizon: 12, maxHorizon: 1200 });
});

test("bad input is an Error with a code, a field and the line or position", () => {
  const thrown = (input) => {
    try {
      subscriptionRetention(input);
    } catch (e) {
      assert.ok(e instanceof Error);
      return e;
    }
    assert.fail("no error");
  };
  let e = thrown({ survivors: [1000, 900, 950, 800] });
  assert.deepEqual([e.code, e.field, e.row, e.params.before, e.params.after], ["countsRising", "survivors", 3, 900, 950]);
  e = thrown({ text: "Bulan\tAktif\n0\t1000\n1\t900,5\n2\t800\n" });
  assert.deepEqual([e.code, e.field, e.row], ["notInteger", "text", 3]);
  e = thrown({ survivors: [1000, 900] });
  assert.deepEqual([e.code, e.params.got, e.params.min], ["tooFewPeriods", 1, 2]);
  assert.equal(thrown({ survivors: [100, 100, 100] }).code, "noChurn");
  assert.equal(thrown({ survivors: [1000, 900, 800], discountRate: 0 }).code, "discountRateOutOfRange");
  assert.equal(thrown({ renewals: [1, 2], active: [true] }).code, "listsDifferInLength");
  assert.equal(thrown({ survivors: [1000, 900, 800], text: "1" }).code, "conflictingInputs");
  assert.equal(thrown({ survivers: [1000] }).code, "unknownField");
  // The module keeps working after errors.
  assert.equal(round3(subscriptionRetention({ survivors: HIGH_END }).params.beta), 3.806);
});
