// End-to-end test of help-desk ticket exports in the page's FCR section (issue 13)
// in headless Chromium: the fixtures of tests/fixtures/tickets/ pasted with no
// mapping give the layout, FCR over the resolved tickets, the tickets left out,
// net FCR, the service times with the SLA share, the per-channel table and the
// chart with its numbers, in Indonesian and English. The expected figures are
// computed here by a plain reading of each file's columns, never by the module.
// Run after scripts/build.sh:
//   node --test --test-concurrency=1 tests/e2e/tickets.test.mjs

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { norm, openPage, repo, settled, shotsDir } from "./helpers.mjs";

const fixture = (name) => fs.readFileSync(path.join(repo, "tests/fixtures/tickets", name), "utf8");

/** Rows of a CSV or TSV without quotes in its cells (as the fixtures are), as objects by header. */
function records(text, sep) {
  const [head, ...rows] = text.split(/\r?\n/).filter((l) => l.trim()).map((l) => l.split(sep));
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ""])));
}

const sorted = (v) => [...v].sort((a, b) => a - b);
const median = (v) => {
  const s = sorted(v);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const p90 = (v) => sorted(v)[Math.ceil(0.9 * v.length) - 1];
const mean = (v) => v.reduce((a, b) => a + b, 0) / v.length;
const minutesBetween = (a, b) => (Date.parse(b.replace(" ", "T")) - Date.parse(a.replace(" ", "T"))) / 60000;

/** 57.142… → "57,1 %" (id) or "57.1%" (en), as the page rounds. */
const pct = (lang, v) => (lang === "id" ? `${(Math.round(v * 10) / 10).toString().replace(".", ",")} %` : `${Math.round(v * 10) / 10}%`);
const num1 = (lang, v) => (lang === "id" ? (Math.round(v * 10) / 10).toString().replace(".", ",") : String(Math.round(v * 10) / 10));

describe("help-desk ticket exports in FCR", { timeout: 900_000 }, () => {
  let page;
  let close;
  let problems = [];

  before(async () => {
    ({ page, problems, close } = await openPage());
  });
  after(async () => {
    await close?.();
  });

  const text = async (selector) => {
    await settled(page);
    return norm(await page.locator(selector).first().textContent());
  };
  async function paste(value) {
    await page.evaluate((v) => {
      const box = document.getElementById("fcr-text");
      box.focus();
      box.value = v;
      box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    }, value);
    await settled(page);
  }
  /** A service-table row's cells by its data-name. */
  const row = async (name) => {
    await settled(page);
    return (await page.locator(`[data-testid="fcr-service-table"] tbody tr[data-name="${name}"] > *`).allTextContents()).map(norm);
  };

  it("Zendesk: one-touch FCR of the solved tickets, the open ones apart, first reply times and the SLA", async () => {
    const raw = fixture("zendesk.csv");
    const rows = records(raw, ",");
    const solved = rows.filter((r) => ["Solved", "Closed"].includes(r.Status));
    const oneTouch = solved.filter((r) => Number(r.Replies) <= 1 && Number(r.Reopens) === 0);
    const fcr = (oneTouch.length / solved.length) * 100;
    const firsts = rows.map((r) => r["First reply time in minutes"]).filter((v) => v !== "").map(Number);
    const within = firsts.filter((m) => m <= 15).length;
    await paste(raw);
    assert.equal(await text('[data-testid="fcr-value"]'), pct("id", fcr));
    assert.match(await text('[data-testid="fcr-formula"]'), new RegExp(`${oneTouch.length} / ${solved.length} × 100`));
    assert.equal(await page.getAttribute('[data-testid="fcr-layout"]', "data-layout"), "zendesk");
    assert.match(await text('[data-testid="fcr-layout"]'), /Dikenali: ekspor tiket Zendesk/);
    assert.equal(await page.getAttribute('[data-testid="fcr-rule"]', "data-rule"), "oneTouch");
    assert.match(await text('[data-testid="fcr-rule"]'), /Hanya tiket yang sudah selesai/);
    // The tickets not resolved, by status.
    const open = rows.filter((r) => !["Solved", "Closed"].includes(r.Status));
    const statuses = await page.locator('[data-testid="fcr-statuses"] li').evaluateAll((lis) => lis.map((li) => Number(li.dataset.count)));
    assert.equal(statuses.reduce((a, b) => a + b, 0), open.length);
    assert.equal(await page.locator('[data-testid="fcr-open-tickets"] li').count(), open.length);
    // First reply times: median, mean and p90 in minutes; the SLA share.
    const times = (await page.locator('[data-testid="fcr-times"] tr[data-measure="firstResponse"] td').allTextContents()).map(norm);
    assert.deepEqual(times, [
      `${num1("id", median(firsts))} menit`,
      `${num1("id", mean(firsts))} menit`,
      `${num1("id", p90(firsts))} menit`,
      String(firsts.length),
    ]);
    assert.match(await text('[data-testid="fcr-sla"]'), new RegExp(`${pct("id", (within / firsts.length) * 100)} respons pertama dalam 15 menit \\(${within} dari ${firsts.length}\\)`));
    assert.match(await text('[data-testid="fcr-times"] tr[data-measure="resolution"]'), /jam/);
    // Per channel: Via.
    for (const via of new Set(rows.map((r) => r.Via))) {
      const mine = rows.filter((r) => r.Via === via);
      const mineSolved = mine.filter((r) => ["Solved", "Closed"].includes(r.Status));
      const mineFcr = (mineSolved.filter((r) => Number(r.Replies) <= 1 && Number(r.Reopens) === 0).length / mineSolved.length) * 100;
      const cells = await row(via);
      assert.equal(cells[0], via);
      assert.equal(cells[1], String(mine.length));
      assert.equal(cells[2], pct("id", mineFcr), via);
    }
    // The chart (SVG) and its numbers table: one bar per channel.
    assert.equal(await page.locator('[data-testid="fcr-service-chart-svg"] rect.bar').count(), new Set(rows.map((r) => r.Via)).size);
    assert.equal(await page.locator('[data-testid="fcr-service-chart-table"] tbody tr').count(), new Set(rows.map((r) => r.Via)).size);
    assert.match(await text('[data-testid="fcr-service"]'), /Waktu kalender/);
    fs.mkdirSync(shotsDir, { recursive: true });
    await page.locator("#fcr").screenshot({ path: path.join(shotsDir, "fcr-zendesk.png") });
    assert.deepEqual(problems, []);
  });

  it("Freshdesk in English: times from the timestamps, not the business-hours columns", async () => {
    await page.click("#lang-toggle");
    assert.equal(await page.getAttribute("html", "lang"), "en");
    const raw = fixture("freshdesk.csv");
    const rows = records(raw, ",");
    const resolved = rows.filter((r) => ["Resolved", "Closed"].includes(r.Status));
    const first = resolved.filter((r) => Number(r["Agent interactions"]) <= 1);
    const fcr = (first.length / resolved.length) * 100;
    const firsts = rows.filter((r) => r["Initial response time"]).map((r) => minutesBetween(r["Created time"], r["Initial response time"]));
    const resolutions = resolved.map((r) => minutesBetween(r["Created time"], r["Resolved time"]));
    await paste(raw);
    assert.equal(await text('[data-testid="fcr-value"]'), pct("en", fcr));
    assert.match(await text('[data-testid="fcr-layout"]'), /Recognised: Freshdesk ticket export/);
    const frt = (await page.locator('[data-testid="fcr-times"] tr[data-measure="firstResponse"] td').allTextContents()).map(norm);
    assert.equal(frt[0], `${num1("en", median(firsts))} min`);
    assert.equal(frt[2], `${num1("en", p90(firsts))} min`);
    const res = (await page.locator('[data-testid="fcr-times"] tr[data-measure="resolution"] td').allTextContents()).map(norm);
    assert.equal(res[0], `${num1("en", median(resolutions))} min`);
    assert.equal(res[1], `${num1("en", mean(resolutions))} min`);
    const within = firsts.filter((m) => m <= 15).length;
    assert.match(await text('[data-testid="fcr-sla"]'), new RegExp(`\\(${within} of ${firsts.length}\\): below the target of 80%`));
    assert.match(await text('[data-testid="fcr-service"]'), /Calendar time/);
  });

  it("a Google Sheets log in Indonesian: net FCR beside gross", async () => {
    await page.click("#lang-toggle");
    assert.equal(await page.getAttribute("html", "lang"), "id");
    const raw = fixture("google-sheets.tsv");
    const rows = records(raw, "\t");
    const done = rows.filter((r) => ["Selesai", "Ditutup"].includes(r.Status));
    const first = (r) => Number(r["Jumlah Balasan Agen"]) <= 1 && r["Dibuka Ulang"] === "tidak";
    const eligible = done.filter((r) => r["Perlu Kunjungan Teknisi"] !== "ya");
    const net = (eligible.filter(first).length / eligible.length) * 100;
    await paste(raw);
    const shown = await page.getAttribute('[data-testid="fcr-net"]', "data-value");
    assert.equal(Number(shown), Math.round(net * 10) / 10);
    assert.match(await text('[data-testid="fcr-net"]'), /Perlu Kunjungan Teknisi/);
    // User text is only ever text.
    await paste(raw.replace("Fajar", "<img src=x onerror=alert(1)>"));
    assert.equal(await page.locator('[data-testid="fcr-service"] img').count(), 0);
    assert.deepEqual(problems, []);
  });

  it("Jira Service Management: FCR over the resolved issues by their comments, resolution in hours", async () => {
    assert.equal(await page.getAttribute("html", "lang"), "id");
    const raw = fixture("jira-service-management.csv");
    // The fixture quotes nothing; its Comment header repeats (one column a comment).
    const [head, ...rows] = raw.split(/\r?\n/).filter((l) => l.trim()).map((l) => l.split(","));
    const at = (name) => head.indexOf(name);
    const comments = head.flatMap((h, i) => (h === "Comment" ? [i] : []));
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    /** "03/Mar/25 6:20 PM" → minutes since the epoch (calendar time). */
    const minutes = (s) => {
      const [, d, mon, y, h, mi, ap] = s.match(/^(\d+)\/(\w+)\/(\d+) (\d+):(\d+) (AM|PM)$/);
      return Date.UTC(2000 + Number(y), months.indexOf(mon), Number(d), (Number(h) % 12) + (ap === "PM" ? 12 : 0), Number(mi)) / 60000;
    };
    const resolved = rows.filter((r) => ["Resolved", "Closed", "Done"].includes(r[at("Status")]));
    const first = resolved.filter((r) => comments.filter((i) => r[i]).length <= 1);
    const resolutions = resolved.map((r) => minutes(r[at("Resolved")]) - minutes(r[at("Created")]));
    await paste(raw);
    assert.equal(await page.getAttribute('[data-testid="fcr-layout"]', "data-layout"), "jiraServiceManagement");
    assert.equal(await text('[data-testid="fcr-value"]'), pct("id", (first.length / resolved.length) * 100));
    const res = (await page.locator('[data-testid="fcr-times"] tr[data-measure="resolution"] td').allTextContents()).map(norm);
    assert.equal(res[0], `${num1("id", median(resolutions) / 60)} jam`);
    assert.equal(res[1], `${num1("id", mean(resolutions) / 60)} jam`);
    assert.deepEqual(problems, []);
  });

  it("the iframe embed's FCR (the widget) reads the chat export with the whole API once text is pasted", async () => {
    const raw = fixture("chat.csv");
    const rows = records(raw, ",");
    const resolved = rows.filter((r) => r.Status === "Resolved");
    const first = resolved.filter((r) => Number(r["Agent Messages"]) <= 1 && r.Reopened === "No");
    await page.goto(new URL("embed.html?calculator=fcr&lang=id", page.url()).href);
    await page.waitForFunction(() => document.querySelector("customer-metrics")?.dataset.ready === "1", null, { timeout: 60_000 });
    const widget = page.locator("customer-metrics");
    await widget.locator("#fcr-text").fill(raw);
    await page.waitForFunction(() => document.querySelector("customer-metrics").shadowRoot.querySelector('[data-testid="fcr-layout"]'), null, { timeout: 60_000 });
    assert.equal(await widget.locator('[data-testid="fcr-layout"]').getAttribute("data-layout"), "chat");
    assert.equal(norm(await widget.locator('[data-testid="fcr-value"]').textContent()), pct("id", (first.length / resolved.length) * 100));
    assert.equal(await widget.locator('[data-testid="fcr-service-chart-svg"]').count(), 1);
    // The words follow the reader's language switch.
    await widget.locator('[data-testid="widget-lang"]').click();
    await page.waitForFunction(() => /Service times/.test(document.querySelector("customer-metrics").shadowRoot.textContent), null, { timeout: 30_000 });
    assert.deepEqual(problems, []);
  });
});
