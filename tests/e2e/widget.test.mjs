// End-to-end tests of the embeddable widget (<customer-metrics>, widget/) in
// headless Chromium: the demo article www/demo/ (three widgets under a hostile
// blog theme: isolation, layout from 320 px, the iframe's height), every
// calculator as a widget on a blogger's page of another origin (CORS, lazy
// loading, one shared wasm) with the shared sample files, the language switch,
// user text as text (XSS), the network and storage checks, the CSP check,
// keyboard use, copy and CSV, and screenshots. Run after scripts/build.sh:
//   node --test --test-concurrency=1 tests/e2e/
// Screenshots go to tests/e2e/screenshots/ (gitignored).

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { norm, sharedData, shotsDir } from "./helpers.mjs";
import { WIDGET_FILE, XSS, foreign, settle, start, violations, widgetReady } from "./embedding.mjs";

const npsTsv = fs.readFileSync(sharedData("survei_nps.tsv"), "utf8");
const cesTxt = fs.readFileSync(sharedData("survei_ces.txt"), "utf8");
const ticketCsv = fs.readFileSync(sharedData("tiket_cs.csv"), "utf8");
const salesCsv = fs.readFileSync(sharedData("transaksi_toko.csv"), "utf8");

describe("the widget", { timeout: 900_000 }, () => {
  let env;
  before(async () => {
    env = await start();
    fs.mkdirSync(shotsDir, { recursive: true });
  });
  after(async () => {
    await env?.close();
  });

  const text = async (locator) => norm(await locator.first().textContent());
  /** Puts a long text into a paste box as a paste does: one input event. */
  const paste = (locator, value) =>
    locator.evaluate((el, v) => {
      el.focus();
      el.value = v;
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }, value);

  it("serves one built stylesheet: the :host rules first, then the shared tokens and calculator styles", async () => {
    // scripts/widget.mjs joins widget/host.css, www/tokens.css and www/calc.css (in that
    // order) into www/widget/widget.css; the strings below are copied from those sources.
    const response = await fetch(`${env.base}widget/widget.css`);
    assert.equal(response.status, 200);
    const css = (await response.text()).replace(/\s+/g, "");
    assert.ok(css.startsWith(":host{all:initial!important;display:block!important;"), `starts with the :host reset: ${css.slice(0, 60)}`);
    const at = (needle) => {
      const i = css.indexOf(needle);
      assert.ok(i >= 0, `widget.css holds ${needle}`);
      return i;
    };
    const host = at(":host([compact])");
    const tokens = at("--surface:var(--cm-bg,#ffffff)");
    at("--accent:var(--cm-accent,#0b5a7a)");
    at("--soft:var(--cm-soft,#f3f5f8)");
    const calc = at(".badge-dot{");
    assert.ok(host < tokens && tokens < calc, "host.css, then tokens.css, then calc.css");
    // The page's own layout is not in the widget's sheet.
    assert.equal(css.includes(".site-header"), false);
  });

  describe("in the demo article", () => {
    let page;
    let log;
    let context;
    before(async () => {
      ({ page, log, context } = await env.open(`${env.base}demo/`));
    });
    after(async () => {
      await context?.close();
    });

    const crr = () => page.locator('customer-metrics[calculator="crr"]');
    const nps = () => page.locator('customer-metrics[calculator="nps"]');
    const frame = () => page.frameLocator("iframe.cm-frame");

    it("shows three working widgets: CRR, NPS (with an accent) and FCR in an iframe", async () => {
      await widgetReady(crr());
      assert.equal(await text(crr().locator('[data-testid="crr-value"]')), "90 %");
      await crr().locator("#crr-end").fill("950");
      await crr().locator("#crr-new").fill("100");
      assert.equal(await text(crr().locator('[data-testid="crr-value"]')), "85 %");
      assert.equal(await text(crr().locator('[data-testid="crr-formula"]')), "(950 − 100) / 1.000 × 100 % = 85 %");

      await widgetReady(nps());
      await nps().locator("#nps-text").fill(npsTsv);
      assert.ok(await nps().locator("#nps-source-text").isChecked(), "pasting selects the text source");
      assert.equal(await text(nps().locator('[data-testid="nps-value"]')), "10,2");
      assert.equal(await text(nps().locator('[data-testid="nps-rows"]')), "412 jawaban dipakai, 2 dilewati");
      assert.deepEqual((await nps().locator('[data-testid="nps-skipped"] li').allTextContents()).map(norm), [
        "Baris 415: tidak ada skor",
        "Baris 416: skor di luar 0–10",
      ]);
      // The accent reached the shadow tree through the custom property; text on it stays readable.
      const accent = await nps().evaluate((el) => getComputedStyle(el.shadowRoot.querySelector(".cm")).borderTopColor);
      assert.equal(accent, "rgb(179, 38, 30)");

      const fcr = frame().locator("customer-metrics");
      await page.locator("iframe.cm-frame").scrollIntoViewIfNeeded();
      await fcr.locator("#fcr-text").fill(ticketCsv);
      await settle(fcr);
      assert.equal(await text(fcr.locator('[data-testid="fcr-value"]')), "69,5 %");
      assert.equal(await text(fcr.locator('[data-testid="fcr-rows"]')), "640 tiket dipakai, 0 dilewati");
      // Grouped by channel: the API finds the "Kanal" column by that word.
      await fcr.locator("#fcr-group").selectOption("channel");
      assert.ok((await fcr.locator('[data-testid="fcr-groups"] tbody tr').count()) >= 2);
    });

    it("is isolated: the blog's CSS does not reach in, the widget's does not leak out", async () => {
      const inside = await crr().evaluate((el) => {
        const root = el.shadowRoot;
        const style = (sel) => getComputedStyle(root.querySelector(sel));
        return {
          label: style("label").fontSize,
          family: style("label").fontFamily,
          input: style("#crr-start").borderTopStyle,
          inputBg: style("#crr-start").backgroundColor,
          title: style("h2").textTransform,
          figure: style(".figure").fontSize,
          width: root.querySelector("#crr-start").getBoundingClientRect().width,
          form: root.querySelector("form").getBoundingClientRect().width,
        };
      });
      assert.equal(inside.label, "14.72px", "0.92em of the widget's own 16 px, not the blog's 22 px !important");
      assert.doesNotMatch(inside.family, /Georgia/);
      assert.equal(inside.input, "solid");
      assert.equal(inside.inputBg, "rgb(255, 255, 255)");
      assert.equal(inside.title, "none");
      assert.equal(inside.figure, "32px");
      assert.ok(inside.width > inside.form * 0.95, "inputs fill their column (the blog's width: 50% does not apply)");
      const outside = await page.evaluate(() => ({
        p: getComputedStyle(document.querySelector("article p")).fontSize,
        h2: getComputedStyle(document.querySelector("article h2")).textTransform,
        body: getComputedStyle(document.body).backgroundColor,
      }));
      assert.deepEqual(outside, { p: "22px", h2: "uppercase", body: "rgb(16, 20, 24)" });
    });

    it("switches language with its own button, and back", async () => {
      await nps().locator('[data-testid="widget-lang"]').click();
      await settle(nps());
      assert.equal(await text(nps().locator('[data-testid="nps-value"]')), "10.2");
      assert.equal(await text(nps().locator('[data-testid="nps-rows"]')), "412 responses used, 2 skipped");
      assert.equal(await text(nps().locator("#nps-title")), "Net Promoter Score (NPS)");
      assert.equal(await text(nps().locator('[data-testid="nps-band"]')), "Needs improvement");
      assert.equal(await nps().locator(".cm").getAttribute("lang"), "en");
      // The other widget keeps its language.
      assert.equal(await text(crr().locator('[data-testid="crr-band"]')), "Baik");
      await nps().locator('[data-testid="widget-lang"]').click();
      await settle(nps());
      assert.equal(await text(nps().locator('[data-testid="nps-value"]')), "10,2");
    });

    it("can be used with the keyboard alone, with a visible focus", async () => {
      await crr().locator("#crr-start").focus();
      await page.keyboard.press("Tab");
      const focused = await crr().evaluate((el) => {
        const active = el.shadowRoot.activeElement;
        return { id: active && active.id, outline: active && getComputedStyle(active).outlineStyle };
      });
      assert.deepEqual(focused, { id: "crr-end", outline: "solid" });
      await page.keyboard.press("Control+A");
      await page.keyboard.type("1100");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Control+A");
      await page.keyboard.type("200");
      assert.equal(await text(crr().locator('[data-testid="crr-value"]')), "90 %");
      // The source switch of NPS works with the arrow keys.
      await nps().locator("#nps-source-text").focus();
      await page.keyboard.press("ArrowLeft");
      assert.ok(await nps().locator("#nps-source-counts").isChecked());
      assert.equal(await text(nps().locator('[data-testid="nps-value"]')), "50");
    });

    it("keeps the layout from 320 px to desktop widths; the iframe follows its content's height", async () => {
      for (const width of [320, 375, 768, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(300);
        const m = await page.evaluate(() => {
          const boxes = [...document.querySelectorAll("customer-metrics, iframe")].map((el) => el.getBoundingClientRect());
          return {
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            widest: Math.max(...boxes.map((b) => b.right)),
            inner: Math.max(
              ...[...document.querySelectorAll("customer-metrics")].map((el) => el.shadowRoot.querySelector(".cm").scrollWidth - el.shadowRoot.querySelector(".cm").clientWidth),
            ),
          };
        });
        assert.ok(m.overflow <= 0, `no horizontal scrolling at ${width} px (${m.overflow} px)`);
        assert.ok(m.widest <= width, `widgets inside the viewport at ${width} px`);
        assert.ok(m.inner <= 1, `nothing overflows inside a widget at ${width} px`);
        await page.waitForFunction(() => {
          const f = document.querySelector("iframe.cm-frame");
          const inner = f.contentDocument.documentElement.getBoundingClientRect().height;
          return Math.abs(parseFloat(f.style.height) - Math.ceil(inner)) <= 2;
        }, null, { timeout: 10_000 });
        if (width === 375 || width === 1280) {
          await page.evaluate(() => document.activeElement?.blur());
          await page.screenshot({ path: path.join(shotsDir, `demo-${width}.png`), fullPage: true });
        }
      }
      console.log(`screenshots: ${shotsDir}`);
    });

    it("sent nothing but its own files, stored nothing, and logged no error or CSP violation", async () => {
      assert.deepEqual(foreign(log.requests, (u) => u.origin === new URL(env.base).origin && (WIDGET_FILE.test(u.pathname) || u.pathname.startsWith("/demo/"))), []);
      const wasm = log.requests.filter((u) => u.endsWith("/widget/pkg/customer_metrics_bg.wasm"));
      assert.equal(wasm.length, 2, "one wasm download for the two widgets of the page, one in the iframe");
      assert.deepEqual(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length]), ["", 0, 0]);
      assert.equal(page.url(), `${env.base}demo/`);
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(log.dialogs, []);
      assert.deepEqual(log.problems, []);
    });
  });

  describe("on a blogger's page of another origin, every calculator", () => {
    let page;
    let log;
    let context;
    const w = (name) => page.locator(`customer-metrics[calculator="${name}"]`);

    before(async () => {
      const url = env.write(
        "all.html",
        `<!doctype html>
<html lang="id">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Semua kalkulator</title><link rel="icon" href="data:,">
<script type="module" src="${env.base}widget/customer-metrics.js"></script></head>
<body><main><h1>Semua kalkulator</h1>
<p style="height:1500px">Pembuka yang panjang.</p>
<customer-metrics calculator="crr"></customer-metrics>
<customer-metrics calculator="clv" currency="USD" compact></customer-metrics>
<customer-metrics calculator="nps"></customer-metrics>
<customer-metrics calculator="ces"></customer-metrics>
<customer-metrics calculator="csat" lang="en"></customer-metrics>
<customer-metrics calculator="fcr"></customer-metrics>
<p style="height:3000px">Artikel yang panjang.</p>
<customer-metrics calculator="sales"></customer-metrics>
</main></body></html>`,
      );
      ({ page, log, context } = await env.open(url, { height: 700 }));
    });
    after(async () => {
      await context?.close();
    });

    it("loads nothing before a widget nears the viewport, then one shared module", async () => {
      await page.waitForTimeout(500);
      // Only the loader: the widgets are below the fold.
      assert.deepEqual(log.requests.filter((u) => u.includes("/widget/")), [`${env.base}widget/customer-metrics.js`, `${env.base}widget/lib/dom.js`, `${env.base}widget/lib/format.js`, `${env.base}widget/lib/calc/text.js`, `${env.base}widget/lib/calc/core.js`, `${env.base}widget/lib/calc/csv.js`].filter((u) => log.requests.includes(u)));
      assert.equal(log.requests.filter((u) => u.endsWith(".wasm") || u.endsWith(".css")).length, 0, "no module, no stylesheet yet");
      for (const name of ["crr", "clv", "nps", "ces", "csat", "fcr"]) await widgetReady(w(name));
      assert.equal(log.requests.filter((u) => u.endsWith("/widget/pkg/customer_metrics_bg.wasm")).length, 1, "one wasm download for six widgets");
      assert.equal(log.requests.filter((u) => u.endsWith("/pkg/customer_metrics_bg.wasm") && !u.includes("/widget/")).length, 0, "no big module before the sales widget shows");
    });

    it("CRR, CLV (in US dollars, compact), CSAT (in English)", async () => {
      assert.equal(await text(w("crr").locator('[data-testid="crr-value"]')), "90 %");
      assert.match(await text(w("clv").locator('[data-testid="clv-value"]')), /^\$\s?6\.000\.000$/);
      assert.match(await text(w("clv").locator('label[for="clv-aov"]')), /\(\$\)/);
      assert.equal(await w("clv").locator(".calc-intro").isVisible(), false, "compact: no introduction");
      await w("csat").locator("#csat-text").fill("5, 4, 3");
      assert.equal(await text(w("csat").locator('[data-testid="csat-value"]')), "66.7%");
    });

    it("NPS, CES and FCR from the shared sample files", async () => {
      await w("nps").locator("#nps-text").fill(npsTsv);
      assert.equal(await text(w("nps").locator('[data-testid="nps-value"]')), "10,2");
      assert.match(await text(w("nps").locator('[data-testid="nps-moe"]')), /± 7,9/);
      assert.equal(await text(w("nps").locator('[data-testid="nps-rows"]')), "412 jawaban dipakai, 2 dilewati");
      assert.equal(await w("nps").locator('[data-testid="nps-chart-table"] tbody tr').count(), 11, "the chart has a table of its numbers");
      await w("ces").locator("#ces-text").fill(cesTxt);
      assert.equal(await text(w("ces").locator('[data-testid="ces-value"]')), "5,28");
      assert.equal(await text(w("ces").locator('[data-testid="ces-easy"]')), "78,3 %");
      await w("fcr").locator("#fcr-text").fill(ticketCsv);
      // The first paste loads FCR's whole API (README "Help-desk exports"): wait for it.
      await settle(w("fcr"));
      assert.equal(await text(w("fcr").locator('[data-testid="fcr-value"]')), "69,5 %");
    });

    it("the sales log (the whole API, loaded only now), its skipped rows listed", async () => {
      await widgetReady(w("sales"));
      assert.equal(log.requests.filter((u) => u.endsWith("/pkg/customer_metrics_bg.wasm") && !u.includes("/widget/")).length, 1);
      await paste(w("sales").locator("#sales-text"), salesCsv);
      await settle(w("sales"));
      assert.equal(await text(w("sales").locator('[data-testid="sales-rows"]')), "2.941 baris dipakai, 3 dilewati");
      assert.deepEqual((await w("sales").locator('[data-testid="sales-skipped"] li').allTextContents()).map(norm), [
        "Baris 2.974: tanggal tidak valid",
        "Baris 2.975: tidak ada nama pelanggan",
        "Baris 2.976: nominal tidak terbaca",
      ]);
      assert.equal(await text(w("sales").locator('[data-testid="sales-customers"]')), "600");
      assert.equal(await text(w("sales").locator('[data-testid="sales-value"]')), "73,5 %");
      assert.equal(await w("sales").locator('[data-testid="sales-band"]').getAttribute("data-band"), "average");
      assert.match(await text(w("sales").locator('[data-testid="sales-avg"]')), /^Rp \d{1,3}(\.\d{3})+$/);
      assert.ok((await w("sales").locator('[data-testid="sales-segments"] tbody tr').count()) > 3);
      // The segments' and stages' words in the widget's language, by key (js/calc/i18n/segments.id.js, lifecycle.id.js).
      const SEGMENTS_ID = ["Pelanggan juara", "Pelanggan setia", "Calon pelanggan setia", "Pelanggan baru", "Menjanjikan", "Perlu perhatian", "Mulai pasif", "Jangan sampai hilang", "Berisiko", "Hilang", "Tidur"];
      for (const label of (await w("sales").locator('[data-testid="sales-segments"] tbody th').allTextContents()).map(norm)) assert.ok(SEGMENTS_ID.includes(label), label);
      assert.deepEqual((await w("sales").locator('[data-testid="sales-stages"] tbody th').allTextContents()).map(norm), ["Baru", "Aktif", "Berisiko", "Berhenti"]);
      assert.match(await text(w("sales").locator('[data-testid="sales-stages"] tbody tr td').last()), /^Pembelian terakhir lebih dari 180 hari lalu$/);
    });

    it("shows pasted names as text, never as markup, in every calculator", async () => {
      await w("nps").locator("#nps-text").fill(`${XSS}\n9\n10\n${XSS}`);
      assert.match(await text(w("nps").locator('[data-testid="nps-details"]')), /<img src=x onerror=alert\(1\)>/);
      await w("fcr").locator("#fcr-group").selectOption("channel");
      await w("fcr").locator("#fcr-text").fill(`Kanal,Selesai\n${XSS},ya\nEmail,tidak\n${XSS},ya`);
      assert.equal(await text(w("fcr").locator('[data-testid="fcr-groups"] tbody th').first()), XSS);
      await w("sales").locator("#sales-text").fill(`Pelanggan,Tanggal,Jumlah\n${XSS},2025-01-05,100000\nBudi,2025-01-06,50000\n${XSS},2025-02-07,20000`);
      await settle(w("sales"));
      assert.equal(await text(w("sales").locator('[data-testid="sales-top"] tbody th').first()), XSS);
      const imgs = await page.evaluate(() => [...document.querySelectorAll("customer-metrics")].reduce((n, el) => n + el.shadowRoot.querySelectorAll("img").length, 0));
      assert.equal(imgs, 0);
      await page.waitForTimeout(300);
      assert.deepEqual(log.dialogs, []);
    });

    it("copies a result as text and downloads a table as CSV", async () => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      await w("nps").locator("#nps-text").fill(npsTsv);
      await w("nps").locator('[data-testid="nps-copy"]').click();
      await page.waitForFunction(() => document.querySelector('customer-metrics[calculator="nps"]').shadowRoot.querySelector('[data-testid="nps-copy-status"]').textContent !== "");
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(copied, /^Net Promoter Score \(NPS\)\nNPS 10,2 ± 7,9/);
      assert.match(copied, /412 jawaban dipakai, 2 dilewati/);
      await w("nps").locator(".chart-details summary").click();
      const [download] = await Promise.all([page.waitForEvent("download"), w("nps").locator('[data-testid="nps-chart-csv"]').click()]);
      assert.equal(download.suggestedFilename(), "nps-sebaran-skor.csv");
      const csv = fs.readFileSync(await download.path(), "utf8");
      assert.match(csv, /^\uFEFFSkor;Jumlah;Persen;Kelompok\r\n0;/);
      assert.match(csv, /\r\n10;72;17,5;Promotor\r\n/);
    });

    it("sent nothing but its own files, stored nothing, and logged no error or CSP violation", async () => {
      const ours = new URL(env.base).origin;
      assert.deepEqual(foreign(log.requests, (u) => (u.origin === ours && WIDGET_FILE.test(u.pathname)) || u.href === `${env.other}_extra/all.html`), []);
      assert.deepEqual(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length]), ["", 0, 0]);
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(log.problems, []);
      await page.setViewportSize({ width: 375, height: 800 });
      await page.evaluate(() => document.activeElement?.blur());
      await w("nps").screenshot({ path: path.join(shotsDir, "widget-nps-375.png") });
    });
  });
});
