//! The parts of the renderer most posts never use: TeX to MathML ([`crate::math`]), code
//! highlighting ([`crate::highlight`]) and emoji shortcodes ([`crate::emoji`]). Together they
//! are a fifth of the app's wasm, so the browser's first load leaves them out.
//!
//! With the `extras` feature (the default: the CLI, the tests, the extras module itself) the
//! renderer calls them directly. Without it (the app), it asks whatever [`install`]ed an
//! [`Extras`]: the app installs one that calls the extras module once that has loaded. Until
//! then, or when nothing is installed, a formula shows its source, code stays plain and
//! shortcodes stay as written, and [`take_wanted`] says so: the app then loads the module and
//! renders the post again, before the reader sees it.

#[cfg(not(feature = "extras"))]
use std::sync::OnceLock;
#[cfg(not(feature = "extras"))]
use std::sync::atomic::{AtomicBool, Ordering};

use crate::highlight::Language;
use crate::math::MathError;

/// Math, highlighting and emoji from elsewhere (the app's extras module).
pub trait Extras: Sync {
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

/// Whether a render since the last [`take_wanted`] needed an extra that nothing provided.
#[cfg(not(feature = "extras"))]
static WANTED: AtomicBool = AtomicBool::new(false);

/// Makes `extras` answer every later render's math, code and shortcodes. The first install
/// stays; later ones are ignored. (With the `extras` feature the built-in ones answer and this
/// does nothing.)
pub fn install(extras: &'static dyn Extras) {
    #[cfg(not(feature = "extras"))]
    let _ = PROVIDER.set(extras);
    #[cfg(feature = "extras")]
    let _ = extras;
}

/// Whether a render since the last call needed math, highlighting or an emoji that nothing
/// provided, so what it made is plainer than the post (and rendering again once extras are
/// [`install`]ed makes the real thing). Always `false` with the `extras` feature.
pub fn take_wanted() -> bool {
    #[cfg(not(feature = "extras"))]
    return WANTED.swap(false, Ordering::Relaxed);
    #[cfg(feature = "extras")]
    false
}

/// The provider, or `None` after noting that one was wanted.
#[cfg(not(feature = "extras"))]
fn provider() -> Option<&'static dyn Extras> {
    let provider = PROVIDER.get().copied();
    if provider.is_none() {
        WANTED.store(true, Ordering::Relaxed);
    }
    provider
}

/// MathML for a formula ([`crate::math::to_mathml`]).
pub(crate) fn math(tex: &str, display: bool) -> Result<String, MathError> {
    #[cfg(feature = "extras")]
    return crate::math::to_mathml(tex, display);
    #[cfg(not(feature = "extras"))]
    match provider() {
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
        match provider() {
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
    provider()?.emoji(name).map(std::borrow::Cow::Owned)
}

/// The app's build (`cargo test -p folio-core --no-default-features --lib extras`, run by
/// `make test`): what a render makes before and after extras are installed.
#[cfg(all(test, not(feature = "extras")))]
mod tests {
    use super::*;
    use crate::{RenderOptions, render};

    struct Fake;

    impl Extras for Fake {
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
        assert!(!take_wanted(), "nothing asked: {}", plain.html);

        let plain = render(POST, &options);
        assert!(take_wanted());
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

        install(&FAKE);
        let whole = render(POST, &options);
        assert!(!take_wanted());
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
