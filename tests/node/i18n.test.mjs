// The page translates the API's notices by `code` and `params` only (issue 12):
//  - every notice code of README "Codes" has its words in both languages' page
//    dictionaries, or is listed here as said by another text of the page, not
//    shown, English-only, or shown on the English page as the API words it; no dictionary
//    holds a code README does not list, and each text uses only the params
//    README names for its code;
//  - no JS file of the page or widget reads an API sentence: no regular
//    expression of English words (the old /\(got (\d+)\)/, /at least (\d+)/,
//    /^The lifespan is measured…/ tables), no `.warnings` read (the page reads
//    `notices`), no message handed to a string search.
// Run:   node --test tests/node/

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import salesInputId from "../../www/js/i18n/sales-input.id.js";
import salesInputEn from "../../www/js/i18n/sales-input.en.js";
import salesResultsId from "../../www/js/i18n/sales-results.id.js";
import salesResultsEn from "../../www/js/i18n/sales-results.en.js";
import predictId from "../../www/js/i18n/predict.id.js";
import predictEn from "../../www/js/i18n/predict.en.js";
import crrId from "../../www/js/calc/i18n/crr.id.js";
import crrEn from "../../www/js/calc/i18n/crr.en.js";
import subscriptionsId from "../../www/js/calc/i18n/subscriptions.id.js";
import subscriptionsEn from "../../www/js/calc/i18n/subscriptions.en.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** README "Codes", the notices' table: code → the params it names. */
function readmeNotices() {
  const readme = fs.readFileSync(path.join(repo, "README.md"), "utf8");
  const start = readme.indexOf("**Notices**");
  const end = readme.indexOf("**Skipped-row reasons**", start);
  assert.ok(start > 0 && end > start, "README has the notices' table");
  const codes = new Map();
  for (const line of readme.slice(start, end).split("\n")) {
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
    const code = /^`(\w+)`$/.exec(cells[1] || "");
    if (!code) continue;
    codes.set(code[1], [...(cells[3] || "").matchAll(/`(\w+)`/g)].map((m) => m[1]));
  }
  return codes;
}

// The page's dictionaries of notices, by code.
const TABLES = {
  id: { ...salesInputId["sales.notices"], ...predictId.predictNotices, ...subscriptionsId["subscriptions.notices"] },
  en: { ...salesInputEn["sales.notices"], ...predictEn.predictNotices, ...subscriptionsEn["subscriptions.notices"] },
};
// Notices said by another text of the page, picked by code (the key in both languages).
const OTHER_TEXT = {
  crrAboveHundred: ["crr.above100", crrId, crrEn], // js/calc/crr.js
  lifespanMeasured: ["sales.lifespanMeasured", salesResultsId, salesResultsEn], // js/sales/clv.js
};
// Notices the page does not show (the retention part's: the sales page shows its period).
const NOT_SHOWN = ["periodEndsAfterData", "dataStartsAfterWindow"];
// The model's notices both pages show as the API words them, marked lang="en" (no words yet: as before issue 12).
const ENGLISH_ONLY = ["sameSpend", "spendFitRanAway"];
// The model's notices the English page shows as the API words them (js/predict/state.js).
const ENGLISH_AS_THE_API = ["spendLeftOut", "spendFrequencyCorrelated", "qAtMostOne", "fewRepeatBuyers", "fewCustomers", "spendFlatLikelihood", "flatLikelihood"];

test("every notice code of README has its words in both languages, or is listed as not needing them", () => {
  const codes = readmeNotices();
  assert.ok(codes.size >= 27, `README lists the notices (${codes.size})`);
  for (const [code] of codes) {
    const other = OTHER_TEXT[code];
    if (other) {
      assert.ok(other[0] in other[1] && other[0] in other[2], `${code}: ${other[0]} in both languages`);
      continue;
    }
    if (NOT_SHOWN.includes(code)) continue;
    if (ENGLISH_ONLY.includes(code)) {
      assert.ok(!(code in TABLES.id) && !(code in TABLES.en), `${code}: listed as English-only but has words`);
      continue;
    }
    assert.equal(typeof TABLES.id[code], "function", `${code}: Indonesian words`);
    assert.ok(typeof TABLES.en[code] === "function" || ENGLISH_AS_THE_API.includes(code), `${code}: English words, or listed as shown as the API words it`);
  }
  for (const lang of ["id", "en"]) {
    for (const code of Object.keys(TABLES[lang])) assert.ok(codes.has(code), `${lang}: ${code} is a code README lists`);
  }
  for (const code of [...Object.keys(OTHER_TEXT), ...NOT_SHOWN, ...ENGLISH_ONLY, ...ENGLISH_AS_THE_API]) assert.ok(codes.has(code), `${code} is listed in README`);
  for (const code of ENGLISH_AS_THE_API) assert.equal(TABLES.en[code], undefined, `${code}: listed as English-only but has English words`);
});

