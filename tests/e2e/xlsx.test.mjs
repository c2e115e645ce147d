// End-to-end test of spreadsheet files in the page (js/workbook.js, the module
// www/xlsx/pkg): nothing of it loads until a spreadsheet is opened; a Google Forms
// answer sheet saved as .xlsx in the NPS input, and a Shopee-like order export in
// the sales analysis (read in its worker), with the sheet picker; figures checked
// against values computed by hand (tests/workbook.rs explains them). The fixtures
// are made by scripts/make-xlsx-fixtures.py. Run from the repository root after
// building: scripts/build.sh && node --test tests/e2e/xlsx.test.mjs

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { norm, openPage, repo, settled } from "./helpers.mjs";

const fixture = (name) => path.join(repo, "tests/fixtures/xlsx", name);

describe("spreadsheet files (.xlsx, .xls, .ods)", { timeout: 300_000 }, () => {
  let page;
  let close;
  let base;
  let problems = [];
  const requests = [];
  const violations = [];

  before(async () => {
    ({ page, base, problems, close } = await openPage());
    page.on("request", (req) => requests.push(req.url()));
    page.on("console", (msg) => {
      if (/Content Security Policy|Refused to/.test(msg.text())) violations.push(msg.text());
    });
    await page.evaluate(() => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
  });

  after(async () => {
    await close?.();
  });

  const text = async (selector) => norm(await page.locator(selector).first().textContent());
  const testid = (id) => `[data-testid="${id}"]`;
  const xlsxRequests = () => requests.filter((u) => new URL(u).pathname.startsWith("/xlsx/"));
  const runs = () => page.evaluate(() => Number(document.getElementById("sales").dataset.run || 0));
  async function waitSales(before, state = "ok") {
    await page.waitForFunction(
      ([n, st]) => {
        const s = document.getElementById("sales");
        return Number(s.dataset.run || 0) > n || (st !== "ok" && s.dataset.state === st);
      },
      [before, state],
      { timeout: 120_000 },
    );
    await page.waitForFunction((st) => document.getElementById("sales").dataset.state === st, state, { timeout: 60_000 });
  }
  const waitText = (id, re) =>
    page.waitForFunction(([sel, src]) => new RegExp(src).test(document.querySelector(sel)?.textContent || ""), [testid(id), re.source], {
      timeout: 60_000,
    });

  it("loads nothing of the spreadsheet reader before a spreadsheet is opened", async () => {
    assert.deepEqual(xlsxRequests(), []);
    assert.equal(await page.getAttribute("#nps-file", "accept"), ".csv,.tsv,.txt,.xlsx,.xlsm,.xls,.ods");
  });

  it("reads a Google Forms answer sheet (.xlsx) in the NPS input", async () => {
    await page.setInputFiles("#nps-file", fixture("nps-google-forms.xlsx"));
    await waitText("nps-file-status", /Lembar/);
    assert.match(await text(testid("nps-file-status")), /^Lembar “Form Responses 1” dibaca dari file “nps-google-forms\.xlsx” \(5 KB\)\.$/);
    await settled(page);
    // By hand: promoters 10, 9, 9, 10, 9 (5 of 10), passives 8, 7, detractors 6, 3, 5 (3)
    // → NPS 50 % − 30 % = 20.
    assert.equal(await text(testid("nps-value")), "20");
    assert.equal(await text(testid("nps-rows")), "10 jawaban dipakai, 0 dilewati");
    assert.equal(await page.inputValue("#nps-role-1").catch(() => page.$eval("#nps-role-1", (s) => s.value)), "score");
    // The text in the box is the sheet, line for line.
    const box = await page.inputValue("#nps-text");
    assert.equal(box.split("\n")[1], "2025-02-01 08:01:12\t10\tKopinya enak");
    // One sheet: no picker.
    assert.equal(await page.locator(testid("nps-sheet-field")).isHidden(), true);
    // Now the module was loaded, from our own origin.
    const loaded = xlsxRequests().map((u) => new URL(u).pathname);
    assert.ok(loaded.includes("/xlsx/pkg/customer_metrics.js"), loaded.join(", "));
    assert.ok(loaded.includes("/xlsx/pkg/customer_metrics_bg.wasm"), loaded.join(", "));
  });

  it("a workbook with two sheets in the NPS input shows the sheet picker", async () => {
    await page.setInputFiles("#nps-file", fixture("shopee-orders.xlsx"));
    await waitText("nps-file-status", /Orders/);
    assert.equal(await page.locator(testid("nps-sheet-field")).isVisible(), true);
    assert.deepEqual(await page.$$eval("#nps-sheet option", (os) => os.map((o) => o.textContent)), ["Orders", "Catatan"]);
    assert.equal(await page.$eval("#nps-sheet", (s) => s.value), "Orders");
    await page.selectOption("#nps-sheet", "Catatan");
    await waitText("nps-file-status", /Catatan/);
    assert.match(await page.inputValue("#nps-text"), /^Ekspor pesanan Shopee/);
    // Back to the answers.
    await page.setInputFiles("#nps-file", fixture("nps-google-forms.xlsx"));
    await waitText("nps-file-status", /Form Responses 1/);
    await settled(page);
    assert.equal(await text(testid("nps-value")), "20");
  });

  it("analyses a Shopee-like order export (.xlsx) in the sales section, with its sheets", async () => {
    let before = await runs();
    await page.setInputFiles("#sales-file", fixture("shopee-orders.xlsx"));
    await waitSales(before);
    assert.match(await text(testid("sales-file-status")), /^Lembar “Orders” dibaca dari file “shopee-orders\.xlsx” \(6 KB\) dan dianalisis\./);
    // By hand (tests/workbook.rs): 9 orders, the cancelled one of sheet row 9 has no buyer;
    // 5 buyers; February against January: S = 4, E = 3, N = 1 → CRR (3 − 1) / 4 = 50 %.
    assert.equal(await text(testid("sales-rows")), "8 baris dipakai, 1 dilewati");
    const skipped = await page.locator(`${testid("sales-skipped")} li`).allTextContents();
    assert.equal(skipped.length, 1);
    assert.match(norm(skipped[0]), /9/);
    assert.equal(await text(testid("sales-span")), "5 pelanggan · transaksi 5 Jan 2025 – 28 Feb 2025");
    assert.equal(await text(testid("sales-S")), "4");
    assert.equal(await text(testid("sales-E")), "3");
    assert.equal(await text(testid("sales-N")), "1");
    assert.equal(await text(testid("sales-crr")), "50 %");
    // The top 20 % (1 of 5 buyers: budi.s, Rp 310.000 of Rp 956.500) = 32,4 %.
    assert.equal(await text(testid("sales-ov-pareto")), "32,4 %");
    // Two sheets with data: the picker, Orders chosen.
    assert.equal(await page.locator(testid("sales-sheet-field")).isVisible(), true);
    assert.deepEqual(await page.$$eval("#sales-sheet option", (os) => os.map((o) => o.textContent)), ["Orders", "Catatan"]);
    assert.equal(await page.$eval("#sales-sheet", (s) => s.value), "Orders");

    // The notes sheet is no sales log: an error, and the picker stays to go back.
    before = await runs();
    await page.selectOption("#sales-sheet", "Catatan");
    await waitSales(before, "error");
    assert.match(await text(testid("sales-file-status")), /Lembar “Catatan” dibaca/);
    assert.equal(await page.locator(testid("sales-sheet-field")).isVisible(), true);
    before = await runs();
    await page.selectOption("#sales-sheet", "Orders");
    await waitSales(before);
    assert.equal(await text(testid("sales-rows")), "8 baris dipakai, 1 dilewati");
    assert.match(await text(testid("sales-file-status")), /Lembar “Orders” dibaca/);
  });

  it("reads a Tokopedia-like report (.xlsx) with title rows above its header", async () => {
    // By hand (tests/workbook.rs): the sheet's rows 1–2 are the title, row 3 the header;
    // 4 invoices of 3 buyers: 250000 + 45500 + 180000 + 150000.5 = Rp 625.500,5.
    const before = await runs();
    await page.setInputFiles("#sales-file", fixture("tokopedia-sales.xlsx"));
    await waitSales(before);
    assert.equal(await text(testid("sales-rows")), "4 baris dipakai, 0 dilewati");
    assert.match(await text(testid("sales-read-header")), /baris 1–2 dilewati; header di baris 3/);
    assert.match(await text(testid("sales-span")), /^3 pelanggan/);
  });

  it("reads .ods and .xls files, and says plainly when a file is no spreadsheet", async () => {
    let before = await runs();
    await page.setInputFiles("#sales-file", fixture("orders.ods"));
    await waitSales(before);
    assert.match(await text(testid("sales-file-status")), /Lembar “Pesanan” dibaca dari file “orders\.ods”/);
    assert.equal(await text(testid("sales-rows")), "2 baris dipakai, 0 dilewati");
    before = await runs();
    await page.setInputFiles("#sales-file", fixture("orders.xls"));
    await waitSales(before);
    assert.match(await text(testid("sales-file-status")), /Lembar “Penjualan” dibaca dari file “orders\.xls”/);
    assert.equal(await page.locator(testid("sales-sheet-field")).isHidden(), true, "one sheet: no picker");
    await page.setInputFiles("#sales-file", { name: "pesanan.xlsx", mimeType: "text/csv", buffer: Buffer.from("pelanggan,tanggal,jumlah\nBudi,2025-01-06,250000\n") });
    await waitText("sales-file-status", /spreadsheet/);
    assert.match(await text(testid("sales-file-status")), /^“pesanan\.xlsx” tidak dapat dibaca sebagai spreadsheet/);
    await page.setInputFiles("#sales-file", fixture("protected.ods"));
    await waitText("sales-file-status", /kata sandi/);
    assert.match(await text(testid("sales-file-status")), /^“protected\.ods” dilindungi kata sandi\./);
  });

  it("a crafted .xls that would exhaust the reader's memory is an error, and the next file is read", async () => {
    // The fuzzer's file claims a sheet of about 10^12 cells, which calamine would reserve
    // (the module trapped): readWorkbook now refuses it first (invalidSpreadsheet, the
    // "tidak dapat dibaca" message); the page says so and the same reader reads the next
    // file. (A file that still traps takes the same message and a fresh reader.)
    await page.setInputFiles("#sales-file", fixture("fuzz-xls-dimensions.xls"));
    await waitText("sales-file-status", /tidak dapat dibaca|dilindungi|terlalu besar/);
    assert.match(await text(testid("sales-file-status")), /“fuzz-xls-dimensions\.xls”/);
    const before = await runs();
    await page.setInputFiles("#sales-file", fixture("orders.ods"));
    await waitSales(before);
    assert.equal(await text(testid("sales-rows")), "2 baris dipakai, 0 dilewati");
  });

  it("a spreadsheet that traps the reader is an error, and a fresh reader reads the next file", async () => {
    // xlsb-panic.xlsx (scripts/make-xlsb-panic-fixture.py): an .xlsb body under an .xlsx
    // name whose one cell names a shared string the workbook does not have; calamine's
    // .xlsb reader indexes its list unchecked, the module traps. www/js/workbook.js says
    // the file cannot be read and loads a fresh instance, which reads the next file.
    const fresh = () => xlsxRequests().filter((u) => /customer_metrics\.js\?instance=/.test(u)).length;
    const freshBefore = fresh();
    await page.setInputFiles("#sales-file", fixture("xlsb-panic.xlsx"));
    await waitText("sales-file-status", /tidak dapat dibaca|dilindungi|terlalu besar/);
    assert.match(await text(testid("sales-file-status")), /^“xlsb-panic\.xlsx” tidak dapat dibaca sebagai spreadsheet/);
    const before = await runs();
    await page.setInputFiles("#sales-file", fixture("orders.ods"));
    await waitSales(before);
    assert.equal(await text(testid("sales-rows")), "2 baris dipakai, 0 dilewati");
    // The glue was imported again for the next file: a fresh instance read it.
    assert.equal(fresh(), freshBefore + 1, xlsxRequests().join("\n"));
  });

  it("speaks English too", async () => {
    await page.click("#lang-toggle");
    await page.setInputFiles("#nps-file", fixture("shopee-orders.xlsx"));
    await waitText("nps-file-status", /Sheet/);
    assert.match(await text(testid("nps-file-status")), /^Sheet “Orders” read from “shopee-orders\.xlsx” \(6 KB\)\.$/);
    assert.equal(norm(await page.$eval("#nps-sheet", (s) => s.labels[0].textContent)), "Sheet");
    await page.click("#lang-toggle");
  });

  it("requested only its own files, broke no CSP rule, and logged no errors", async () => {
    const origin = new URL(base).origin;
    assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith("blob:") && !u.startsWith("data:")), []);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
  });
});
