#!/usr/bin/env bash
# Builds the three WebAssembly modules and their JS glue (wasm-bindgen --target web):
#   www/pkg/         the whole API, for the page and its worker (opt-level 3: speed)
#   www/widget/pkg/  the quick calculators only (no parseTable, no log analytics),
#                    for the embeddable widget (profile widget, opt-level z: size)
#   www/xlsx/pkg/    readWorkbook only (spreadsheet files as text, on calamine),
#                    loaded by the page when a spreadsheet is opened (profile xlsx = widget)
# then shrinks each with wasm-opt where a working one is installed, and builds the
# widget (widget/ and the page's shared modules, minified) into www/widget/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
start=$(date +%s)

# wasm-opt: the npm package binaryen (installed with the test tools) is current;
# Debian's binaryen 108 mishandles the reference types of current rustc, so it
# is used only when it is version 116 or newer.
opt=""
if [ -x node_modules/.bin/wasm-opt ]; then
  opt=node_modules/.bin/wasm-opt
elif command -v wasm-opt >/dev/null && [ "$(wasm-opt --version | grep -oE '[0-9]+' | head -1)" -ge 116 ]; then
  opt=wasm-opt
fi

# build PROFILE FEATURE-FLAGS OUT-DIR WASM-OPT-LEVEL
build() {
  local profile=$1 features=$2 out=$3 level=$4
  # shellcheck disable=SC2086
  cargo build --profile "$profile" $features --lib --target wasm32-unknown-unknown
  wasm-bindgen --target web --out-dir "$out" --typescript \
    "target/wasm32-unknown-unknown/$profile/customer_metrics.wasm"
  local wasm="$out/customer_metrics_bg.wasm"
  if [ -n "$opt" ]; then
    # --strip-*: the producers, target-features and debug sections are
    # metadata no browser reads (0.2 KB of the widget's gzipped budget).
    if "$opt" "$level" --strip-debug --strip-producers --strip-target-features --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
        --enable-sign-ext --enable-mutable-globals --enable-multivalue \
        "$wasm" -o "$wasm.opt" 2>/tmp/wasm-opt.log; then
      mv "$wasm.opt" "$wasm"
    else
      rm -f "$wasm.opt"
      echo "build: wasm-opt failed, keeping the unoptimised wasm (see /tmp/wasm-opt.log)"
    fi
  fi
  echo "build: $wasm $(stat -c %s "$wasm") bytes, $(gzip -9 -c "$wasm" | wc -c) bytes gzipped"
}

[ -n "$opt" ] || echo "build: no current wasm-opt (run npm ci for the npm package binaryen); skipping that size step"
build release "" www/pkg -O3
build widget "--no-default-features --features calculators" www/widget/pkg -Oz
build xlsx "--no-default-features --features xlsx" www/xlsx/pkg -Oz
if command -v node >/dev/null; then
  node scripts/widget.mjs
else
  # No Node.js: the widget's files as they are (it works, only larger).
  mkdir -p www/widget/lib/calc
  cp widget/customer-metrics.js widget/embed-resize.js www/widget/
  # the stylesheet's parts in scripts/widget.mjs's order (STYLESHEET)
  cat widget/host.css www/tokens.css www/calc.css > www/widget/widget.css
  cp www/js/dom.js www/js/format.js www/js/charts.js www/widget/lib/
  cp -r www/js/calc/. www/widget/lib/calc/
  echo "build: no Node.js, the widget's files are copied unminified"
fi
echo "build: done in $(( $(date +%s) - start )) s"
