// The page's analysis worker is replaced after a trap (issue #17): a trap in
// WebAssembly (RuntimeError: unreachable, memory access out of bounds) can leave
// the module unusable for good, so the page starts a fresh worker and the next
// analysis works. The trap is simulated: the worker's copy of the module glue is
// served with an analyzeLog that traps on a log holding "__trap__" and, like a
// dead module, on every call after that in the same worker.
// Run from the repository root after building the module:
//   scripts/build.sh && node --test --test-concurrency=1 tests/e2e/

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { freePort, repo, startServer, stopServer } from "./helpers.mjs";

const LOG = "pelanggan;tanggal;total\nBudi;2025-01-03;100.000\nSari;2025-01-10;50.000\nBudi;2025-02-03;20.000\n";

describe("a trap in the analysis worker", { timeout: 120_000 }, () => {
  it("shows an error, then the next analysis runs in a fresh worker", async () => {
    const glue = fs.readFileSync(path.join(repo, "www/pkg/customer_metrics.js"), "utf8");
    const head = "export function analyzeLog(input) {";
    assert.ok(glue.includes(head), "the glue exports analyzeLog");
    const trapping = glue.replace(
      head,
      `${head}\n  if (globalThis.__dead || String(input && input.text).includes("__trap__")) { globalThis.__dead = true; throw new WebAssembly.RuntimeError("unreachable"); }`,
    );
    const port = await freePort();
    const server = await startServer(port);
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    try {
      const context = await browser.newContext();
      await context.route("**/pkg/customer_metrics.js", (route) =>
        route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: trapping }),
      );
      const page = await context.newPage();
      await page.goto(`http://localhost:${port}/`);
      await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 30_000 });
      const paste = (v) =>
        page.evaluate((value) => {
          const box = document.getElementById("sales-text");
          box.value = value;
          box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
        }, v);
      const state = (s) => page.waitForFunction((st) => document.getElementById("sales").dataset.state === st, s, { timeout: 60_000 });
      await paste(`${LOG}__trap__;2025-02-04;1\n`);
      await state("error");
      assert.equal(await page.getAttribute("#sales .error-text", "data-code"), "internal");
      // The same worker would trap again (its module is "dead"); a fresh one does not.
      await paste(LOG);
      await state("ok");
      assert.match(await page.textContent('[data-testid="sales-rows"]'), /3 baris dipakai/);
    } finally {
      await browser.close();
      stopServer(server);
    }
  });
});
