// Shared set-up of the end-to-end tests: the project's own static server
// (examples/serve.rs) on a free port, Debian's Chromium driven by playwright-core,
// and a page that records console errors, page errors and failed requests.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, "../..");
export const shotsDir = path.join(here, "screenshots");
export const sharedData = (name) => path.resolve(repo, "../shared/data", name);

/** Text content with non-breaking spaces as plain spaces and runs of space collapsed. */
export const norm = (s) => (s ?? "").replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim();

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `cargo run --example serve` and resolves once it prints its URL (`env`: extra variables, e.g. CM_SERVE_EXTRA). */
export function startServer(port, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn("cargo", ["run", "--quiet", "--release", "--example", "serve", "--", "www", String(port)], {
      cwd: repo,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group, so that cargo and the server stop together
    });
    let out = "";
    let err = "";
    const timer = setTimeout(() => {
      stopServer(child);
      reject(new Error(`the server did not start within 10 minutes.\n${out}\n${err}`));
    }, 600_000);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (new RegExp(`Serving .* on http://localhost:${port}/`).test(out)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited early (code ${code}).\n${out}\n${err}`));
    });
  });
}

export function stopServer(child) {
  if (!child || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    child.kill("SIGTERM");
  }
}

/**
 * Starts the server and the browser and opens the page once its calculators are
 * ready. Returns { page, base, problems, close() }; `problems` collects console
 * errors, page errors, failed requests and HTTP errors.
 */
export async function openPage({ width = 1280, height = 900, locale = "id-ID", bypassCSP = false } = {}) {
  assert.ok(
    fs.existsSync(path.join(repo, "www/pkg/customer_metrics.js")),
    "www/pkg is not built: run scripts/build.sh first",
  );
  const port = await freePort();
  const server = await startServer(port);
  const base = `http://localhost:${port}/`;
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    // bypassCSP only where a test injects axe-core.
    const context = await browser.newContext({ viewport: { width, height }, locale, bypassCSP });
    const page = await context.newPage();
    const problems = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(`console: ${msg.text()} (${msg.location().url})`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("requestfailed", (req) => problems.push(`request failed: ${req.url()}`));
    page.on("response", (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
    });
    await page.goto(base);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 30_000 });
    return {
      page,
      base,
      problems,
      async close() {
        stopServer(server);
        await browser.close();
      },
    };
  } catch (error) {
    await browser?.close();
    stopServer(server);
    throw error;
  }
}

/** Waits until no calculator has a debounced update pending (big pastes are read after a pause). */
export async function settled(page) {
  await page.waitForFunction(() => !document.querySelector("[data-pending]"), null, { timeout: 10_000 });
}
