//! The app's own pieces: the header's tools equipped with behaviour, the moment the app takes
//! over from a first paint, loading and failure states. The markup of the pages themselves is
//! `folio_views`, shared with the shells the build writes.

pub(crate) mod reveal;
pub(crate) mod search_box;
pub(crate) mod status;
pub(crate) mod theme;
pub(crate) mod toc;