test("each notice text is built from the params README names for its code only", () => {
  const codes = readmeNotices();
  for (const lang of ["id", "en"]) {
    for (const [code, fn] of Object.entries(TABLES[lang])) {
      // A param the code does not have would read as "undefined" (js/kit/view.js gives each as key and keyN).
      const p = {};
      for (const k of codes.get(code)) {
        p[k] = `‹${k}›`;
        p[`${k}N`] = 2;
      }
      const text = fn(p);
      assert.equal(typeof text, "string", `${lang} ${code}`);
      assert.ok(!/undefined|NaN|\[object/.test(text), `${lang} ${code}: ${text}`);
    }
  }
});

/** The page's and widget's JS sources (not the build outputs www/pkg, www/widget, www/xlsx). */
function sources() {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      const rel = path.relative(repo, p);
      if (entry.isDirectory()) {
        if (!["www/pkg", "www/widget", "www/xlsx", "www/demo"].includes(rel)) walk(p);
      } else if (/\.m?js$/.test(entry.name)) out.push(rel);
    }
  };
  walk(path.join(repo, "www"));
  walk(path.join(repo, "widget"));
  return out;
}

/** The regular-expression literals of a source, roughly (after a token that cannot end an operand). */
const regexLiterals = (src) =>
  [...src.matchAll(/(?:^|[=>(,:;!&|?{}\[]|\breturn|\btypeof)\s*\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[*])(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])*)\/[dgimsuvy]*/gm)].map((m) => m[1]);

test("no JS file of the page or widget reads an API sentence", () => {
  const files = sources();
  assert.ok(files.length > 40, `the sources are found (${files.length})`);
  // Checks of this check: the old patterns are caught.
  for (const old of ["const got = /\\(got (\\d+)\\)/.exec(msg);", "const min = /at least (\\d+)/.exec(msg);", "const known = /^The lifespan is measured from the data/;"]) {
    assert.ok(regexLiterals(old).some(sentenceLike), `caught: ${old}`);
  }
  for (const file of files) {
    const src = fs.readFileSync(path.join(repo, file), "utf8").replace(/^\s*\/\/.*$/gm, "");
    for (const body of regexLiterals(src)) assert.ok(!sentenceLike(body), `${file}: a regular expression of English words: /${body}/`);
    assert.ok(!/new RegExp\(\s*["'`][^"'`]*[A-Za-z]{2,} [A-Za-z]{2,}/.test(src), `${file}: a RegExp of English words`);
    assert.ok(!/\.warnings\b/.test(src), `${file}: reads .warnings (the page reads notices by code)`);
    assert.ok(!/\bmessage\b[\w.?]*\s*\)?\s*\.(match|matchAll|startsWith|endsWith|includes|search|split|replace)\(/.test(src), `${file}: searches a message`);
    assert.ok(!/\.(test|exec|match)\([^)]*\bmessage\b/.test(src), `${file}: matches a message`);
  }
});

/** Two words with a space between them (a sentence), or a "(got" of an error message. */
function sentenceLike(body) {
  return /[A-Za-z]{2,} [A-Za-z(]{2,}/.test(body) || /\\\(got/.test(body);
}

test("the check finds the page's regular expressions (it reads them at all)", () => {
  const all = sources().flatMap((file) => regexLiterals(fs.readFileSync(path.join(repo, file), "utf8")));
  // Two the page has today (js/calc/core.js, js/calc/csv.js): a generic column name and a formula-leading cell.
  assert.ok(all.includes("^column (\\d+)$"), "finds /^column (\\d+)$/");
  assert.ok(all.includes("^[=+\\-@\\t\\r]"), "finds /^[=+\\-@\\t\\r]/");
  assert.ok(all.length > 30, `${all.length} found`);
});
