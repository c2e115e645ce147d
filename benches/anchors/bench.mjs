// In-page half of benches/anchors/browser.mjs: DuckDB-wasm (eh bundle, one thread,
// local files) and our page module's `rfm`, on the same file's bytes and text.
import * as duckdb from "./npm/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser.mjs";
import init, { rfm } from "/pkg/customer_metrics.js";

const RUNS = 3;
const dist = new URL("./npm/node_modules/@duckdb/duckdb-wasm/dist/", import.meta.url).href;

/** Once to warm up, then RUNS times: { best, median } in seconds, and the last result. */
async function measure(job) {
  await job();
  const times = [];
  let out;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    out = await job();
    times.push((performance.now() - t) / 1000);
  }
  times.sort((a, b) => a - b);
  return { best: times[0], median: times[RUNS >> 1], out };
}

const files = {};
async function bytes(name) {
  files[name] ??= new Uint8Array(await (await fetch(`./${name}.csv`)).arrayBuffer());
  return files[name];
}

/** The check figures of examples/bench_anchors.rs from per-customer columns. */
function checks(rows) {
  let c = { customers: 0, revenue: 0, orders: 0, sumR: 0, sumLastDay: 0, revenueTimesR: 0, ordersTimesLastDay: 0 };
  for (const { last, orders, total, r } of rows) {
    c.customers += 1;
    c.revenue += total;
    c.orders += orders;
    c.sumR += r;
    c.sumLastDay += last;
    c.revenueTimesR += total * r;
    c.ordersTimesLastDay += orders * last;
  }
  return c;
}

const DAY = 86_400_000;

async function startDuckDB() {
  const worker = new Worker(`${dist}duckdb-browser-eh.worker.js`);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(`${dist}duckdb-eh.wasm`);
  const conn = await db.connect();
  return { worker, db, conn };
}

window.benchDuckDB = async (name, sql) => {
  // Start-up: a fresh worker, the module instantiated, a connection.
  const cold = performance.now();
  await startDuckDB().then(({ worker }) => worker.terminate());
  const coldStart = (performance.now() - cold) / 1000;
  const start = await measure(async () => (await startDuckDB()).worker.terminate());
  const { db, conn, worker } = await startDuckDB();
  // The file's bytes handed over (a copy: registering transfers the buffer).
  const data = await bytes(name);
  const t = performance.now();
  await db.registerFileBuffer(`${name}.csv`, data.slice());
  const register = (performance.now() - t) / 1000;
  const query = await measure(() => conn.query(sql.replaceAll("{path}", `${name}.csv`)));
  const rows = query.out.toArray().map((row) => ({
    last: Math.round(Number(row.last) / DAY),
    orders: Number(row.orders),
    total: Number(row.total),
    r: Number(row.r),
  }));
  const version = await db.getVersion();
  await conn.close();
  worker.terminate();
  return { coldStart, start: { best: start.best, median: start.median }, register, query: { best: query.best, median: query.median }, checks: checks(rows), version };
};

window.benchOurs = async (name) => {
  await init();
  const text = new TextDecoder().decode(await bytes(name));
  const run = await measure(() => rfm({ text, method: "quintile" }));
  const asOf = Date.parse(run.out.asOf) / DAY;
  const rows = run.out.customers.map((c) => ({ last: asOf - c.recency, orders: c.frequency, total: Math.round(c.monetary), r: c.r }));
  return { best: run.best, median: run.median, used: run.out.used, checks: checks(rows) };
};

document.documentElement.dataset.ready = "1";
