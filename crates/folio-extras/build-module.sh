#!/bin/sh
# Builds the extras modules, one per extra (math, code, emoji), the search index's reader
# (search) and the renderer alone, which 404.html loads first (unindexed), each into
# <out>/extras-<extra>-<hash>/ (folio_extras.js and folio_extras_bg.wasm), removing an earlier
# build's: Trunk's post-build hook runs it before `folio index`, which names each module in every
# page's head. A folder is named by its module's content, so a host may cache it forever and a
# deploy never mixes an old module with a new app.
#   crates/folio-extras/build-module.sh <out> <release|debug>
set -eu
out="$1"
profile="$2"
target="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown"
if [ "$profile" = release ]; then
  release=--release
  wasm="$target/release/folio_extras.wasm"
else
  release=
  wasm="$target/debug/folio_extras.wasm"
fi
# The renderer alone is for 404.html, which only hosts serve: `make serve` (Trunk's server, a
# debug build) answers every address with the app, so debug builds leave it out (and 404.html
# starts the app at once, as without it).
modules="math code emoji search"
if [ "$profile" = release ]; then
  modules="$modules unindexed"
fi
staging="$out/.extras"
rm -rf "$staging"
mkdir -p "$staging"
for extra in $modules; do
  # Each build has its own feature set, so Cargo keeps each and rebuilds none of them when
  # nothing changed.
  cargo build $release --locked --quiet -p folio-extras --target wasm32-unknown-unknown \
    --no-default-features --features "$extra"
  wasm-bindgen --target web --no-typescript --out-dir "$staging/$extra" "$wasm"
  if [ "$profile" = release ]; then
    wasm-opt -Oz --strip-debug --strip-producers --strip-target-features \
      "$staging/$extra/folio_extras_bg.wasm" -o "$staging/$extra/folio_extras_bg.wasm"
  fi
done
rm -rf "$out"/extras-*
for extra in $modules; do
  hash=$(cat "$staging/$extra/folio_extras.js" "$staging/$extra/folio_extras_bg.wasm" | sha256sum | cut -c1-16)
  mv "$staging/$extra" "$out/extras-$extra-$hash"
done
rm -rf "$staging"
