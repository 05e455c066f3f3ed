#!/bin/sh
# Builds the extras module into <out>/extras-<hash>/ (folio_extras.js and folio_extras_bg.wasm),
# removing an earlier build's: Trunk's post-build hook runs it before `folio index`, which names
# the module in every page's head. The folder is named by the module's content, so a host may
# cache it forever and a deploy never mixes an old module with a new app.
#   crates/folio-extras/build-module.sh <out> <release|debug>
set -eu
out="$1"
profile="$2"
target="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown"
if [ "$profile" = release ]; then
  cargo build --release --locked --quiet -p folio-extras --target wasm32-unknown-unknown
  wasm="$target/release/folio_extras.wasm"
else
  cargo build --locked --quiet -p folio-extras --target wasm32-unknown-unknown
  wasm="$target/debug/folio_extras.wasm"
fi
staging="$out/.extras"
rm -rf "$staging"
wasm-bindgen --target web --no-typescript --out-dir "$staging" "$wasm"
if [ "$profile" = release ]; then
  wasm-opt -Oz --strip-debug --strip-producers --strip-target-features \
    "$staging/folio_extras_bg.wasm" -o "$staging/folio_extras_bg.wasm"
fi
hash=$(cat "$staging/folio_extras.js" "$staging/folio_extras_bg.wasm" | sha256sum | cut -c1-16)
rm -rf "$out"/extras-*
mv "$staging" "$out/extras-$hash"
