// End-to-end tests of embedding in headless Chromium: the iframe embed
// (www/embed.html: its own strict CSP, the height posted to the host), the page's
// "Embed" panel (snippet, live preview, copy) and its snippets pasted into a
// blank HTML file on another origin, the page's privacy and CSP checks, its print
// stylesheet, and axe-core on the page, the embed and the demo article with no
// violations. Run after scripts/build.sh:
//   node --test --test-concurrency=1 tests/e2e/
// Screenshots go to tests/e2e/screenshots/ (gitignored).

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { norm, sharedData, shotsDir } from "./helpers.mjs";
import { WIDGET_FILE, XSS, axe, foreign, settle, start, violations, widgetReady } from "./embedding.mjs";

const npsTsv = fs.readFileSync(sharedData("survei_nps.tsv"), "utf8");
const ticketCsv = fs.readFileSync(sharedData("tiket_cs.csv"), "utf8");

const text = async (locator) => norm(await locator.first().textContent());
/** Waits until the Embed panel's preview shows `src` (it follows the options after a short pause). */
const previewSrc = (page, src) =>
  page.waitForFunction((s) => document.querySelector('[data-testid="embed-preview-frame"]')?.getAttribute("src") === s, src, { timeout: 5000 });
const pageReady = (page) => page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 30_000 });

