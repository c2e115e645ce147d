// The rules the page needs from the Rust core, in one place: the default RFM
// thresholds and the order they must keep, the active-base window, the longest
// forecast horizon and the P(alive) cut-off of "likely active". Today they are
// written out here as the Rust has them (src/metrics/rfm.rs Thresholds::default,
// src/metrics/retention.rs DEFAULT_ACTIVE_DAYS, src/metrics/btyd/clv.rs
// MAX_HORIZON_MONTHS, the 0.5 of "likely active"); when the module exports
// `defaults()`, this file reads them from it and nothing else changes.
// DOM-free: the sales worker imports it too.

/** RFM score edges for scores 5, 4, 3, 2 (fixed method): recency in days (≤), frequency and monetary (>, ≥). */
export const RFM_THRESHOLDS = Object.freeze({
  recency: Object.freeze([7, 30, 60, 90]),
  frequency: Object.freeze([10, 6, 4, 2]),
  monetary: Object.freeze([10_000_000, 5_000_000, 2_000_000, 500_000]),
});

/** The RFM measures, in the order the page shows them. */
export const RFM_MEASURES = Object.freeze(["recency", "frequency", "monetary"]);

/**
 * Are a measure's four edges in the order the API accepts? Recency rises (7 ≤ 30 ≤ …),
 * frequency and monetary fall; a missing edge (undefined) is not compared.
 */
export function thresholdsOrdered(measure, edges) {
  return edges.every((v, i) => i === 0 || v === undefined || edges[i - 1] === undefined || (measure === "recency" ? edges[i - 1] <= v : edges[i - 1] >= v));
}

/** The active-base retention window (days) when none is given. */
export const ACTIVE_DAYS = 180;

/** The longest forecast horizon predictClv takes (months). */
export const MAX_HORIZON_MONTHS = 1200;

/** "Likely active": a customer whose P(alive) is at least this. */
export const ALIVE_CUTOFF = 0.5;
export const likelyActive = (pAlive) => pAlive >= ALIVE_CUTOFF;
