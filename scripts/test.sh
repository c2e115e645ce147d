#!/usr/bin/env bash
# Runs every test: native Rust tests, the wasm build, wasm-bindgen-test in
# headless Chromium, the Node API tests against www/pkg, the widget's size
# budget, and the browser end-to-end tests of the page, the widget and the
# embed. Installs what it lacks first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test

echo "== 1/6 native tests (cargo test --workspace: the library, the warehouse SQL in DuckDB, the command-line tool)"
cargo test --workspace

echo "== 2/6 release wasm build into www/pkg"
scripts/build.sh

echo "== 3/6 wasm-bindgen-test in headless Chromium"
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver} \
  cargo test --target wasm32-unknown-unknown --test wasm

echo "== 4/6 Node tests of the JavaScript API (www/pkg)"
node --test tests/node/

cargo build --quiet --release --example serve
echo "== 5/6 size budget of the embeddable widget (what it downloads, gzipped; at most 120 KB)"
node scripts/size.mjs

echo "== 6/6 end-to-end tests of the page, the widget and the embed in headless Chromium"
node --test --test-concurrency=1 tests/e2e/
