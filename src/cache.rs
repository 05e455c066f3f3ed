//! Posts fetched at most once per visit: the post page and prefetching (a reader pointing at a
//! link) share one request, and going back to a post costs nothing.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};

use crate::fetch::{Expect, LoadError, fetch_text};

type Pending = Shared<LocalBoxFuture<'static, Result<Rc<str>, LoadError>>>;

thread_local! {
    /// By URL; the app runs on the page's one thread.
    static POSTS: RefCell<HashMap<String, Pending>> = RefCell::new(HashMap::new());
}

/// The Markdown at `url`: from the cache, from a request already under way, or fetched now.
/// A failed request is forgotten, so trying again asks the network again.
pub(crate) async fn markdown(url: &str) -> Result<Rc<str>, LoadError> {
    let result = pending(url).await;
    if result.is_err() {
        POSTS.with(|posts| posts.borrow_mut().remove(url));
    }
    result
}

/// Starts fetching `url` in the background unless it is cached or on its way.
pub(crate) fn prefetch(url: &str) {
    let already = POSTS.with(|posts| posts.borrow().contains_key(url));
    if !already {
        let url = url.to_owned();
        wasm_bindgen_futures::spawn_local(async move {
            // The result stays in the cache; a failure is forgotten by `markdown`.
            let _ = markdown(&url).await;
        });
    }
}

fn pending(url: &str) -> Pending {
    POSTS.with(|posts| {
        posts
            .borrow_mut()
            .entry(url.to_owned())
            .or_insert_with(|| {
                let url = url.to_owned();
                async move { fetch_text(&url, Expect::Markdown).await.map(Rc::from) }
                    .boxed_local()
                    .shared()
            })
            .clone()
    })
}

/// Every post URL fetched (or being fetched) on this page, for the offline cache.
pub(crate) fn urls() -> Vec<String> {
    POSTS.with(|posts| posts.borrow().keys().cloned().collect())
}
