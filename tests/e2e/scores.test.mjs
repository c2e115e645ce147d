// End-to-end test of the scores part of "Analisis penjualan" (issue #14): the
// health and churn-risk scores and the call list for ../shared/data/transaksi_toko.csv
// in Indonesian and English, at 375 and 1280 px, axe-clean; the figures shown are
// the API's (analyzeLog in Node on the same file); a pasted NPS survey joins by
// name; a customer named with markup shows as text; the call list's CSV defuses a
// formula-like name; the WhatsApp text is copied. Run after scripts/build.sh:
//   node --test --test-concurrency=1 tests/e2e/scores.test.mjs

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { norm, repo, sharedData } from "./helpers.mjs";
import { XSS, start } from "./embedding.mjs";
import { initSync, analyzeLog } from "../../www/pkg/customer_metrics.js";

const shopFile = sharedData("transaksi_toko.csv");

/**
 * axe-core on the page's own document (as embedding.mjs's axe(), but in the main
 * frame only: the Embed panel's lazy preview iframe, off screen, never loads, and
 * injecting into it would wait for it).
 */
/** The CSP violations the page's own document recorded (embedding.mjs's init script). */
const violations = (page) => page.evaluate(() => window.__cspViolations || []);

async function axe(page) {
  await page.addScriptTag({ content: fs.readFileSync(path.join(repo, "node_modules/axe-core/axe.min.js"), "utf8") });
  const result = await page.evaluate(() => window.axe.run(document, { iframes: false, resultTypes: ["violations"] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary}`).join(" | ")}`);
}
const shopText = fs.readFileSync(shopFile, "utf8");

// A log whose riskiest customers carry hostile names: "=HYPERLINK…" (a formula for
// a spreadsheet) and markup. Both bought often, then stopped; the others buy on.
const FORMULA = '=HYPERLINK("http://x","y")';
const hostileLog = [
  "Pelanggan;Tanggal;Total",
  ...["2025-01-05", "2025-01-20", "2025-02-04", "2025-02-19"].flatMap((d) => [`${FORMULA};${d};900000`, `${XSS};${d};800000`]),
  ...["2025-04-01", "2025-05-01", "2025-06-01", "2025-06-28"].map((d) => `Sari;${d};100000`),
].join("\n");

describe("health, churn risk and the call list", { timeout: 900_000 }, () => {
  let env;
  let api;

  before(async () => {
    initSync({ module: fs.readFileSync(path.join(repo, "www/pkg/customer_metrics_bg.wasm")) });
    api = analyzeLog({ text: shopText }).scores;
    env = await start();
  });
  after(async () => {
    await env?.close();
  });

  const testid = (id) => `[data-testid="${id}"]`;

  async function openAt(width) {
    // bypassCSP only so that axe-core can be injected; violations are still recorded.
    const opened = await env.open(env.base, { width, height: 900, bypassCSP: true, permissions: ["clipboard-read", "clipboard-write"] });
    await opened.page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 30_000 });
    return opened;
  }

  const runs = (page) => page.evaluate(() => Number(document.getElementById("sales").dataset.run || 0));
  async function waitResult(page, before) {
    await page.waitForFunction(
      (n) => {
        const s = document.getElementById("sales");
        return Number(s.dataset.run || 0) > n && s.dataset.state === "ok" && !s.querySelector('[aria-busy="true"]');
      },
      before,
      { timeout: 120_000 },
    );
  }
  const text = async (page, selector) => norm(await page.locator(selector).first().textContent());

  for (const width of [1280, 375]) {
    describe(`at ${width} px`, () => {
      let page;
      let context;
      let log;

      before(async () => {
        ({ page, context, log } = await openAt(width));
        const before = await runs(page);
        await page.setInputFiles("#sales-file", shopFile);
        await waitResult(page, before);
      });
      after(async () => {
        await context?.close();
      });

      it("shows the API's scores in Indonesian", async () => {
        const band = (list, key) => list.find((b) => b.key === key).count;
        const idInt = (n) => n.toLocaleString("id-ID");
        assert.equal(await text(page, "#sales-scores-title"), "Kesehatan pelanggan, risiko churn dan daftar telepon");
        assert.match(await text(page, testid("sales-health-healthy")), new RegExp(`^${idInt(band(api.healthBands, "healthy"))} \\(`));
        assert.match(await text(page, testid("sales-health-critical")), new RegExp(`^${idInt(band(api.healthBands, "critical"))} \\(`));
        assert.match(await text(page, testid("sales-churn-high")), new RegExp(`^${idInt(band(api.churnBands, "high"))} \\(`));
        // No engagement column in the shop log: the page says the health is on 80 points.
        assert.equal(await page.locator('[data-code="healthWithoutEngagement"]').count(), 1);
        assert.match(await text(page, '[data-code="healthWithoutEngagement"]'), /80 poin/);
        // Both charts with their numbers table: ten ranges, counts as the API's.
        for (const [id, buckets] of [["sales-health", api.healthDistribution], ["sales-churn", api.churnDistribution]]) {
          assert.equal(await page.locator(`${testid(`${id}-chart-svg`)} rect.bar`).count(), 10);
          const cells = await page.locator(`${testid(`${id}-chart-table`)} tbody tr td:first-of-type`).evaluateAll((tds) => tds.map((td) => Number(td.dataset.value)));
          assert.deepEqual(cells, buckets.map((b) => b.count));
        }
        // The call list: the API's first customers, in its order.
        const rows = page.locator(`${testid("sales-call-table")} tbody tr`);
        assert.equal(await rows.count(), api.callList.length);
        const names = await page.locator(`${testid("sales-call-table")} tbody tr td:first-child`).allTextContents();
        assert.deepEqual(names.slice(0, 5), api.callList.slice(0, 5).map((c) => c.customer));
        assert.match(await text(page, testid("sales-calllist")), /Daftar telepon minggu ini/);
        assert.match(norm(await rows.first().textContent()), /hari lalu/);
        // The 20 lowest health scores, worked out here from every customer's
        // scores: lowest health first, the higher churn risk among equals, then
        // the log's order (the worker no longer has the whole list).
        const lowest = api.customers
          .map((c, i) => [c, i])
          .sort(([a, i], [b, j]) => a.health - b.health || b.churnRisk - a.churnRisk || i - j)
          .slice(0, 20)
          .map(([c]) => c.customer);
        const shown = await page.locator(`${testid("sales-health-table")} tbody tr td:first-child`).allTextContents();
        assert.deepEqual(shown.map(norm), lowest);
      });

      it("speaks English too", async () => {
        await page.click("#lang-toggle");
        assert.equal(await text(page, "#sales-scores-title"), "Customer health, churn risk and the call list");
        assert.match(await text(page, testid("sales-calllist")), /This week's call list/);
        assert.match(await text(page, '[data-code="healthWithoutEngagement"]'), /80 points/);
        const first = api.callList[0];
        assert.equal(norm(await page.locator(`${testid("sales-call-table")} tbody tr td:first-child`).first().textContent()), first.customer);
        assert.match(norm(await page.locator(`${testid("sales-call-table")} tbody tr`).first().textContent()), /days ago/);
        assert.deepEqual(await axe(page), []);
        await page.click("#lang-toggle");
        assert.match(await text(page, testid("sales-calllist")), /Daftar telepon/);
      });

      it("is axe-clean in Indonesian, logs no error and no CSP violation", async () => {
        assert.deepEqual(await axe(page), []);
        assert.deepEqual(await violations(page), []);
        assert.deepEqual(log.problems, []);
        assert.deepEqual(log.dialogs, []);
      });
    });
  }

  describe("user text and the downloads", () => {
    let page;
    let context;
    let log;

    before(async () => {
      ({ page, context, log } = await openAt(1280));
    });
    after(async () => {
      await context?.close();
    });

    it("shows hostile names as text, joins a pasted survey by name, defuses the CSV, copies the text", async () => {
      let before = await runs(page);
      await page.evaluate((v) => {
        const box = document.getElementById("sales-text");
        box.value = v;
        box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
      }, hostileLog);
      await waitResult(page, before);
      const names = await page.locator(`${testid("sales-call-table")} tbody tr td:first-child`).allTextContents();
      assert.deepEqual(names.slice().sort(), [FORMULA, XSS].sort());
      assert.equal(await page.locator("#sales-scores img").count(), 0);
      // A survey naming the markup customer (any case and spacing) as a detractor.
      before = await runs(page);
      await page.fill("#sales-survey", `Nama\tSkor\n  ${XSS.toUpperCase()} \t2\nSari\t10\nTamu\t9\n`);
      await page.locator("#sales-survey").blur();
      await waitResult(page, before);
      assert.match(await text(page, testid("sales-survey-read")), /2 dari 3 responden/);
      assert.equal(await page.locator('[data-code="surveyUnmatched"]').count(), 1);
      const xssRow = page.locator(`${testid("sales-call-table")} tbody tr`, { hasText: XSS });
      assert.match(norm(await xssRow.textContent()), /NPS 2 \(detraktor\)/);
      assert.equal(await page.locator("#sales-scores img").count(), 0);
      // The CSV: ';' in Indonesian, the formula-like name defused with a leading '.
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(testid("sales-call-csv"))]);
      assert.equal(download.suggestedFilename(), "daftar-telepon.csv");
      const csv = fs.readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
      const lines = csv.trim().split("\r\n");
      assert.equal(lines[0].split(";")[0], "Pelanggan");
      assert.equal(lines.length, 3);
      assert.ok(lines.some((l) => l.startsWith(`"'=HYPERLINK(""http://x"",""y"")"`)), csv);
      assert.ok(!lines.some((l) => l.startsWith("=")), csv);
      // The text for WhatsApp: a heading and one numbered line per customer, names as written.
      await page.click(testid("sales-call-copy"));
      await page.waitForFunction(() => /Disalin/.test(document.querySelector('[data-testid="sales-call-status"]').textContent));
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const textLines = copied.split("\n");
      assert.match(textLines[0], /^\*Daftar telepon\* \(.+\): 2 pelanggan$/);
      assert.equal(textLines.length, 3);
      assert.ok(textLines.some((l) => l.startsWith(`1. `)));
      assert.ok(copied.includes(XSS) && copied.includes(FORMULA));
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(log.problems, []);
      assert.deepEqual(log.dialogs, []);
    });

    it("says what a target takes under CRR and NPS, and CAC under CLV (page only)", async () => {
      // CRR (100 − 16) / 120 = 70 %; 80 % needs ⌈96⌉ kept: 12 more, at most 24 may leave.
      await page.fill("#crr-start", "120");
      await page.fill("#crr-end", "100");
      await page.fill("#crr-new", "16");
      await page.fill("#crr-target", "80");
      await page.waitForFunction(() => /12/.test(document.querySelector('[data-testid="crr-goal"]').textContent));
      assert.match(await text(page, '[data-testid="crr-goal"]'), /pertahankan 12 pelanggan lagi dari 120/);
      // CLV 500.000 × 4 × 3, margin 30 %: LTV 1.800.000; Rp 2.500.000 for 10 new → CAC 250.000,
      // 7,2 : 1; keeping one costs Rp 20.000: 12,5 times (the seeds' example).
      await page.fill("#clv-aov", "500000");
      await page.fill("#clv-freq", "4");
      await page.fill("#clv-years", "3");
      await page.fill("#clv-margin", "30");
      await page.fill("#clv-spend", "2500000");
      await page.fill("#clv-new-customers", "10");
      await page.fill("#clv-keep-cost", "20000");
      await page.waitForFunction(() => document.querySelector('[data-testid="clv-keep-vs-win"]'));
      assert.match(await text(page, '[data-testid="clv-cac-result"]'), /CAC Rp 250\.000; LTV : CAC = 7,2 : 1\. Memenuhi aturan minimal 3 : 1\. Balik modal dalam 5 bulan\./);
      assert.match(await text(page, '[data-testid="clv-keep-vs-win"]'), /12,5 kali/);
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(log.problems, []);
    });
  });
});
