//! The extras modules: math, highlighting and emoji, which the app's own wasm leaves out
//! (`folio_core::extras`) and imports, each as a wasm module of its own, the first time a post
//! needs it: a post with code never waits for the math renderer. The search index's reader is
//! such a module too, which only the search page loads ([`search`]). The build names each module
//! in every page's head (`<meta name="folio:extras-math">`, `-code`, `-emoji`, `-search`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use folio_core::extras::{Extra, Extras, SEARCH_MODULE, install, take_wanted};
use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
const modules = {};
const attempts = {};
export async function loadExtra(name, url) {
  // A failed import stays failed for the page's life (the module map keeps the failure), and a
  // failed preload of the wasm (the search page's shell has one) answers the next fetch of it, so
  // a retry asks for both under other addresses.
  const attempt = (attempts[name] = (attempts[name] ?? -1) + 1);
  const again = (address) => `${address}${address.includes("?") ? "&" : "?"}retry=${attempt}`;
  const module = await import(attempt ? again(url) : url);
  const wasm = url.replace("folio_extras.js", "folio_extras_bg.wasm");
  await module.default(attempt ? { module_or_path: again(wasm) } : undefined);
  modules[name] = module;
}
export function extrasMath(tex, display) { return modules.math.math(tex, display); }
export function extrasHighlight(language, code) { return modules.code.highlight(language, code); }
export function extrasEmoji(name) { return modules.emoji.emoji(name); }
export function searchFind(base, text, limit, fetch) { return modules.search.find(base, text, limit, fetch); }
export function searchTitle(text, query) { return modules.search.title(text, query); }
export function searchSnippet(text, query, columns) { return modules.search.snippet(text, query, columns); }
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = loadExtra)]
    async fn load_extra(name: &str, url: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_name = extrasMath)]
    fn extras_math(tex: &str, display: bool) -> Result<String, JsValue>;
    #[wasm_bindgen(js_name = extrasHighlight)]
    fn extras_highlight(language: &str, code: &str) -> String;
    #[wasm_bindgen(js_name = extrasEmoji)]
    fn extras_emoji(name: &str) -> Option<String>;
    #[wasm_bindgen(catch, js_name = searchFind)]
    async fn search_find(
        base: &str,
        text: &str,
        limit: usize,
        fetch: &js_sys::Function,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = searchTitle)]
    fn search_title(text: &str, query: &str) -> Vec<String>;
    #[wasm_bindgen(js_name = searchSnippet)]
    fn search_snippet(text: &str, query: &str, columns: usize) -> Vec<String>;
}

/// The loaded modules, answering folio-core's renderer.
struct Modules;

/// Whether each extra's module has loaded (in `Extra::ALL`'s order).
static LOADED: [AtomicBool; 3] = [const { AtomicBool::new(false) }; 3];

impl Extras for Modules {
    fn provides(&self, extra: Extra) -> bool {
        LOADED[extra as usize].load(Ordering::Relaxed)
    }

    fn math(&self, tex: &str, display: bool) -> Result<String, String> {
        extras_math(tex, display).map_err(|error| error.as_string().unwrap_or_default())
    }

    fn highlight(&self, language: &str, code: &str) -> String {
        extras_highlight(language, code)
    }

    fn emoji(&self, name: &str) -> Option<String> {
        extras_emoji(name)
    }
}

static PROVIDER: Modules = Modules;

type Loading = Shared<LocalBoxFuture<'static, Result<(), String>>>;

