// The page kit's DOM-free parts: the one CSV writer (www/js/calc/csv.js) as every
// download uses it, the customer tables' CSV lines of the sales worker
// (www/js/worker-tables.js), the one file reader (www/js/kit/files.js), the dates
// (www/js/kit/dates.js) and the rules kept from the Rust (www/js/kit/defaults.js).
// Expected strings are written out by hand from the rules they check: OWASP's
// CSV-injection advice (a text cell starting with = + - @ tab or CR gets a
// leading '; a cell with the separator, a quote or a line break is quoted, quotes
// doubled) and RFC 4180 quoting.
//
// Run:   node --test tests/node/

import { test } from "node:test";
import assert from "node:assert/strict";
import { csvDocument, csvNumber, csvQuote, csvSeparator, csvText } from "../../www/js/calc/csv.js";
import { csvLines, lifeTable, predictTable, queryTable, rfmTable } from "../../www/js/worker-tables.js";
import { fileSize, looksBinary, readTextFile } from "../../www/js/kit/files.js";
import { addDays, dateText, monthText, periodText } from "../../www/js/kit/dates.js";
import { activeDays, aliveCutoff, horizonMonths, likelyActive, maxHorizonMonths, minHorizonMonths, monthlyDiscountRate, rfmThresholds, thresholdsOrdered } from "../../www/js/kit/defaults.js";
import fs from "node:fs";
import { initSync } from "../../www/pkg/customer_metrics.js";

// js/kit/defaults.js reads the module's defaults(): start the module (www/pkg) as the page does.
initSync({ module: fs.readFileSync(new URL("../../www/pkg/customer_metrics_bg.wasm", import.meta.url)) });

test("csvText defuses every formula-leading cell with a leading quote mark", () => {
  assert.equal(csvText("=1+1", ","), "'=1+1");
  assert.equal(csvText("+x", ","), "'+x");
  assert.equal(csvText("-x", ","), "'-x");
  assert.equal(csvText("@x", ","), "'@x");
  assert.equal(csvText("\tx", ","), "'\tx");
  // A CR is also a line break: defused, then quoted.
  assert.equal(csvText("\rx", ","), "\"'\rx\"");
  assert.equal(csvText('=HYPERLINK("http://x","y")', ";"), `"'=HYPERLINK(""http://x"",""y"")"`);
  // Only the first character counts.
  assert.equal(csvText("x=1", ","), "x=1");
  assert.equal(csvText(" =1", ","), " =1");
  // A text that looks like a negative number is still text from the data: defused.
  assert.equal(csvText("-12", ","), "'-12");
});

test("csvText quotes the separator, quotes and line breaks, and nothing else", () => {
  assert.equal(csvText("Budi Santoso", ","), "Budi Santoso");
  assert.equal(csvText("Toko, Jaya", ","), '"Toko, Jaya"');
  assert.equal(csvText("Toko, Jaya", ";"), "Toko, Jaya");
  assert.equal(csvText("Toko; Jaya", ";"), '"Toko; Jaya"');
  assert.equal(csvText('Kedai "Enak"', ";"), '"Kedai ""Enak"""');
  assert.equal(csvText("dua\nbaris", ";"), '"dua\nbaris"');
  assert.equal(csvText(undefined, ";"), "");
  assert.equal(csvText(0, ";"), "0");
  assert.equal(csvQuote("a,b", ","), '"a,b"');
});

test("numbers the page writes stay numbers: csvNumber is never defused", () => {
  assert.equal(csvNumber(-12, "id"), "-12");
  assert.equal(csvNumber(-12, "en"), "-12");
  assert.equal(csvNumber(1250000.5, "id"), "1250000,5");
  assert.equal(csvNumber(1250000.5, "en"), "1250000.5");
  // At most two decimals: 2/3 → 0.67.
  assert.equal(csvNumber(2 / 3, "en"), "0.67");
  assert.equal(csvNumber(-0.126, "id"), "-0,13");
  assert.equal(csvSeparator("id"), ";");
  assert.equal(csvSeparator("en"), ",");
  assert.equal(csvDocument(["a;b", "1;2"]), "\uFEFFa;b\r\n1;2\r\n");
});

/**
 * A hand-made analyzeLog rfm part (the API's English words) and its customers
 * as `tables.rfm` columns: two segments, three customers, one of them hostile.
 */
const SEGMENTS = [
  { key: "champions", label: "Champions", action: "Reward them" },
  { key: "lost", label: "Lost", action: "=cmd|' /C calc'!A0" },
];
const RFM_COLUMNS = {
  customer: ['=HYPERLINK("http://x","y")', "Budi; Santoso", "@Sari"],
  recency: Float64Array.of(3, 120, 45),
  frequency: Float64Array.of(12, 1, 2),
  monetary: Float64Array.of(1250000.5, -12, 200000),
  r: Uint8Array.of(5, 1, 3),
  f: Uint8Array.of(5, 1, 2),
  m: Uint8Array.of(4, 1, 2),
  segment: Uint8Array.of(0, 1, 1),
  segmentKeys: ["champions", "lost"],
};
const rfmOf = () => rfmTable(RFM_COLUMNS, SEGMENTS);

