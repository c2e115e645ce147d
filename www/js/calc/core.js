// One calculator mounted into a root (the page's document, or a widget's shadow
// root): its form, its update cycle (read the inputs as the user types, call the
// WebAssembly API, show the figure, band, formula, benchmark and next step), and
// the ways to keep a result (copy as text, tables as CSV). Shared by the page
// (app.js) and the widget (widget/customer-metrics.js); every element is looked
// up inside the root, so several calculators can live on one page, each in its
// own shadow root with the page's ids. User text is only ever set as text.
//
// A calculator module (crr.js, …) exports { form(ctx), fields?, source?(ctx),
// read(ctx), run(api, input, ctx), render(result, state, ctx), roles?, skipKind? }.
// The context `ctx` carries: root (has getElementById), lang, t(key, params),
// tb(name) (a table of strings), s (the language's whole table), api (the wasm
// functions), cur (an ISO currency code), data (the page's data inputs by
// calculator, or null in a widget).

import { h, replace } from "../dom.js";
import * as fmt from "../format.js";
import * as text from "./text.js";

const $ = (ctx, id) => ctx.root.getElementById(id);

const TONES = {
  poor: "bad",
  crisis: "bad",
  belowAverage: "bad",
  average: "warn",
  needsImprovement: "warn",
  belowBenchmark: "warn",
  good: "ok",
  great: "great",
  excellent: "great",
  worldClass: "great",
  meetsBenchmark: "great",
  unknown: "warn",
};

const MAX_SKIPPED_SHOWN = 100;

// ---------------------------------------------------------------- form parts

const tx = (key) => ({ "data-t": key });

export function numberField(id, key, value, { help, mode = "numeric" } = {}) {
  return h(
    "div",
    { class: "field" },
    h("label", { for: id, ...tx(key) }),
    h("input", {
      id,
      "data-testid": id,
      type: "text",
      inputmode: mode,
      autocomplete: "off",
      "data-number": "",
      value,
      "aria-describedby": help ? `${id}-help` : null,
    }),
    help ? h("p", { class: "help", id: `${id}-help`, ...tx(help) }) : null,
  );
}

export function textField(id, key, help, rows, value = "") {
  const area = h("textarea", {
    id,
    "data-testid": id,
    rows,
    spellcheck: "false",
    autocomplete: "off",
    "aria-describedby": `${id}-help`,
  });
  area.value = value;
  area.defaultValue = value;
  return h("div", { class: "field" }, h("label", { for: id, ...tx(key) }), area, h("p", { class: "help", id: `${id}-help`, ...tx(help) }));
}

// options: [value, label or { key }]
export function selectField(id, key, options, selected) {
  return h(
    "div",
    { class: "field" },
    h("label", { for: id, ...tx(key) }),
    h(
      "select",
      { id, "data-testid": id },
      options.map(([value, label]) =>
        h("option", { value, selected: value === selected, ...(typeof label === "object" ? tx(label.key) : null) }, typeof label === "string" ? label : null),
      ),
    ),
  );
}

export function sourceSwitch(name, counts, pasted) {
  const radio = (value, checked) => [
    h("input", { type: "radio", name: `${name}-source`, id: `${name}-source-${value}`, "data-testid": `${name}-source-${value}`, value, checked }),
    h("label", { for: `${name}-source-${value}`, ...tx(`${name}.source${value === "counts" ? "Counts" : "Text"}`) }),
  ];
  return [
    h("fieldset", { class: "source-switch" }, h("legend", tx(`${name}.source`)), h("div", { class: "segmented" }, radio("counts", true), radio("text", false))),
    h("div", { class: "source-group", "data-source": "counts" }, counts),
    h("div", { class: "source-group", "data-source": "text" }, pasted),
  ];
}

/** Fills data-t texts and data-t-<attr> attributes under `node`. */
export function localize(ctx, node) {
  const vars = { cur: fmt.currencySymbol(ctx.lang, ctx.cur) };
  const all = [node, ...node.querySelectorAll("*")];
  for (const el of all) {
    for (const name of el.getAttributeNames()) {
      if (name === "data-t") el.textContent = ctx.t(el.getAttribute(name), vars);
      else if (name.startsWith("data-t-")) el.setAttribute(name.slice(7), ctx.t(el.getAttribute(name), vars));
    }
  }
}

// ---------------------------------------------------------------- shared views

export function badge(ctx, id, band) {
  return h(
    "span",
    { class: `badge tone-${TONES[band.key] || "ok"}`, "data-testid": `${id}-band`, "data-band": band.key },
    h("span", { class: "badge-dot", "aria-hidden": "true" }),
    text.bandLabel(ctx.s, band),
  );
}

