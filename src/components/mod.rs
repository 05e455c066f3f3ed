//! Pieces of view shared by several pages.

pub(crate) mod byline;
pub(crate) mod layout;
pub(crate) mod post_list;
pub(crate) mod reveal;
pub(crate) mod search_box;
pub(crate) mod status;
pub(crate) mod theme;
pub(crate) mod toc;
