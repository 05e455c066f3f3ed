//! The extras modules: math, highlighting and emoji, which the app's own wasm leaves out
//! (`folio_core::extras`) and imports, each as a wasm module of its own, the first time a post
//! needs it: a post with code never waits for the math renderer. The build names each module in
//! every page's head (`<meta name="folio:extras-math">`, `-code`, `-emoji`).

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use folio_core::extras::{Extra, Extras, install, take_wanted};
use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
const modules = {};
const attempts = {};
export async function loadExtra(name, url) {
  // A failed import stays failed for the page's life (the module map keeps the failure), so a
  // retry asks for the script under another address; the wasm's address does not change.
  const attempt = (attempts[name] = (attempts[name] ?? -1) + 1);
  const module = await import(attempt ? `${url}${url.includes("?") ? "&" : "?"}retry=${attempt}` : url);
  await module.default();
  modules[name] = module;
}
export function extrasMath(tex, display) { return modules.math.math(tex, display); }
export function extrasHighlight(language, code) { return modules.code.highlight(language, code); }
export function extrasEmoji(name) { return modules.emoji.emoji(name); }
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
    /// Each module's load (in `Extra::ALL`'s order), shared by everyone who waits for it;
    /// forgotten when it fails, so the next post that needs it tries again.
    static LOADING: RefCell<[Option<Loading>; 3]> = const { RefCell::new([None, None, None]) };
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
    let loads: Vec<(Extra, Loading)> = wanted.iter().map(|extra| (extra, load(extra))).collect();
    for (_, pending) in &loads {
        wasm_bindgen_futures::spawn_local(pending.clone().map(drop));
    }
    let mut any = false;
    for (extra, pending) in loads {
        match pending.clone().await {
            Ok(()) => any = true,
            Err(error) => {
                forget(extra, &pending);
                leptos::logging::warn!("Folio could not load its {} module: {error}", extra.name());
            }
        }
    }
    if any { render() } else { first }
}

/// The load of the module of `extra` that the page's head names, started once.
fn load(extra: Extra) -> Loading {
    LOADING.with(|loading| {
        loading.borrow_mut()[extra as usize]
            .get_or_insert_with(|| {
                async move {
                    let name = extra.name();
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
                        .map_err(|error| format!("{error:?}"))?;
                    LOADED[extra as usize].store(true, Ordering::Relaxed);
                    Ok(())
                }
                .boxed_local()
                .shared()
            })
            .clone()
    })
}

/// Forgets the failed load `failed`, so the next post that needs the module tries again; a
/// retry another render has started since stays.
fn forget(extra: Extra, failed: &Loading) {
    LOADING.with(|loading| {
        let slot = &mut loading.borrow_mut()[extra as usize];
        if slot.as_ref().is_some_and(|current| current.ptr_eq(failed)) {
            *slot = None;
        }
    });
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
