// The calculators: read the inputs as the user types, call the WebAssembly
// API, and show the figure, its band, the formula with the user's numbers,
// the benchmark and what to do next. User text is only ever set as text.

import init, { crr, clv, nps, ces, csat, fcr, parseTable } from "./pkg/customer_metrics.js";
import { h, replace } from "./js/dom.js";
import { createDataInput, columnName } from "./js/datainput.js";
import { barChart } from "./js/charts.js";
import * as fmt from "./js/format.js";
import { getLang, t, table, onLangChange } from "./js/lang.js";
import { setReady } from "./js/shell.js";
import { bandLabel, errorText, skipReason, CRR_INDUSTRIES } from "./i18n.js";

const $ = (id) => document.getElementById(id);

/** Colour family of each band key (the label text is always shown too). */
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
};

const MAX_SKIPPED_SHOWN = 100;

// ---------------------------------------------------------------- reading inputs

/**
 * Reads number inputs: `fields` maps API field → { id, optional }.
 * Returns { input } or { hint } (a required field is empty) or { error }.
 */
function readNumbers(fields, hintKey) {
  const lang = getLang();
  const input = {};
  let empty = false;
  for (const [field, spec] of Object.entries(fields)) {
    const parsed = fmt.parseNumber($(spec.id).value, lang);
    if (parsed.invalid) return { error: { code: "notANumber", field } };
    if (parsed.empty) {
      if (!spec.optional) empty = true;
      continue;
    }
    input[field] = parsed.value;
  }
  return empty ? { hint: hintKey } : { input };
}

/** The data inputs (paste box, file, preview, roles) of the calculators that read data. */
const INPUTS = {};

/**
 * Reads the paste box of a data calculator: { input, list, data } for the API,
 * { hint, data } when something is missing, or { error, data } when the table cannot be read.
 * `extra` holds the calculator's own options (scale, …). Scores typed as a list on one
 * line skip the table view: there is nothing to decide about them.
 */
function readData(name, hintKey, extra = {}) {
  const raw = $(`${name}-text`).value;
  if (raw.trim() === "") return { hint: hintKey };
  const source = name === "fcr" ? { text: raw, list: false } : fmt.scoresText(raw);
  if (source.list) return { input: { text: source.text, ...extra }, list: true };
  const data = INPUTS[name].read(source.text);
  if (data.error) return { error: data.error, data };
  if (data.missing) return { hint: data.missing, data };
  const input = { text: source.text, locale: data.locale, ...extra };
  if (Object.keys(data.columns).length) input.columns = data.columns;
  if (data.groupBy !== undefined) input.groupBy = data.groupBy;
  return { input, list: false, data };
}

// ---------------------------------------------------------------- shared views

function badge(id, band) {
  const lang = getLang();
  return h(
    "span",
    { class: `badge tone-${TONES[band.key] || "ok"}`, "data-testid": `${id}-band`, "data-band": band.key },
    h("span", { class: "badge-dot", "aria-hidden": "true" }),
    bandLabel(lang, band),
  );
}

function figure(id, label, value, extra) {
  return [
    h("span", { class: "figure-label" }, label),
    " ",
    h("span", { class: "figure", "data-testid": `${id}-value` }, value),
    extra ? [" ", extra] : null,
  ];
}

function block(title, ...content) {
  return h("div", { class: "block" }, h("h3", null, title), ...content);
}

