// "Embed" (Sematkan): builds the snippet a blogger pastes into a post, for the
// chosen calculator and options, as a widget (one script tag and a custom
// element) or as an iframe (our own page under our own strict CSP), with a live
// preview (embed.html with those options) and a copy button. The iframe is proposed for the calculators that read
// pasted data (README, "Embedding"). Nothing here is stored.

import { h, replace } from "./dom.js";
import { STRINGS } from "../i18n.js";
import { applyStatic, getLang, onLangChange, t } from "./lang.js";
import { copyText } from "./calc/core.js";

const CALCULATORS = ["crr", "clv", "nps", "ces", "csat", "fcr", "sales", "subscriptions"];
/** The calculators that read pasted data: the iframe keeps that data away from the host page's scripts. */
const DATA = new Set(["nps", "ces", "csat", "fcr", "sales", "subscriptions"]);
const DEFAULT_ACCENT = "#0b5a7a";

const EMBED_STRINGS = {
  id: {
    "nav.embed": "Sematkan",
    "embed.title": "Sematkan kalkulator di blog Anda",
    "embed.intro":
      "Pilih kalkulator dan tampilannya, lalu salin kodenya ke artikel Anda. Pembaca menghitung dengan angka mereka sendiri, di browser mereka: tidak ada data yang dikirim ke Anda, ke kami, atau ke mana pun.",
    "embed.calculator": "Kalkulator",
    "embed.method": "Cara menyematkan",
    "embed.iframe": "Iframe (disarankan untuk data yang ditempel)",
    "embed.widget": "Widget (satu tag script)",
    "embed.methodHelpData":
      "Kalkulator ini membaca data yang ditempel pembaca. Iframe menjauhkan data itu dari skrip halaman blog (analitik, perekam sesi), dan tetap jalan di platform yang membuang tag script atau melarang WebAssembly.",
    "embed.methodHelpQuick":
      "Kalkulator ini hanya memakai beberapa angka: widget menyatu dengan artikel dan menyesuaikan tingginya sendiri. Pilih iframe bila platform blog Anda membuang tag script.",
    "embed.lang": "Bahasa",
    "embed.langId": "Bahasa Indonesia",
    "embed.langEn": "English",
    "embed.currency": "Mata uang (kode ISO)",
    "embed.currencyHelp": "Mis. IDR, USD, EUR. Dipakai untuk CLV dan analisis penjualan.",
    "embed.accent": "Warna aksen",
    "embed.compact": "Ringkas (tanpa pengantar, rumus dan patokan)",
    "embed.preview": "Pratinjau",
    "embed.previewFrame": (p) => `Pratinjau: ${p.name}`,
    "embed.code": "Kode untuk artikel Anda",
    "embed.codeHelp": "Tempel di editor HTML artikel Anda (mode HTML / blok “HTML khusus”).",
    "embed.copy": "Salin kode",
    "embed.copied": "Kode disalin.",
    "embed.copyFailed": "Tidak dapat menyalin: pilih kodenya lalu salin sendiri.",
    "embed.frameTitle": (p) => `${p.name} (customer-metrics)`,
    "embed.name.crr": "Kalkulator retensi pelanggan (CRR)",
    "embed.name.clv": "Kalkulator nilai pelanggan (CLV)",
    "embed.name.nps": "Kalkulator NPS",
    "embed.name.ces": "Kalkulator CES",
    "embed.name.csat": "Kalkulator CSAT",
    "embed.name.fcr": "Kalkulator FCR",
    "embed.name.sales": "Analisis penjualan",
    "embed.name.subscriptions": "Kalkulator retensi langganan",
  },
  en: {
    "nav.embed": "Embed",
    "embed.title": "Embed a calculator in your blog",
    "embed.intro":
      "Choose a calculator and its look, then copy the code into your article. Readers calculate with their own numbers, in their own browser: no data is sent to you, to us or anywhere.",
    "embed.calculator": "Calculator",
    "embed.method": "How to embed",
    "embed.iframe": "Iframe (recommended for pasted data)",
    "embed.widget": "Widget (one script tag)",
    "embed.methodHelpData":
      "This calculator reads data that readers paste. An iframe keeps that data away from the blog page's scripts (analytics, session replay), and works on platforms that strip script tags or forbid WebAssembly.",
    "embed.methodHelpQuick":
      "This calculator takes only a few numbers: the widget blends into the article and sizes itself. Choose the iframe if your blog platform strips script tags.",
    "embed.lang": "Language",
    "embed.langId": "Bahasa Indonesia",
    "embed.langEn": "English",
    "embed.currency": "Currency (ISO code)",
    "embed.currencyHelp": "E.g. IDR, USD, EUR. Used by the CLV and the sales analysis.",
    "embed.accent": "Accent colour",
    "embed.compact": "Compact (no introduction, formula or benchmark)",
    "embed.preview": "Preview",
    "embed.previewFrame": (p) => `Preview: ${p.name}`,
    "embed.code": "Code for your article",
    "embed.codeHelp": "Paste it into your article's HTML editor (HTML mode / a “Custom HTML” block).",
    "embed.copy": "Copy the code",
    "embed.copied": "Code copied.",
    "embed.copyFailed": "Could not copy: select the code and copy it yourself.",
    "embed.frameTitle": (p) => `${p.name} (customer-metrics)`,
    "embed.name.crr": "Customer retention (CRR) calculator",
    "embed.name.clv": "Customer lifetime value (CLV) calculator",
    "embed.name.nps": "NPS calculator",
    "embed.name.ces": "CES calculator",
    "embed.name.csat": "CSAT calculator",
    "embed.name.fcr": "FCR calculator",
    "embed.name.sales": "Sales analysis",
    "embed.name.subscriptions": "Subscription retention calculator",
  },
};
for (const [lang, strings] of Object.entries(EMBED_STRINGS)) Object.assign(STRINGS[lang], strings);