describe("embedding", { timeout: 900_000 }, () => {
  let env;
  before(async () => {
    env = await start();
    fs.mkdirSync(shotsDir, { recursive: true });
  });
  after(async () => {
    await env?.close();
  });

  describe("the iframe embed embed.html", () => {
    let page;
    let log;
    let context;
    let response;
    before(async () => {
      ({ page, log, context } = await env.open(null));
      response = await page.goto(`${env.base}embed.html?calculator=nps&lang=en`);
    });
    after(async () => {
      await context?.close();
    });
    const widget = () => page.locator("customer-metrics");

    it("shows the calculator of its URL, in its language, with a title", async () => {
      await widgetReady(widget());
      assert.equal(await page.getAttribute("html", "lang"), "en");
      assert.equal(await page.title(), "NPS calculator · customer-metrics");
      assert.equal(await text(page.locator("h1")), "NPS calculator");
      await widget().locator("#nps-text").fill(npsTsv);
      assert.equal(await text(widget().locator('[data-testid="nps-value"]')), "10.2");
      assert.equal(await text(widget().locator('[data-testid="nps-rows"]')), "412 responses used, 2 skipped");
      assert.deepEqual((await widget().locator('[data-testid="nps-skipped"] li').allTextContents()).map(norm), [
        "Row 415: no score",
        "Row 416: score outside 0–10",
      ]);
    });

    it("ships a strict CSP: scripts from itself, and fetches of its two files only", async () => {
      const csp = response.headers()["content-security-policy"];
      const origin = new URL(env.base).origin;
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
      assert.match(csp, /style-src 'self';/);
      // A fixed list (the server's two origins), never built from the request's Host header.
      const { port } = new URL(env.base);
      const files = ["/pkg/customer_metrics_bg.wasm", "/widget/pkg/customer_metrics_bg.wasm", "/widget/widget.css", "/xlsx/pkg/customer_metrics_bg.wasm"];
      assert.deepEqual(
        csp.match(/connect-src ([^;]*);/)[1].split(" "),
        ["127.0.0.1", "localhost"].flatMap((host) => files.map((f) => `http://${host}:${port}${f}`)),
      );
      assert.ok(csp.includes(`${origin}/pkg/customer_metrics_bg.wasm`), `its own origin ${origin} is listed`);
      assert.match(csp, /frame-ancestors \*;/);
      assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
      assert.match(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content"), /connect-src 'self'/);
      assert.deepEqual(await violations(page), [], "it works under that policy");
      // Any other request, even to its own origin, is refused.
      const refused = await page.evaluate(() => fetch("/index.html").then(() => "sent", () => "refused"));
      assert.equal(refused, "refused");
      assert.equal((await violations(page)).filter((v) => v.startsWith("connect-src")).length, 1);
      log.problems = log.problems.filter((p) => !/Content Security Policy|Failed to fetch|index\.html/.test(p));
    });

    it("shows pasted names as text", async () => {
      await widget().locator("#nps-text").fill(`${XSS}\n9\n10`);
      assert.match(await text(widget().locator('[data-testid="nps-details"]')), /<img src=x onerror=alert\(1\)>/);
      assert.equal(await page.locator("img").count(), 0);
      assert.equal(await widget().evaluate((el) => el.shadowRoot.querySelectorAll("img").length), 0);
      assert.deepEqual(log.dialogs, []);
    });

    it("screenshots at 375 px and 1280 px; no console error", async () => {
      await widget().locator("#nps-text").fill(npsTsv);
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.evaluate(() => document.activeElement?.blur());
        await page.screenshot({ path: path.join(shotsDir, `embed-${width}.png`), fullPage: true });
      }
      assert.deepEqual(log.problems, []);
    });
  });

  describe("the page", () => {
    let page;
    let log;
    let context;
    before(async () => {
      ({ page, log, context } = await env.open(env.base, { permissions: ["clipboard-read", "clipboard-write"] }));
      await pageReady(page);
    });
    after(async () => {
      await context?.close();
    });

    it("builds a widget snippet with a live preview, and copies it", async () => {
      const section = page.locator("#embed");
      await section.scrollIntoViewIfNeeded();
      assert.equal(await text(page.locator("#embed-title")), "Sematkan kalkulator di blog Anda");
      // Quick calculators default to the widget; data calculators to the iframe.
      await page.selectOption("#embed-calculator", "crr");
      assert.ok(await page.locator("#embed-method-widget").isChecked());
      await page.selectOption("#embed-calculator", "fcr");
      assert.ok(await page.locator("#embed-method-iframe").isChecked());
      assert.match(await text(page.locator('[data-testid="embed-method-help"]')), /skrip halaman blog/);
      await page.selectOption("#embed-calculator", "nps");
      await page.click('label[for="embed-method-widget"]');
      await page.selectOption("#embed-lang", "en");
      await page.click('label[for="embed-compact"]');
      await page.fill("#embed-currency", "usd");
      const code = await page.inputValue("#embed-code");
      assert.equal(
        code,
        `<script type="module" src="${env.base}widget/customer-metrics.js"></script>\n<customer-metrics calculator="nps" lang="en" currency="USD" compact></customer-metrics>`,
      );
      await page.locator('[data-testid="embed-preview-frame"]').scrollIntoViewIfNeeded();
      await previewSrc(page, `${env.base}embed.html?calculator=nps&lang=en&currency=USD&compact=1`);
      const preview = page.frameLocator('[data-testid="embed-preview-frame"]').locator("customer-metrics");
      await widgetReady(preview);
      assert.equal(await preview.getAttribute("lang"), "en");
      assert.equal(await text(preview.locator('[data-testid="nps-value"]')), "50");
      assert.equal(await preview.locator(".calc-intro").isVisible(), false);
      await page.waitForFunction(() => parseFloat(document.querySelector('[data-testid="embed-preview-frame"]').style.height) > 300);
      await page.evaluate(() => document.activeElement?.blur());
      await page.locator("#embed").screenshot({ path: path.join(shotsDir, "embed-panel-1280.png") });
      await page.click('[data-testid="embed-copy"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="embed-copy-status"]').textContent !== "");
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
    });

    it("builds an iframe snippet with a title, lazy loading and the height script", async () => {
      await page.selectOption("#embed-calculator", "fcr");
      await page.click('label[for="embed-method-iframe"]');
      await page.click('label[for="embed-compact"]');
      await page.fill("#embed-currency", "IDR");
      await page.selectOption("#embed-lang", "id");
      const code = await page.inputValue("#embed-code");
      assert.equal(
        code,
        `<iframe src="${env.base}embed.html?calculator=fcr&amp;lang=id" title="Kalkulator FCR (customer-metrics)" loading="lazy" width="100%" height="720" style="border:0;max-width:860px" allow="clipboard-write" data-customer-metrics></iframe>\n<script src="${env.base}widget/embed-resize.js" async></script>`,
      );
      const frame = page.locator('[data-testid="embed-preview-frame"]');
      await previewSrc(page, `${env.base}embed.html?calculator=fcr&lang=id`);
      await frame.scrollIntoViewIfNeeded();
      await widgetReady(page.frameLocator('[data-testid="embed-preview-frame"]').locator("customer-metrics"));
      await page.waitForFunction(() => parseFloat(document.querySelector('[data-testid="embed-preview-frame"]').style.height) > 300);
    });

    for (const method of ["widget", "iframe"]) {
      it(`its ${method} snippet works pasted into a blank HTML file on another origin`, async () => {
        await page.selectOption("#embed-calculator", method === "widget" ? "nps" : "fcr");
        await page.click(`label[for="embed-method-${method}"]`);
        assert.equal(await page.isChecked("#embed-compact"), false);
        await page.fill("#embed-currency", "");
        await page.selectOption("#embed-lang", "id");
        const code = await page.inputValue("#embed-code");
        const url = env.write(
          `blank-${method}.html`,
          `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>My blog post</title><link rel="icon" href="data:,"></head>\n<body>\n<h1>My blog post</h1>\n${code}\n</body>\n</html>\n`,
        );
        const blank = await env.open(url);
        try {
          if (method === "widget") {
            const w = blank.page.locator("customer-metrics");
            await widgetReady(w);
            assert.equal(await text(w.locator('[data-testid="nps-value"]')), "50");
            await w.locator("#nps-text").fill(npsTsv);
            assert.equal(await text(w.locator('[data-testid="nps-value"]')), "10,2");
          } else {
            const w = blank.page.frameLocator("iframe").locator("customer-metrics");
            await widgetReady(w);
            await w.locator("#fcr-text").fill(ticketCsv);
            await settle(w);
            assert.equal(await text(w.locator('[data-testid="fcr-value"]')), "69,5 %");
            // embed-resize.js set the height the embed posted (the frame is of another origin).
            const inner = blank.page.frames().find((f) => f.url().includes("embed.html"));
            await blank.page.waitForFunction(
              (h) => Math.abs(parseFloat(document.querySelector("iframe").style.height) - h) <= 2,
              Math.ceil(await inner.evaluate(() => document.documentElement.getBoundingClientRect().height)),
              { timeout: 10_000 },
            );
          }
          const ours = new URL(env.base).origin;
          assert.deepEqual(foreign(blank.log.requests, (u) => (u.origin === ours && WIDGET_FILE.test(u.pathname)) || u.href === url), []);
          assert.deepEqual(await violations(blank.page), []);
          assert.deepEqual(blank.log.problems, []);
        } finally {
          await blank.context.close();
        }
      });
    }

    it("prints the results cleanly", async () => {
      await page.emulateMedia({ media: "print" });
      const shown = await page.evaluate(() =>
        Object.fromEntries(
          [".toc", "#embed", ".lang-toggle", ".result-actions", "#crr-summary", "#nps-details"].map((s) => [s, getComputedStyle(document.querySelector(s)).display !== "none"]),
        ),
      );
      assert.deepEqual(shown, { ".toc": false, "#embed": false, ".lang-toggle": false, ".result-actions": false, "#crr-summary": true, "#nps-details": true });
      await page.emulateMedia({ media: "screen" });
    });

    it("shows pasted names as text (FCR groups)", async () => {
      await page.locator("#fcr-text").fill(`Kanal,Selesai\n${XSS},ya\nEmail,tidak`);
      await page.waitForFunction(() => !document.querySelector("[data-pending]"));
      await page.selectOption("#fcr-group", "0");
      assert.equal(await text(page.locator('[data-testid="fcr-groups"] tbody th')), XSS);
      assert.equal(await page.locator("main img").count(), 0);
      assert.deepEqual(log.dialogs, []);
    });

    it("sent nothing but its own files, stored nothing, and logged no CSP violation", async () => {
      const ours = new URL(env.base).origin;
      assert.deepEqual(foreign(log.requests, (u) => u.origin === ours), []);
      const stored = await page.evaluate(() => [document.cookie, Object.keys(localStorage), sessionStorage.length]);
      assert.ok(stored[0] === "" && stored[2] === 0 && stored[1].every((k) => k === "customer-metrics.lang"), JSON.stringify(stored));
      assert.equal(new URL(page.url()).search, "");
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(log.problems, []);
    });
  });

  describe("axe-core", () => {
    const check = async (url, prepare) => {
      const { page, context } = await env.open(url, { bypassCSP: true });
      try {
        await prepare(page);
        return await axe(page);
      } finally {
        await context.close();
      }
    };

    it("finds no violation on the page, with results and the embed panel", async () => {
      const found = await check(env.base, async (page) => {
        await pageReady(page);
        await page.locator("#nps-text").fill(npsTsv);
        await page.waitForFunction(() => !document.querySelector("[data-pending]"));
        await page.locator("#embed").scrollIntoViewIfNeeded();
        await widgetReady(page.frameLocator("#embed-preview iframe").locator("customer-metrics"));
      });
      assert.deepEqual(found, []);
    });

    it("finds no violation in the iframe embed", async () => {
      for (const name of ["nps", "fcr", "sales"]) {
        const found = await check(`${env.base}embed.html?calculator=${name}&lang=id`, async (page) => {
          const w = page.locator("customer-metrics");
          await widgetReady(w);
          if (name === "nps") await w.locator("#nps-text").fill(npsTsv);
          if (name === "fcr") await w.locator("#fcr-text").fill(ticketCsv);
          await settle(w);
        });
        assert.deepEqual(found, [], name);
      }
    });

    it("finds no violation in the demo article's widgets", async () => {
      const found = await check(`${env.base}demo/`, async (page) => {
        for (const w of await page.locator("customer-metrics").all()) await widgetReady(w);
        await page.locator('customer-metrics[calculator="nps"] #nps-text').fill(npsTsv);
        await page.locator("iframe").scrollIntoViewIfNeeded();
        await widgetReady(page.frameLocator("iframe").locator("customer-metrics"));
      });
      assert.deepEqual(found, []);
    });
  });
});
