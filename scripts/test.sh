#!/usr/bin/env bash
# Sets up (scripts/setup.sh), then runs every test layer; stops at the first failure.
#   1. native: cargo test (unit, integration, CLI and doc tests)
#   2. browser unit: wasm-bindgen-test in headless chromium (tests/web.rs)
#   3. release build: trunk build --release (dist/)
#   4. end to end: Playwright against dist/ (e2e/)
#   5. a short cargo-fuzz pass over import, merge and JSON Canvas import
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"   # also cds to the repository root

t_all=$(date +%s)
step=""
trap 'rc=$?; if [ $rc -ne 0 ]; then echo "chainmap: FAILED in step $step (exit $rc)" >&2; fi' EXIT

begin() { step=$1; t_step=$(date +%s); echo; echo "== test $1: $2"; }
done_() { echo "== test $step: ok ($(( $(date +%s) - t_step ))s)"; }

begin 1/5 "native cargo test"
cargo test --all-targets
cargo test --doc
# The no-panic lints (unwrap, expect, panic!, unchecked indexing) of the
# modules where untrusted data flows are errors; other warnings stay quiet.
cargo clippy --lib --tests --quiet -- -A warnings
done_

begin 2/5 "wasm-bindgen-test in headless chromium (tests/web.rs)"
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver} cargo test --target wasm32-unknown-unknown --test web
done_

begin 3/5 "release build (scripts/build-web.sh: trunk build --release)"
bash scripts/build-web.sh
done_

begin 4/5 "Playwright end-to-end tests (e2e/)"
npx --no-install playwright test
done_

begin 5/5 "a short fuzzing pass (scripts/fuzz.sh; the long runs are on demand)"
bash scripts/fuzz.sh "${FUZZ_SECONDS:-15}"
done_

echo
echo "chainmap: all test layers passed ($(( $(date +%s) - t_all ))s)"