const section = document.getElementById("embed");
const base = new URL("./", document.baseURI); // where this page (and so the widget) is served from

const state = { method: null }; // null: the recommended one for the calculator

// ---------------------------------------------------------------- the snippet

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function options() {
  const $ = (id) => document.getElementById(id);
  const calculator = $("embed-calculator").value;
  const currency = $("embed-currency").value.trim().toUpperCase();
  return {
    calculator,
    lang: $("embed-lang").value,
    currency: /^[A-Z]{3}$/.test(currency) && currency !== "IDR" ? currency : "",
    accent: $("embed-accent").value.toLowerCase() !== DEFAULT_ACCENT ? $("embed-accent").value : "",
    compact: $("embed-compact").checked,
    method: state.method || (DATA.has(calculator) ? "iframe" : "widget"),
  };
}

function embedUrl(o) {
  const url = new URL("embed.html", base);
  url.searchParams.set("calculator", o.calculator);
  url.searchParams.set("lang", o.lang);
  if (o.currency) url.searchParams.set("currency", o.currency);
  if (o.accent) url.searchParams.set("accent", o.accent);
  if (o.compact) url.searchParams.set("compact", "1");
  return url.href;
}

/** The HTML a blogger pastes. */
export function snippet(o) {
  if (o.method === "iframe") {
    const title = t("embed.frameTitle", { name: STRINGS[o.lang][`embed.name.${o.calculator}`] });
    return [
      `<iframe src="${esc(embedUrl(o))}" title="${esc(title)}" loading="lazy" width="100%" height="720" style="border:0;max-width:860px" allow="clipboard-write" data-customer-metrics></iframe>`,
      `<script src="${esc(new URL("widget/embed-resize.js", base).href)}" async></script>`,
    ].join("\n");
  }
  const attrs = [`calculator="${o.calculator}"`, `lang="${o.lang}"`];
  if (o.currency) attrs.push(`currency="${o.currency}"`);
  if (o.accent) attrs.push(`accent="${esc(o.accent)}"`);
  if (o.compact) attrs.push("compact");
  return [
    `<script type="module" src="${esc(new URL("widget/customer-metrics.js", base).href)}"></script>`,
    `<customer-metrics ${attrs.join(" ")}></customer-metrics>`,
  ].join("\n");
}

// ---------------------------------------------------------------- the preview

let previewKey = "";

/**
 * The preview: the calculator as embed.html shows it, in an iframe, whichever way
 * is chosen (the widget looks the same in a page of its own; in the page itself
 * it would share ids and styles with the page's own calculators).
 */
function preview(o) {
  const box = document.getElementById("embed-preview");
  const src = embedUrl(o);
  if (previewKey === src) return;
  previewKey = src;
  replace(
    box,
    h("iframe", {
      src,
      title: t("embed.previewFrame", { name: STRINGS[o.lang][`embed.name.${o.calculator}`] }),
      loading: "lazy",
      class: "embed-frame",
      "data-testid": "embed-preview-frame",
      allow: "clipboard-write",
    }),
  );
}

// The preview iframe's height (as widget/embed-resize.js does on a blog).
window.addEventListener("message", (event) => {
  const frame = section.querySelector("iframe.embed-frame");
  const data = event.data;
  if (!frame || event.source !== frame.contentWindow || event.origin !== location.origin) return;
  if (!data || data.type !== "customer-metrics:height" || typeof data.height !== "number" || !Number.isFinite(data.height)) return;
  frame.style.height = `${Math.min(Math.max(Math.round(data.height), 150), 20000)}px`;
});