function formulaBlock(id, lines) {
  return block(
    t("common.formula"),
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
}

function nextBlock(id, text) {
  return h(
    "div",
    { class: "block next" },
    h("h3", null, t("common.next")),
    h("p", { "data-testid": `${id}-next` }, text),
  );
}

function benchmarkBlock(id, ...content) {
  return h(
    "div",
    { class: "block benchmark", "data-testid": `${id}-benchmark` },
    h("h3", null, t("common.benchmark")),
    ...content,
  );
}

const caveat = (text) =>
  h("p", { class: "caveat" }, h("strong", null, t("common.caveat") + ": "), text);

function stats(items) {
  return h(
    "dl",
    { class: "stats" },
    items.filter(Boolean).map(([label, value, testid]) =>
      h("div", null, h("dt", null, label), h("dd", testid ? { "data-testid": testid } : null, value)),
    ),
  );
}

/** Rows used/skipped for results read from pasted text. */
function rowsBlock(id, result, list, scaleText) {
  if (result.used === undefined) return null;
  const lang = getLang();
  const skipped = result.skipped || [];
  const column = result.column ? columnName(result.column.name) : "";
  const tickets = id === "fcr";
  return h(
    "div",
    { class: "rows" },
    h(
      "p",
      { class: "rows-summary", "data-testid": `${id}-rows` },
      t(tickets ? "rows.summaryTickets" : "rows.summary", {
        used: fmt.int(lang, result.used),
        usedN: result.used,
        skipped: fmt.int(lang, skipped.length),
      }),
    ),
    list
      ? h("p", { class: "rows-note" }, t("rows.listNote"))
      : column
        ? h("p", { class: "rows-note" }, t(tickets ? "rows.columnTickets" : "rows.column", { name: column }))
        : null,
    skippedList(id, skipped, list, scaleText),
  );
}

function skippedList(id, skipped, list, scaleText) {
  if (!skipped || !skipped.length) return null;
  const lang = getLang();
  const shown = skipped.slice(0, MAX_SKIPPED_SHOWN);
  const rest = skipped.length - shown.length;
  return h(
    "div",
    { class: "skipped" },
    h("h3", null, t("rows.skippedTitle")),
    h(
      "ul",
      { "data-testid": `${id}-skipped` },
      shown.map((entry) =>
        h(
          "li",
          { "data-row": entry.row, "data-code": entry.code, title: entry.reason || null },
          `${t(list ? "rows.item" : "rows.row", { row: fmt.int(lang, entry.row) })}: ${skipReason(lang, entry, { scale: scaleText, kind: id === "fcr" ? "ticket" : "score" })}`,
        ),
      ),
      rest > 0 ? h("li", { class: "more" }, t("rows.more", { n: fmt.int(lang, rest), nN: rest })) : null,
    ),
  );
}

/** FCR per group (channel, agent, …) as a table, largest group first, with a bar per row. */
function fcrGroups(r, lang) {
  const name = columnName(r.groupColumn.name);
  return block(
    t("fcr.groupsTitle", { name }),
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "groups-table", "data-testid": "fcr-groups" },
        h("caption", { class: "visually-hidden" }, t("fcr.groupsCaption", { name })),
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            h("th", { scope: "col" }, name),
            h("th", { scope: "col" }, t("fcr.figure")),
            h("th", { scope: "col" }, t("fcr.colResolved")),
            h("th", { scope: "col" }, t("fcr.colTickets")),
          ),
        ),
        h(
          "tbody",
          null,
          r.groups.map((g) =>
            h(
              "tr",
              { "data-name": g.name },
              h("th", { scope: "row" }, g.name),
              h(
                "td",
                { class: "fcr-cell" },
                h("span", { class: "meter", "aria-hidden": "true" }, h("span", { class: "meter-fill", style: `width: ${Math.max(0, Math.min(100, g.fcr)).toFixed(1)}%` })),
                h("span", { class: "meter-value" }, fmt.pct(lang, g.fcr)),
              ),
              h("td", null, fmt.int(lang, g.resolved)),
              h("td", null, fmt.int(lang, g.total)),
            ),
          ),
        ),
      ),
    ),
  );
}

function chartFormat(lang) {
  return { count: (n) => fmt.int(lang, n), percent: (p) => fmt.pct(lang, p) };
}

const distributionDetail = (lang, bars) =>
  bars.map((b) => `${b.label}: ${fmt.int(lang, b.count)}`).join(", ");

const rangeText = (lang, [a, b]) => (a === b ? fmt.int(lang, a) : `${fmt.int(lang, a)}–${fmt.int(lang, b)}`);

// ---------------------------------------------------------------- calculators

