#!/usr/bin/env bash
# Our speed against general engines on the same job (issue #16; not part of the tests):
#
#   scripts/bench-anchors.sh [ROWS] [CUSTOMERS]     # default 1000000 100000
#
# Generates a semicolon log (benches/anchors/generate.py: clean.csv, about 45 MB at
# 1,000,000 rows, and messy.csv, the same rows written as exports write them) and runs
# the RFM job (per customer: last date, distinct orders, total, R score by quintile) in
#   - pandas, Polars and DuckDB (PyPI, in a throwaway venv under target/bench-anchors),
#   - our native API: api::rfm and the whole api::analyze_log (examples/bench_anchors.rs),
#   - headless Chromium: DuckDB-wasm (npm, eh bundle, one thread, local files), our page
#     module's rfm, and our page from file dropped to results drawn (benches/anchors/browser.mjs),
# each once to warm up and then three times, all in this one run; then prints each time,
# our time ÷ the anchor's, and whether every engine gave the same per-customer figures.
# Everything it downloads or writes stays in target/bench-anchors (BENCH_DIR to change);
# BENCH_NO_BUILD=1 skips scripts/build.sh (the page's module is then used as it is).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${BENCH_DIR:-target/bench-anchors}
rows=${1:-1000000}
customers=${2:-100000}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

stamp="$rows $customers $(sha256sum benches/anchors/generate.py | cut -c1-16)"
if [ ! -f "$dir/clean.csv" ] || [ ! -f "$dir/messy.csv" ] || [ "$(cat "$dir/stamp" 2>/dev/null)" != "$stamp" ]; then
  python3 benches/anchors/generate.py "$dir" "$rows" "$customers"
  echo "$stamp" >"$dir/stamp"
fi

[ -x "$dir/venv/bin/python" ] || python3 -m venv "$dir/venv"
"$dir/venv/bin/python" -c 'import pandas, polars, duckdb' 2>/dev/null ||
  "$dir/venv/bin/pip" install --quiet pandas polars duckdb
[ -f "$dir/npm/node_modules/@duckdb/duckdb-wasm/package.json" ] ||
  npm install --prefix "$dir/npm" --no-audit --no-fund --silent @duckdb/duckdb-wasm
cp benches/anchors/bench.html benches/anchors/bench.mjs "$dir/"

[ "${BENCH_NO_BUILD:-}" = 1 ] || scripts/build.sh >/dev/null
cargo build --quiet --release --example bench_anchors --example serve

results="$dir/results.jsonl"
: >"$results"
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB, $(uname -sr)"
  echo "file: $(wc -l <"$dir/clean.csv") lines, $(du -m "$dir/clean.csv" | cut -f1) MB clean, $(du -m "$dir/messy.csv" | cut -f1) MB messy"
  echo "load before: $(uptime | sed 's/.*load average/load average/')"
} >"$dir/machine.txt"
echo "bench-anchors: native" >&2
target/release/examples/bench_anchors "$dir/clean.csv" "$dir/messy.csv" >>"$results"
echo "bench-anchors: pandas, Polars, DuckDB" >&2
"$dir/venv/bin/python" benches/anchors/anchors.py "$dir/clean.csv" >>"$results"
echo "bench-anchors: Chromium" >&2
node benches/anchors/browser.mjs "$dir" >>"$results"
echo "load after: $(uptime | sed 's/.*load average/load average/')" >>"$dir/machine.txt"
python3 benches/anchors/report.py "$dir/machine.txt" "$results"
