#!/usr/bin/env bash
# Builds the release wasm and its JS glue into www/pkg/ (wasm-bindgen --target web),
# then shrinks it with wasm-opt where a working one is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
start=$(date +%s)
cargo build --release --lib --target wasm32-unknown-unknown
wasm-bindgen --target web --out-dir www/pkg --typescript \
  target/wasm32-unknown-unknown/release/customer_metrics.wasm
wasm="www/pkg/customer_metrics_bg.wasm"
# wasm-opt: the npm package binaryen (installed with the test tools) is current;
# Debian's binaryen 108 mishandles the reference types of current rustc, so it
# is used only when it is version 116 or newer.
opt=""
if [ -x node_modules/.bin/wasm-opt ]; then
  opt=node_modules/.bin/wasm-opt
elif command -v wasm-opt >/dev/null && [ "$(wasm-opt --version | grep -oE '[0-9]+' | head -1)" -ge 116 ]; then
  opt=wasm-opt
fi
if [ -n "$opt" ]; then
  if "$opt" -O3 --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-mutable-globals --enable-multivalue \
      "$wasm" -o "$wasm.opt" 2>/tmp/wasm-opt.log; then
    mv "$wasm.opt" "$wasm"
  else
    rm -f "$wasm.opt"
    echo "build: wasm-opt failed, keeping the unoptimised wasm (see /tmp/wasm-opt.log)"
  fi
else
  echo "build: no current wasm-opt (run npm ci for the npm package binaryen); skipping that size step"
fi
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
echo "build: $wasm $raw bytes, $gz bytes gzipped; built in $(( $(date +%s) - start )) s"
