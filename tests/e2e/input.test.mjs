// End-to-end test of the data input of the page (www/js/datainput.js) in headless
// Chromium: pasting and opening files, the preview with the column roles, the
// decisions taken, the locale choice, skipped rows, big pastes and user text as text.
// Run from the repository root after building the module:
//   scripts/build.sh && node --test --test-concurrency=1 tests/e2e/
// Screenshots go to tests/e2e/screenshots/ (gitignored).

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { norm, openPage, settled, sharedData, shotsDir } from "./helpers.mjs";

const ticketFile = sharedData("tiket_cs.csv");
const npsFile = sharedData("survei_nps.tsv");
const cesFile = sharedData("survei_ces.txt");

describe("the data input of the page", { timeout: 900_000 }, () => {
  let page;
  let close;
  let problems = [];
  const dialogs = [];

  before(async () => {
    ({ page, problems, close } = await openPage());
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
  });

  after(async () => {
    await close?.();
  });

  /** The text of the first match, once every debounced update has run. */
  const text = async (selector) => {
    await settled(page);
    return norm(await page.locator(selector).first().textContent());
  };
  const texts = async (selector) => {
    await settled(page);
    return (await page.locator(selector).allTextContents()).map(norm);
  };
  const value = async (selector) => {
    await settled(page);
    return page.inputValue(selector);
  };

  it("FCR from a pasted ticket log: 69,5 % of 640 tickets, then grouped by Kanal", async () => {
    await page.locator("#fcr-text").fill(fs.readFileSync(ticketFile, "utf8"));
    assert.ok(await page.locator("#fcr-source-text").isChecked(), "pasting selects the ticket-log source");
    assert.equal(await text('[data-testid="fcr-value"]'), "69,5 %");
    assert.equal(await text('[data-testid="fcr-rows"]'), "640 tiket dipakai, 0 dilewati");
    assert.match(await text('[data-testid="fcr-formula"]'), /445 \/ 640 × 100 % = 69,5 %/);
    assert.equal(await page.getAttribute('[data-testid="fcr-band"]', "data-band"), "belowAverage");

    // Not grouped until asked.
    assert.equal(await value("#fcr-group"), "");
    assert.equal(await page.locator('[data-testid="fcr-groups"]').count(), 0);

    // The decisions taken, in Indonesian.
    const decisions = await text('[data-testid="fcr-decisions"]');
    assert.match(decisions, /640 baris data, 7 kolom/);
    assert.match(decisions, /pemisah kolom: koma/);
    assert.match(decisions, /baris pertama = judul kolom/);
    assert.match(decisions, /Tanggal di kolom “Tanggal” dibaca sebagai hari\/bulan\/tahun \(dari nilai-nilainya\)/);

    // The preview: 20 rows of 7 columns, the detected roles in the headers.
    const preview = page.locator('[data-testid="fcr-preview"]');
    assert.equal(await preview.locator("tbody tr").count(), 20);
    assert.equal(await preview.locator('thead th[scope="col"]').count(), 8); // row number + 7 columns
    assert.match(await text('[data-testid="fcr-preview"] caption'), /Pratinjau: 20 baris pertama dari 640/);
    assert.equal(await value("#fcr-role-4"), "resolved");
    assert.equal(await value("#fcr-role-5"), "contacts");
    assert.equal(await value("#fcr-role-2"), "");
    // Cells as read: the date in words, yes/no as words, the first data row is line 2.
    const first = (await texts('[data-testid="fcr-preview"] tbody tr:first-child > *')).slice(0, 6);
    assert.deepEqual(first, ["2", "T-5000", "1 Mei 2025", "Email", "Fajar", "ya"]);

    // Group by Kanal: the four channels, largest first.
    await page.selectOption("#fcr-group", { label: "Kanal" });
    const rows = await texts('[data-testid="fcr-groups"] tbody tr');
    assert.equal(rows.length, 4);
    const names = await texts('[data-testid="fcr-groups"] tbody th');
    assert.deepEqual(names, ["WhatsApp", "Email", "Instagram DM", "Telepon"]);
    const totals = await page.locator('[data-testid="fcr-groups"] tbody tr td:last-child').allTextContents();
    assert.deepEqual(totals.map(norm), ["180", "167", "159", "134"]);
    assert.match(rows[0], /75,6 %/);
    assert.equal(await value("#fcr-role-2"), "group", "the Kanal column shows the group role");
    assert.match(await text('[data-testid="fcr-details"]'), /FCR per Kanal/);

    // "(none)" in the Kanal header ungroups again.
    await page.selectOption("#fcr-role-2", "");
    assert.equal(await value("#fcr-group"), "");
    assert.equal(await page.locator('[data-testid="fcr-groups"]').count(), 0);
    // And choosing the group role in a header groups by that column.
    await page.selectOption("#fcr-role-3", "group");
    assert.equal(await page.locator("#fcr-group option:checked").textContent(), "Agen");
    assert.deepEqual(await texts('[data-testid="fcr-groups"] tbody th'), ["Maya", "Rina", "Fajar", "Andi"]);
    await page.selectOption("#fcr-group", "");
  });

  it("NPS from a file opened with the file button: 412 used, 2 skipped, roles detected", async () => {
    await page.click('label[for="nps-source-counts"]');
    await page.setInputFiles("#nps-file", npsFile);
    assert.match(await text('[data-testid="nps-file-status"]'), /File “survei_nps\.tsv” dibaca \(15 KB\)/);
    assert.ok(await page.locator("#nps-source-text").isChecked(), "opening a file selects the text source");
    assert.equal(await text('[data-testid="nps-value"]'), "10,2");
    assert.equal(await text('[data-testid="nps-rows"]'), "412 jawaban dipakai, 2 dilewati");
    // Skipped rows: line numbers, translated reasons, the API's English reason as a tooltip.
    const skipped = page.locator('[data-testid="nps-skipped"] li');
    assert.deepEqual(await texts('[data-testid="nps-skipped"] li'), ["Baris 415: tidak ada skor", "Baris 416: skor di luar 0–10"]);
    assert.equal(await skipped.nth(1).getAttribute("title"), "Score 11 at row 416 is outside 0–10.");
    assert.equal(await skipped.nth(1).getAttribute("data-code"), "scoreOutOfRange");

    // The preview with the detected roles and kinds.
    assert.equal(await value("#nps-role-1"), "score");
    assert.equal(await value("#nps-role-0"), "");
    assert.equal(await value("#nps-role-2"), "");
    assert.deepEqual((await texts('[data-testid="nps-preview"] thead .col-name')).map((n) => n.slice(0, 26)), [
      "Timestamp",
      "Seberapa besar kemungkinan",
      "Alasan",
    ]);
    assert.deepEqual(await texts('[data-testid="nps-preview"] thead .col-kind'), ["tanggal", "angka", "teks"]);
    assert.equal(await page.locator('[data-testid="nps-preview"] tbody tr').count(), 20);
    assert.equal(await page.getAttribute('[data-testid="nps-preview"] thead th[data-col="1"]', "data-role"), "score");
    // Empty cells are marked, not left blank.
    assert.match(await text('[data-testid="nps-preview"] tbody tr:first-child td:last-child'), /kosong atau tidak terbaca/);
    const decisions = await text('[data-testid="nps-decisions"]');
    assert.match(decisions, /414 baris data, 3 kolom/);
    assert.match(decisions, /pemisah kolom: tab/);
    assert.match(decisions, /baris pertama = judul kolom/);
    assert.match(decisions, /Kolom yang dipakai: “Seberapa besar kemungkinan .*” sebagai skor/);
  });

  it("changing a column's role re-runs the calculator with that column", async () => {
    await page.locator("#nps-text").fill("1;9\n2;10\n3;4");
    // Two numeric columns: the API will not guess.
    assert.equal(await page.getAttribute('[data-testid="nps-error"] .error-text', "data-code"), "ambiguousScoreColumn");
    assert.match(await text('[data-testid="nps-error"]'), /kolom skornya tidak jelas/);
    assert.equal(await page.locator('[data-testid="nps-value"]').count(), 0);
    assert.equal(await value("#nps-role-0"), "");
    assert.equal(await value("#nps-role-1"), "");
    const decisions = await text('[data-testid="nps-decisions"]');
    assert.match(decisions, /pemisah kolom: titik koma/);
    assert.match(decisions, /tanpa judul kolom/);
    const options = await page.locator("#nps-role-1 option").allTextContents();
    assert.deepEqual(options, ["(tidak dipakai)", "Skor", "Kelompok"]);
    assert.match(await text('[data-testid="nps-preview"] thead'), /kolom 1.*kolom 2/);

    await page.focus("#nps-role-1");
    await page.selectOption("#nps-role-1", "score");
    assert.equal(await text('[data-testid="nps-value"]'), "33,3");
    assert.equal(await text('[data-testid="nps-rows"]'), "3 jawaban dipakai, 0 dilewati");
    assert.equal(await value("#nps-role-1"), "score");
    assert.equal(await text('[data-testid="nps-error"]'), "");
    assert.equal(
      await page.evaluate(() => document.activeElement?.id),
      "nps-role-1",
      "the changed select keeps the focus after the preview is redrawn",
    );

    // "(none)" removes the role: nothing is computed until a column is chosen.
    await page.selectOption("#nps-role-1", "");
    assert.match(await text('[data-testid="nps-hint"]'), /Belum ada kolom skor/);
    await page.selectOption("#nps-role-0", "score");
    assert.equal(await text('[data-testid="nps-value"]'), "−100");
    assert.equal(await value("#nps-role-0"), "score");
    assert.equal(await value("#nps-role-1"), "");

    // A table with other columns starts again from what is detected.
    await page.locator("#nps-text").fill("Nama\tSkor\nAni\t9\nBudi\t6");
    assert.equal(await text('[data-testid="nps-value"]'), "0");
    assert.equal(await value("#nps-role-1"), "score");
    assert.equal(await value("#nps-role-0"), "");
  });

  it("the number/date format choice decides ambiguous dates, and says so", async () => {
    await page.locator("#fcr-text").fill("Tanggal;Selesai\n01/02/2025;ya\n03/04/2025;tidak");
    assert.equal(await text('[data-testid="fcr-value"]'), "50 %");
    assert.equal(await value("#fcr-locale"), "auto");
    assert.match(await text('[data-testid="fcr-decisions"]'), /hari\/bulan\/tahun \(bawaan Indonesia, karena nilainya tidak menentukan\)/);
    assert.match(await text('[data-testid="fcr-decisions"]'), /Kalau keliru, ganti “Format angka dan tanggal”/);
    assert.equal(await text('[data-testid="fcr-preview"] tbody tr:first-child td'), "1 Feb 2025");
    await page.selectOption("#fcr-locale", "en");
    assert.match(await text('[data-testid="fcr-decisions"]'), /bulan\/hari\/tahun \(sesuai format yang dipilih\)/);
    assert.equal(await text('[data-testid="fcr-preview"] tbody tr:first-child td'), "2 Jan 2025");
    await page.selectOption("#fcr-locale", "auto");
  });

  it("a file dropped on the paste box is read like an opened one", async () => {
    const content = fs.readFileSync(cesFile, "utf8");
    await page.evaluate(async (text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], "survei_ces.txt", { type: "text/plain" }));
      const zone = document.querySelector('[data-testid="ces-dropzone"]');
      for (const type of ["dragenter", "dragover", "drop"]) {
        zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      }
    }, content);
    assert.match(await text('[data-testid="ces-file-status"]'), /survei_ces\.txt/);
    assert.equal(await text('[data-testid="ces-value"]'), "5,28");
    assert.equal(await text('[data-testid="ces-rows"]'), "180 jawaban dipakai, 0 dilewati");
    assert.equal(await value("#ces-role-0"), "score");
    assert.equal(await page.locator('[data-testid="ces-dropzone"].is-dragover').count(), 0);
    // An Apple Numbers file is refused with advice, and the box keeps its text.
    await page.setInputFiles("#ces-file", { name: "data.numbers", mimeType: "application/octet-stream", buffer: Buffer.from("PK\u0003\u0004") });
    assert.match(await text('[data-testid="ces-file-status"]'), /bukan file teks.*CSV/);
    assert.equal(await text('[data-testid="ces-value"]'), "5,28");
    // A damaged .xlsx goes to the spreadsheet reader, which says so; the box keeps its text.
    await page.setInputFiles("#ces-file", { name: "data.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("PK\u0003\u0004") });
    // ("Membuka file spreadsheet …" shows while the reader loads: wait for its answer.)
    await page.waitForFunction(() => /tidak dapat dibaca/.test(document.querySelector('[data-testid="ces-file-status"]').textContent));
    assert.match(await text('[data-testid="ces-file-status"]'), /^“data\.xlsx” tidak dapat dibaca sebagai spreadsheet: filenya rusak/);
    assert.equal(await page.getAttribute('[data-testid="ces-file-status"]', "class"), "file-status is-error");
    assert.equal(await text('[data-testid="ces-value"]'), "5,28");
  });

  it("a sales export shows how amounts and dates were read", async () => {
    await page.setInputFiles("#csat-file", sharedData("transaksi_toko.csv"));
    await page.waitForFunction(() => /transaksi_toko/.test(document.querySelector('[data-testid="csat-file-status"]').textContent));
    const decisions = await text('[data-testid="csat-decisions"]');
    assert.match(decisions, /2\.944 baris data, 4 kolom/);
    assert.match(decisions, /pemisah kolom: titik koma/);
    assert.match(decisions, /“\.” dibaca sebagai pemisah ribuan, “,” sebagai desimal di kolom “Total” \(dari nilai-nilainya\)/);
    assert.match(await text('[data-testid="csat-preview"] caption'), /^Pratinjau: 20 baris pertama dari 2\.944/);
    assert.equal(await text('[data-testid="csat-preview"] tbody tr:first-child td:last-child'), "892.000");
    // No score column in a sales export: the error, and the preview to choose one from.
    assert.equal(await page.getAttribute('[data-testid="csat-error"] .error-text', "data-code"), "noUsableRows");
  });

  it("user text in cells, headers and groups is shown as text, never as markup", async () => {
    const xss = '<b id="xss-h">Kanal</b>;Selesai\n<img src=x onerror=alert(1)>;ya\nWA;tidak\n<script>window.__xss = 1</script>;ya';
    await page.locator("#fcr-text").fill(xss);
    await page.selectOption("#fcr-group", { label: '<b id="xss-h">Kanal</b>' });
    assert.equal(await text('[data-testid="fcr-value"]'), "66,7 %");
    assert.deepEqual((await texts('[data-testid="fcr-groups"] tbody th')).sort(), [
      "<img src=x onerror=alert(1)>",
      "<script>window.__xss = 1</script>",
      "WA",
    ]);
    assert.equal(await text('[data-testid="fcr-preview"] tbody tr:first-child td'), "<img src=x onerror=alert(1)>");
    assert.match(await text('[data-testid="fcr-preview"] thead'), /<b id="xss-h">Kanal<\/b>/);
    assert.equal(await page.locator("#fcr img, #fcr script, #xss-h, #fcr-data b").count(), 0);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(dialogs, []);
  });

  it("a big paste is read after a pause and previews only 20 rows", async () => {
    const lines = ["Skor"];
    for (let i = 0; i < 60_000; i += 1) lines.push(String(((i * 7) % 5) + 1));
    const big = lines.join("\n");
    // A paste arrives as one input event (Playwright's fill() is itself very slow on
    // thousands of lines, so the paste is made here the way the browser makes it).
    const pending = await page.evaluate((text) => {
      const box = document.getElementById("csat-text");
      box.value = text;
      box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
      return document.getElementById("csat").dataset.pending;
    }, big);
    assert.equal(pending, "1", "the update waits for the typing to stop");
    assert.match(await page.locator('[data-testid="csat-data-status"]').textContent(), /Membaca data/);
    assert.equal(await text('[data-testid="csat-rows"]'), "60.000 jawaban dipakai, 0 dilewati");
    assert.equal(await page.locator('[data-testid="csat-preview"] tbody tr').count(), 20);
    assert.match(await text('[data-testid="csat-preview"] caption'), /20 baris pertama dari 60\.000/);
    assert.equal(await page.locator('[data-testid="csat-data-status"]').textContent(), "");
    // Keys typed in quick succession in a big text: one update after the last one.
    const runs = await page.evaluate(async () => {
      const box = document.getElementById("csat-text");
      const summary = document.getElementById("csat-summary");
      let changes = 0;
      const observer = new MutationObserver(() => (changes += 1));
      observer.observe(summary, { childList: true });
      for (let i = 0; i < 5; i += 1) {
        box.value += "\n5";
        box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText" }));
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
      await new Promise((resolve) => setTimeout(resolve, 600));
      observer.disconnect();
      return changes;
    });
    assert.equal(runs, 1, "five quick keystrokes give one update");
    assert.equal(await text('[data-testid="csat-rows"]'), "60.005 jawaban dipakai, 0 dilewati");

    // A big file is read the same way.
    await page.setInputFiles("#csat-file", { name: "besar.csv", mimeType: "text/csv", buffer: Buffer.from(big + "\n4") });
    await page.waitForFunction(() => /besar\.csv/.test(document.querySelector('[data-testid="csat-file-status"]').textContent));
    assert.equal(await text('[data-testid="csat-rows"]'), "60.001 jawaban dipakai, 0 dilewati");
    assert.equal(await page.locator('[data-testid="csat-preview"] tbody tr').count(), 20);

    await page.locator("#csat-text").fill("5, 4, 4, 5, 3, 5, 4, 2, 5, 4, 5, 4, 3, 5, 4");
    assert.equal(await text('[data-testid="csat-value"]'), "80 %");
    assert.ok(await page.locator('[data-testid="csat-data"]').isHidden(), "a typed list has no table to preview");
  });

  it("every control has a label; the preview is a captioned table; results are live regions", async () => {
    await page.setInputFiles("#nps-file", npsFile);
    await page.setInputFiles("#fcr-file", ticketFile);
    await page.waitForFunction(() => /tiket_cs/.test(document.querySelector('[data-testid="fcr-file-status"]').textContent));
    await settled(page);
    const unlabelled = await page.$$eval("input, textarea, select", (els) =>
      els.filter((el) => !el.labels || el.labels.length === 0).map((el) => el.id || el.outerHTML),
    );
    assert.deepEqual(unlabelled, []);
    const roleLabel = await page.$eval("#nps-role-1", (el) => el.labels[0].textContent);
    assert.match(norm(roleLabel), /^Seberapa besar .*: peran kolom$/);
    for (const id of ["nps", "ces", "csat", "fcr"]) {
      assert.equal(await page.getAttribute(`#${id}-file`, "type"), "file");
      assert.equal(await page.getAttribute(`#${id}-file`, "accept"), ".csv,.tsv,.txt,.xlsx,.xlsm,.xls,.ods");
      assert.equal(await page.getAttribute(`#${id}-summary`, "aria-live"), "polite");
    }
    // The file button is reachable with the keyboard: Tab from the paste box reaches it.
    await page.focus("#nps-text");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "nps-file");
    const ring = await page.$eval('label[for="nps-file"]', (el) => getComputedStyle(el).outlineStyle);
    assert.equal(ring, "solid", "the focused file input shows a focus ring on its button");
    for (const id of ["nps", "fcr"]) {
      const table = page.locator(`[data-testid="${id}-preview"]`);
      assert.equal(await table.locator("caption").count(), 1);
      assert.equal(await table.locator("thead th:not([scope=col])").count(), 0);
      assert.equal(await table.locator("tbody th[scope=row]").count(), 20);
    }
  });

  it("screenshots at 375 px and 1280 px", async () => {
    await page.selectOption("#fcr-group", { label: "Kanal" });
    await page.evaluate(() => document.activeElement?.blur());
    fs.mkdirSync(shotsDir, { recursive: true });
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await settled(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling at ${width} px (overflow ${overflow} px)`);
      for (const id of ["nps", "fcr"]) {
        await page.locator(`#${id}`).screenshot({ path: path.join(shotsDir, `input-${id}-${width}.png`) });
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    console.log(`screenshots: ${shotsDir}`);
  });

  it("speaks English after the switch: decisions, roles and reasons", async () => {
    await page.click("#lang-toggle");
    const decisions = await text('[data-testid="fcr-decisions"]');
    assert.match(decisions, /640 data rows, 7 columns/);
    assert.match(decisions, /separator: comma/);
    assert.match(decisions, /first row is a header/);
    assert.match(decisions, /dates in “Tanggal” read as day\/month\/year \(decided from the values\)/);
    assert.equal(await text('[data-testid="fcr-rows"]'), "640 tickets used, 0 skipped");
    assert.deepEqual(await page.locator("#fcr-role-4 option").allTextContents(), [
      "(none)",
      "Resolved at first contact (yes/no)",
      "Number of contacts",
      "Group",
    ]);
    assert.equal(await page.locator("#fcr-group option").first().textContent(), "(none)");
    assert.equal(await page.locator('label[for="fcr-locale"]').textContent(), "Number and date format");
    assert.deepEqual(await texts('[data-testid="nps-skipped"] li'), ["Row 415: no score", "Row 416: score outside 0–10"]);
    assert.equal(await text('[data-testid="fcr-preview"] tbody tr:first-child td:nth-of-type(2)'), "1 May 2025");
    await page.click("#lang-toggle");
    assert.match(await text('[data-testid="fcr-decisions"]'), /pemisah kolom: koma/);
  });

  it("logged no console errors, page errors or failed requests, and stored no data", async () => {
    assert.deepEqual(problems, []);
    const stored = await page.evaluate(() => Object.keys(window.localStorage));
    assert.deepEqual(stored, ["customer-metrics.lang"]);
  });
});
