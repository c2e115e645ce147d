// The log, lent to "Predict" (js/predict/): what it needs to know of the analysis
// shown, and the worker's predictClv on the same text read the same way.

import { ask, client, state } from "./state.js";

const listeners = new Set(); // the Predict part's (salesLog.subscribe)

function logInfo() {
  return {
    ready: Boolean(state.summary) && !state.busy && client.running,
    busy: Boolean(state.busy),
    source: state.sourceSeq,
    reading: state.reading,
    summary: state.summary,
  };
}

export function notifyLog() {
  const info = logInfo();
  for (const fn of listeners) {
    try {
      fn(info);
    } catch (error) {
      console.error(error);
    }
  }
}

export const salesLog = {
  current: logInfo,
  /** Calls fn(info) whenever the analysis starts, ends, fails or is cleared. */
  subscribe(fn) {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
  /** predictClv on the log in the worker: resolves with { type: "predicted" | "error", … }. */
  predict(options, onProgress) {
    if (!client.running || !state.summary) return Promise.resolve({ type: "error", error: { code: "noData" } });
    return client.predict(options, onProgress);
  },
  /** A page of the ranked customers (as the sales tables' queries). */
  query: (query) => ask({ type: "query", table: "predict", query }),
  /** The ranked customers as a CSV blob: { blob, lines } or null. */
  csv: ({ lang, sep, headers }) => ask({ type: "csv", table: "predict", lang, sep, headers }),
};
