// Hostile JavaScript values at the boundary of the built module (issue #17):
// throwing getters, Proxy traps, getters that change between reads, deep and
// cyclic inputs, BigInt, sparse arrays, Date/RegExp/Error objects, each 10,000
// times; then a property test that throws random hostile values at every
// function. After all of it the module computes the hand-worked CRR of
// METRICS.md §1 (S = 500, E = 450, N = 50 → (450 − 50) / 500 = 80 %), and
// every error on the way was an Error with a string `code` and a plain message.
//
// Run after `scripts/build.sh`:   node --test tests/node/

import { test, describe } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const wasmBytes = fs.readFileSync(path.join(repo, "www/pkg/customer_metrics_bg.wasm"));

/** A separate instance of the module, so one test cannot break another. */
async function instance(tag) {
  const url = pathToFileURL(path.join(repo, "www/pkg/customer_metrics.js"));
  url.search = `?hostile=${tag}`;
  const m = await import(url.href);
  m.initSync({ module: wasmBytes });
  return m;
}

function stillWorks(m) {
  const r = m.crr({ startCustomers: 500, endCustomers: 450, newCustomers: 50 });
  assert.equal(r.retentionRate, 80);
  assert.equal(r.retained, 400);
  assert.equal(m.nps({ promoters: 60, passives: 30, detractors: 10 }).nps, 50);
  const log = "pelanggan;tanggal;total\nBudi;2025-01-03;100.000\nSari;2025-01-10;50.000\nBudi;2025-02-03;20.000\n";
  const a = m.analyzeLog({ text: log });
  assert.equal(a.customers, 2);
}

/** Calls fn; returns "ok" or checks the error (an Error, a string code, no wasm internals) and returns its code. */
function outcome(fn, what) {
  let result;
  try {
    result = fn();
  } catch (e) {
    assert.ok(e instanceof Error, `${what}: threw a non-Error ${Object.prototype.toString.call(e)}`);
    assert.equal(typeof e.code, "string", `${what}: an error without code: ${e.name}: ${e.message}`);
    assert.equal(typeof e.message, "string");
    assert.doesNotMatch(e.message, /RuntimeError|unreachable|wasm-function|\.wasm|panicked|JsValue/, `${what}: ${e.message}`);
    return e.code;
  }
  assert.equal(typeof result, "object", `${what}: returned ${typeof result}`);
  return "ok";
}

let deep = [];
for (let i = 0; i < 200_000; i++) deep = [deep];
let deepObject = {};
for (let i = 0; i < 10_000; i++) deepObject = { a: deepObject };
const cyclic = { startCustomers: 500, endCustomers: 450, newCustomers: 50 };
cyclic.self = cyclic;
const cyclicList = [9];
cyclicList.push(cyclicList);
const huge = [];
huge.length = 2 ** 32 - 1;
const revoked = Proxy.revocable({}, {});
revoked.revoke();

