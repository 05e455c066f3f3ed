//! The parts of the renderer most posts never use: TeX to MathML ([`crate::math`]), code
//! highlighting ([`crate::highlight`]) and emoji shortcodes ([`crate::emoji`]). Together they
//! are a fifth of the app's wasm, so the browser's first load leaves them out.
//!
//! With the `extras` feature (the default: the CLI, the tests, the extras module itself) the
//! renderer calls them directly. Without it (the app), it asks whatever [`install`]ed an
//! [`Extras`]: the app installs one that calls the extras' modules (one per [`Extra`]) once
//! they have loaded. Until then, or when nothing is installed, a formula shows its source, code
//! stays plain and shortcodes stay as written, and [`take_wanted`] says which were missed: the
//! app then loads those modules and renders the post again, before the reader sees it.

#[cfg(not(feature = "extras"))]
use std::sync::OnceLock;
#[cfg(not(feature = "extras"))]
use std::sync::atomic::{AtomicU8, Ordering};

use crate::highlight::Language;
use crate::math::MathError;

/// One of the extras. The app loads each as a wasm module of its own, so a post with code never
/// waits for the math renderer (the largest by far).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extra {
    /// TeX to MathML.
    Math,
    /// Highlighting of fenced code.
    Code,
    /// Emoji shortcodes.
    Emoji,
}

impl Extra {
    /// Every extra, in a fixed order.
    pub const ALL: [Extra; 3] = [Extra::Math, Extra::Code, Extra::Emoji];

    /// Its name in the build's files (`extras-<name>-<hash>/`, `<meta name="folio:extras-<name>">`).
    pub fn name(self) -> &'static str {
        match self {
            Extra::Math => "math",
            Extra::Code => "code",
            Extra::Emoji => "emoji",
        }
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The name of the module that reads the search index (`extras-search-<hash>/`,
/// `<meta name="folio:extras-search">`): not an extra of the renderer, but loaded the same way,
/// by the search page alone.
pub const SEARCH_MODULE: &str = "search";

/// The name of the module that renders a post the build wrote no page for
/// (`extras-unindexed-<hash>/`, `<meta name="folio:extras-unindexed">`, in `404.html` only):
/// the renderer without its extras, as the app's wasm carries it, with nothing else. `404.html`
/// loads it first, before the app, for a post address no page answers, and shows the post
/// while the app's much larger wasm is still to come (see the CLI's `address_post.js`).
pub const UNINDEXED_MODULE: &str = "unindexed";

/// The name of every module the build writes beside the app and the app loads when a page needs
/// it: one per extra (in [`Extra::ALL`]'s order), then [`SEARCH_MODULE`].
pub fn module_names() -> impl Iterator<Item = &'static str> {
    Extra::ALL
        .into_iter()
        .map(Extra::name)
        .chain([SEARCH_MODULE])
}

/// Which extras the renders since the last [`take_wanted`] needed and nothing provided.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Wanted(u8);

impl Wanted {
    /// Whether none was.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether `extra` was.
    pub fn contains(self, extra: Extra) -> bool {
        self.0 & extra.bit() != 0
    }

    /// Those that were, in [`Extra::ALL`]'s order.
    pub fn iter(self) -> impl Iterator<Item = Extra> {
        Extra::ALL
            .into_iter()
            .filter(move |&extra| self.contains(extra))
    }
}

/// Math, highlighting and emoji from elsewhere (the app's extras modules).
pub trait Extras: Sync {
    /// Whether `extra` can be answered now (its module has loaded). Until then a render makes
    /// the plain form and [`take_wanted`] names it.
    fn provides(&self, extra: Extra) -> bool;
    /// MathML for `tex`, or why it cannot be rendered ([`MathError`]'s message).
    fn math(&self, tex: &str, display: bool) -> Result<String, String>;
    /// `code` highlighted as the language named `language` (a fence's name that
    /// [`Language::from_name`] knows), as HTML.
    fn highlight(&self, language: &str, code: &str) -> String;
    /// The emoji for a gemoji shortcode name, if there is one.
    fn emoji(&self, name: &str) -> Option<String>;
}

#[cfg(not(feature = "extras"))]
static PROVIDER: OnceLock<&'static dyn Extras> = OnceLock::new();

/// The extras (a bit each) a render since the last [`take_wanted`] needed and nothing
/// provided.
#[cfg(not(feature = "extras"))]
static WANTED: AtomicU8 = AtomicU8::new(0);

/// Makes `extras` answer every later render's math, code and shortcodes, as far as it
/// [`Extras::provides`] them. The first install stays; later ones are ignored. (With the
/// `extras` feature the built-in ones answer and this does nothing.)
pub fn install(extras: &'static dyn Extras) {
    #[cfg(not(feature = "extras"))]
    let _ = PROVIDER.set(extras);
    #[cfg(feature = "extras")]
    let _ = extras;
}

/// Which extras the renders since the last call needed and nothing provided, so what they made
/// is plainer than the post (and rendering again once those are provided makes the real
/// thing). Always empty with the `extras` feature.
pub fn take_wanted() -> Wanted {
    #[cfg(not(feature = "extras"))]
    return Wanted(WANTED.swap(0, Ordering::Relaxed));
    #[cfg(feature = "extras")]
    Wanted::default()
}

/// The provider of `extra`, or `None` after noting that it was wanted.
#[cfg(not(feature = "extras"))]
fn provider(extra: Extra) -> Option<&'static dyn Extras> {
    let provider = PROVIDER
        .get()
        .copied()
        .filter(|provider| provider.provides(extra));
    if provider.is_none() {
        WANTED.fetch_or(extra.bit(), Ordering::Relaxed);
    }
    provider
}