test("the RFM customer CSV: names and words defused, figures as numbers, header first", () => {
  const t = rfmOf();
  const headers = ["Pelanggan", "Recency (hari)", "Frekuensi", "Nilai (Rp)", "R", "F", "M", "Segmen", "Tindakan"];
  // The page gives the words in its language, by key (js/sales/csv.js).
  const idWords = { segments: { champions: "Juara", lost: "Hilang" }, actions: { champions: "Beri hadiah", lost: "Sapa lagi" } };
  assert.deepEqual(csvLines(t, "rfm", { lang: "id", sep: ";", headers, labels: idWords }), [
    "Pelanggan;Recency (hari);Frekuensi;Nilai (Rp);R;F;M;Segmen;Tindakan",
    `"'=HYPERLINK(""http://x"",""y"")";3;12;1250000,5;5;5;4;Juara;Beri hadiah`,
    '"Budi; Santoso";120;1;-12;1;1;1;Hilang;Sapa lagi',
    "'@Sari;45;2;200000;3;2;2;Hilang;Sapa lagi",
  ]);
  // Without the page's words, the API's (English).
  assert.deepEqual(csvLines(t, "rfm", { lang: "en", sep: ",", headers: ["Customer", "=R"] }).slice(0, 3), [
    "Customer,'=R",
    `"'=HYPERLINK(""http://x"",""y"")",3,12,1250000.5,5,5,4,Champions,Reward them`,
    "Budi; Santoso,120,1,-12,1,1,1,Lost,'=cmd|' /C calc'!A0",
  ]);
  // The page's own words, by key, win over the API's.
  const words = { segments: { champions: "Juara!", lost: "@Hilang" }, actions: { champions: "Hadiah", lost: "Sapa" } };
  assert.equal(csvLines(t, "rfm", { lang: "id", sep: ";", headers: ["P"], labels: words })[3], "'@Sari;45;2;200000;3;2;2;'@Hilang;Sapa");
  // A table that is not there: the header alone.
  assert.deepEqual(csvLines(null, "rfm", { lang: "id", sep: ";", headers: ["a"] }), ["a"]);
});

test("the lifecycle and prediction CSVs defuse the customer too", () => {
  const life = lifeTable({
    customer: ["+62 812", "Ani"],
    daysSinceFirstPurchase: Float64Array.of(900, 50),
    daysSinceLastPurchase: Float64Array.of(400, 5),
    spend: Float64Array.of(1500.25, 100),
    stage: Uint8Array.of(1, 0),
    stageKeys: ["active", "churned"],
    vip: Uint8Array.of(1, 0),
    winBack: Uint8Array.of(1, 0),
    winBackKeys: ["late"],
  });
  const labels = { stages: { churned: "Berhenti", active: "Aktif" }, winBack: { late: "-Terlambat" }, offers: { late: "Diskon 20 %" }, yes: "ya", no: "tidak" };
  assert.deepEqual(csvLines(life, "life", { lang: "id", sep: ";", headers: ["P"], labels }), ["P", "'+62 812;Berhenti;400;1500,25;ya;'-Terlambat;Diskon 20 %", "Ani;Aktif;5;100;tidak;;"]);
  // Then the 90 % intervals and the holdout (issue #15): empty where null.
  const predicted = predictTable([
    { customer: "-Dewi", pAlive: 0.8125, frequency: 3, recency: 20, T: 30, monetarySpend: 50000, expectedPurchases: 1.234, spendPerPurchase: 48000, clv: 59232.5,
      expectedPurchasesLow: 0.9, expectedPurchasesHigh: 1.5, clvLow: 40000, clvHigh: 80000.125, holdoutActual: null, holdoutPredicted: null },
  ]);
  assert.deepEqual(csvLines(predicted, "predict", { lang: "en", sep: ",", headers: ["rank", "customer"] }), [
    "rank,customer",
    "1,'-Dewi,81.25,3,20,30,50000,1.23,48000,59232.5,0.9,1.5,40000,80000.13,,",
  ]);
});

test("the tables' queries: search, filter, sort and pages (one row maker for the three tables)", () => {
  const t = rfmOf();
  const all = queryTable(t, "rfm", { sort: "monetary", dir: "desc", pageSize: 2, page: 1 });
  assert.equal(all.total, 3);
  assert.equal(all.pages, 2);
  assert.deepEqual(
    all.rows.map((r) => r.customer),
    ['=HYPERLINK("http://x","y")', "@Sari"],
  );
  assert.deepEqual(all.rows[0], { customer: '=HYPERLINK("http://x","y")', recency: 3, frequency: 12, monetary: 1250000.5, r: 5, f: 5, m: 4, segment: "champions" });
  const lost = queryTable(t, "rfm", { filter: "lost", search: "budi", lang: "id" });
  assert.deepEqual(lost.rows.map((r) => r.customer), ["Budi; Santoso"]);
  assert.deepEqual(queryTable(null, "rfm", {}), { total: 0, all: 0, page: 1, pages: 1, rows: [] });
  const p = predictTable([
    { customer: "a", pAlive: 0.5 },
    { customer: "b", pAlive: 0.49 },
  ]);
  // "Likely active" is P(alive) ≥ 0.5: a has it, b does not.
  assert.deepEqual(queryTable(p, "predict", { filter: "likelyActive" }).rows.map((r) => r.customer), ["a"]);
  assert.deepEqual(queryTable(p, "predict", { filter: "likelyGone" }).rows.map((r) => r.customer), ["b"]);
});