// ---------------------------------------------------------------- the panel

function field(id, key, control, helpKey) {
  return h(
    "div",
    { class: "field" },
    h("label", { for: id, "data-i18n": key }),
    control,
    helpKey ? h("p", { class: "help", id: `${id}-help`, "data-i18n": helpKey }) : null,
  );
}

function build() {
  const calcSelect = h(
    "select",
    { id: "embed-calculator", "data-testid": "embed-calculator" },
    CALCULATORS.map((c) => h("option", { value: c, "data-i18n": `embed.name.${c}` })),
  );
  const radio = (value) => [
    h("input", { type: "radio", name: "embed-method", id: `embed-method-${value}`, "data-testid": `embed-method-${value}`, value }),
    h("label", { for: `embed-method-${value}`, "data-i18n": `embed.${value}` }),
  ];
  const code = h("textarea", {
    id: "embed-code",
    "data-testid": "embed-code",
    readonly: "",
    rows: 4,
    spellcheck: "false",
    "aria-describedby": "embed-code-help",
  });
  const copyStatus = h("span", { class: "copy-status", role: "status", "data-testid": "embed-copy-status" });
  const copy = h("button", { type: "button", class: "small-button", "data-testid": "embed-copy", "data-i18n": "embed.copy" });
  copy.addEventListener("click", async () => {
    const ok = await copyText({ root: document }, code.value);
    copyStatus.textContent = t(ok ? "embed.copied" : "embed.copyFailed");
    if (!ok) code.select();
  });
  const form = h(
    "form",
    { class: "embed-form", novalidate: "" },
    field("embed-calculator", "embed.calculator", calcSelect),
    h(
      "fieldset",
      { class: "source-switch" },
      h("legend", { "data-i18n": "embed.method" }),
      h("div", { class: "segmented" }, radio("iframe"), radio("widget")),
      h("p", { class: "help", id: "embed-method-help", "data-testid": "embed-method-help" }),
    ),
    h(
      "div",
      { class: "field-row" },
      field(
        "embed-lang",
        "embed.lang",
        h(
          "select",
          { id: "embed-lang", "data-testid": "embed-lang" },
          h("option", { value: "id", lang: "id", "data-i18n": "embed.langId" }),
          h("option", { value: "en", lang: "en", "data-i18n": "embed.langEn" }),
        ),
      ),
      field(
        "embed-currency",
        "embed.currency",
        h("input", { type: "text", id: "embed-currency", "data-testid": "embed-currency", value: "IDR", maxlength: 3, autocomplete: "off", spellcheck: "false", "aria-describedby": "embed-currency-help" }),
        "embed.currencyHelp",
      ),
      field("embed-accent", "embed.accent", h("input", { type: "color", id: "embed-accent", "data-testid": "embed-accent", value: DEFAULT_ACCENT })),
    ),
    h(
      "div",
      { class: "field field-check" },
      h("input", { type: "checkbox", id: "embed-compact", "data-testid": "embed-compact" }),
      h("label", { for: "embed-compact", "data-i18n": "embed.compact" }),
    ),
    field("embed-code", "embed.code", code, "embed.codeHelp"),
    h("div", { class: "result-actions" }, copy, copyStatus),
  );
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("change", (event) => {
    if (event.target.name === "embed-method") state.method = event.target.value;
    refresh();
  });
  form.addEventListener("input", refresh);

  replace(
    section,
    h(
      "div",
      { class: "calc-head" },
      h("h2", { id: "embed-title", "data-i18n": "embed.title" }),
      h("p", { class: "calc-intro", "data-i18n": "embed.intro" }),
    ),
    h(
      "div",
      { class: "calc-body embed-body" },
      form,
      h("div", { class: "embed-preview-wrap" }, h("h3", { id: "embed-preview-title", "data-i18n": "embed.preview" }), h("div", { id: "embed-preview", class: "embed-preview", "data-testid": "embed-preview", role: "region", "aria-labelledby": "embed-preview-title" })),
    ),
  );
  document.getElementById("embed-lang").value = getLang();
}

let previewTimer = null;

function refresh() {
  const o = options();
  document.getElementById(`embed-method-${o.method}`).checked = true;
  document.getElementById("embed-method-help").textContent = t(DATA.has(o.calculator) ? "embed.methodHelpData" : "embed.methodHelpQuick");
  document.getElementById("embed-code").value = snippet(o);
  // The preview reloads a moment after the last change (not at every keystroke).
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => preview(o), previewKey ? 300 : 0);
}

build();
applyStatic(section);
applyStatic(document.querySelector('.toc a[href="#embed"]')?.parentElement || section);
refresh();
onLangChange(refresh);
