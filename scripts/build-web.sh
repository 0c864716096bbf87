#!/usr/bin/env bash
# The release build of the web app: `trunk build --release`, with the standard
# library rebuilt for size.
#   bash scripts/build-web.sh [trunk build options, e.g. --dist DIR]
#
# Two unstable flags of the pinned stable rustc (allowed by RUSTC_BOOTSTRAP=1,
# for this build only) take 19 KB off the gzipped download (-5 %):
#   -Zbuild-std: the standard library is compiled with the app (the `web`
#     profile of Cargo.toml keeps it at opt-level 3, as fast as the prebuilt);
#   -Cpanic=immediate-abort: a panic traps at once. With panic = "abort" the
#     message was formatted and then dropped (wasm32-unknown-unknown has no
#     stderr), so nothing a user could see is lost, and the formatting
#     machinery only panics used goes.
# Measured and left out: `-Zbuild-std-features=optimize_for_size` (9 KB
# less, but its small sorts made layout up to 15 % slower).
# It needs the `rust-src` component (scripts/setup.sh adds it). Should the
# flags stop working with a later rustc, or the sources be missing, the plain
# build runs instead and says so: the app is the same, only larger.
#
# Native builds and the wasm-bindgen tests are not affected: the variables
# below apply to this command only, and to the wasm32 target only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

small() {
  RUSTC_BOOTSTRAP=1 \
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
    trunk build --release "$@"
}

src="$(rustc --print sysroot)/lib/rustlib/src/rust/library"
if [ "${CHAINMAP_PLAIN_STD:-0}" != 1 ] && [ -d "$src" ]; then
  if small "$@"; then
    exit 0
  fi
  echo "build-web: the build with the standard library rebuilt for size failed; building with the prebuilt one" >&2
elif [ "${CHAINMAP_PLAIN_STD:-0}" != 1 ]; then
  echo "build-web: no rust-src ($src); building with the prebuilt standard library (about 5 % larger)" >&2
fi
exec trunk build --release "$@"
