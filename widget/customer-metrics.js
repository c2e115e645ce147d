// The embeddable widget <customer-metrics calculator="nps" lang="id" currency
// accent compact>: a custom element with a shadow root, built by the page's own
// calculator code (js/calc/), loaded when it nears the viewport, one shared
// WebAssembly instance per page. Nothing typed is stored or sent. See README.md.
// Built by scripts/widget.mjs into www/widget/ (minified), the paths below name
// that layout: ./lib/ holds the page's shared modules of www/js/, ./pkg/ the
// small WebAssembly module, ../pkg/ the whole API.

import { h, replace } from "./lib/dom.js";
import * as fmt from "./lib/format.js";
import { lookup } from "./lib/calc/text.js";
import * as core from "./lib/calc/core.js";

const NAMES = ["crr", "clv", "nps", "ces", "csat", "fcr", "sales", "subscriptions"];
/** The log analysis and the subscriptions model need the whole API (www/pkg); the rest the small module (www/widget/pkg). */
const BIG = new Set(["sales", "subscriptions"]);
const code = (name) => import(`./lib/calc/${name === "sales" ? "log" : name}.js`);
const PAGE = new URL("../index.html", import.meta.url).href;

const BOOT = {
  id: { loading: "Memuat kalkulator…", failed: "Kalkulator tidak dapat dimuat di halaman ini." },
  en: { loading: "Loading the calculator…", failed: "The calculator could not be loaded on this page." },
};

/** Until widget.css arrives (a constructed sheet: no inline style for the host's CSP). */
const BASE_CSS = `:host{all:initial!important;display:block!important;contain:content;min-height:120px}:host([hidden]){display:none!important}.boot{font:16px/1.5 system-ui,sans-serif;color:#4a5767;padding:16px}`;

// ---------------------------------------------------------------- shared downloads

const loads = new Map();
/** One promise per key for the whole page: widgets share the module, the sheet, the strings. */
const once = (key, start) => {
  if (!loads.has(key)) loads.set(key, start());
  return loads.get(key);
};

function sheet(css) {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}

const baseSheet = sheet(BASE_CSS);
const styles = () =>
  once("css", async () => {
    const response = await fetch(new URL("./widget.css", import.meta.url));
    if (!response.ok) throw new Error(`widget.css: HTTP ${response.status}`);
    return sheet(await response.text());
  });

const part = (lang, name) => once(`${lang}-${name}`, () => import(`./lib/calc/i18n/${name}.${lang}.js`).then((m) => m.default));
/** The dictionaries a calculator needs beside its own: the log's segment and stage words (js/calc/words.js). */
const EXTRA_PARTS = { sales: ["segments", "lifecycle"] };
/** The common strings and calculator `name`'s, in `lang` (names and languages are whitelisted). */
const strings = (lang, name) => Promise.all(["common", name, ...(EXTRA_PARTS[name] || [])].map((n) => part(lang, n))).then((parts) => Object.assign({}, ...parts));

/** The WebAssembly API, instantiated once per page. */
export function api(big = false) {
  return once(big ? "wasm-big" : "wasm", async () => {
    const glue = big ? await import("../pkg/customer_metrics.js") : await import("./pkg/customer_metrics.js");
    const file = big ? "../pkg/customer_metrics_bg.wasm" : "./pkg/customer_metrics_bg.wasm";
    await glue.default({ module_or_path: new URL(file, import.meta.url) });
    return glue;
  });
}

// ---------------------------------------------------------------- attributes

/** id or en: the attribute, else the language of the page around the element. */
function languageOf(el) {
  const raw = (el.getAttribute("lang") || el.parentElement?.closest("[lang]")?.getAttribute("lang") || "").toLowerCase();
  if (/^en\b/.test(raw)) return "en";
  return "id";
}

