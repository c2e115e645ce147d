// The customer tables the sales worker (www/worker.js) keeps: RFM, lifecycle and
// the prediction's ranking, as columns of typed arrays (quick to sort and filter
// for 100,000 customers), with the queries the page sends (search, filter, sort,
// one page of rows) and the lines of their CSV files (written with the one CSV
// writer, js/calc/csv.js). DOM-free: it runs in the worker.

import { csvNumber, csvText } from "./calc/csv.js";
import { likelyActive } from "./kit/defaults.js";

const MAX_PAGE = 100;

/**
 * A table of `list` (customers): names, and a typed array per column of `spec`
 * ({ column: [ArrayType, (customer, i) => value] }); `extra` is kept beside.
 */
function columns(list, spec, extra) {
  const n = list.length;
  const t = { n, names: new Array(n), ...extra, lower: null, sorted: new Map() };
  const entries = Object.entries(spec);
  for (const [key, [Type]] of entries) t[key] = new Type(n);
  for (let i = 0; i < n; i++) {
    const c = list[i];
    t.names[i] = c.customer;
    for (const [key, [, get]] of entries) t[key][i] = get(c, i);
  }
  return t;
}

const F64 = (field) => [Float64Array, (c) => c[field]];
const F64N = (field) => [Float64Array, (c) => (c[field] === null || c[field] === undefined ? NaN : c[field])];

/**
 * The RFM table from analyzeLog's `tables.rfm` (its customers as columns:
 * typed arrays, segments as indices into `segmentKeys`, the rules' order
 * first) and the part's `segments` (their words, for the CSV).
 */
export function rfmTable(c, segments) {
  const { customer: names, recency, frequency, monetary, r, f, m, segment, segmentKeys: segKeys } = c;
  return { n: names.length, names, recency, frequency, monetary, r, f, m, segment, segKeys, segments, lower: null, sorted: new Map() };
}

/**
 * The lifecycle table from analyzeLog's `tables.lifecycle`: stages as indices
 * into `stageKeys` (new, active, at risk, churned: sorting by stage sorts in
 * that order), win-back stages as 1 + an index into `winBackKeys` (0: none).
 */
export function lifeTable(c) {
  const { customer: names, stage, vip, spend, winBack, stageKeys, winBackKeys: winKeys } = c;
  return { n: names.length, names, stage, vip, last: c.daysSinceLastPurchase, first: c.daysSinceFirstPurchase, spend, winBack, stageKeys, winKeys, lower: null, sorted: new Map() };
}

/** The ranked customers of predictClv (highest CLV first: rank = position + 1). */
export function predictTable(list) {
  const spec = {
    rank: [Uint32Array, (c, i) => i + 1],
    pAlive: F64("pAlive"),
    frequency: F64("frequency"),
    recency: F64("recency"),
    T: F64("T"),
    monetary: F64("monetarySpend"),
    expectedPurchases: F64("expectedPurchases"),
    spendPerPurchase: F64("spendPerPurchase"),
    clv: F64("clv"),
    // 90 % intervals and the holdout per customer: NaN where the result has null.
    epLow: F64N("expectedPurchasesLow"),
    epHigh: F64N("expectedPurchasesHigh"),
    clvLow: F64N("clvLow"),
    clvHigh: F64N("clvHigh"),
    hoActual: F64N("holdoutActual"),
    hoPredicted: F64N("holdoutPredicted"),
  };
  return columns(list, spec, {});
}

const SORT_KEYS = {
  predict: { rank: "rank", pAlive: "pAlive", frequency: "frequency", recency: "recency", expectedPurchases: "expectedPurchases", spendPerPurchase: "spendPerPurchase", clv: "clv" },
  rfm: { recency: "recency", frequency: "frequency", monetary: "monetary", r: "r", f: "f", m: "m", segment: "segment", action: "segment" },
  life: { stage: "stage", vip: "vip", last: "last", first: "first", spend: "spend", winBack: "winBack", offer: "winBack" },
};

/** Row indices sorted by `sort` ("customer" or a column), ties in data order; cached. */
function sortedIndex(t, name, sort, dir, lang) {
  const key = `${sort}|${dir}|${sort === "customer" ? lang : ""}`;
  let index = t.sorted.get(key);
  if (index) return index;
  index = new Uint32Array(t.n);
  for (let i = 0; i < t.n; i++) index[i] = i;
  const sign = dir === "desc" ? -1 : 1;
  if (sort === "customer") {
    const collator = new Intl.Collator(lang === "en" ? "en" : "id", { numeric: true, sensitivity: "base" });
    const names = t.names;
    index.sort((a, b) => sign * collator.compare(names[a], names[b]) || a - b);
  } else {
    const column = t[SORT_KEYS[name][sort]];
    if (column) index.sort((a, b) => sign * (column[a] - column[b]) || a - b);
  }
  t.sorted.set(key, index);
  return index;
}

/** The filter of a table: (i) => kept, or null for every row. */
function keeper(t, name, filter) {
  if (!filter) return null;
  if (name === "predict") {
    if (filter === "likelyActive") return (i) => likelyActive(t.pAlive[i]);
    return filter === "likelyGone" ? (i) => !likelyActive(t.pAlive[i]) : null;
  }
  if (name === "rfm") {
    const s = t.segKeys.indexOf(filter);
    return (i) => t.segment[i] === s;
  }
  if (filter === "vip") return (i) => t.vip[i] === 1;
  if (filter === "inactive") return (i) => t.winBack[i] !== 0;
  if (filter.startsWith("winBack:")) {
    const w = t.winKeys.indexOf(filter.slice(8)) + 1;
    return (i) => t.winBack[i] === w;
  }
  const s = t.stageKeys.indexOf(filter);
  return (i) => t.stage[i] === s;
}

