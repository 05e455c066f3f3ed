//! The extras module: math, highlighting and emoji, which the app's own wasm leaves out
//! (`folio_core::extras`) and imports, as a second wasm module, the first time a post needs them.
//! The build names the module in every page's head (`<meta name="folio:extras">`).

use std::cell::RefCell;

use folio_core::extras::{Extras, install, take_wanted};
use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
let extras = null;
export async function loadExtras(url) {
  const module = await import(url);
  await module.default();
  extras = module;
}
export function extrasMath(tex, display) { return extras.math(tex, display); }
export function extrasHighlight(language, code) { return extras.highlight(language, code); }
export function extrasEmoji(name) { return extras.emoji(name); }
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = loadExtras)]
    async fn load_extras(url: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_name = extrasMath)]
    fn extras_math(tex: &str, display: bool) -> Result<String, JsValue>;
    #[wasm_bindgen(js_name = extrasHighlight)]
    fn extras_highlight(language: &str, code: &str) -> String;
    #[wasm_bindgen(js_name = extrasEmoji)]
    fn extras_emoji(name: &str) -> Option<String>;
}

/// The loaded module, answering folio-core's renderer.
struct Module;

impl Extras for Module {
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

static PROVIDER: Module = Module;

type Loading = Shared<LocalBoxFuture<'static, Result<(), String>>>;

thread_local! {
    /// The module's load, shared by everyone who waits for it; forgotten when it fails, so the
    /// next post that needs it tries again.
    static LOADING: RefCell<Option<Loading>> = const { RefCell::new(None) };
    /// The module's URL, from the moment the page starts loading it: the offline cache is handed
    /// it even when its worker takes control while the module is still on its way.
    static MODULE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// What `render` makes, with math, highlighting and emoji: when it needed one of them, the
/// module is loaded (once per visit) and `render` runs again. If the module cannot load, the
/// plainer first render stands (formulas as TeX, code unhighlighted), and the console says why.
pub(crate) async fn rendered<T>(render: impl Fn() -> T) -> T {
    take_wanted();
    let first = render();
    if !take_wanted() {
        return first;
    }
    match load().await {
        Ok(()) => render(),
        Err(error) => {
            leptos::logging::warn!("Folio could not load its math and code module: {error}");
            first
        }
    }
}

/// Loads the module the page's head names, once.
async fn load() -> Result<(), String> {
    let pending = LOADING.with(|loading| {
        loading
            .borrow_mut()
            .get_or_insert_with(|| {
                async {
                    let url = crate::browser::meta_content("folio:extras")
                        .ok_or_else(|| "this page does not name it".to_owned())?;
                    MODULE.with(|module| *module.borrow_mut() = Some(url.clone()));
                    load_extras(&url)
                        .await
                        .map_err(|error| format!("{error:?}"))?;
                    install(&PROVIDER);
                    Ok(())
                }
                .boxed_local()
                .shared()
            })
            .clone()
    });
    let result = pending.await;
    if result.is_err() {
        LOADING.with(|loading| loading.borrow_mut().take());
    }
    result
}

/// The module's files, once the page has started loading them (for the offline cache).
pub(crate) fn urls() -> Vec<String> {
    MODULE.with(|module| {
        module
            .borrow()
            .iter()
            .flat_map(|js| {
                let wasm = js.replace("folio_extras.js", "folio_extras_bg.wasm");
                [js.clone(), wasm]
            })
            .collect()
    })
}
