// The rules the page needs from the Rust core, in one place, read from the
// module's `defaults()` (README "Defaults and limits"): the default RFM thresholds
// and the order they must keep, the active-base window, the forecast horizon and
// its limits, the monthly discount rate and the P(alive) cut-off of "likely active".
// No number is retyped here. DOM-free: the sales worker imports it too. Each
// function reads the module, so it is called once the module is started (the page:
// after js/kit/module.js's `moduleReady`; the worker: after its own init()).

import { defaults } from "../../pkg/customer_metrics.js";

let cached = null;
/** The module's defaults and limits (read once). */
const D = () => (cached ??= defaults());

/** The RFM measures, in the order the page shows them. */
export const RFM_MEASURES = Object.freeze(["recency", "frequency", "monetary"]);

/** RFM score edges for scores 5, 4, 3, 2 (fixed method): recency in days (≤), frequency and monetary (>, ≥). */
export const rfmThresholds = () => D().rfm.thresholds;

/**
 * Are a measure's four edges in the order the API accepts (`thresholdOrder`:
 * recency ascending 7 ≤ 30 ≤ …, frequency and monetary descending)? Equal
 * neighbours pass; a missing edge (undefined) is not compared.
 */
export function thresholdsOrdered(measure, edges) {
  const ascending = D().rfm.thresholdOrder[measure] === "ascending";
  return edges.every((v, i) => i === 0 || v === undefined || edges[i - 1] === undefined || (ascending ? edges[i - 1] <= v : edges[i - 1] >= v));
}

/** The active-base retention window (days) when none is given. */
export const activeDays = () => D().retention.activeDays;

/** The forecast horizon (months) when none is given, and the shortest and longest predictClv takes. */
export const horizonMonths = () => D().predict.horizonMonths;
export const minHorizonMonths = () => D().predict.minHorizonMonths;
export const maxHorizonMonths = () => D().predict.maxHorizonMonths;

/** The monthly discount rate when none is given (a fraction: 0.01 is 1 %). */
export const monthlyDiscountRate = () => D().predict.monthlyDiscountRate;

/** "Likely active": a customer whose P(alive) is at least the module's cut-off. */
export const aliveCutoff = () => D().predict.aliveCutoff;
export const likelyActive = (pAlive) => pAlive >= aliveCutoff();