function matcher(t, name, { search, filter }) {
  const needle = String(search || "").trim().toLocaleLowerCase();
  if (needle && !t.lower) t.lower = t.names.map((s) => s.toLocaleLowerCase());
  const keep = keeper(t, name, filter);
  if (!needle && !keep) return null;
  return (i) => (!needle || t.lower[i].includes(needle)) && (!keep || keep(i));
}

/** The columns a row carries as they are (the others are keys or flags, below). */
const PLAIN = {
  predict: ["rank", "pAlive", "frequency", "recency", "T", "monetary", "expectedPurchases", "spendPerPurchase", "clv", "epLow", "epHigh", "clvLow", "clvHigh", "hoActual", "hoPredicted"],
  rfm: ["recency", "frequency", "monetary", "r", "f", "m"],
  life: ["last", "first", "spend"],
};

function row(t, name, i) {
  const r = { customer: t.names[i] };
  for (const key of PLAIN[name]) r[key] = t[key][i];
  if (name === "rfm") r.segment = t.segKeys[t.segment[i]];
  if (name === "life") {
    r.stage = t.stageKeys[t.stage[i]];
    r.vip = t.vip[i] === 1;
    r.winBack = t.winBack[i] ? t.winKeys[t.winBack[i] - 1] : null;
  }
  return r;
}

/** One page of a table for a query { search, filter, sort, dir, lang, page, pageSize }: { total, all, page, pages, rows }. */
export function queryTable(t, name, q) {
  if (!t) return { total: 0, all: 0, page: 1, pages: 1, rows: [] };
  const size = Math.max(1, Math.min(MAX_PAGE, q.pageSize || 50));
  const index = sortedIndex(t, name, q.sort || "customer", q.dir || "asc", q.lang);
  const keep = matcher(t, name, q);
  let hits = index;
  if (keep) {
    hits = [];
    for (let k = 0; k < t.n; k++) if (keep(index[k])) hits.push(index[k]);
  }
  const total = hits.length;
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, q.page || 1), pages);
  const rows = [];
  for (let k = (page - 1) * size; k < Math.min(total, page * size); k++) rows.push(row(t, name, hits[k]));
  return { total, all: t.n, page, pages, rows };
}

/**
 * The lines of a table's CSV file (the header first), each joined by `sep`:
 * customer names and labels are text cells (defused), the figures numbers.
 * `labels`, in the page language: RFM { segments, actions }, lifecycle
 * { stages, winBack, offers, yes, no }, each by key.
 */
export function csvLines(t, name, { lang, sep, headers, labels }) {
  const lines = [headers.map((h) => csvText(h, sep)).join(sep)];
  if (!t) return lines;
  const num = (column, i, scale = 1) => csvNumber(t[column][i] * scale, lang);
  if (name === "rfm") {
    // The page's words ({ segments, actions } by key, js/calc/words.js); without them, the API's English.
    const bySeg = new Map(t.segments.map((s) => [s.key, s]));
    const segLabels = t.segKeys.map((k) => csvText(labels?.segments?.[k] ?? bySeg.get(k)?.label ?? k, sep));
    const segActions = t.segKeys.map((k) => csvText(labels?.actions?.[k] ?? bySeg.get(k)?.action ?? "", sep));
    for (let i = 0; i < t.n; i++) {
      const s = t.segment[i];
      lines.push([csvText(t.names[i], sep), num("recency", i), num("frequency", i), num("monetary", i), t.r[i], t.f[i], t.m[i], segLabels[s], segActions[s]].join(sep));
    }
  } else if (name === "predict") {
    // rank, customer, P(alive) %, repeat purchases, recency, T, mean spend so far,
    // expected purchases, expected spend per purchase, CLV, then the 90 % intervals
    // and the holdout's actual and predicted purchases (empty where there are none)
    const figures = ["frequency", "recency", "T", "monetary", "expectedPurchases", "spendPerPurchase", "clv", "epLow", "epHigh", "clvLow", "clvHigh", "hoActual", "hoPredicted"];
    for (let i = 0; i < t.n; i++) {
      lines.push([t.rank[i], csvText(t.names[i], sep), num("pAlive", i, 100), ...figures.map((column) => (Number.isNaN(t[column][i]) ? "" : num(column, i)))].join(sep));
    }
  } else if (name === "life") {
    const text = (map, k) => csvText(map?.[k] ?? k ?? "", sep);
    for (let i = 0; i < t.n; i++) {
      const w = t.winBack[i] ? t.winKeys[t.winBack[i] - 1] : null;
      lines.push(
        [
          csvText(t.names[i], sep),
          text(labels.stages, t.stageKeys[t.stage[i]]),
          num("last", i),
          num("spend", i),
          t.vip[i] ? labels.yes : labels.no,
          w ? text(labels.winBack, w) : "",
          w ? text(labels.offers, w) : "",
        ].join(sep),
      );
    }
  }
  return lines;
}
