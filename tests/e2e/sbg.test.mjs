// The page's subscriptions section (js/calc/subscriptions.js, the API's
// subscriptionRetention) end to end, in Indonesian and English, with axe-core.
// Run after `scripts/build.sh`:   node --test --test-concurrency=1 tests/e2e/sbg.test.mjs
//
// Expected figures: Fader & Hardie (2007), "How to project customer
// retention": 1,000 high-end customers still customers after years 0–7 (1000,
// 869, 743, 653, 593, 551, 517, 491), fitted α = 0.668, β = 3.806; the
// retention of year 8 is r(8) = (β + 7) / (α + β + 7) = 10.806 / 11.474 =
// 94.18 % → "94,2 %".

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { norm } from "./helpers.mjs";
import { axe, start, violations, widgetReady } from "./embedding.mjs";

const HIGH_END = "Tahun\tPelanggan aktif\nTahun 0\t1.000\nTahun 1\t869\nTahun 2\t743\nTahun 3\t653\nTahun 4\t593\nTahun 5\t551\nTahun 6\t517\nTahun 7\t491\n";
const ready = (page) => page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 30_000 });
const settled = (page) => page.waitForFunction(() => document.getElementById("subscriptions").dataset.state !== "busy");

describe("the subscriptions section", { timeout: 900_000 }, () => {
  let env;
  let page;
  let log;
  let context;

  before(async () => {
    env = await start();
    ({ page, log, context } = await env.open(env.base));
    await ready(page);
  });

  after(async () => {
    await context?.close();
    await env?.close();
  });

  const text = async (selector) => norm(await page.locator(selector).first().textContent());

  it("shows the example's retention, table and chart in Indonesian", async () => {
    await page.locator("#subscriptions").scrollIntoViewIfNeeded();
    assert.equal(await page.getAttribute("#subscriptions", "data-state"), "ok");
    assert.equal(await text("#subscriptions-title"), "Langganan dan keanggotaan: retensi dan lama berlangganan");
    assert.match(await text('[data-testid="subscriptions-summary"]'), /^Retensi bulan ke-8 \d+,\d %$/);
    // 0 … 14 (twice the 7 months observed), the months after 7 projected.
    assert.equal(await page.locator('[data-testid="subscriptions-table"] tbody tr').count(), 15);
    assert.equal(await page.locator('[data-testid="subscriptions-table"] tbody tr[data-projected]').count(), 7);
    assert.equal(await text('[data-testid="subscriptions-table"] tbody tr[data-period="0"] td'), "200");
    // The chart: observed, model, projection, and its numbers.
    assert.equal(await page.locator('[data-testid="subscriptions-chart-svg"] path').count(), 3);
    assert.equal(await page.locator('[data-testid="subscriptions-chart-table"] tbody tr').count(), 15);
    assert.match(await page.getAttribute('[data-testid="subscriptions-chart-svg"]', "aria-label"), /^Grafik garis bagian yang masih berlangganan/);
    assert.match(await text('[data-testid="subscriptions-formula"]'), /\(β \+ t − 1\) \/ \(α \+ β \+ t − 1\)/);
    assert.match(await text('[data-testid="subscriptions-value-new"]'), /^Rp \d/);
  });

  it("reads the paper's high-end counts pasted, by year: 94,2 % in year 8, 10 % discount", async () => {
    await page.locator("#subscriptions-source-text").check();
    await page.locator("#subscriptions-text").fill(HIGH_END);
    await page.locator("#subscriptions-unit").selectOption("year");
    await page.locator("#subscriptions-value").fill("100");
    await settled(page);
    assert.equal(await text('[data-testid="subscriptions-summary"]'), "Retensi tahun ke-8 94,2 %");
    assert.match(await text('[data-testid="subscriptions-formula"]'), /1 \/ \(1 \+ 0,1\)/);
    assert.match(await text('[data-testid="subscriptions-formula"]'), /\(3,81 \+ 7\) \/ \(0,67 \+ 3,81 \+ 7\) = 94,2 %/);
    assert.equal(await text('[data-testid="subscriptions-table"] tbody tr[data-period="7"] td'), "491");
    // α < 1: no finite mean, said in words, and its notice.
    assert.match(await text('[data-testid="subscriptions-expected"]'), /^tak terhingga$/);
    assert.equal(await page.getAttribute('[data-testid="subscriptions-notice"]', "data-code"), "sbgNoFiniteLifetime");
    assert.match(await text('[data-testid="subscriptions-notice"]'), /α = 0,668/);
  });

  it("says what is wrong with counts that rise, by code", async () => {
    await page.locator("#subscriptions-text").fill("Tahun\tAktif\n0\t1000\n1\t900\n2\t950\n");
    await settled(page);
    assert.equal(await page.getAttribute("#subscriptions", "data-state"), "error");
    assert.equal(await page.getAttribute('[data-testid="subscriptions-error"] p', "data-code"), "subscriptions.countsRising");
    assert.match(await text('[data-testid="subscriptions-error"]'), /lebih besar dari angka sebelumnya \(angka ke-4\)/);
    assert.equal(await page.getAttribute("#subscriptions-text", "aria-invalid"), "true");
    await page.locator("#subscriptions-text").fill(HIGH_END);
    await settled(page);
    assert.equal(await page.getAttribute("#subscriptions", "data-state"), "ok");
  });

  it("speaks English after the language switch", async () => {
    await page.locator('[data-testid="lang-toggle"]').click();
    await settled(page);
    assert.equal(await text("#subscriptions-title"), "Subscriptions and memberships: retention and lifetime");
    assert.equal(await text('[data-testid="subscriptions-summary"]'), "Retention in year 8 94.2%");
    assert.match(await text('[data-testid="subscriptions-expected"]'), /no finite mean/);
    assert.match(await text('[data-testid="subscriptions-notice"]'), /practically never leave \(α = 0\.668\)/);
    assert.equal(await text('[data-testid="subscriptions-table"] thead th'), "Period");
    assert.match(await page.getAttribute('[data-testid="subscriptions-chart-svg"]', "aria-label"), /^Line chart of the share still subscribed after each year/);
    assert.deepEqual(log.problems, []);
    assert.deepEqual(await violations(page), []);
  });

  it("works in the iframe embed (the widget on the whole API), axe-clean", async () => {
    const { page: p, context: c, log: l } = await env.open(`${env.base}embed.html?calculator=subscriptions&lang=en`, { bypassCSP: true });
    try {
      const w = p.locator("customer-metrics");
      await widgetReady(w);
      assert.equal(norm(await w.locator("#subscriptions-title").textContent()), "Subscriptions and memberships: retention and lifetime");
      await w.locator("#subscriptions-source-text").check();
      await w.locator("#subscriptions-text").fill(HIGH_END);
      await w.locator("#subscriptions-unit").selectOption("year");
      await p.waitForFunction(() => document.querySelector("customer-metrics").shadowRoot.querySelector("#subscriptions").dataset.state === "ok");
      assert.equal(norm(await w.locator('[data-testid="subscriptions-summary"]').textContent()), "Retention in year 8 94.2%");
      assert.equal(await w.locator('[data-testid="subscriptions-chart-svg"]').count(), 1);
      assert.deepEqual(l.problems, []);
      assert.deepEqual(await axe(p), []);
    } finally {
      await c.close();
    }
  });

  it("has no axe-core violation with results shown, in both languages", async () => {
    const { page: p, context: c } = await env.open(env.base, { bypassCSP: true });
    try {
      await ready(p);
      await p.locator("#subscriptions-source-text").check();
      await p.locator("#subscriptions-text").fill(HIGH_END);
      await p.locator("#subscriptions-unit").selectOption("year");
      await p.waitForFunction(() => document.getElementById("subscriptions").dataset.state === "ok");
      await p.locator('[data-testid="subscriptions-chart"] summary').click();
      assert.deepEqual(await axe(p), []);
      await p.locator('[data-testid="lang-toggle"]').click();
      await p.waitForFunction(() => document.documentElement.lang === "en");
      assert.deepEqual(await axe(p), []);
    } finally {
      await c.close();
    }
  });
});
