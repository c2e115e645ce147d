// The page's streaming reader (issue 16, "files larger than memory"): the
// module's LogStream fed a file in blocks of bytes, and js/stream-file.js (what
// the worker runs on a big File), give exactly what analyzeLog gives for the
// file's text, read the way js/kit/files.js reads it (strict UTF-8, else
// Windows-1252), whatever the blocks' sizes. The reference is analyzeLog on the
// whole text (a separate path: one piece, no encoding in the module), compared as
// JSON, figure for figure. Run: node --test tests/node/stream.test.mjs

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { initSync, analyzeLog, LogStream } from "../../www/pkg/customer_metrics.js";
import { headText, streamFile, streams } from "../../www/js/stream-file.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
initSync({ module: fs.readFileSync(path.join(repo, "www/pkg/customer_metrics_bg.wasm")) });
const sharedDir = process.env.SHARED_DIR ?? path.resolve(repo, "../shared");
const exportsDir = path.join(repo, "tests/fixtures/exports");

/** A fixed sequence of pseudo-random numbers (xorshift32), so that a failure can be replayed. */
function random(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** `bytes` cut into blocks: a number (each that long), "random" (1 byte to 64 KB) or "whole". */
function blocks(bytes, size, seed = 7) {
  if (size === "whole") return [bytes];
  const next = random(seed);
  const out = [];
  for (let a = 0; a < bytes.length; ) {
    const n = size === "random" ? 1 + Math.floor(next() * (next() < 0.5 ? 64 : 65536)) : size;
    out.push(bytes.subarray(a, a + n));
    a += n;
  }
  return out;
}

/** The result of a callback, or its error as { code, message, field, row }. */
function outcome(run) {
  try {
    return { result: run() };
  } catch (error) {
    return { error: { code: error.code, message: error.message, field: error.field, row: error.row } };
  }
}

/** LogStream over `bytes` in the given blocks: both passes, then finish(); freed at the end. */
function streamed(bytes, options, size, latin = false) {
  const s = new LogStream(options, latin);
  try {
    const parts = blocks(bytes, size);
    for (const b of parts) s.scan(b);
    s.endScan();
    for (const b of parts) s.read(b);
    return s.finish();
  } finally {
    s.free();
  }
}

/** analyzeLog({ text, ...options }) and the stream of `bytes` agree, as JSON (or throw the same error). */
function assertSame(bytes, text, options, sizes, latin = false) {
  const want = outcome(() => analyzeLog({ text, ...options }));
  const wantJson = JSON.stringify(want);
  for (const size of sizes) {
    const got = outcome(() => streamed(bytes, options, size, latin));
    if (want.error) assert.deepEqual(got.error, want.error, `blocks of ${size}`);
    // One assert.equal of two long strings prints only their start: the first difference is found first.
    const gotJson = JSON.stringify(got);
    if (gotJson !== wantJson) {
      let i = 0;
      while (gotJson[i] === wantJson[i]) i += 1;
      assert.fail(`blocks of ${size}: differs at ${i}: …${gotJson.slice(Math.max(0, i - 80), i + 80)}… vs …${wantJson.slice(Math.max(0, i - 80), i + 80)}…`);
    }
  }
  return want;
}

/**
 * A messy export: two title rows and a blank row before the header, CRLF, `;`
 * between fields, quoted fields holding `;`, `""` and line breaks (LF and CRLF),
 * orders of several lines (one order number, the order's total on each line),
 * a UTF-8 BOM, names in varying case, accented names, a cancelled order, a row
 * without a date. Returns { text, customers, orders, cancelledLines }: the
 * distinct customers of the counted orders (as a person would count them: names
 * compared case-blind), the orders counted, the lines of cancelled orders.
 */
function messyLog(orders) {
  const next = random(0x5eed);
  const names = ["Budi Santoso", "Siti Aminah", "José Ramírez", "Dewi; Lestari", 'Rina "Nana" Wati', "Ahmad Fauzi", "Çelik Öztürk", "Putri Ayu"];
  const lines = ["\ufeffLaporan Penjualan Toko Maju", "Periode: 1 Januari 2024 – 30 Juni 2024", "", "No. Pesanan;Tanggal;Pelanggan;Produk;Catatan;Status;Total Pesanan"];
  const quote = (s) => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const counted = new Set();
  let cancelledLines = 0;
  let orderCount = 0;
  for (let i = 0; i < orders; i++) {
    const name = names[Math.floor(next() * names.length)];
    const shown = next() < 0.3 ? name.toUpperCase() : name;
    const day = 1 + Math.floor(next() * 28);
    const month = 1 + Math.floor(next() * 6);
    const date = `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/2024`;
    const status = i % 17 === 5 ? "Batal" : "Selesai";
    const total = `Rp ${(10 + Math.floor(next() * 990)) * 1000}`.replace(/(\d)(?=(\d{3})+$)/, "$1.");
    const items = 1 + Math.floor(next() * 3);
    for (let k = 0; k < items; k++) {
      const note = k === 0 && i % 5 === 0 ? (i % 10 === 0 ? "kirim pagi;\r\njangan dibanting" : "hadiah\nbungkus kado") : "";
      lines.push([`INV-${1000 + i}`, date, quote(shown), `Produk ${k + 1}`, quote(note), status, quote(total)].join(";"));
    }
    if (status !== "Batal") {
      counted.add(name.toLowerCase());
      orderCount += 1;
    } else cancelledLines += items;
  }
  lines.push("INV-9999;;Budi Santoso;Produk 1;;Selesai;Rp 5.000");
  return { text: lines.join("\r\n") + "\r\n", customers: counted.size, orders: orderCount, cancelledLines };
}

const utf8 = (s) => new TextEncoder().encode(s);
// readTextFile drops a UTF-8 BOM (TextDecoder's default): the reference text has none.
const asRead = (bytes) => new TextDecoder("utf-8", { fatal: true }).decode(bytes);

describe("LogStream gives analyzeLog's result, figure for figure", () => {
  const files = [
    ["transaksi_toko.csv", path.join(sharedDir, "data/transaksi_toko.csv")],
    ["CDNOW_sample.txt", path.join(sharedDir, "data/CDNOW_sample.txt")],
    ...fs.readdirSync(exportsDir).filter((f) => f.endsWith(".csv")).sort().map((f) => [f, path.join(exportsDir, f)]),
  ];
  for (const [name, file] of files) {
    test(name, () => {
      const bytes = new Uint8Array(fs.readFileSync(file));
      const small = bytes.length < 5000;
      const want = assertSame(bytes, asRead(bytes), {}, [4096, "random", "whole", ...(small ? [1, 7] : [65536])]);
      assert.ok(want.result, `${name} is analysed`);
      // Other options: the same agreement (RFM by quintiles, an as-of date, the notation said).
      assertSame(bytes, asRead(bytes), { method: "quintile", asOf: "2025-12-31" }, [4096, "random"]);
    });
  }

  test("the shop log with a status column option and a period", () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(sharedDir, "data/transaksi_toko.csv")));
    assertSame(bytes, asRead(bytes), { periodStart: "2024-07-01", periodEnd: "2024-12-31", locale: "id" }, [1000, "random"]);
    // As the page's worker asks: the customers as typed columns, the lists of objects left out.
    const page = { tables: true, omit: ["rfm.customers", "clv.customers", "scores.customers", "lifecycle.customers"] };
    const want = assertSame(bytes, asRead(bytes), page, [1000, "whole"]);
    assert.equal(want.result.tables.rfm.customer.length, 600);
  });

  test("a messy log: title rows, CRLF, quoted ';' and line breaks, orders of several lines, a BOM", () => {
    const { text, customers, orders, cancelledLines } = messyLog(300);
    const bytes = utf8(text);
    assert.equal(bytes[0], 0xef, "the BOM is there");
    const want = assertSame(bytes, asRead(bytes), {}, [1, 2, 3, 4096, "random", "whole"]);
    assert.ok(want.result, "the messy log is analysed");
    assert.equal(want.result.headerRow, 4, "two title rows and a blank row above the header");
    assert.equal(want.result.customers, customers, "names in varying case are one customer each; a cancelled order is not counted");
    assert.equal(want.result.sales.orders, orders, "an order of several lines is one order");
    const reasons = want.result.skipped.map((s) => s.code);
    assert.equal(reasons.filter((c) => c === "statusNotCounted").length, cancelledLines, "each line of a cancelled order is skipped");
    assert.deepEqual(reasons.filter((c) => c !== "statusNotCounted"), ["emptyValue"], "and the row without a date");
  });

  test("a Windows-1252 file: notUtf8 when read as UTF-8, and as Windows-1252 the same as its decoded text", () => {
    const header = utf8("Tanggal,Pelanggan,Jumlah\r\n");
    const rows = [];
    // Forty plain rows first (a bad byte in the first rows: the test below).
    for (let i = 0; i < 80; i++) rows.push(`0${1 + (i % 9)}/0${1 + (i % 6)}/2024,${i < 40 ? "Ana" : "Jos\u00e9"} ${i % 7},${(i + 1) * 1000}\r\n`);
    // Each "é" as the single byte 0xE9 (Windows-1252), not UTF-8's two bytes.
    const body = Uint8Array.from([...rows.join("")].map((c) => c.charCodeAt(0)));
    const bytes = new Uint8Array([...header, ...body]);
    assert.ok(bytes.includes(0xe9));
    for (const size of [1, 64, "whole"]) {
      assert.throws(() => streamed(bytes, {}, size, false), (e) => e.code === "notUtf8", `blocks of ${size}`);
    }
    const text = new TextDecoder("windows-1252").decode(bytes);
    const want = assertSame(bytes, text, {}, [1, 64, 4096, "random", "whole"], true);
    assert.ok(want.result.rfm.customers.some((c) => c.customer === "José 3"));
  });

  // A bad byte in the head (the first 5,002 records, from which the columns
  // are decided) is notUtf8 too, with its line, not a wrong error.
  test("a Windows-1252 byte in the first data row is notUtf8 too", () => {
    const bytes = Uint8Array.from([..."Tanggal;Pelanggan;Jumlah\n01/02/2024;Andr\u00e9;5000\n03/02/2024;Budi;7000\n"].map((c) => c.charCodeAt(0)));
    for (const size of [1, 7, "whole"]) {
      assert.throws(() => streamed(bytes, {}, size, false), (e) => e.code === "notUtf8" && e.row === 2, `blocks of ${size}`);
    }
  });

  test("an error: no amount column throws analyzeLog's code", () => {
    const bytes = utf8("Tanggal,Pelanggan\n01/02/2024,Budi\n02/02/2024,Siti\n");
    const want = assertSame(bytes, asRead(bytes), {}, [1, 5, "whole"]);
    assert.equal(want.error.code, "missingColumn");
    // A bad option is refused by the constructor, as analyzeLog refuses it.
    assert.throws(() => new LogStream({ method: "median" }, false), (e) => e.code === analyzeLogCode({ text: "a,b\n", method: "median" }));
  });
});