const CALCULATORS = {
  crr: {
    fields: {
      startCustomers: { id: "crr-start" },
      endCustomers: { id: "crr-end" },
      newCustomers: { id: "crr-new" },
    },
    read() {
      return readNumbers(this.fields, "crr.hint");
    },
    run: (input) => crr(input),
    render(r, { input }, lang) {
      const S = input.startCustomers;
      const E = input.endCustomers;
      const N = input.newCustomers;
      const sign = fmt.pctSign(lang);
      const formula = `(${fmt.int(lang, E)} − ${fmt.int(lang, N)}) / ${fmt.int(lang, S)} × 100${sign} = ${fmt.pct(lang, r.retentionRate)}`;
      const industries = h(
        "ul",
        { class: "industry-list" },
        CRR_INDUSTRIES.map((ind) =>
          h(
            "li",
            null,
            h("span", null, table("industries")[ind.key] ?? ind.key),
            h(
              "span",
              { class: "industry-value" },
              rangeText(lang, ind.range.length === 1 ? [ind.range[0], ind.range[0]] : ind.range) + sign,
              ind.alt ? ` (${t("crr.otherSource", { range: rangeText(lang, ind.alt) + sign })})` : null,
            ),
          ),
        ),
      );
      return {
        summary: [figure("crr", t("crr.figure"), fmt.pct(lang, r.retentionRate)), " ", badge("crr", r.band)],
        details: [
          stats([
            [t("crr.churn"), fmt.pct(lang, r.churnRate), "crr-churn"],
            [t("crr.retained"), fmt.int(lang, r.retained)],
            [t("crr.lost"), fmt.int(lang, r.lost)],
          ]),
          r.warnings && r.warnings.length
            ? h("p", { class: "warning", "data-testid": "crr-warning" }, t("crr.above100"))
            : null,
          formulaBlock("crr", [formula]),
          nextBlock("crr", t(`crr.next.${r.band.key}`)),
          benchmarkBlock(
            "crr",
            h("p", null, t("crr.scale")),
            h("p", null, t("crr.scaleAlt")),
            h("h4", null, t("crr.industriesTitle")),
            industries,
            caveat(t("crr.caveat")),
          ),
        ],
      };
    },
  },

  clv: {
    fields: {
      averageOrderValue: { id: "clv-aov" },
      purchasesPerYear: { id: "clv-freq" },
      lifespanYears: { id: "clv-years" },
      grossMarginPercent: { id: "clv-margin", optional: true },
    },
    read() {
      return readNumbers(this.fields, "clv.hint");
    },
    run: (input) => clv(input),
    render(r, { input }, lang) {
      const withMargin = input.grossMarginPercent !== undefined;
      const rp = (n) => fmt.rupiah(lang, n);
      const lines = [
        `${fmt.rupiah(lang, input.averageOrderValue, 2)} × ${fmt.num(lang, input.purchasesPerYear, 2)} × ${fmt.num(lang, input.lifespanYears, 2)} = ${rp(r.clv)}`,
      ];
      if (withMargin) {
        lines.push(`${rp(r.clv)} × ${fmt.pct(lang, input.grossMarginPercent, 2)} = ${rp(r.profitClv)}`);
      }
      return {
        summary: figure("clv", t(withMargin ? "clv.figureProfit" : "clv.figureRevenue"), rp(r.profitClv)),
        details: [
          stats([
            [t("clv.yearly"), rp(r.yearlyValue)],
            withMargin ? [t("clv.revenue"), rp(r.clv)] : null,
            [t("clv.maxCac"), rp(r.maxAcquisitionCost), "clv-max-cac"],
            [t("clv.budget"), `${rp(r.retentionBudgetLow)} – ${rp(r.retentionBudgetHigh)}`, "clv-budget"],
          ]),
          formulaBlock("clv", lines),
          nextBlock(
            "clv",
            t("clv.next", {
              max: rp(r.maxAcquisitionCost),
              low: rp(r.retentionBudgetLow),
              high: rp(r.retentionBudgetHigh),
            }),
          ),
          benchmarkBlock("clv", h("p", null, t("clv.rules")), caveat(t("clv.caveat"))),
        ],
      };
    },
  },

  nps: {
    fields: {
      promoters: { id: "nps-promoters", optional: true },
      passives: { id: "nps-passives", optional: true },
      detractors: { id: "nps-detractors", optional: true },
    },
    source() {
      return $("nps-source-text").checked ? "text" : "counts";
    },
    read() {
      if (this.source() === "text") return readData("nps", "nps.hintText");
      const state = readNumbers(this.fields, "nps.hintCounts");
      if (state.input && Object.keys(state.input).length === 0) return { hint: "nps.hintCounts" };
      return state;
    },
    run: (input) => nps(input),
    render(r, state, lang) {
      const n1 = (x) => fmt.num(lang, x, 1);
      const moeText = `± ${n1(r.marginOfError)} (${n1(r.low)} – ${n1(r.high)})`;
      const groups = ["detractors", "passives", "promoters"];
      const tone = { detractors: "detractor", passives: "passive", promoters: "promoter" };
      const p = r.promoters.count / r.responses;
      const d = r.detractors.count / r.responses;
      const n3 = (x) => fmt.num(lang, x, 3);

      let chart;
      const cf = chartFormat(lang);
      const caption = `NPS ${n1(r.nps)} ${moeText}`;
      if (r.distribution && r.distribution.length) {
        const groupOf = (score) => (score >= 9 ? "promoters" : score >= 7 ? "passives" : "detractors");
        const bars = r.distribution.map((b) => ({
          label: String(b.score),
          count: b.count,
          percent: b.percent,
          tone: tone[groupOf(b.score)],
          group: t(`nps.group.${groupOf(b.score)}`),
        }));
        chart = barChart({
          id: "nps",
          bars,
          groups: [
            { from: 0, to: 6, label: t("nps.group.detractors"), tone: "detractor" },
            { from: 7, to: 8, label: t("nps.group.passives"), tone: "passive" },
            { from: 9, to: 10, label: t("nps.group.promoters"), tone: "promoter" },
          ],
          texts: {
            title: t("nps.chartTitle"),
            caption,
            name: t("nps.chartLabel", { n: fmt.int(lang, r.responses), detail: distributionDetail(lang, bars), nps: n1(r.nps), moe: n1(r.marginOfError) }),
            showNumbers: t("common.showNumbers"),
            cols: [t("common.score"), t("common.count"), t("common.percent"), t("common.group")],
          },
          format: cf,
        });
      } else {
        const bars = groups.map((g) => ({
          label: t(`nps.group.${g}`),
          count: r[g].count,
          percent: r[g].percent,
          tone: tone[g],
        }));
        chart = barChart({
          id: "nps",
          bars,
          texts: {
            title: t("nps.chartGroupsTitle"),
            caption,
            name: t("nps.chartLabel", { n: fmt.int(lang, r.responses), detail: distributionDetail(lang, bars), nps: n1(r.nps), moe: n1(r.marginOfError) }),
            showNumbers: t("common.showNumbers"),
            cols: [t("common.group"), t("common.count"), t("common.percent")],
          },
          format: cf,
        });
      }

      return {
        summary: [
          figure("nps", "NPS", n1(r.nps), h("span", { class: "figure-moe", "data-testid": "nps-moe" }, moeText)),
          " ",
          badge("nps", r.band),
        ],
        details: [
          h(
            "ul",
            { class: "groups", "data-testid": "nps-groups" },
            groups
              .slice()
              .reverse()
              .map((g) =>
                h(
                  "li",
                  { class: `group tone-${tone[g]}` },
                  h("span", { class: `swatch tone-${tone[g]}`, "aria-hidden": "true" }),
                  h("span", { class: "group-name" }, t(`nps.${g}`)),
                  h("span", { class: "group-value" }, `${fmt.int(lang, r[g].count)} · ${fmt.pct(lang, r[g].percent)}`),
                ),
              ),
          ),
          h("p", { class: "moe-note" }, t("nps.moeNote", { moe: n1(r.marginOfError), low: n1(r.low), high: n1(r.high) })),
          rowsBlock("nps", r, state.list, scaleText("nps")),
          formulaBlock("nps", [
            `(${fmt.int(lang, r.promoters.count)} − ${fmt.int(lang, r.detractors.count)}) / ${fmt.int(lang, r.responses)} × 100 = ${n1(r.nps)}`,
            `${fmt.pct(lang, r.promoters.percent)} − ${fmt.pct(lang, r.detractors.percent)} = ${n1(r.nps)}`,
            [
              t("nps.moeFormula"),
              `${fmt.num(lang, 1.96, 2)} × √((${n3(p)} + ${n3(d)} − ${n3(p - d)}²) / ${fmt.int(lang, r.responses)}) × 100 = ${n1(r.marginOfError)}`,
            ],
          ]),
          chart,
          nextBlock("nps", t(`nps.next.${r.band.key}`)),
          benchmarkBlock(
            "nps",
            h("p", null, t("nps.scale")),
            caveat(t("nps.caveat", { n: fmt.int(lang, r.responses), moe: n1(r.marginOfError) })),
          ),
        ],
      };
    },
  },

  ces: {
    read() {
      return readData("ces", "ces.hint", {
        scaleMin: 1,
        scaleMax: Number($("ces-scale").value),
        highIsEasy: $("ces-high-easy").checked,
      });
    },
    run: (input) => ces(input),
    render(r, state, lang) {
      const sum = r.distribution.reduce((acc, b) => acc + b.score * b.count, 0);
      const [lo, hi] = r.easyRange;
      const easyCount = r.distribution.filter((b) => b.score >= lo && b.score <= hi).reduce((a, b) => a + b.count, 0);
      const range = `${lo}–${hi}`;
      const band = r.easyPercent > 80 ? { key: "meetsBenchmark" } : { key: "belowBenchmark" };
      const bars = r.distribution.map((b) => ({
        label: String(b.score),
        count: b.count,
        percent: b.percent,
        tone: b.score >= lo && b.score <= hi ? "easy" : "neutral",
      }));
      return {
        summary: [
          figure("ces", t("ces.figure"), fmt.num(lang, r.ces, 2), h("span", { class: "figure-of" }, t("ces.of", { max: r.scaleMax }))),
          " · ",
          h("span", { class: "figure-label" }, t("ces.easyShare")),
          " ",
          h("span", { class: "figure figure-secondary", "data-testid": "ces-easy" }, fmt.pct(lang, r.easyPercent)),
          " ",
          badge("ces", band),
        ],
        details: [
          h(
            "p",
            { class: "scale-note", "data-testid": "ces-scale-note" },
            `1–${r.scaleMax}, ${t(r.highIsEasy ? "ces.directionHigh" : "ces.directionLow")}, ${t("ces.easyRange", { range })}`,
          ),
          rowsBlock("ces", r, state.list, scaleText("ces")),
          formulaBlock("ces", [
            [t("ces.meanFormula"), `${fmt.int(lang, sum)} / ${fmt.int(lang, r.responses)} = ${fmt.num(lang, r.ces, 2)}`],
            [t("ces.easyFormula", { range }), `${fmt.int(lang, easyCount)} / ${fmt.int(lang, r.responses)} × 100${fmt.pctSign(lang)} = ${fmt.pct(lang, r.easyPercent)}`],
          ]),
          barChart({
            id: "ces",
            bars,
            legend: [
              { tone: "easy", text: t("ces.easyLegend", { range }) },
              { tone: "neutral", text: t("ces.otherLegend") },
            ],
            texts: {
              title: t("ces.chartTitle"),
              name: t("ces.chartLabel", { n: fmt.int(lang, r.responses), max: r.scaleMax, detail: distributionDetail(lang, bars) }),
              showNumbers: t("common.showNumbers"),
              cols: [t("common.score"), t("common.count"), t("common.percent")],
            },
            format: chartFormat(lang),
          }),
          nextBlock("ces", t(`ces.next.${band.key}`)),
          benchmarkBlock("ces", h("p", null, t("ces.scaleNote")), caveat(t("ces.caveat"))),
        ],
      };
    },
  },

  csat: {
    read() {
      return readData("csat", "csat.hint", { scaleMax: Number($("csat-scale").value) });
    },
    run: (input) => csat(input),
    render(r, state, lang) {
      const [lo, hi] = r.topBox;
      const range = `${lo}–${hi}`;
      const satisfied = r.distribution.filter((b) => b.score >= lo && b.score <= hi).reduce((a, b) => a + b.count, 0);
      const band = r.csat >= 80 ? { key: "meetsBenchmark" } : { key: "belowBenchmark" };
      const bars = r.distribution.map((b) => ({
        label: String(b.score),
        count: b.count,
        percent: b.percent,
        tone: b.score >= lo && b.score <= hi ? "easy" : "neutral",
      }));
      return {
        summary: [figure("csat", t("csat.figure"), fmt.pct(lang, r.csat)), " ", badge("csat", band)],
        details: [
          stats([
            [t("csat.mean"), `${fmt.num(lang, r.mean, 2)} ${t("ces.of", { max: r.scaleMax })}`, "csat-mean"],
          ]),
          h("p", { class: "scale-note" }, `1–${r.scaleMax}, ${t("csat.topBox", { range })}`),
          rowsBlock("csat", r, state.list, scaleText("csat")),
          formulaBlock("csat", [
            [t("csat.formula", { range }), `${fmt.int(lang, satisfied)} / ${fmt.int(lang, r.responses)} × 100${fmt.pctSign(lang)} = ${fmt.pct(lang, r.csat)}`],
          ]),
          barChart({
            id: "csat",
            bars,
            legend: [
              { tone: "easy", text: t("csat.satisfiedLegend", { range }) },
              { tone: "neutral", text: t("csat.otherLegend") },
            ],
            texts: {
              title: t("csat.chartTitle"),
              name: t("csat.chartLabel", { n: fmt.int(lang, r.responses), max: r.scaleMax, detail: distributionDetail(lang, bars) }),
              showNumbers: t("common.showNumbers"),
              cols: [t("common.score"), t("common.count"), t("common.percent")],
            },
            format: chartFormat(lang),
          }),
          nextBlock("csat", t(`csat.next.${band.key}`)),
          benchmarkBlock("csat", h("p", null, t("csat.scaleNote")), caveat(t("csat.caveat"))),
        ],
      };
    },
  },

  fcr: {
    fields: {
      resolvedFirstContact: { id: "fcr-resolved" },
      totalTickets: { id: "fcr-total" },
    },
    source() {
      return $("fcr-source-text").checked ? "text" : "counts";
    },
    read() {
      if (this.source() === "text") return readData("fcr", "fcr.hintText");
      return readNumbers(this.fields, "fcr.hint");
    },
    run: (input) => fcr(input),
    render(r, state, lang) {
      return {
        summary: [figure("fcr", t("fcr.figure"), fmt.pct(lang, r.fcr)), " ", badge("fcr", r.band)],
        details: [
          rowsBlock("fcr", r, false, ""),
          r.groups && r.groups.length && r.groupColumn ? fcrGroups(r, lang) : null,
          formulaBlock("fcr", [
            `${fmt.int(lang, r.resolved)} / ${fmt.int(lang, r.total)} × 100${fmt.pctSign(lang)} = ${fmt.pct(lang, r.fcr)}`,
          ]),
          nextBlock("fcr", t(`fcr.next.${r.band.key}`)),
          benchmarkBlock("fcr", h("p", null, t("fcr.scale")), caveat(t("fcr.caveat"))),
        ],
      };
    },
  },
};

