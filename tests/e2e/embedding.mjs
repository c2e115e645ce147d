// Shared set-up of the widget and embed tests (widget.test.mjs, embed.test.mjs)
// and of scripts/size.mjs: the project's server with a scratch folder served at
// /_extra/ without any CSP (a blogger's page), Debian's Chromium, and pages that
// record what the privacy and CSP checks need: every request, console errors,
// page errors, failed requests, dialogs (an XSS would open one) and CSP
// violations (`securitypolicyviolation` events, from every frame).

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { freePort, repo, startServer, stopServer } from "./helpers.mjs";

/** Files the widget may download: its own, and nothing else. */
export const WIDGET_FILE = /^\/(widget\/(customer-metrics\.js|widget\.css|embed-resize\.js|lib\/[\w/.-]+\.js|pkg\/customer_metrics(\.js|_bg\.wasm))|pkg\/customer_metrics(\.js|_bg\.wasm)|embed\.(html|js|css))$/;

const XSS = "<img src=x onerror=alert(1)>";
export { XSS };

/**
 * Starts the server (with a fresh scratch folder at /_extra/) and the browser.
 * Returns { base, other, extra, browser, open(url, options), write(name, html), close() }:
 * `base` is http://localhost:PORT/, `other` http://127.0.0.1:PORT/ (another origin, as
 * a blog would be); `open` gives a page with its `log`.
 */
export async function start() {
  assert.ok(fs.existsSync(path.join(repo, "www/widget/customer-metrics.js")), "www/widget is not built: run scripts/build.sh first");
  const extra = fs.mkdtempSync(path.join(os.tmpdir(), "cm-extra-"));
  const port = await freePort();
  const server = await startServer(port, { CM_SERVE_EXTRA: extra });
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
  } catch (error) {
    stopServer(server);
    throw error;
  }
  const base = `http://localhost:${port}/`;
  const other = `http://127.0.0.1:${port}/`;
  return {
    base,
    other,
    extra,
    browser,
    /** Writes a file into the scratch folder; its URL on the other origin. */
    write(name, content) {
      fs.writeFileSync(path.join(extra, name), content);
      return `${other}_extra/${name}`;
    },
    open: (url, options) => openIn(browser, url, options),
    async close() {
      await browser.close();
      stopServer(server);
      fs.rmSync(extra, { recursive: true, force: true });
    },
  };
}

/**
 * A new context and page at `url`. log: { requests: [url], problems: [text],
 * dialogs: [text], violations: [text] }. Options: width, height, locale,
 * bypassCSP (only for injecting axe-core), permissions.
 */
export async function openIn(browser, url, { width = 1280, height = 900, locale = "id-ID", bypassCSP = false, permissions = [], wait = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale, bypassCSP });
  if (permissions.length) await context.grantPermissions(permissions);
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const page = await context.newPage();
  const log = { requests: [], problems: [], dialogs: [] };
  page.on("request", (req) => log.requests.push(req.url()));
  page.on("console", (msg) => {
    if (msg.type() === "error") log.problems.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on("pageerror", (error) => log.problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (req) => {
    // A download started by the CSV button is handed to the browser, not failed.
    // (ERR_ABORTED: a frame navigated away while loading, e.g. a preview replaced.)
    if (!req.url().startsWith("blob:") && req.failure()?.errorText !== "net::ERR_ABORTED") log.problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) log.problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on("dialog", async (dialog) => {
    log.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  if (url) await page.goto(url, { waitUntil: wait ? "load" : "commit" });
  return { page, context, log };
}

/**
 * `frame.evaluate(fn)`, or `fallback` when the frame went away or never loaded a
 * document within 5 s: a lazy iframe scrolled out of view (the Embed panel's
 * preview) has no document to run in, and waiting for one would hang the test.
 */
async function inFrame(frame, fn, fallback) {
  let timer;
  const gone = new Promise((resolve) => {
    timer = setTimeout(() => resolve(fallback), 5_000);
  });
  try {
    return await Promise.race([frame.evaluate(fn).catch(() => fallback), gone]);
  } finally {
    clearTimeout(timer);
  }
}

/** The CSP violations reported in every frame of `page` that has a document. */
export async function violations(page) {
  const all = [];
  for (const frame of page.frames()) all.push(...(await inFrame(frame, () => window.__cspViolations || [], [])));
  return all;
}

/** Waits until the widget `locator` (a <customer-metrics>) has started and shows a result or a hint. */
export async function widgetReady(locator) {
  await locator.scrollIntoViewIfNeeded();
  await locator.evaluate(
    (el) =>
      new Promise((resolve, reject) => {
        const t0 = Date.now();
        const check = () => {
          const section = el.shadowRoot && el.shadowRoot.querySelector(".calc");
          if (el.dataset.ready === "1" && section && section.dataset.state && section.dataset.state !== "busy") resolve();
          else if (el.dataset.ready === "failed") reject(new Error("the widget failed to load"));
          else if (Date.now() - t0 > 30_000) reject(new Error("the widget did not load in 30 s"));
          else setTimeout(check, 50);
        };
        check();
      }),
  );
}

/** Waits until the calculator in `root` (a widget or page locator) is no longer busy. */
export async function settle(locator) {
  await locator.evaluate(
    (el) =>
      new Promise((resolve) => {
        const root = el.shadowRoot || document;
        const check = () => (root.querySelector(".calc[data-state='busy']") ? setTimeout(check, 50) : resolve());
        setTimeout(check, 20);
      }),
  );
}

/** Injects axe-core into every frame (the context must bypass the CSP) and runs it; returns its violations. */
export async function axe(page, options = {}) {
  // Audit the page as it settles, not mid-update: a part that is fetching (aria-busy)
  // dims its rows, which is no contrast fault.
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 15_000 });
  const source = fs.readFileSync(path.join(repo, "node_modules/axe-core/axe.min.js"), "utf8");
  // Every frame with a document (see inFrame: a lazy iframe out of view has none).
  for (const frame of page.frames()) {
    if (await inFrame(frame, () => true, false)) await frame.addScriptTag({ content: source });
  }
  const result = await page.evaluate(
    (opts) => window.axe.run(document, { resultTypes: ["violations"], ...opts }),
    options,
  );
  const where = (n) => n.target.map((t) => (Array.isArray(t) ? t.join(" >>> ") : t)).join(" / ");
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => `${where(n)}: ${n.failureSummary}`).join(" | ")}`);
}

/** Requests that are not the widget's own files or the page's own, for the network check. */
export function foreign(requests, allowed) {
  return requests.filter((u) => {
    if (u.startsWith("data:") || u.startsWith("blob:")) return false;
    return !allowed(new URL(u));
  });
}
