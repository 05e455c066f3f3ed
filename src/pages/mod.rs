//! One module per route.

pub(crate) mod archive;
pub(crate) mod home;
pub(crate) mod not_found;
pub(crate) mod post;
pub(crate) mod search;
pub(crate) mod tags;

use std::sync::Arc;

use folio_core::ListPage;
use folio_core::paths::Paged;
use leptos::prelude::*;

use crate::fetch::LoadError;
use crate::router::use_page_param;
use crate::site::Site;

/// The page of a list the route's `:page` names: 1 without one; `None` when it is not a
/// positive number (a not-found, not page 1).
pub(crate) fn page_number() -> Memo<Option<usize>> {
    let param = use_page_param();
    Memo::new(move |_| match param.read().as_deref() {
        None => Some(1),
        Some(text) => text.parse::<usize>().ok().filter(|page| *page >= 1),
    })
}

/// Page `page` of `list`, from its own file; `None` (a not-found) for a page number that is
/// not one, and for a file that is not that page of that list. A page past the last has no
/// file, so its load is a not-found too.
pub(crate) async fn list_page(
    site: Site,
    list: Paged<'_>,
    page: Option<usize>,
) -> Result<Option<Arc<ListPage>>, LoadError> {
    let Some(page) = page else {
        return Ok(None);
    };
    let loaded = site.list_page(list, page).await?;
    Ok((loaded.paged() == list && loaded.page == page).then_some(loaded))
}