thread_local! {
    /// Each module's load, by name, shared by everyone who waits for it; forgotten when it fails,
    /// so the next page that needs it tries again.
    static LOADING: RefCell<HashMap<&'static str, Loading>> = RefCell::new(HashMap::new());
    /// The modules' URLs, from the moment the page starts loading them: the offline cache is
    /// handed them even when its worker takes control while a module is still on its way.
    static MODULES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// What `render` makes, with math, highlighting and emoji: when it needed some of them, their
/// modules are loaded (each once per visit) and `render` runs again. If a module cannot load, its
/// extra stays plain (formulas as TeX, code unhighlighted), and the console says why.
pub(crate) async fn rendered<T>(render: impl Fn() -> T) -> T {
    take_wanted();
    let first = render();
    let wanted = take_wanted();
    if wanted.is_empty() {
        return first;
    }
    install(&PROVIDER);
    // Started together (a post with math and code waits for the larger module, not for both
    // one after the other), then awaited one by one.
    let loads: Vec<(Extra, Loading)> = wanted
        .iter()
        .map(|extra| (extra, load(extra.name())))
        .collect();
    for (_, pending) in &loads {
        wasm_bindgen_futures::spawn_local(pending.clone().map(drop));
    }
    let mut any = false;
    for (extra, pending) in loads {
        match loaded(extra.name(), pending).await {
            Ok(()) => {
                LOADED[extra as usize].store(true, Ordering::Relaxed);
                any = true;
            }
            Err(error) => {
                leptos::logging::warn!("Folio could not load its {} module: {error}", extra.name());
            }
        }
    }
    if any { render() } else { first }
}

/// The load of the module `name` that the page's head names, started once.
fn load(name: &'static str) -> Loading {
    LOADING.with(|loading| {
        loading
            .borrow_mut()
            .entry(name)
            .or_insert_with(|| {
                async move {
                    let url = crate::browser::meta_content(&format!("folio:extras-{name}"))
                        .ok_or_else(|| "this page does not name it".to_owned())?;
                    MODULES.with(|modules| {
                        let mut modules = modules.borrow_mut();
                        if !modules.contains(&url) {
                            modules.push(url.clone());
                        }
                    });
                    load_extra(name, &url)
                        .await
                        .map_err(|error| format!("{error:?}"))
                }
                .boxed_local()
                .shared()
            })
            .clone()
    })
}

/// Waits for `pending`, the load of module `name`; when it fails, forgets it, so the next page
/// that needs the module tries again (a retry another page has started since stays).
async fn loaded(name: &'static str, pending: Loading) -> Result<(), String> {
    let result = pending.clone().await;
    if result.is_err() {
        LOADING.with(|loading| {
            let mut loading = loading.borrow_mut();
            if loading
                .get(name)
                .is_some_and(|current| current.ptr_eq(&pending))
            {
                loading.remove(name);
            }
        });
    }
    result
}

/// The search index's reader: its module, loaded once per visit.
pub(crate) mod search {
    use js_sys::{Array, Function, Promise};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;

    use super::{SEARCH_MODULE, load, loaded};
    use crate::cache;
    use crate::fetch::LoadError;

    /// Starts loading the module (the reader is about to search), unless it is loaded or on its
    /// way.
    pub(crate) fn preload() {
        wasm_bindgen_futures::spawn_local(async {
            // A failure is forgotten; the search page asks again and says so.
            let _ = module().await;
        });
    }

    async fn module() -> Result<(), LoadError> {
        loaded(SEARCH_MODULE, load(SEARCH_MODULE))
            .await
            .map_err(|error| LoadError::Network(format!("the search module: {error}")))
    }

    /// The number of posts matching `text` in the search index of the site under `base`, and
    /// the paths (below `posts/`) of the first `limit`, best first; `None` when `text` has
    /// nothing to search for.
    pub(crate) async fn find(
        base: &str,
        text: &str,
        limit: usize,
    ) -> Result<Option<(usize, Vec<String>)>, LoadError> {
        module().await?;
        let fetch: Function = FETCH.with(|fetch| fetch.as_ref().clone().unchecked_into());
        let found = super::search_find(base, text, limit, &fetch)
            .await
            .map_err(|error| LoadError::from_js(&error))?;
        if found.is_null() {
            return Ok(None);
        }
        let found: Array = found.unchecked_into();
        let total = found.get(0).as_f64().unwrap_or_default() as usize;
        let paths = found
            .iter()
            .skip(1)
            .filter_map(|path| path.as_string())
            .collect();
        Ok(Some((total, paths)))
    }

    /// `title` with the matches of `query` marked, as runs of text and whether each is marked.
    /// Only once [`find`] has answered (the module has loaded).
    pub(crate) fn title(title: &str, query: &str) -> Vec<(String, bool)> {
        marked(super::search_title(title, query))
    }

    /// A passage of about `columns` display columns of the plain text `text` around the
    /// matches of `query`, as [`title`] gives it.
    pub(crate) fn snippet(text: &str, query: &str, columns: usize) -> Vec<(String, bool)> {
        marked(super::search_snippet(text, query, columns))
    }

    /// The module's runs, unmarked and marked by turns, with each one's mark; empty ones left
    /// out.
    fn marked(runs: Vec<String>) -> Vec<(String, bool)> {
        runs.into_iter()
            .enumerate()
            .filter(|(_, run)| !run.is_empty())
            .map(|(at, run)| (run, at % 2 == 1))
            .collect()
    }

    thread_local! {
        /// What the module fetches the index's files with: the app's cache, so each file is
        /// fetched once per visit and the offline cache hears of it. It rejects with
        /// [`LoadError::code`], which the module passes on.
        static FETCH: Closure<dyn FnMut(String) -> Promise> = Closure::new(|url: String| {
            wasm_bindgen_futures::future_to_promise(async move {
                cache::search_file(&url)
                    .await
                    .map(|text| JsValue::from_str(&text))
                    .map_err(|error| JsValue::from_str(&error.code()))
            })
        });
    }
}

/// The modules' files, once the page has started loading them (for the offline cache).
pub(crate) fn urls() -> Vec<String> {
    MODULES.with(|modules| {
        modules
            .borrow()
            .iter()
            .flat_map(|js| {
                let wasm = js.replace("folio_extras.js", "folio_extras_bg.wasm");
                [js.clone(), wasm]
            })
            .collect()
    })
}