// ---------------------------------------------------------------- update cycle

/** The input element an error's `field` points at, if any. */
function inputFor(name, field) {
  const calc = CALCULATORS[name];
  if (calc.fields && calc.fields[field]) return $(calc.fields[field].id);
  if (field === "text" || field === "scores" || /^columns\b/.test(field || "")) return $(`${name}-text`);
  if (field === "groupBy") return $("fcr-group");
  if (field === "locale") return $(`${name}-locale`);
  if (field === "scaleMax" || field === "scaleMin") return $(`${name}-scale`);
  return null;
}

function clearInvalid(name) {
  for (const el of $(name).querySelectorAll("[aria-invalid]")) {
    el.removeAttribute("aria-invalid");
    const ids = (el.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && x !== `${name}-error`);
    if (ids.length) el.setAttribute("aria-describedby", ids.join(" "));
    else el.removeAttribute("aria-describedby");
  }
}

/** The answer scale of a survey calculator, for skipped-row reasons: "1–7". */
function scaleText(name) {
  if (name === "nps") return "0–10";
  const select = $(`${name}-scale`);
  return select ? `1–${select.value}` : "";
}

function showError(name, error) {
  const lang = getLang();
  const box = $(`${name}-error`);
  const section = $(name);
  replace($(`${name}-summary`));
  replace($(`${name}-details`));
  replace(
    box,
    h("p", { class: "error-text", "data-code": error.code || "unknown" }, errorText(lang, error)),
    Array.isArray(error.skipped) ? skippedList(name, error.skipped, false, scaleText(name)) : null,
  );
  section.dataset.state = "error";
  const input = error.field ? inputFor(name, error.field) : null;
  if (input) {
    input.setAttribute("aria-invalid", "true");
    const ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    ids.push(`${name}-error`);
    input.setAttribute("aria-describedby", ids.join(" "));
  }
}