/** Relative luminance of an sRGB colour "rgb(r, g, b)". */
function luminance(rgb) {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** The accent, text on it (black or white), and the accent darkened to 4.5 : 1 on white (WCAG AA). */
function accentColours(value, probe) {
  if (!value || !CSS.supports("color", value)) return null;
  probe.style.color = value;
  const m = getComputedStyle(probe).color.match(/[\d.]+/g);
  probe.style.color = "";
  if (!m) return null;
  let rgb = m.slice(0, 3).map(Number);
  const L = luminance(rgb);
  const on = contrast(L, 1) >= contrast(L, 0) ? "#ffffff" : "#000000";
  let ink = rgb;
  for (let i = 0; i < 20 && contrast(luminance(ink), 1) < 4.6; i++) ink = ink.map((c) => c * 0.88);
  const css = (c) => `rgb(${c.map((v) => Math.round(v)).join(" ")})`;
  return { accent: css(rgb), on, ink: css(ink) };
}

// ---------------------------------------------------------------- the element

class CustomerMetrics extends HTMLElement {
  static observedAttributes = ["calculator", "lang", "currency", "accent", "compact"];

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
    this.shadowRoot.adoptedStyleSheets = [baseSheet];
    this.started = false;
    this.boot = h("p", { class: "boot", role: "status" });
    this.shadowRoot.append(this.boot);
  }

  connectedCallback() {
    this.applyAccent();
    this.boot.textContent = BOOT[languageOf(this)].loading;
    if (this.started) return;
    if (!("IntersectionObserver" in window) || this.hasAttribute("eager")) {
      this.start();
      return;
    }
    visibility.observe(this);
  }

  disconnectedCallback() {
    visibility.unobserve(this);
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.started) {
      if (name === "accent") this.applyAccent();
      return;
    }
    if (name === "accent") this.applyAccent();
    else if (name === "lang") this.setLanguage(languageOf(this));
    else if (name === "calculator") this.mount();
    else if (name === "currency" && this.ctx) {
      this.ctx.cur = fmt.currencyCode(after);
      this.refresh();
    }
  }

  get calculatorName() {
    const name = (this.getAttribute("calculator") || "crr").trim().toLowerCase();
    return NAMES.includes(name) ? name : "crr";
  }

  applyAccent() {
    const probe = this.boot.isConnected ? this.boot : this.shadowRoot.firstElementChild || this.boot;
    const colours = accentColours(this.getAttribute("accent"), probe);
    for (const [prop, key] of [["--cm-accent", "accent"], ["--cm-on-accent", "on"], ["--cm-accent-ink", "ink"]]) {
      if (colours) this.style.setProperty(prop, colours[key]);
      else this.style.removeProperty(prop);
    }
  }

  start() {
    if (this.started) return;
    this.started = true;
    visibility.unobserve(this);
    this.mount();
  }

  async mount() {
    const name = this.calculatorName;
    const lang = languageOf(this);
    const run = (this.run = (this.run || 0) + 1);
    const big = BIG.has(name);
    const wasm = api(big);
    try {
      const [css, table, module] = await Promise.all([styles(), strings(lang, name), code(name)]);
      if (run !== this.run) return;
      const calc = module.default;
      this.shadowRoot.adoptedStyleSheets = [baseSheet, css];
      const ctx = (this.ctx = {
        root: this.shadowRoot,
        lang,
        s: table,
        t: (key, params) => lookup(table, key, params),
        tb: (key) => table[key] || {},
        api: null,
        cur: fmt.currencyCode(this.getAttribute("currency")),
        data: null,
        host: this,
      });
      this.calc = calc;
      this.name = name;
      // A group, not a region landmark: a page may hold the same calculator twice.
      const section = h("div", { class: "calc", id: name, role: "group", "aria-labelledby": `${name}-title`, "data-calculator": name });
      const status = h("p", { class: "cm-status", role: "status", "data-testid": "widget-status", "data-t": "w.loading" });
      const toggle = h("button", { type: "button", class: "cm-lang", "data-testid": "widget-lang", "data-t": "w.lang", "data-t-aria-label": "w.langLabel" });
      toggle.addEventListener("click", () => this.setLanguage(this.ctx.lang === "id" ? "en" : "id"));
      const foot = h(
        "p",
        { class: "cm-foot" },
        h("span", { "data-t": "w.privacy" }),
        " ",
        h("a", { href: PAGE, target: "_blank", rel: "noopener", "data-t": "w.source", "data-t-aria-label": "w.sourceLabel" }),
      );
      const container = h("div", { class: "cm", part: "container", lang }, h("div", { class: "cm-bar" }, toggle), section, status, foot);
      replace(this.shadowRoot, container);
      this.container = container;
      this.status = status;
      core.build(ctx, calc, name, section);
      if (calc.widgetSetup) calc.widgetSetup(ctx, section);
      else this.addFileButtons(section);
      core.localize(ctx, container);
      ctx.api = await wasm;
      if (run !== this.run) return;
      core.wire(ctx, calc, name, () => core.update(ctx, calc, name));
      status.remove();
      this.dataset.ready = "1";
      core.update(ctx, calc, name);
    } catch (error) {
      if (run !== this.run) return;
      console.error("customer-metrics widget:", error);
      this.dataset.ready = "failed";
      replace(this.shadowRoot, h("p", { class: "boot", role: "alert" }, BOOT[lang].failed));
    }
  }

  /** A button that opens a text file into each paste box (read here, never uploaded). */
  addFileButtons(section) {
    for (const area of section.querySelectorAll("textarea")) {
      const id = `${area.id}-file`;
      const note = h("span", { class: "file-note", role: "status" });
      const input = h("input", { type: "file", id, class: "file-input", accept: ".csv,.tsv,.txt,text/plain" });
      input.addEventListener("change", async () => {
        const file = input.files && input.files[0];
        input.value = "";
        if (!file) return;
        try {
          area.value = await readText(file);
          note.textContent = this.ctx.t("w.fileRead", { name: file.name });
          area.dispatchEvent(new Event("input", { bubbles: true }));
        } catch {
          note.textContent = this.ctx.t("w.fileFailed", { name: file.name });
        }
      });
      area.after(h("div", { class: "file-bar" }, input, h("label", { for: id, class: "small-button", "data-t": "w.open" }), note));
    }
  }

  async setLanguage(lang) {
    const ctx = this.ctx;
    if (!ctx || ctx.lang === lang) return;
    const table = await strings(lang, this.name);
    const previous = ctx.lang;
    Object.assign(ctx, { lang, s: table, t: (key, params) => lookup(table, key, params), tb: (key) => table[key] || {} });
    this.container.lang = lang;
    core.renotate(this.shadowRoot, lang, previous);
    this.refresh();
  }

  refresh() {
    const ctx = this.ctx;
    core.localize(ctx, this.container);
    if (ctx.api) {
      if (this.calc.relocalize) this.calc.relocalize(ctx);
      core.update(ctx, this.calc, this.name);
    }
  }
}

/** Starts each widget when it comes within 300 px of the viewport. */
const visibility = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) if (entry.isIntersecting) entry.target.start();
  },
  { rootMargin: "300px" },
);

/** UTF-8, else Windows-1252 (older Excel CSV). */
async function readText(file) {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

if (!customElements.get("customer-metrics")) customElements.define("customer-metrics", CustomerMetrics);
