// Benchmark (not part of the test run): the time from "file dropped" to "results
// shown" in "Analisis penjualan" for a generated log, in headless Chromium.
//
//   scripts/build.sh && node tests/e2e/bench-sales.mjs [rows] [runs]   # default 1000000 3
//
// The log (tests/e2e/sales-log.mjs) is generated inside the page and wrapped in a
// File, then dropped on the paste box with a synthetic drop event, as a person's
// drop arrives. The clock starts at the drop and stops at the first frame after
// the results are drawn (section data-run changes, then requestAnimationFrame).
// Also printed: the stages (reading, analysing in the worker, drawing), the time of
// the analyzeLog call itself in the worker, and the longest gap between frames of
// the main thread during the run (the page must not freeze).

import { openPage } from "./helpers.mjs";
import { generateLog } from "./sales-log.mjs";

const rows = Number(process.argv[2] || 1_000_000);
const runs = Number(process.argv[3] || 3);

const { page, close } = await openPage();
try {
  const made = Date.now();
  const size = await page.evaluate(`(() => {
    window.__log = new File([(${generateLog})(${rows})], "penjualan.csv", { type: "text/csv" });
    return window.__log.size;
  })()`);
  console.log(`generated ${rows.toLocaleString("en")} rows (${(size / 1e6).toFixed(1)} MB) in the page in ${Date.now() - made} ms`);

  const results = [];
  for (let i = 0; i < runs; i++) {
    const before = await page.evaluate(() => Number(document.getElementById("sales").dataset.run || 0));
    const timing = await page.evaluate(
      (n) =>
        new Promise((resolve) => {
          const section = document.getElementById("sales");
          const progress = section.querySelector('[data-testid="sales-progress"]');
          const stages = [];
          const frames = { max: 0, last: performance.now(), on: true };
          const tick = (now) => {
            frames.max = Math.max(frames.max, now - frames.last);
            frames.last = now;
            if (frames.on) requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
          const stageWatch = new MutationObserver(() => {
            const stage = progress.hidden ? "hidden" : progress.dataset.stage;
            if (!stages.length || stages[stages.length - 1][0] !== stage) stages.push([stage, performance.now()]);
          });
          stageWatch.observe(progress, { attributes: true, attributeFilter: ["data-stage", "hidden"] });
          const zone = section.querySelector('[data-testid="sales-dropzone"]');
          const data = new DataTransfer();
          data.items.add(window.__log);
          const start = performance.now();
          const done = new MutationObserver(() => {
            if (Number(section.dataset.run || 0) <= n || section.dataset.state !== "ok") return;
            done.disconnect();
            requestAnimationFrame(() => {
              const end = performance.now();
              frames.on = false;
              stageWatch.disconnect();
              resolve({
                total: end - start,
                wasm: Number(section.dataset.wasmMs),
                maxGap: frames.max,
                stages: stages.map(([stage, t]) => `${stage}@${Math.round(t - start)}`),
                rows: section.querySelector('[data-testid="sales-rows"]').textContent,
              });
            });
          });
          done.observe(section, { attributes: true, attributeFilter: ["data-run", "data-state"] });
          for (const type of ["dragenter", "dragover", "drop"]) {
            zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
          }
        }),
      before,
    );
    results.push(timing.total);
    console.log(
      `run ${i + 1}: dropped → results shown ${(timing.total / 1000).toFixed(2)} s ` +
        `(analyzeLog in the worker ${(timing.wasm / 1000).toFixed(2)} s; longest frame gap ${timing.maxGap.toFixed(0)} ms; ` +
        `stages ${timing.stages.join(" → ")}; ${timing.rows.trim()})`,
    );
  }
  const sorted = [...results].sort((a, b) => a - b);
  console.log(
    `${rows.toLocaleString("en")} rows, file dropped → results shown: median ${(sorted[Math.floor(sorted.length / 2)] / 1000).toFixed(2)} s, best ${(sorted[0] / 1000).toFixed(2)} s of ${runs}`,
  );
} finally {
  await close();
}
