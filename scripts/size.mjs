// The widget's size budget: everything a widget downloads (loader, shared code,
// strings, stylesheet, wasm-bindgen glue, WebAssembly), each file gzipped
// (gzip -9, as a server would send it), must come to at most 120 KB
// (120,000 bytes). Measured, not estimated: for each calculator a blogger's page
// of another origin with that one widget is opened in Chromium, and every file
// the browser fetched for it is counted. The log analysis (calculator="sales")
// needs the whole API (www/pkg, the page's module): it is measured and printed
// too, with no budget (README: the iframe is recommended for it).
// Usage, after scripts/build.sh: node scripts/size.mjs  (exit 1 over budget).

import zlib from "node:zlib";
import { start, widgetReady } from "../tests/e2e/embedding.mjs";

const BUDGET = 120_000;
const QUICK = ["crr", "clv", "nps", "ces", "csat", "fcr"];
const ALL = [...QUICK, "sales", "subscriptions"];

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

/** Opens a page with the widgets `names`; returns [{ path, bytes, gzipped }] of what it downloaded. */
async function measure(env, names, file) {
  const url = env.write(
    file,
    `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>size</title><link rel="icon" href="data:,">` +
      `<script type="module" src="${env.base}widget/customer-metrics.js"></script></head><body><main>` +
      names.map((n) => `<customer-metrics calculator="${n}"></customer-metrics>`).join("") +
      `</main></body></html>`,
  );
  const { page, context } = await env.open(null, { height: 4000 });
  const files = new Map();
  page.on("response", async (res) => {
    const u = new URL(res.url());
    if (res.url() === url || u.protocol === "data:") return;
    try {
      const body = await res.body();
      files.set(u.pathname, { path: u.pathname, bytes: body.length, gzipped: zlib.gzipSync(body, { level: 9 }).length });
    } catch {
      files.set(u.pathname, { path: u.pathname, bytes: NaN, gzipped: NaN });
    }
  });
  await page.goto(url);
  for (const el of await page.locator("customer-metrics").all()) await widgetReady(el);
  await page.waitForTimeout(200);
  await context.close();
  return [...files.values()].sort((a, b) => a.path.localeCompare(b.path));
}

const env = await start();
let failed = false;
try {
  const totals = {};
  const rows = [];
  for (const name of ALL) {
    const files = await measure(env, [name], `size-${name}.html`);
    const total = files.reduce((a, f) => a + f.gzipped, 0);
    totals[name] = { files, total, raw: files.reduce((a, f) => a + f.bytes, 0) };
    rows.push(name);
  }
  const union = await measure(env, QUICK, "size-all.html");
  const unionTotal = union.reduce((a, f) => a + f.gzipped, 0);

  console.log("size: what one widget downloads (each file gzip -9), budget 120 KB = 120,000 bytes");
  const nps = totals.nps.files;
  console.log(`size: files of calculator="nps":`);
  for (const f of nps) console.log(`size:   ${pad(f.path, 44)} ${lpad(f.bytes, 7)} B  ${lpad(f.gzipped, 7)} B gzipped`);
  console.log(`size: ${pad("calculator", 12)} ${lpad("files", 5)} ${lpad("raw", 11)} ${lpad("gzipped", 11)}  budget`);
  for (const name of rows) {
    const t = totals[name];
    const over = QUICK.includes(name) && t.total > BUDGET;
    failed ||= over;
    const verdict = QUICK.includes(name) ? (over ? "OVER" : "ok") : "none (whole API: iframe recommended)";
    console.log(`size: ${pad(name, 12)} ${lpad(t.files.length, 5)} ${lpad(kb(t.raw), 11)} ${lpad(kb(t.total), 11)}  ${verdict}`);
  }
  console.log(`size: the six quick widgets on one page: ${union.length} files, ${kb(unionTotal)} gzipped (one shared wasm)`);
  const largest = Math.max(...QUICK.map((n) => totals[n].total));
  console.log(`size: largest quick widget ${kb(largest)} of 120 KB${failed ? ": OVER BUDGET" : ""}`);
} finally {
  await env.close();
}
process.exit(failed ? 1 : 0);
