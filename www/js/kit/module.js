// The page's WebAssembly module (www/pkg), started once on the main thread: the
// calculators (app.js) and the sales and predict sections (their defaults,
// js/kit/defaults.js) wait for the same start. The sales worker starts its own.

import init from "../../pkg/customer_metrics.js";

/** Resolves when the module's functions can be called; rejects if it cannot start. */
export const moduleReady = init();