export function figure(id, label, value, extra) {
  return [
    h("span", { class: "figure-label" }, label),
    " ",
    h("span", { class: "figure", "data-testid": `${id}-value` }, value),
    extra ? [" ", extra] : null,
  ];
}

export function block(title, ...content) {
  return h("div", { class: "block" }, h("h3", null, title), ...content);
}

export function formulaBlock(ctx, id, lines) {
  const view = block(
    ctx.t("common.formula"),
    h(
      "div",
      { class: "formula", "data-testid": `${id}-formula` },
      lines.map((line) =>
        Array.isArray(line)
          ? h("p", null, h("span", { class: "formula-label" }, line[0] + ": "), h("span", { class: "formula-math" }, line[1]))
          : h("p", null, h("span", { class: "formula-math" }, line)),
      ),
    ),
  );
  view.classList.add("formula-block");
  return view;
}

export function nextBlock(ctx, id, words) {
  return h("div", { class: "block next" }, h("h3", null, ctx.t("common.next")), h("p", { "data-testid": `${id}-next` }, words));
}

export function benchmarkBlock(ctx, id, ...content) {
  return h("div", { class: "block benchmark", "data-testid": `${id}-benchmark` }, h("h3", null, ctx.t("common.benchmark")), ...content);
}

export const caveat = (ctx, words) => h("p", { class: "caveat" }, h("strong", null, ctx.t("common.caveat") + ": "), words);

export function stats(items) {
  return h(
    "dl",
    { class: "stats" },
    items.filter(Boolean).map(([label, value, testid]) =>
      h("div", null, h("dt", null, label), h("dd", testid ? { "data-testid": testid } : null, value)),
    ),
  );
}

export function columnName(ctx, name) {
  const generic = /^column (\d+)$/.exec(name);
  return generic ? ctx.t("rows.columnN", { n: generic[1] }) : name;
}

export function rowsBlock(ctx, id, result, list, scale) {
  if (result.used === undefined) return null;
  const lang = ctx.lang;
  const skipped = result.skipped || [];
  const column = result.column ? columnName(ctx, result.column.name) : "";
  const tickets = id === "fcr";
  return h(
    "div",
    { class: "rows" },
    h(
      "p",
      { class: "rows-summary", "data-testid": `${id}-rows` },
      ctx.t(tickets ? "rows.summaryTickets" : id === "sales" ? "rows.summaryRows" : "rows.summary", {
        used: fmt.int(lang, result.used),
        usedN: result.used,
        skipped: fmt.int(lang, skipped.length),
      }),
    ),
    list
      ? h("p", { class: "rows-note" }, ctx.t("rows.listNote"))
      : column
        ? h("p", { class: "rows-note" }, ctx.t(tickets ? "rows.columnTickets" : "rows.column", { name: column }))
        : null,
    skippedList(ctx, id, skipped, list, scale),
  );
}

export function skippedList(ctx, id, skipped, list, scale, kind = { fcr: "ticket", sales: "sale" }[id] || "score") {
  if (!skipped || !skipped.length) return null;
  const lang = ctx.lang;
  const shown = skipped.slice(0, MAX_SKIPPED_SHOWN);
  const rest = skipped.length - shown.length;
  return h(
    "div",
    { class: "skipped" },
    h("h3", null, ctx.t("rows.skippedTitle")),
    h(
      "ul",
      { "data-testid": `${id}-skipped` },
      shown.map((entry) =>
        h(
          "li",
          { "data-row": entry.row, "data-code": entry.code, title: entry.reason || null },
          `${ctx.t(list ? "rows.item" : "rows.row", { row: fmt.int(lang, entry.row) })}: ${text.skipReason(ctx.s, entry, { scale, kind })}`,
        ),
      ),
      rest > 0 ? h("li", { class: "more" }, ctx.t("rows.more", { n: fmt.int(lang, rest), nN: rest })) : null,
    ),
  );
}

export const chartFormat = (lang) => ({ count: (n) => fmt.int(lang, n), percent: (p) => fmt.pct(lang, p) });

export const distributionDetail = (lang, bars) => bars.map((b) => `${b.label}: ${fmt.int(lang, b.count)}`).join(", ");

export const rangeText = (lang, [a, b]) => (a === b ? fmt.int(lang, a) : `${fmt.int(lang, a)}–${fmt.int(lang, b)}`);

// ---------------------------------------------------------------- keeping a result

// The CSV of a table and its download button: the one CSV writer, csv.js.
export { csvButton, tableCsv } from "./csv.js";

