#!/usr/bin/env bash
# Set-up for building, serving and testing chainmap on Debian (run as root).
#
#   source scripts/setup.sh   # from scripts/serve.sh and scripts/test.sh
#   bash scripts/setup.sh     # on its own
#
# Idempotent: installs only what is missing or at the wrong version, so a
# second run takes a few seconds. Everything comes from package registries
# (apt, rustup, crates.io, npm); nothing is downloaded from GitHub.
#
# When sourced, it leaves the caller in the repository root with
# node_modules/.bin and ~/.cargo/bin first on PATH. The installing part runs in
# a child bash with `set -euo pipefail`, so sourcing it from an interactive
# shell does not change that shell's options, and a failure returns 1.
#
# Versions (see /work/shared/TOOLCHAIN.md for why):
#   trunk 0.21.14        (0.22.x needs rustc >= 1.96.1), built with --debug: as fast, 10 min less to build
#   wasm-bindgen-cli     = the wasm-bindgen version in Cargo.lock; no --locked (the registry
#                          lacks a crate its lockfile pins), no --debug (its test runner gets 5x slower)
#   wasm-opt             npm binaryen 132 (Debian's binaryen 108 cannot read current wasm)
#   chromium, chromedriver, graphviz, rsvg-convert   from apt

CHAINMAP_TRUNK_VERSION=0.21.14

# PATH: node_modules/.bin first (npm's wasm-opt 132 before any /usr/bin/wasm-opt),
# then ~/.cargo/bin (trunk, wasm-bindgen), each added once.
_chainmap_path() {
  local first="$1/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin" rest="" dir
  local IFS=:
  for dir in $PATH; do
    case ":$first:$rest:" in *":$dir:"*) ;; *) rest="$rest${rest:+:}$dir" ;; esac
  done
  export PATH="$first${rest:+:}$rest"
}

_chainmap_install() {
  set -euo pipefail
  local t0 root sudo=""
  t0=$(date +%s)
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  cd "$root"
  _chainmap_path "$root"
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  export DEBIAN_FRONTEND=noninteractive
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi

  # 1. System packages (apt-get update only when something is missing).
  local missing=() cmd pkg
  for pair in chromium:chromium chromedriver:chromium-driver dot:graphviz rsvg-convert:librsvg2-bin \
              cc:gcc python3:python3; do
    cmd=${pair%%:*} pkg=${pair#*:}
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "== setup: apt-get install ${missing[*]}"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" ca-certificates libc6-dev
  else
    echo "== setup: apt packages present (chromium, chromedriver, graphviz, rsvg-convert)"
  fi

  # 2. The wasm32 target.
  local sysroot
  sysroot=$(rustc --print sysroot)
  if [ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown" ]; then
    echo "== setup: rust target wasm32-unknown-unknown present"
  else
    echo "== setup: rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  if ! cargo clippy --version >/dev/null 2>&1; then
    echo "== setup: rustup component add clippy"
    rustup component add clippy
  fi
  # The standard library's sources: scripts/build-web.sh rebuilds it for size.
  if [ -d "$sysroot/lib/rustlib/src/rust/library" ]; then
    echo "== setup: rust-src present"
  else
    echo "== setup: rustup component add rust-src"
    rustup component add rust-src
  fi

  # Cargo.lock decides the wasm-bindgen version (it is committed; generate it only if absent).
  [ -f Cargo.lock ] || { echo "== setup: cargo generate-lockfile"; cargo generate-lockfile; }
  local wbg_want wbg_have runner_have
  wbg_want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  [ -n "$wbg_want" ] || { echo "== setup: no wasm-bindgen in Cargo.lock" >&2; return 1; }

  # 3. Trunk.
  local trunk_have
  trunk_have=$(trunk --version 2>/dev/null || true)
  if [ "$trunk_have" = "trunk $CHAINMAP_TRUNK_VERSION" ]; then
    echo "== setup: $trunk_have present"
  else
    echo "== setup: cargo install trunk $CHAINMAP_TRUNK_VERSION (found: ${trunk_have:-none}; about 6 min)"
    cargo install --locked --debug trunk --version "$CHAINMAP_TRUNK_VERSION"
  fi

  # 4. wasm-bindgen-cli at exactly the Cargo.lock version (also gives wasm-bindgen-test-runner).
  wbg_have=$(wasm-bindgen --version 2>/dev/null || true)
  runner_have=$(wasm-bindgen-test-runner --version 2>/dev/null || true)
  if [ "$wbg_have" = "wasm-bindgen $wbg_want" ] && [ "$runner_have" = "wasm-bindgen-test-runner $wbg_want" ]; then
    echo "== setup: $wbg_have present"
  else
    echo "== setup: cargo install wasm-bindgen-cli $wbg_want (found: ${wbg_have:-none}; about 7 min)"
    cargo install wasm-bindgen-cli --version "$wbg_want" --force
  fi

  # 5. npm: Playwright (drives Debian's chromium, downloads no browser), axe-core, binaryen.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "== setup: npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  else
    echo "== setup: node_modules up to date"
  fi
  local wasm_opt_have
  wasm_opt_have=$(wasm-opt --version 2>/dev/null || true)
  case "$wasm_opt_have" in
    *"(version_132)"*) ;;
    *) echo "== setup: wasm-opt on PATH is '${wasm_opt_have:-missing}', want version_132 (node_modules/.bin)" >&2; return 1 ;;
  esac

  # 6. Crates: trunk runs cargo --offline (Trunk.toml), so fetch everything now.
  #    In CI the lockfile must be complete and current.
  if [ -n "${CI:-}" ]; then
    echo "== setup: cargo fetch --locked"
    cargo fetch --locked --quiet
  else
    echo "== setup: cargo fetch"
    cargo fetch --quiet
  fi
  # The crates the standard library's own build uses (scripts/build-web.sh).
  RUSTC_BOOTSTRAP=1 cargo fetch --quiet -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown \
    || echo "== setup: could not fetch the standard library's crates; the web build will use the prebuilt one" >&2

  echo "== setup: ready in $(( $(date +%s) - t0 ))s"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  # Executed: install (the `set -euo pipefail` above applies).
  _chainmap_install
else
  # Sourced: install in a child bash, then put the caller in the repository
  # root with the same PATH.
  if ! bash "${BASH_SOURCE[0]}"; then
    echo "== setup: FAILED" >&2
    return 1
  fi
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  _chainmap_path "$PWD"
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  unset -f _chainmap_install _chainmap_path
fi
