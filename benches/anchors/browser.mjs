// The browser side of scripts/bench-anchors.sh (issue #16; not a test), in Debian's
// headless Chromium through playwright-core:
//
//   node benches/anchors/browser.mjs DIR      # DIR: target/bench-anchors (files, npm/, bench.*)
//
// The project's own server (examples/serve.rs) serves the page and, with
// CM_SERVE_EXTRA=DIR, DIR under /_extra/ (the generated logs, DuckDB-wasm from the
// local npm folder, bench.html + bench.mjs): loopback only, no CDN.
// 1. DuckDB-wasm (eh bundle, one thread): start-up (worker + instantiate + connect),
//    registering the file's bytes, and benches/anchors/rfm.sql over them.
// 2. Our page module (www/pkg): `rfm({ text, method: "quintile" })` on the file's text,
//    clean and messy.
// 3. Our page: the file dropped on "Analisis penjualan" → results drawn (analyzeLog
//    in the page's worker, as a person's drop), clean and messy.
// Each: once to warm up, then three times; one JSON line per measurement.

import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { freePort, repo, startServer, stopServer } from "../../tests/e2e/helpers.mjs";

const dir = path.resolve(process.argv[2] || path.join(repo, "target/bench-anchors"));
const sql = fs.readFileSync(path.join(repo, "benches/anchors/rfm.sql"), "utf8");
const RUNS = 3;
const line = (o) => console.log(JSON.stringify(o));

const port = await freePort();
const server = await startServer(port, { CM_SERVE_EXTRA: dir });
const base = `http://localhost:${port}/`;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "id-ID" });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`bench page error: ${e.message}`));
  await page.goto(`${base}_extra/bench.html`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 60_000 });
  line({ engine: "chromium", label: `Chromium ${browser.version()}` });

  const duck = await page.evaluate(([name, q]) => window.benchDuckDB(name, q), ["clean", sql]);
  const label = `DuckDB-wasm ${duck.version} (eh, 1 thread)`;
  line({ engine: "duckdb-wasm query", label, file: "clean", ...duck.query, checks: duck.checks });
  line({ engine: "duckdb-wasm start-up", label, file: "clean", ...duck.start, cold: duck.coldStart, register: duck.register });
  for (const file of ["clean", "messy"]) {
    const ours = await page.evaluate((name) => window.benchOurs(name), file);
    line({ engine: "wasm rfm", file, best: ours.best, median: ours.median, used: ours.used, checks: ours.checks });
  }
  await page.close();

  // The page: file dropped → results drawn.
  const app = await context.newPage();
  app.on("pageerror", (e) => console.error(`page error: ${e.message}`));
  await app.goto(base);
  await app.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 60_000 });
  for (const file of ["clean", "messy"]) {
    // The page's policy allows no fetch of /_extra/: the file comes through a file input of our own.
    await app.evaluate(() => {
      const input = document.createElement("input");
      input.type = "file";
      input.id = "bench-file";
      input.hidden = true;
      document.body.append(input);
    });
    await app.setInputFiles("#bench-file", path.join(dir, `${file}.csv`));
    await app.evaluate(() => {
      const input = document.getElementById("bench-file");
      window.__log = input.files[0];
      input.remove();
    });
    const times = [];
    let last;
    for (let i = 0; i <= RUNS; i++) {
      last = await app.evaluate(drop);
      if (i > 0) times.push(last.total / 1000);
    }
    times.sort((a, b) => a - b);
    line({
      engine: "page drop → results",
      file,
      best: times[0],
      median: times[RUNS >> 1],
      analyzeLogInWorker: last.wasm / 1000,
      rows: last.rows,
    });
  }
} finally {
  await browser.close();
  stopServer(server);
}

/** In the page: drops window.__log on the sales drop zone; resolves at the first frame after the results are drawn. */
function drop() {
  return new Promise((resolve) => {
    const section = document.getElementById("sales");
    const before = Number(section.dataset.run || 0);
    const zone = section.querySelector('[data-testid="sales-dropzone"]');
    const data = new DataTransfer();
    data.items.add(window.__log);
    const start = performance.now();
    const done = new MutationObserver(() => {
      if (Number(section.dataset.run || 0) <= before || section.dataset.state !== "ok") return;
      done.disconnect();
      requestAnimationFrame(() =>
        resolve({
          total: performance.now() - start,
          wasm: Number(section.dataset.wasmMs),
          rows: section.querySelector('[data-testid="sales-rows"]')?.textContent.trim(),
        }),
      );
    });
    done.observe(section, { attributes: true, attributeFilter: ["data-run", "data-state"] });
    for (const type of ["dragenter", "dragover", "drop"]) {
      zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    }
  });
}