/** [name, function, input factory, codes allowed ("ok" where a call may compute)]. */
const CASES = [
  ["throwing getter", "crr", () => ({ get startCustomers() { throw new Error("boom"); }, endCustomers: 1, newCustomers: 0 }), ["invalidInput"]],
  ["getter throwing a number", "crr", () => ({ startCustomers: 1, get endCustomers() { throw 42; }, newCustomers: 0 }), ["invalidInput"]],
  ["getter throwing an object whose toString throws", "nps", () => ({ get scores() { throw { toString() { throw new Error("x"); } }; } }), ["invalidInput"]],
  ["Proxy get trap", "crr", () => new Proxy({ startCustomers: 1, endCustomers: 1, newCustomers: 0 }, { get() { throw new RangeError("trap"); } }), ["invalidInput"]],
  ["Proxy ownKeys trap", "nps", () => new Proxy({}, { ownKeys() { throw new Error("keys"); } }), ["invalidInput"]],
  ["Proxy getOwnPropertyDescriptor trap", "crr", () => new Proxy({ startCustomers: 1 }, { getOwnPropertyDescriptor() { throw new Error("desc"); } }), ["invalidInput"]],
  ["Proxy getPrototypeOf trap", "crr", () => new Proxy({ startCustomers: 1 }, { getPrototypeOf() { throw new Error("proto"); } }), ["missingField"]],
  ["revoked Proxy", "crr", () => revoked.proxy, ["invalidInput"]],
  ["array Proxy with a throwing length", "nps", () => ({ scores: new Proxy([9, 10], { get(t, k) { if (k === "length") throw new Error("len"); return t[k]; } }) }), ["invalidInput"]],
  ["changing getter: 500, then a 200,000-deep array", "crr", () => { let n = 0; return { get startCustomers() { return n++ % 2 ? deep : 500; }, endCustomers: 450, newCustomers: 50 }; }, ["ok", "invalidInput"]],
  ["changing getter on a text field: a log, then a deep array", "analyzeLog", () => { let n = 0; return { get text() { return n++ % 2 ? deep : "a;2025-01-01;1\n"; } }; }, ["ok", "invalidInput", "noUsableRows", "missingColumn", "tooFewCustomers"]],
  ["10,000-deep object", "crr", () => ({ startCustomers: 1, endCustomers: 1, newCustomers: 0, extra: deepObject }), ["invalidInput"]],
  ["200,000-deep array", "nps", () => ({ scores: deep }), ["invalidInput"]],
  ["cyclic object", "crr", () => cyclic, ["invalidInput"]],
  ["cyclic list", "nps", () => ({ scores: cyclicList }), ["invalidInput"]],
  ["BigInt", "crr", () => ({ startCustomers: 500n, endCustomers: 450, newCustomers: 50 }), ["invalidInput"]],
  ["BigInt in a list", "nps", () => ({ scores: [9n, 10] }), ["invalidInput"]],
  ["sparse array of length 2^32 − 1", "nps", () => ({ scores: huge }), ["invalidInput"]],
  ["sparse array with holes", "nps", () => ({ scores: [9, , 10, , ,] }), ["notANumber"]],
  ["Date", "crr", () => ({ startCustomers: new Date(0), endCustomers: 1, newCustomers: 0 }), ["invalidInput"]],
  ["Date as asOf", "rfm", () => ({ text: "a;2025-01-01;1\n", asOf: new Date() }), ["invalidInput"]],
  ["RegExp", "nps", () => ({ text: /9/ }), ["invalidInput"]],
  ["Error object", "crr", () => new Error("x"), ["invalidInput"]],
  ["Map", "crr", () => new Map([["startCustomers", 1]]), ["invalidInput"]],
  ["typed array", "nps", () => ({ scores: new Float64Array([9, 10]) }), ["invalidInput"]],
  ["Symbol", "crr", () => ({ startCustomers: Symbol("s"), endCustomers: 1, newCustomers: 0 }), ["invalidInput"]],
  ["function", "crr", () => ({ startCustomers() { return 1; }, endCustomers: 1, newCustomers: 0 }), ["invalidInput"]],
  ["a getter that calls the module again", "crr", () => ({ get startCustomers() { return globalThis.__m.crr({ startCustomers: 500, endCustomers: 450, newCustomers: 50 }).retained + 100; }, endCustomers: 450, newCustomers: 50 }), ["ok"]],
];

describe("hostile JS values, each 10,000 times", () => {
  for (const [name, fn, make, allowed] of CASES) {
    test(`${fn}(): ${name}`, async () => {
      const m = await instance(name.replace(/\W+/g, "-"));
      globalThis.__m = m;
      const input = make();
      const seen = new Set();
      for (let i = 0; i < 10_000; i++) seen.add(outcome(() => m[fn](input), name));
      for (const code of seen) assert.ok(allowed.includes(code), `${name}: unexpected ${code} (allowed ${allowed})`);
      stillWorks(m);
    });
  }

  test("the codes, fields and messages say what is wrong", async () => {
    const m = await instance("messages");
    const catchIt = (f) => { try { f(); } catch (e) { return e; } assert.fail("no error"); };
    let e = catchIt(() => m.crr({ get startCustomers() { throw new Error("boom"); }, endCustomers: 1, newCustomers: 0 }));
    assert.equal(e.code, "invalidInput");
    assert.equal(e.field, "startCustomers");
    assert.match(e.message, /^Reading "startCustomers" raised an exception/);
    e = catchIt(() => m.rfm({ text: "a;2025-01-01;1\n", asOf: new Date() }));
    assert.equal(e.field, "asOf");
    assert.match(e.message, /"asOf" is a Date object; give dates as text written YYYY-MM-DD\./);
    e = catchIt(() => m.nps({ scores: [9, 10n] }));
    assert.match(e.message, /"scores\[1\]" is a BigInt/);
    e = catchIt(() => m.nps({ scores: [9, , 10] }));
    assert.equal(e.code, "notANumber");
    assert.equal(e.row, 2);
    // A getter is read once: the check and the conversion see the same value.
    let reads = 0;
    const r = m.crr({ get startCustomers() { reads++; return 500; }, endCustomers: 450, newCustomers: 50 });
    assert.equal(r.retentionRate, 80);
    assert.equal(reads, 1);
  });
});

