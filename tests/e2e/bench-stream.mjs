// Measurement (not part of the test run): a log far larger than memory allows
// as one text, analysed by the page's streaming path (issue 16) in headless
// Chromium: wall time from the file chosen to the results shown, and the peak
// resident memory (RSS, sampled from /proc every 250 ms) of the browser's
// processes, the renderer (which runs the worker) apart.
//
//   scripts/build.sh && node tests/e2e/bench-stream.mjs ROWS [CUSTOMERS] [FILE]
//
// Writes the log to FILE (default target/tmp/stream-ROWS.csv; deleted at the end
// unless KEEP=1): the shape of benches/anchors/generate.py's clean log
// (`tanggal;pelanggan;no_faktur;jumlah`, dates dd/mm/yyyy in order over 18
// months, orders of 1–3 lines, skewed customers), written in blocks;
// NO_ORDER_IDS=1 leaves the order column out (each row an order).

import fs from "node:fs";
import path from "node:path";
import { openPage, repo } from "./helpers.mjs";

const rows = Number(process.argv[2] || 1_000_000);
const customers = Number(process.argv[3] || Math.max(1, Math.floor(rows / 10)));
const file = process.argv[4] || path.join(repo, `target/tmp/stream-${rows}.csv`);

function generate() {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, "w");
  // xorshift32 (fast enough for tens of millions of rows)
  let x = 0x2545f491;
  const below = (n) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
  const days = [];
  for (let d = 0; d < 547; d++) {
    const t = new Date(Date.UTC(2024, 0, 1 + d));
    days.push(`${String(t.getUTCDate()).padStart(2, "0")}/${String(t.getUTCMonth() + 1).padStart(2, "0")}/${t.getUTCFullYear()}`);
  }
  const ids = !process.env.NO_ORDER_IDS;
  let buf = [ids ? "tanggal;pelanggan;no_faktur;jumlah\n" : "tanggal;pelanggan;jumlah\n"];
  let row = 0;
  let order = 0;
  while (row < rows) {
    order += 1;
    const c = Math.min(below(customers), below(customers) + below(Math.floor(customers / 2) + 1));
    const lines = [1, 1, 1, 1, 1, 1, 1, 2, 2, 3][below(10)];
    const d = days[Math.floor((row * 547) / rows)];
    for (let k = 0; k < lines && row < rows; k++, row++) buf.push(`${d};Pelanggan ${c};${ids ? `INV-${order};` : ""}${(1 + below(200)) * 10000}\n`);
    if (buf.length >= 200_000) {
      fs.writeSync(fd, buf.join(""));
      buf = [];
    }
  }
  fs.writeSync(fd, buf.join(""));
  fs.closeSync(fd);
}

/** The descendants of this process that are Chromium's, with their RSS in bytes and their type. */
function chromiumProcesses() {
  const children = new Map();
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(pid));
    } catch {}
  }
  const out = [];
  const walk = (pid) => {
    for (const c of children.get(pid) || []) {
      try {
        const cmd = fs.readFileSync(`/proc/${c}/cmdline`, "utf8");
        if (cmd.includes("chromium")) {
          const rss = Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${c}/status`, "utf8"))?.[1] || 0) * 1024;
          const type = /--type=([\w-]+)/.exec(cmd)?.[1] || "browser";
          out.push({ pid: c, rss, type });
        }
      } catch {}
      walk(c);
    }
  };
  walk(process.pid);
  return out;
}

const made = Date.now();
if (!fs.existsSync(file)) generate();
const size = fs.statSync(file).size;
console.log(`log: ${rows.toLocaleString("en")} rows, ≤ ${customers.toLocaleString("en")} customers, ${(size / 1e6).toFixed(0)} MB (${Date.now() - made} ms to make)`);

const { page, base, close } = await openPage();
try {
  // The worker's errors, with their messages (the page shows only their words).
  await page.addInitScript(() => {
    const W = window.Worker;
    window.__workerErrors = [];
    window.Worker = class extends W {
      constructor(...args) {
        super(...args);
        this.addEventListener("message", (e) => {
          if (e.data && e.data.type === "error") window.__workerErrors.push(e.data.error);
        });
      }
    };
  });
  // The default threshold (64 MB): a file this large streams; STREAM_ABOVE=bytes to compare with the whole-text path.
  await page.goto(process.env.STREAM_ABOVE ? `${base}?streamAbove=${process.env.STREAM_ABOVE}` : base);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 30_000 });
  const idle = chromiumProcesses();
  const idleRenderer = Math.max(0, ...idle.filter((p) => p.type === "renderer").map((p) => p.rss));
  let peak = { total: 0, renderer: 0 };
  const sampler = setInterval(() => {
    const ps = chromiumProcesses();
    const total = ps.reduce((a, p) => a + p.rss, 0);
    const renderer = Math.max(0, ...ps.filter((p) => p.type === "renderer").map((p) => p.rss));
    peak = { total: Math.max(peak.total, total), renderer: Math.max(peak.renderer, renderer) };
  }, 250);
  const started = Date.now();
  await page.setInputFiles("#sales-file", file);
  let last = "";
  const ticker = setInterval(async () => {
    const s = await page.evaluate(() => document.querySelector('[data-testid="sales-progress"]')?.innerText || "").catch(() => "");
    if (s !== last) console.log(`${((Date.now() - started) / 1000).toFixed(0)} s: ${s.replace(/\s+/g, " ")}`);
    last = s;
  }, 10_000);
  await page.waitForFunction(() => ["ok", "error"].includes(document.getElementById("sales").dataset.state) && !document.getElementById("sales").getAttribute("aria-busy"), null, { timeout: 3_600_000, polling: 1000 });
  const wall = Date.now() - started;
  clearInterval(ticker);
  clearInterval(sampler);
  const shown = await page.evaluate(() => ({
    state: document.getElementById("sales").dataset.state,
    wasmMs: document.getElementById("sales").dataset.wasmMs,
    rows: document.querySelector('[data-testid="sales-rows"]')?.innerText,
    span: document.querySelector('[data-testid="sales-span"]')?.innerText,
    error: document.querySelector('[data-testid="sales-error"]')?.innerText,
    workerErrors: JSON.stringify(window.__workerErrors),
  }));
  const mb = (b) => `${(b / 2 ** 20).toFixed(0)} MiB`;
  console.log(`state ${shown.state}: ${shown.rows || ""} · ${shown.span || ""} ${shown.error || ""} ${shown.state === "error" ? shown.workerErrors : ""}`);
  console.log(`wall ${(wall / 1000).toFixed(1)} s (file chosen → results shown; worker analysis ${(Number(shown.wasmMs) / 1000).toFixed(1)} s)`);
  console.log(`peak RSS: renderer (page + worker) ${mb(peak.renderer)}, all Chromium processes ${mb(peak.total)}; idle before: renderer ${mb(idleRenderer)}, all ${mb(idle.reduce((a, p) => a + p.rss, 0))}`);
} finally {
  await close();
  if (!process.env.KEEP) fs.rmSync(file, { force: true });
}
