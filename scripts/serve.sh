#!/usr/bin/env bash
# Builds the page's wasm and serves www/ on http://localhost:8080 (PORT to change).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
exec cargo run --quiet --release --example serve -- www "${PORT:-8080}"