describe("wide lines (issue #17)", () => {
  test("one line of 4,000,000 columns is refused with tooManyColumns and its line", async () => {
    const m = await instance("wide");
    for (const fn of ["parseTable", "analyzeLog", "rfm", "nps", "predictClv"]) {
      let e;
      try {
        m[fn]({ text: "a,".repeat(4_000_000) });
      } catch (error) {
        e = error;
      }
      assert.equal(e?.code, "tooManyColumns", `${fn}: ${e?.message}`);
      assert.equal(e.row, 1);
      assert.equal(e.field, "text");
    }
    // 50 MB in one line: refused too, and the module lives on.
    assert.throws(() => m.analyzeLog({ text: "a,".repeat(25_000_000) }), (e) => e.code === "tooManyColumns");
    assert.throws(() => m.analyzeLog({ text: "x".repeat(2_000_000) }), (e) => e.code === "lineTooLong");
    stillWorks(m);
  });
});

// ---------------------------------------------------------------- property test

/** A small deterministic PRNG (mulberry32), so a failure can be replayed from its seed. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUNCTIONS = ["crr", "clv", "nps", "ces", "csat", "fcr", "parseTable", "rfm", "retention", "cohorts", "clvFromLog", "lifecycle", "analyzeLog", "predictClv", "subscriptionRetention"];
const FIELDS = ["startCustomers", "endCustomers", "newCustomers", "averageOrderValue", "purchasesPerYear", "lifespanYears", "scores", "text", "summary", "columns", "locale", "asOf", "periodStart", "periodEnd", "thresholds", "method", "groupBy", "scaleMax", "horizonMonths", "promoters", "passives", "detractors", "survivors", "renewals", "active", "discountRate", "valuePerPeriod", "horizon"];

/** A random value: plain, odd or hostile, nested up to `depth`. */
function value(r, depth) {
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const k = Math.floor(r() * 22);
  switch (k) {
    case 0: return Math.floor(r() * 1000);
    case 1: return pick([NaN, Infinity, -0, 1e308, -1, 0.5, 2 ** 53 + 1]);
    case 2: return pick(["", "9", "id", "2025-01-31", "9999-12-31", "Budi;2025-01-03;100\nSari;2025-01-04;50\n", "a,".repeat(1 + Math.floor(r() * 1500)), "\uD800x", "\u0000"]);
    case 3: return pick([null, undefined, true, false]);
    case 4: return BigInt(Math.floor(r() * 100));
    case 5: return Symbol("s");
    case 6: return pick([new Date(r() * 1e12), /x/g, new Error("e"), new Map(), new Set([1]), new Uint8Array(3), Promise.resolve(1), () => 1]);
    case 7: { const a = []; a.length = Math.floor(r() * 2 ** 32); return a; }
    case 8: return deep;
    case 9: return cyclic;
    case 10: return { get x() { throw new Error("getter"); } };
    case 11: return new Proxy({ a: 1 }, { get() { throw new Error("get"); } });
    case 12: return new Proxy([1, 2], { ownKeys() { throw new Error("keys"); }, get(t, p) { if (p === "length" && r() < 0.5) throw new Error("len"); return t[p]; } });
    case 13: return revoked.proxy;
    case 14: { let n = 0; return { get a() { return n++ % 2 ? deep : 1; } }; }
    default: {
      if (depth <= 0) return 1;
      if (r() < 0.4) return Array.from({ length: Math.floor(r() * 5) }, () => value(r, depth - 1));
      const o = {};
      for (let i = Math.floor(r() * 4); i > 0; i--) o[pick(FIELDS)] = value(r, depth - 1);
      return o;
    }
  }
}

/** An input for a function: mostly an object of the API's field names, with random (often hostile) values. */
function input(r) {
  if (r() < 0.15) return value(r, 2);
  const o = {};
  for (let i = 1 + Math.floor(r() * 4); i > 0; i--) {
    const key = FIELDS[Math.floor(r() * FIELDS.length)];
    if (key in o) continue;
    if (r() < 0.2) Object.defineProperty(o, key, { enumerable: true, get: () => value(r, 2) });
    else o[key] = value(r, 2);
  }
  return r() < 0.1 ? new Proxy(o, { get(t, p) { if (r() < 0.3) throw new Error("sometimes"); return t[p]; } }) : o;
}

describe("property: any JS value, any function", () => {
  test("20,000 random hostile calls: every error an Error with a code, never a trap; the module then computes", async () => {
    const m = await instance("property");
    const seed = Number(process.env.HOSTILE_SEED ?? 17);
    const r = rng(seed);
    const codes = new Map();
    for (let i = 0; i < 20_000; i++) {
      const fn = FUNCTIONS[Math.floor(r() * FUNCTIONS.length)];
      const code = outcome(() => m[fn](input(r)), `case ${i} (seed ${seed}) ${fn}`);
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    assert.ok(codes.get("invalidInput") > 1000, JSON.stringify([...codes]));
    stillWorks(m);
  });
});
