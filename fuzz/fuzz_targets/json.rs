//! The JSON reader the app uses: it accepts exactly what `serde_json` accepts (which writes every
//! file it reads), never panics, and reading any of the build's formats from any text either
//! works or says why.
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
    let theirs = serde_json::from_str::<serde_json::Value>(text).is_ok();
    assert_eq!(ours, theirs, "folio accepts: {ours}, serde_json accepts: {theirs}");
    let _ = ListPage::from_json(text);
    let _ = TagList::from_json(text);
    let _ = PostData::from_json(text);
    let _ = Meta::from_json(text);
    let _ = Shard::from_json(text);
    let _ = read_docs(text);
});
