// The client of the analysis worker (www/worker.js), shared by "Analyse my
// sales" (js/sales/) and "Predict" (js/predict/, through js/sales/log.js): it
// starts and stops the module worker, numbers the messages, and routes each
// answer: a page of rows or a CSV to the ask() that wants it, a prediction's
// progress and answer to its predict(), and an analysis's progress, result or
// error to `onAnalysis` (the sales page decides whether that analysis is still
// the current one). After an error without a code of its own ("internal": a
// trap such as RuntimeError: unreachable) the worker's WebAssembly module may be
// unusable: a fresh worker takes over before anything else is asked.

export function createAnalysisClient({ onAnalysis = () => {}, onFailed = () => {} } = {}) {
  let worker = null;
  let seq = 0;
  const pending = new Map(); // query id → resolve (rows, csv)
  const predictions = new Map(); // prediction id → { resolve, progress }

  const client = {
    /** The worker holds the text of the current log (options alone can be sent). */
    holdsText: false,
    get running() {
      return Boolean(worker);
    },
    start() {
      worker = new Worker(new URL("../worker.js", import.meta.url), { type: "module" });
      worker.addEventListener("message", onMessage);
      worker.addEventListener("error", (event) => {
        event.preventDefault();
        client.stop();
        onFailed();
      });
      client.holdsText = false;
    },
    /** Ends the worker: the asks waiting get null, the predictions a "cancelled" error. */
    stop() {
      worker?.terminate();
      worker = null;
      for (const resolve of pending.values()) resolve(null);
      pending.clear();
      for (const wait of predictions.values()) wait.resolve({ type: "error", error: { code: "cancelled" } });
      predictions.clear();
      client.holdsText = false;
    },
    restart() {
      client.stop();
      client.start();
    },
    /** Posts an analysis ({ file? | text?, sheet?, options }); its messages go to onAnalysis. Returns its id. */
    analyse(message) {
      const id = ++seq;
      worker.postMessage({ ...message, type: "analyse", id });
      return id;
    },
    /** A message that gets one answer (a page of rows, a CSV): resolves with it, or null. */
    ask(message) {
      if (!worker) return Promise.resolve(null);
      const id = ++seq;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ ...message, id });
      });
    },
    /** predictClv on the log in the worker: resolves with { type: "predicted" | "error", … }. */
    predict(options, onProgress) {
      const id = ++seq;
      return new Promise((resolve) => {
        predictions.set(id, { resolve, progress: onProgress });
        worker.postMessage({ type: "predict", id, options });
      });
    },
  };

  function onMessage(event) {
    const msg = event.data;
    if (msg.type === "error" && msg.error?.code === "internal" && event.target === worker) {
      const [wait, resolve] = [predictions.get(msg.id), pending.get(msg.id)];
      predictions.delete(msg.id);
      pending.delete(msg.id);
      client.restart();
      if (wait) predictions.set(msg.id, wait);
      if (resolve) pending.set(msg.id, resolve);
    }
    const wait = predictions.get(msg.id);
    if (wait) {
      if (msg.type === "progress") wait.progress?.(msg);
      else {
        predictions.delete(msg.id);
        wait.resolve(msg);
      }
      return;
    }
    const resolve = pending.get(msg.id);
    if (resolve) {
      // An answer, or the error of a query (a table replaced meanwhile): null.
      pending.delete(msg.id);
      resolve(msg.type === "rows" || msg.type === "csv" ? msg : null);
      return;
    }
    onAnalysis(msg);
  }

  return client;
}