const analyzeLogCode = (input) => outcome(() => analyzeLog(input)).error?.code;

describe("js/stream-file.js (what the worker runs on a big file)", () => {
  const file = (bytes, name = "log.csv") => new File([bytes], name);

  test("streamFile gives analyzeLog's result, in any block size, and says how the file was read", async () => {
    const { text } = messyLog(120);
    const bytes = utf8(text);
    const want = JSON.stringify(analyzeLog({ text: asRead(bytes), method: "quintile" }));
    for (const blockBytes of [1, 1000, 1 << 20]) {
      const seen = [];
      const got = await streamFile(file(bytes), { method: "quintile" }, { blockBytes, onProgress: (done, total) => seen.push([done, total]) });
      assert.equal(JSON.stringify(got.result), want, `blocks of ${blockBytes}`);
      assert.equal(got.latin, false);
      assert.deepEqual(seen[0], [0, 2 * bytes.length], "progress starts at 0 of both passes");
      assert.deepEqual(seen.at(-1), [2 * bytes.length, 2 * bytes.length], "and ends at the end of the second");
      assert.ok(seen.every(([d], i) => i === 0 || d >= seen[i - 1][0]), "progress only grows");
    }
  });

  test("a Windows-1252 file is read again as Windows-1252 (latin), as readTextFile does", async () => {
    const bytes = Uint8Array.from([..."Tanggal;Pelanggan;Jumlah\n01/02/2024;Andr\u00e9;5000\n03/02/2024;Andr\u00e9;7000\n04/02/2024;Zo\u00eb;1000\n"].map((c) => c.charCodeAt(0)));
    const got = await streamFile(file(bytes), {}, { blockBytes: 10 });
    assert.equal(got.latin, true);
    assert.equal(JSON.stringify(got.result), JSON.stringify(analyzeLog({ text: new TextDecoder("windows-1252").decode(bytes) })));
    await assert.rejects(streamFile(file(bytes), {}, { latin: false }), (e) => e.code === "notUtf8");
  });

  test("a binary file is refused (fileNotText); an analysis error keeps its code and says the reading", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    await assert.rejects(streamFile(file(png, "x.csv"), {}), (e) => e.code === "fileNotText");
    const noAmount = utf8("Tanggal,Pelanggan\n01/02/2024,Budi\n");
    await assert.rejects(streamFile(file(noAmount), {}), (e) => e.code === "missingColumn" && e.latin === false);
  });

  test("which files are streamed: text above the threshold, not spreadsheets, not UTF-16", async () => {
    const text = utf8("a,b\n1,2\n");
    assert.equal(await streams(file(text), 0), true);
    assert.equal(await streams(file(text), text.length), false, "not above");
    assert.equal(await streams(file(text, "x.xlsx"), 0), false);
    assert.equal(await streams(file(new Uint8Array([0xff, 0xfe, 0x61, 0])), 0), false, "UTF-16LE BOM");
    assert.equal(await streams(file(new Uint8Array([0xfe, 0xff, 0, 0x61])), 0), false, "UTF-16BE BOM");
    assert.equal(await streams(file(text)), false, "the default threshold (64 MB)");
  });

  test("headText: the file's head cut after its last line break, decoded as read", async () => {
    const line = "Tanggal;Pelanggan;Catatan\n";
    const row = "01/02/2024;Budi;caf\u00e9 \u2013 ok\n";
    const big = line + row.repeat(Math.ceil((1 << 20) / row.length) + 10);
    const head = await headText(file(utf8(big)), false);
    assert.ok(head.length > 1000 && head.endsWith("\n"));
    assert.equal(big.startsWith(head), true, "a prefix of the text, no cut character");
    assert.equal(await headText(file(utf8("a;b\n1;2")), false), "a;b\n1;2", "a small file whole");
    assert.equal(await headText(file(Uint8Array.of(0x41, 0xe9, 0x0a)), true), "A\u00e9\n");
  });
});
