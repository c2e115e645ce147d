// CSV injection (issue #17): every CSV the page and the widget write from a
// table (core.js's tableCsv: the FCR groups, the NPS/CES/CSAT distributions,
// the widget's and the embed's sales tables) defuses text cells that a
// spreadsheet would run as a formula (OWASP: a leading '), and leaves numbers
// alone. No browser needed: the table is a stand-in with rows and cells.
//
// Run:   node --test tests/node/

import { test } from "node:test";
import assert from "node:assert/strict";
import { csvText, csvQuote, looksLikeFormula } from "../../www/js/calc/csv.js";
import { tableCsv } from "../../www/js/calc/core.js";

test("csvText: =, +, -, @, tab and CR at the start get a leading quote mark", () => {
  assert.equal(csvText('=HYPERLINK("http://evil.example","klik")', ","), `"'=HYPERLINK(""http://evil.example"",""klik"")"`);
  assert.equal(csvText("@SUM(A1:A9)", ";"), "'@SUM(A1:A9)");
  assert.equal(csvText("+1+1", ";"), "'+1+1");
  assert.equal(csvText("-2+3", ";"), "'-2+3");
  assert.equal(csvText("\t=1", ";"), "'\t=1");
  assert.equal(csvText("\r=1", ";"), `"'\r=1"`);
  // Harmless text is unchanged, quoted only when it must be.
  assert.equal(csvText("Budi Santoso", ";"), "Budi Santoso");
  assert.equal(csvText("a;b", ";"), '"a;b"');
  assert.equal(csvText("a;b", ","), "a;b");
  assert.equal(csvText(' say "hi"', ","), '" say ""hi"""');
  assert.equal(csvText(null, ","), "");
  assert.equal(csvQuote("-5", ","), "-5");
  assert.ok(looksLikeFormula("=1") && !looksLikeFormula("1=1"));
});

/** A stand-in for a <table>: rows of cells, each { text } or { value } (data-value). */
function fakeTable(rows) {
  const tr = rows.map((cells) => ({
    children: cells.map((c) => ({ dataset: "value" in c ? { value: String(c.value) } : {}, textContent: c.text ?? "" })),
  }));
  return { querySelectorAll: (sel) => (sel === "tr" ? tr : []) };
}

test("tableCsv defuses text cells and writes numbers as numbers, in both languages", () => {
  const table = fakeTable([
    [{ text: "Kanal" }, { text: "FCR" }, { text: "Tiket" }],
    [{ text: '=HYPERLINK("http://evil.example","klik")' }, { value: 62.5 }, { value: 8 }],
    [{ text: "@SUM(A1:A9)" }, { value: -12.25 }, { value: 3 }],
    [{ text: " +1+1 " }, { value: 0 }, { value: 1 }],
    [{ text: "-cmd|' /C calc'!A0" }, { value: 100 }, { value: 2 }],
    [{ text: "WhatsApp" }, { value: 50 }, { value: 2 }],
  ]);
  const id = tableCsv({ lang: "id" }, table);
  assert.equal(
    id,
    "\uFEFFKanal;FCR;Tiket\r\n" +
      `"'=HYPERLINK(""http://evil.example"",""klik"")";62,5;8\r\n` +
      "'@SUM(A1:A9);-12,25;3\r\n" +
      "'+1+1;0;1\r\n" +
      "'-cmd|' /C calc'!A0;100;2\r\n" +
      "WhatsApp;50;2\r\n",
  );
  const en = tableCsv({ lang: "en" }, table);
  assert.match(en, /\r\n"'=HYPERLINK\(""http:\/\/evil\.example"",""klik""\)",62\.5,8\r\n'@SUM\(A1:A9\),-12\.25,3\r\n/);
  // No cell of either file starts with a formula character.
  for (const csv of [id, en]) {
    for (const line of csv.slice(1).split("\r\n").filter(Boolean)) {
      const first = line.replace(/^"/, "");
      assert.doesNotMatch(first, /^[=+@\t\r]/, line);
    }
  }
});