function update(name) {
  const calc = CALCULATORS[name];
  const input = INPUTS[name];
  const lang = getLang();
  const section = $(name);
  input?.cancelPending();
  clearInvalid(name);
  let state;
  try {
    state = calc.read();
  } catch (error) {
    console.error(error);
    state = { error: { code: "internal" } };
  }
  // The data view (decisions, preview, roles) shows what was read, whatever the outcome.
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
    replace($(`${name}-error`));
    replace($(`${name}-summary`), h("span", { class: "hint", "data-testid": `${name}-hint` }, t(state.hint)));
    replace($(`${name}-details`));
    section.dataset.state = "hint";
    showData({});
    return;
  }
  if (state.error) {
    showError(name, state.error);
    showData({ error: state.error });
    return;
  }
  let result;
  try {
    result = calc.run(state.input);
  } catch (error) {
    // The API throws an Error with `code` (and `field`/`row`/`skipped`);
    // anything else is unexpected and shown as an internal error.
    if (error && typeof error.code === "string") {
      showError(name, error);
    } else {
      console.error(error);
      showError(name, { code: "internal" });
    }
    showData({ error });
    return;
  }
  try {
    const view = calc.render(result, state, lang);
    replace($(`${name}-error`));
    replace($(`${name}-summary`), view.summary);
    replace($(`${name}-details`), view.details);
    section.dataset.state = "ok";
  } catch (error) {
    console.error(error); // a bug in this page: say so, keep the page usable
    showError(name, { code: "internal" });
  }
  showData({ result });
}