const file = (bytes, name = "log.csv") => new File([new Uint8Array(bytes)], name);
const utf8 = (s) => [...new TextEncoder().encode(s)];

test("the one file reader: UTF-8 (BOM dropped), UTF-16 by its BOM, else Windows-1252", async () => {
  assert.deepEqual(await readTextFile(file(utf8("nama,jumlah\nBudi,1"))), { text: "nama,jumlah\nBudi,1", latin: false });
  assert.deepEqual(await readTextFile(file([0xef, 0xbb, 0xbf, ...utf8("é")])), { text: "é", latin: false });
  // A genuine U+FFFD in valid UTF-8 is text, not a sign of another encoding.
  assert.deepEqual(await readTextFile(file(utf8("a\uFFFDb"))), { text: "a\uFFFDb", latin: false });
  // "Jé" in UTF-16 little- and big-endian, each with its byte-order mark.
  assert.deepEqual(await readTextFile(file([0xff, 0xfe, 0x4a, 0x00, 0xe9, 0x00])), { text: "Jé", latin: false });
  assert.deepEqual(await readTextFile(file([0xfe, 0xff, 0x00, 0x4a, 0x00, 0xe9])), { text: "Jé", latin: false });
  // 0xE9 alone is not UTF-8: Windows-1252 "é", 0xFC "ü" (bytes on which Node's decoder and the browsers' agree).
  assert.deepEqual(await readTextFile(file([0x43, 0x61, 0x66, 0xe9, 0x20, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72])), { text: "Café Müller", latin: true });
  const seen = [];
  await readTextFile(file(utf8("x")), (loaded, total) => seen.push([loaded, total]));
  assert.deepEqual(seen.at(0), [0, 1]);
  assert.deepEqual(seen.at(-1), [1, 1]);
});

test("the file reader refuses binary files; sizes as people say them", async () => {
  await assert.rejects(readTextFile(file([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01])), (e) => e.code === "fileNotText");
  assert.equal(looksBinary("a,b\n1,2\t3\r\n"), false);
  assert.equal(looksBinary("PK\u0003\u0004"), true);
  assert.equal(fileSize("en", 850), "850 B");
  assert.equal(fileSize("en", 12 * 1024), "12 KB");
  // 3.5 MiB = 3,670,016 bytes.
  assert.equal(fileSize("en", 3_670_016), "3.5 MB");
  assert.equal(fileSize("id", 3_670_016), "3,5 MB");
});

test("dates in UTC, whatever the time zone", () => {
  assert.equal(dateText("en", "2025-06-30"), "30 Jun 2025");
  assert.equal(dateText("en", ""), "");
  assert.equal(addDays("2025-02-27", 2), "2025-03-01");
  assert.equal(addDays("2024-02-27", 2), "2024-02-29");
  assert.equal(monthText("en", "2025-06"), "Jun 2025");
  assert.equal(periodText("en", "2025-06-01", "2025-06-30"), "June 2025");
  assert.equal(periodText("en", "2025-04-01", "2025-06-30"), "April 2025 – June 2025");
  assert.equal(periodText("en", "2025-04-02", "2025-06-30"), "2 Apr 2025 – 30 Jun 2025");
});

test("the rules read from the Rust: RFM thresholds and their order, active days, horizon, alive cut-off", () => {
  // src/metrics/rfm.rs Thresholds::default, retention.rs DEFAULT_ACTIVE_DAYS, btyd/clv.rs MAX_HORIZON_MONTHS
  // (README "Defaults and limits"), through the module's defaults().
  assert.deepEqual(rfmThresholds().recency, [7, 30, 60, 90]);
  assert.deepEqual(rfmThresholds().frequency, [10, 6, 4, 2]);
  assert.deepEqual(rfmThresholds().monetary, [10_000_000, 5_000_000, 2_000_000, 500_000]);
  assert.equal(activeDays(), 180);
  assert.equal(maxHorizonMonths(), 1200);
  assert.equal(minHorizonMonths(), 1);
  assert.equal(horizonMonths(), 12);
  assert.equal(monthlyDiscountRate(), 0.01);
  assert.equal(aliveCutoff(), 0.5);
  assert.ok(thresholdsOrdered("recency", [7, 7, 60, 90]));
  assert.ok(!thresholdsOrdered("recency", [30, 7, 60, 90]));
  assert.ok(thresholdsOrdered("monetary", [10, 5, undefined, 1]));
  assert.ok(!thresholdsOrdered("frequency", [2, 4, 6, 10]));
  assert.ok(likelyActive(0.5) && !likelyActive(0.4999));
});
