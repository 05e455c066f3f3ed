//! The JSON reader the app uses: it accepts exactly what `serde_json` accepts (which writes every
//! file it reads), but for numbers beyond a float's range, which it keeps as written; it never
//! panics, and reading any of the build's formats from any text either works or says why.
#![no_main]

use folio_core::json::parse;
use folio_core::search::{Meta, Shard, read_docs};
use folio_core::{ListPage, PostData, TagList};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ours = parse(text).is_ok();
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    let out_of_range = theirs
        .as_ref()
        .is_err_and(|err| err.to_string().starts_with("number out of range"));
    assert!(
        ours == theirs.is_ok() || (ours && out_of_range),
        "folio accepts: {ours}, serde_json: {theirs:?}"
    );
    let _ = ListPage::from_json(text);
    let _ = TagList::from_json(text);
    let _ = PostData::from_json(text);
    let _ = Meta::from_json(text);
    let _ = Shard::from_json(text);
    let _ = read_docs(text);
});