function updateAll() {
  for (const name of Object.keys(CALCULATORS)) update(name);
}

// ---------------------------------------------------------------- wiring

function setUpInputs() {
  for (const [name, roles] of Object.entries({ nps: ["score"], ces: ["score"], csat: ["score"], fcr: ["resolved", "contacts", "group"] })) {
    INPUTS[name] = createDataInput({
      name,
      roles,
      parseTable: (input) => parseTable(input),
      groupSelect: name === "fcr" ? $("fcr-group") : null,
      onUpdate: () => {
        if (ready) update(name);
      },
    });
  }
}

function wire() {
  for (const form of document.querySelectorAll("form[data-calc]")) {
    const name = form.dataset.calc;
    form.addEventListener("submit", (event) => event.preventDefault());
    if (CALCULATORS[name].source) {
      // Typing (or opening a file) in a group selects it as the data source; in the
      // capture phase, so that the data input's own listener already sees the choice.
      const select = (event) => {
        const group = event.target.closest("[data-source]");
        if (group) $(`${name}-source-${group.dataset.source}`).checked = true;
        markSource(name);
      };
      form.addEventListener("input", select, true);
      form.addEventListener("change", select, true);
    }
    const onChange = (event) => {
      // The paste box, file, format and role controls schedule their own update.
      if (event.target.closest("[data-managed]")) return;
      update(name);
    };
    form.addEventListener("input", onChange);
    form.addEventListener("change", onChange);
  }
  for (const name of Object.keys(CALCULATORS)) if (CALCULATORS[name].source) markSource(name);

  // A file dropped next to a paste box would replace the page: ignore it.
  for (const type of ["dragover", "drop"]) {
    window.addEventListener(type, (event) => {
      if (event.defaultPrevented || !Array.from(event.dataTransfer?.types || []).includes("Files")) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "none";
    });
  }

  onLangChange((lang, previous) => {
    // Keep what was typed meaning the same number in the new notation.
    for (const input of document.querySelectorAll("input[data-number]")) {
      const parsed = fmt.parseNumber(input.value, previous);
      if (parsed.value !== undefined) input.value = fmt.plain(lang, parsed.value);
    }
    updateAll();
  });
}

function markSource(name) {
  const source = CALCULATORS[name].source();
  for (const group of $(name).querySelectorAll("[data-source]")) {
    group.classList.toggle("is-active", group.dataset.source === source);
  }
}

let ready = false;
setUpInputs();

try {
  await init();
  ready = true;
  wire();
  updateAll();
  setReady(true);
} catch (error) {
  setReady(false);
  console.error("customer-metrics: the calculators could not start.", error);
}
