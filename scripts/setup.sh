#!/usr/bin/env bash
# Installs what building the wasm needs, skipping what is already there:
# the wasm32 target and wasm-bindgen-cli of the version pinned in Cargo.lock.
# With --test, also what the tests need: Chromium and its driver (Debian
# packages), Python 3 with venv (Debian packages; the warehouse SQL test) and
# the npm packages of package.json (Playwright, binaryen).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

[ -f Cargo.lock ] || cargo generate-lockfile
want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  echo "setup: installing wasm-bindgen-cli $want (about 2 minutes, once)"
  # Not --locked: one of its locked dependencies is missing from the registry.
  cargo install wasm-bindgen-cli --version "=$want"
fi

if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    echo "setup: installing Chromium and ChromeDriver from Debian's packages"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  if ! command -v node >/dev/null; then
    echo "setup: installing Node.js from Debian's packages"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
  fi
  # tests/warehouse.rs runs docs/sql/ in DuckDB from PyPI, in a venv of its own.
  if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    echo "setup: installing Python 3 and its venv module from Debian's packages"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3 python3-venv >/dev/null
  fi
  if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] || [ ! -d node_modules/esbuild ]; then
    echo "setup: installing the end-to-end test's npm packages"
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