/** The Clipboard API, else execCommand on a selected textarea. */
export async function copyText(ctx, value) {
  try {
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    const area = h("textarea", { readonly: "", class: "visually-hidden", "aria-hidden": "true", tabindex: "-1" });
    area.value = value;
    (ctx.root.body || ctx.root).append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

const clean = (s) => s.replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim();

export function resultText(ctx, name) {
  const section = $(ctx, name);
  const lines = [clean($(ctx, `${name}-title`).textContent), clean($(ctx, `${name}-summary`).textContent)];
  const details = $(ctx, `${name}-details`);
  for (const el of details.querySelectorAll(".stats div, .groups li, .warning, .rows-summary, .formula p, .next p")) {
    if (el.matches(".stats div")) lines.push(`${clean(el.querySelector("dt").textContent)}: ${clean(el.querySelector("dd").textContent)}`);
    else if (el.matches(".next p")) lines.push(`${ctx.t("common.next")}: ${clean(el.textContent)}`);
    else lines.push(clean(el.textContent));
  }
  lines.push(ctx.t("keep.madeWith"));
  return lines.filter(Boolean).join("\n") + (section ? "\n" : "");
}

// ---------------------------------------------------------------- reading inputs

/** fields: API field → { id, optional }; → { input } | { hint } | { error }. */
export function readNumbers(ctx, fields, hintKey) {
  const input = {};
  let empty = false;
  for (const [field, spec] of Object.entries(fields)) {
    const parsed = fmt.parseNumber($(ctx, spec.id).value, ctx.lang);
    if (parsed.invalid) return { error: { code: "notANumber", field } };
    if (parsed.empty) {
      if (!spec.optional) empty = true;
      continue;
    }
    input[field] = parsed.value;
  }
  return empty ? { hint: hintKey } : { input };
}

/** A paste box → { input, list, data } | { hint, data } | { error, data }; `extra`: scale etc. */
export function readData(ctx, name, hintKey, extra = {}) {
  const raw = $(ctx, `${name}-text`).value;
  if (raw.trim() === "") return { hint: hintKey };
  const source = name === "fcr" ? { text: raw, list: false } : fmt.scoresText(raw);
  if (source.list) return { input: { text: source.text, ...extra }, list: true };
  const input = ctx.data && ctx.data[name];
  if (!input) {
    const group = name === "fcr" ? $(ctx, "fcr-group").value : "";
    return { input: { text: source.text, ...extra, ...(group ? { groupBy: group } : null) }, list: false };
  }
  const data = input.read(source.text);
  if (data.error) return { error: data.error, data };
  if (data.missing) return { hint: data.missing, data };
  const args = { text: source.text, locale: data.locale, ...extra };
  if (Object.keys(data.columns).length) args.columns = data.columns;
  if (data.groupBy !== undefined) args.groupBy = data.groupBy;
  return { input: args, list: false, data };
}

export function scaleText(ctx, name) {
  if (name === "nps") return "0–10";
  const select = $(ctx, `${name}-scale`);
  return select ? `1–${select.value}` : "";
}

// ---------------------------------------------------------------- the update cycle

function inputFor(ctx, calc, name, field) {
  if (calc.fields && calc.fields[field]) return $(ctx, calc.fields[field].id);
  if (field === "text" || field === "scores" || /^columns\b/.test(field || "")) return $(ctx, `${name}-text`);
  if (field === "groupBy") return $(ctx, "fcr-group");
  if (field === "locale") return $(ctx, `${name}-locale`);
  if (field === "scaleMax" || field === "scaleMin") return $(ctx, `${name}-scale`);
  return null;
}

function clearInvalid(ctx, name) {
  for (const el of $(ctx, name).querySelectorAll("[aria-invalid]")) {
    el.removeAttribute("aria-invalid");
    const ids = (el.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && x !== `${name}-error`);
    if (ids.length) el.setAttribute("aria-describedby", ids.join(" "));
    else el.removeAttribute("aria-describedby");
  }
}

function showError(ctx, calc, name, error) {
  replace($(ctx, `${name}-summary`));
  replace($(ctx, `${name}-details`));
  replace(
    $(ctx, `${name}-error`),
    h("p", { class: "error-text", "data-code": error.code || "unknown" }, text.errorText(ctx.s, error)),
    Array.isArray(error.skipped) ? skippedList(ctx, name, error.skipped, false, scaleText(ctx, name), calc.skipKind) : null,
  );
  $(ctx, name).dataset.state = "error";
  const input = error.field ? inputFor(ctx, calc, name, error.field) : null;
  if (input) {
    input.setAttribute("aria-invalid", "true");
    const ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    ids.push(`${name}-error`);
    input.setAttribute("aria-describedby", ids.join(" "));
  }
}

/** Reads, computes and shows calculator `name` (`calc.run` may return a promise). */
export function update(ctx, calc, name) {
  const input = ctx.data && ctx.data[name];
  const section = $(ctx, name);
  const token = (section.cmRun = (section.cmRun || 0) + 1);
  input?.cancelPending();
  clearInvalid(ctx, name);
  let state;
  try {
    state = calc.read(ctx);
  } catch (error) {
    console.error(error);
    state = { error: { code: "internal" } };
  }
  const showData = (outcome) => {
    if (!input) return;
    try {
      if (state.data && state.data.parse) input.render(state.data, outcome);
      else input.clear();
    } catch (error) {
      console.error(error);
      input.clear();
    }
  };
  if (state.hint) {
    replace($(ctx, `${name}-error`));
    replace($(ctx, `${name}-summary`), h("span", { class: "hint", "data-testid": `${name}-hint` }, ctx.t(state.hint)));
    replace($(ctx, `${name}-details`));
    section.dataset.state = "hint";
    showData({});
    return;
  }
  if (state.error) {
    showError(ctx, calc, name, state.error);
    showData({ error: state.error });
    return;
  }
  const failed = (error) => {
    if (error && typeof error.code === "string") showError(ctx, calc, name, error);
    else {
      console.error(error);
      showError(ctx, calc, name, { code: "internal" });
    }
    showData({ error });
  };
  const show = (result) => {
    if (token !== section.cmRun) return; // a later update has started
    try {
      const view = calc.render(result, state, ctx);
      replace($(ctx, `${name}-error`));
      replace($(ctx, `${name}-summary`), view.summary);
      replace($(ctx, `${name}-details`), view.details);
      section.dataset.state = "ok";
    } catch (error) {
      console.error(error);
      showError(ctx, calc, name, { code: "internal" });
    }
    showData({ result });
  };
  let result;
  try {
    result = calc.run(ctx.api, state.input, ctx);
  } catch (error) {
    failed(error);
    return;
  }
  if (result && typeof result.then === "function") {
    section.dataset.state = "busy";
    result.then(show, (error) => token === section.cmRun && failed(error));
  } else show(result);
}

// ---------------------------------------------------------------- mounting

export function build(ctx, calc, name, section, { heading = "h2" } = {}) {
  const copyStatus = h("span", { class: "copy-status", role: "status", "data-testid": `${name}-copy-status` });
  const copy = h("button", { type: "button", class: "small-button copy-button", "data-testid": `${name}-copy`, ...tx("keep.copy") });
  copy.addEventListener("click", async () => {
    const ok = await copyText(ctx, resultText(ctx, name));
    copyStatus.textContent = ctx.t(ok ? "keep.copied" : "keep.copyFailed");
    setTimeout(() => (copyStatus.textContent = ""), 4000);
  });
  const form = h("form", { class: "calc-inputs", "data-calc": name, novalidate: "" }, calc.form(ctx));
  replace(
    section,
    h("div", { class: "calc-head" }, h(heading, { id: `${name}-title`, ...tx(`${name}.title`) }), h("p", { class: "calc-intro", ...tx(`${name}.intro`) })),
    h(
      "div",
      { class: "calc-body" },
      form,
      h(
        "div",
        { class: "calc-results" },
        h("div", { class: "error", id: `${name}-error`, "data-testid": `${name}-error`, role: "alert" }),
        h("p", { class: "summary", id: `${name}-summary`, "data-testid": `${name}-summary`, "aria-live": "polite", "aria-atomic": "true" }),
        h("div", { class: "result-actions" }, copy, copyStatus),
        h("div", { class: "details", id: `${name}-details`, "data-testid": `${name}-details` }),
      ),
    ),
  );
  localize(ctx, section);
  return form;
}

/** Updates as the user types; typing in a source group (counts / pasted data) selects it. */
export function wire(ctx, calc, name, onChange) {
  const form = $(ctx, name).querySelector("form");
  form.addEventListener("submit", (event) => event.preventDefault());
  if (calc.source) {
    // Capture phase: the page's data input must see the choice.
    const select = (event) => {
      const group = event.target.closest("[data-source]");
      if (group) $(ctx, `${name}-source-${group.dataset.source}`).checked = true;
      markSource(ctx, calc, name);
    };
    form.addEventListener("input", select, true);
    form.addEventListener("change", select, true);
    markSource(ctx, calc, name);
  }
  const changed = (event) => {
    if (event.target.closest("[data-managed]")) return;
    onChange();
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
}

export function markSource(ctx, calc, name) {
  const source = calc.source(ctx);
  for (const group of $(ctx, name).querySelectorAll("[data-source]")) {
    group.classList.toggle("is-active", group.dataset.source === source);
  }
}

/** After a language change: typed numbers keep their value in the new notation. */
export function renotate(root, lang, previous) {
  for (const input of root.querySelectorAll("input[data-number]")) {
    const parsed = fmt.parseNumber(input.value, previous);
    if (parsed.value !== undefined) input.value = fmt.plain(lang, parsed.value);
  }
}