/// MathML for a formula ([`crate::math::to_mathml`]).
pub(crate) fn math(tex: &str, display: bool) -> Result<String, MathError> {
    #[cfg(feature = "extras")]
    return crate::math::to_mathml(tex, display);
    #[cfg(not(feature = "extras"))]
    match provider(Extra::Math) {
        Some(extras) => extras.math(tex, display).map_err(MathError::Invalid),
        None => Err(MathError::Unavailable),
    }
}

/// Appends `code` as HTML to `out`, highlighted as `language` (named `name` in its fence).
pub(crate) fn highlight(language: Language, name: &str, code: &str, out: &mut String) {
    #[cfg(feature = "extras")]
    {
        let _ = name;
        crate::highlight::highlight(language, code, out);
    }
    #[cfg(not(feature = "extras"))]
    {
        let _ = language;
        match provider(Extra::Code) {
            Some(extras) => out.push_str(&extras.highlight(name, code)),
            None => crate::html::escape_into(out, code),
        }
    }
}

/// The emoji for a shortcode name ([`crate::emoji::by_shortcode`]).
pub(crate) fn emoji(name: &str) -> Option<std::borrow::Cow<'static, str>> {
    #[cfg(feature = "extras")]
    return crate::emoji::by_shortcode(name).map(std::borrow::Cow::Borrowed);
    #[cfg(not(feature = "extras"))]
    provider(Extra::Emoji)?
        .emoji(name)
        .map(std::borrow::Cow::Owned)
}

/// The app's build (`cargo test -p folio-core --no-default-features --lib extras`, run by
/// `make test`): what a render makes before and after extras are installed.
#[cfg(all(test, not(feature = "extras")))]
mod tests {
    use super::*;
    use crate::{RenderOptions, render};

    struct Fake;

    /// The extras whose modules the fake has "loaded" (a bit each).
    static LOADED: AtomicU8 = AtomicU8::new(0);

    impl Extras for Fake {
        fn provides(&self, extra: Extra) -> bool {
            LOADED.load(Ordering::Relaxed) & extra.bit() != 0
        }
        fn math(&self, tex: &str, _display: bool) -> Result<String, String> {
            if tex == "bad" {
                Err("no good".to_owned())
            } else {
                Ok(format!("<math><mi>{tex}</mi></math>"))
            }
        }
        fn highlight(&self, language: &str, code: &str) -> String {
            format!("<span class=\"tok-kw\">{language}:{code}</span>")
        }
        fn emoji(&self, name: &str) -> Option<String> {
            (name == "tada").then(|| "🎉".to_owned())
        }
    }

    static FAKE: Fake = Fake;

    const POST: &str = "Done :tada: with $x$ and $bad$.\n\n```rust\nfn\n```\n";

    #[test]
    fn without_extras_a_render_is_plain_and_says_so_and_with_them_it_is_whole() {
        let options = RenderOptions::default();
        take_wanted();
        let plain = render("Just words: a:b:c, 12:30.\n", &options);
        assert!(take_wanted().is_empty(), "nothing asked: {}", plain.html);

        let plain = render(POST, &options);
        let wanted = take_wanted();
        assert_eq!(wanted.iter().collect::<Vec<_>>(), Extra::ALL);
        assert!(plain.html.contains(":tada:"), "{}", plain.html);
        assert!(
            plain.html.contains("<code class=\"math-error\">$x$</code>"),
            "{}",
            plain.html
        );
        assert!(
            plain
                .html
                .contains("<code class=\"language-rust\">fn\n</code>"),
            "{}",
            plain.html
        );

        // Installed, with only the code module loaded: the code is highlighted, and the other
        // two are still wanted.
        install(&FAKE);
        LOADED.store(Extra::Code.bit(), Ordering::Relaxed);
        let part = render(POST, &options);
        assert!(
            part.html
                .contains("<span class=\"tok-kw\">rust:fn\n</span>"),
            "{}",
            part.html
        );
        assert!(part.html.contains(":tada:"), "{}", part.html);
        let wanted = take_wanted();
        assert_eq!(
            wanted.iter().collect::<Vec<_>>(),
            [Extra::Math, Extra::Emoji]
        );

        LOADED.store(u8::MAX, Ordering::Relaxed);
        let whole = render(POST, &options);
        assert!(take_wanted().is_empty());
        assert!(
            whole.html.contains("Done 🎉 with <math><mi>x</mi></math>"),
            "{}",
            whole.html
        );
        assert!(
            whole
                .html
                .contains("<span class=\"tok-kw\">rust:fn\n</span>"),
            "{}",
            whole.html
        );
        // The provider's refusal is a formula shown as written, with its reason for the writer.
        assert!(
            whole
                .html
                .contains("<code class=\"math-error\">$bad$</code>"),
            "{}",
            whole.html
        );
        assert!(
            whole.problems.iter().any(|p| p.message.contains("no good")),
            "{:?}",
            whole.problems
        );
    }
}
