#!/usr/bin/env bash
# Runs every test: native Rust tests, the wasm build, wasm-bindgen-test in
# headless Chromium, the Node API tests against www/pkg, and the browser
# end-to-end tests of the page. Installs what it lacks first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test

echo "== 1/5 native tests (cargo test)"
cargo test

echo "== 2/5 release wasm build into www/pkg"
scripts/build.sh

echo "== 3/5 wasm-bindgen-test in headless Chromium"
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver} \
  cargo test --target wasm32-unknown-unknown --test wasm

echo "== 4/5 Node tests of the JavaScript API (www/pkg)"
node --test tests/node/

echo "== 5/5 end-to-end tests of the page in headless Chromium"
cargo build --quiet --release --example serve
node --test --test-concurrency=1 tests/e2e/
