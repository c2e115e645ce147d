// CSV injection on every download (issue 12): a customer named
// =HYPERLINK("http://x","y") in the sales log must reach each CSV file the page
// and the widget write as text, with a leading ' (OWASP's advice), never as a
// live formula: the sales page's RFM and lifecycle tables (written in the
// worker), Predict's ranked customers (the worker too) and the widget's top
// customers (js/calc/csv.js's tableCsv). Each download is caught with
// Playwright's download event and the file read back. Run after scripts/build.sh:
//   node --test --test-concurrency=1 tests/e2e/downloads.test.mjs

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { openPage, sharedData } from "./helpers.mjs";
import { settle, start, widgetReady } from "./embedding.mjs";

const HOSTILE = '=HYPERLINK("http://x","y")';
// The cell as it must be written, by hand: a leading ', the quotes doubled, the
// whole cell quoted (it holds quotes; with "," as separator it holds commas too).
const DEFUSED = `"'=HYPERLINK(""http://x"",""y"")"`;

// The shop log of tests/e2e/sales.test.mjs with three large sales of the hostile
// customer (so that it is among the top customers of the widget too).
const shopLines = fs.readFileSync(sharedData("transaksi_toko.csv"), "utf8").split(/\r?\n/);
const quoted = `"${HOSTILE.replace(/"/g, '""')}"`;
const hostileLog = [
  shopLines[0],
  `INV-9001;05/01/2024;${quoted};Rp 50.000.000`,
  `INV-9002;05/03/2024;${quoted};Rp 40.000.000`,
  `INV-9003;10/05/2024;${quoted};Rp 30.000.000`,
  ...shopLines.slice(1),
].join("\n");

/** The lines of a downloaded CSV (after its BOM). */
async function downloaded(download) {
  const csv = fs.readFileSync(await download.path(), "utf8");
  assert.equal(csv.charCodeAt(0), 0xfeff, "a UTF-8 BOM for Excel");
  return csv.slice(1).split("\r\n").filter(Boolean);
}

/** The one line of the hostile customer: defused, and no line starts a formula. */
function checkDefused(lines, where) {
  const hits = lines.filter((l) => l.includes("HYPERLINK"));
  assert.equal(hits.length, 1, `${where}: one line for the customer`);
  assert.ok(hits[0].startsWith(DEFUSED) || hits[0].includes(`;${DEFUSED};`) || hits[0].includes(`,${DEFUSED},`), `${where}: ${hits[0]}`);
  for (const line of lines) {
    for (const cell of line.split(/[;,](?=(?:[^"]*"[^"]*")*[^"]*$)/)) assert.doesNotMatch(cell.replace(/^"/, ""), /^[=+@\t\r]/, `${where}: ${line}`);
  }
}

describe("downloads defuse a customer named =HYPERLINK(…)", { timeout: 900_000 }, () => {
  describe("on the page", () => {
    let page;
    let close;
    let problems = [];
    before(async () => {
      ({ page, problems, close } = await openPage());
      const before = await page.evaluate(() => Number(document.getElementById("sales").dataset.run || 0));
      await page.locator("#sales-text").evaluate((el, v) => {
        el.value = v;
        el.dispatchEvent(new Event("input", { bubbles: true }));
      }, hostileLog);
      await page.waitForFunction(
        (n) => {
          const s = document.getElementById("sales");
          return Number(s.dataset.run || 0) > n && s.dataset.state === "ok" && !s.querySelector('[aria-busy="true"]');
        },
        before,
        { timeout: 120_000 },
      );
    });
    after(async () => {
      await close?.();
    });

    it("the sales page's RFM customers (written in the worker)", async () => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="sales-customers-download"]')]);
      assert.equal(download.suggestedFilename(), "rfm-pelanggan.csv");
      const lines = await downloaded(download);
      assert.equal(lines.length, 1 + 601, "the header and 601 customers");
      checkDefused(lines, "rfm");
      // recency;frequency;monetary of the customer as numbers: 3 purchases, Rp 120.000.000.
      assert.match(lines.find((l) => l.includes("HYPERLINK")), /^"'=HYPERLINK\(""http:\/\/x"",""y""\)";\d+;3;120000000;/);
    });

    it("the sales page's lifecycle customers", async () => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="sales-life-download"]')]);
      const lines = await downloaded(download);
      checkDefused(lines, "lifecycle");
    });

    it("Predict's ranked customers", async () => {
      await page.waitForFunction(() => !document.getElementById("predict-run").disabled, null, { timeout: 10_000 });
      const before = await page.evaluate(() => Number(document.getElementById("predict").dataset.run || 0));
      await page.click("#predict-run");
      await page.waitForFunction(
        (n) => {
          const s = document.getElementById("predict");
          return Number(s.dataset.run || 0) > n && s.dataset.state === "ok" && !s.querySelector('[aria-busy="true"]');
        },
        before,
        { timeout: 120_000 },
      );
      const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="predict-customers-download"]')]);
      assert.equal(download.suggestedFilename(), "prediksi-clv.csv");
      const lines = await downloaded(download);
      assert.equal(lines.length, 1 + 601);
      checkDefused(lines, "predict");
      // rank;customer;…: the customer is the second cell, after its rank.
      assert.match(lines.find((l) => l.includes("HYPERLINK")), /^\d+;"'=HYPERLINK\(""http:\/\/x"",""y""\)";/);
    });

    it("logged no console errors, page errors or failed requests", () => {
      assert.deepEqual(problems, []);
    });
  });

  describe("in the widget", () => {
    let env;
    let context;
    let page;
    before(async () => {
      env = await start();
      const url = env.write(
        "downloads.html",
        `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Unduhan</title><link rel="icon" href="data:,">` +
          `<script type="module" src="${env.base}widget/customer-metrics.js"></script></head>` +
          `<body><main><customer-metrics calculator="sales"></customer-metrics></main></body></html>`,
      );
      ({ page, context } = await env.open(url));
    });
    after(async () => {
      await context?.close();
      await env?.close();
    });

    it("the widget's top customers (tableCsv of js/calc/csv.js)", async () => {
      const w = page.locator('customer-metrics[calculator="sales"]');
      await widgetReady(w);
      await w.locator("#sales-text").evaluate((el, v) => {
        el.focus();
        el.value = v;
        el.dispatchEvent(new Event("input", { bubbles: true }));
      }, hostileLog);
      await settle(w);
      await w.locator('[data-testid="sales-top"]').waitFor();
      const [download] = await Promise.all([page.waitForEvent("download"), w.locator('[data-testid="sales-top-csv"]').click()]);
      const lines = await downloaded(download);
      checkDefused(lines, "widget");
      // The largest spender comes first (Rp 120.000.000), its orders and spend as numbers.
      assert.match(lines[1], /^"'=HYPERLINK\(""http:\/\/x"",""y""\)";3;120000000;/);
    });
  });
});
