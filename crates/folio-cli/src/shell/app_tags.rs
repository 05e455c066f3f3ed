//! Where a shell starts the app. Trunk puts the module script that starts it, and the preloads
//! of its js and wasm, in `<head>`: right for the bare app shell (`404.html`), which has nothing
//! to show until the app runs. A shell with a first paint moves them to the end of `<body>`, so
//! the article is parsed before the browser starts on the app: 339 KB of wasm arriving while the
//! parser works cost the first paint a third of its time unthrottled (42 against 70 ms to the
//! last paragraph of the seed post, against 42 for a static page), and on a slow link the
//! article's bytes no longer share it with the wasm. The app starts about as soon as before: the
//! parser reaches the end of a shell a few milliseconds after its head.

use crate::markup;

/// Marks the app's tags at the end of a shell's body, so that reading a shell back as the
/// template (`index.html` is both) puts them back in the head.
const APP_START: &str = "<!-- folio:app -->";
const APP_END: &str = "<!-- /folio:app -->";

/// Trunk's tags that start the app, taken out of a template.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct AppTags {
    /// The template without them.
    pub(super) rest: String,
    /// The tags, in their order.
    pub(super) tags: String,
}

/// Splits `template`'s head into the app's tags (the inline module script and every
/// `modulepreload` and `preload` link) and the rest.
pub(super) fn take(template: &str) -> AppTags {
    let head_end = markup::end_tag_start(template, "head").unwrap_or(0);
    let (head, after) = template.split_at(head_end);
    let mut rest = String::with_capacity(template.len());
    let mut tags = String::new();
    let mut at = 0;
    while let Some((start, end)) = next_app_tag(head, at) {
        rest.push_str(&head[at..start]);
        tags.push_str(&head[start..end]);
        at = end;
    }
    rest.push_str(&head[at..]);
    rest.push_str(after);
    AppTags { rest, tags }
}

impl AppTags {
    /// The template with the app's tags at the end of its head: the bare app shell, the same
    /// whether it was read from Trunk's file or from a shell an earlier run wrote.
    pub(super) fn in_head(&self) -> String {
        at_end_of_head(&self.rest, &self.tags)
    }
}

/// `html` with `tags` right before `</head>` (or first, without one).
pub(super) fn at_end_of_head(html: &str, tags: &str) -> String {
    match markup::end_tag_start(html, "head") {
        Some(end) => format!("{}{tags}{}", &html[..end], &html[end..]),
        None => format!("{tags}{html}"),
    }
}

/// The app's tags as `404.html` carries them, which starts the app only when its own script
/// lets it (`address_post.js`): on a post's address with no page of its own, that script first
/// shows the post with the renderer alone, and the app's 220 KB of wasm would otherwise take
/// the link from it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Held {
    /// The text of Trunk's module script, changed to wait for `window.folioFirstPaint` (a
    /// promise the script sets, or nothing) before it imports the app's js, which then fetches
    /// the wasm: an `import` statement would fetch the js at once.
    pub(super) script: String,
    /// Every preload, which the script puts in the head when the app may start.
    pub(super) preloads: String,
}

/// What `404.html`'s copy of Trunk's script waits for (`window.<HOLD>`), which
/// `address_post.js` sets on a post's address.
pub(super) const HOLD: &str = "folioFirstPaint";

/// Where Trunk's module script imports the app (Trunk 0.21: `import init, * as bindings from
/// '/folio-web-<hash>.js';`).
const IMPORT: &str = "import init, * as bindings from ";

/// The app's `tags` (as [`take`] found them) held for `404.html`; `None` when their script is
/// not the one Trunk writes, and then `404.html` starts the app at once, as before.
pub(super) fn held(tags: &str) -> Option<Held> {
    let mut script = None;
    let mut preloads = String::new();
    let mut at = 0;
    while let Some((start, end)) = next_app_tag(tags, at) {
        let tag = &tags[start..end];
        match markup::start_tag(tag, "script") {
            Some(open) if open.span.start == 0 => {
                let close = markup::closing_tag(tag, "script", open.span.end)?;
                script = Some(hold(&tag[open.span.end..close.start])?);
            }
            _ => preloads.push_str(tag),
        }
        at = end;
    }
    Some(Held {
        script: script?,
        preloads,
    })
}

/// Trunk's module script `text`, importing the app only once `window.folioFirstPaint` has
/// settled.
fn hold(text: &str) -> Option<String> {
    let start = text.find(IMPORT)?;
    let specifier_start = start + IMPORT.len();
    let quote = text[specifier_start..]
        .chars()
        .next()
        .filter(|c| *c == '\'' || *c == '"')?;
    let specifier_end = text[specifier_start + 1..].find(quote)? + specifier_start + 2;
    let specifier = &text[specifier_start..specifier_end];
    let statement_end = specifier_end + text[specifier_end..].strip_prefix(';').map_or(0, |_| 1);
    Some(format!(
        "{}await window.{HOLD};\nconst bindings = await import({specifier});\nconst init = bindings.default;{}",
        &text[..start],
        &text[statement_end..]
    ))
}

/// The next app tag in `head` from `from`: its start and end. Trunk writes them quoted, but
/// its minifier (`minify` in `Trunk.toml`) does not, so they are read as HTML ([`markup`]).
fn next_app_tag(head: &str, from: usize) -> Option<(usize, usize)> {
    let is = |value: Option<&str>, wanted: &[&str]| {
        value.is_some_and(|value| wanted.iter().any(|w| value.eq_ignore_ascii_case(w)))
    };
    let script = markup::start_tags(head, "script", from)
        .find(|tag| is(tag.value(head, "type"), &["module"]))
        .map(|tag| {
            let end =
                markup::closing_tag(head, "script", tag.span.end).map_or(head.len(), |end| end.end);
            (tag.span.start, end)
        });
    let link = markup::start_tags(head, "link", from)
        .find(|tag| is(tag.value(head, "rel"), &["modulepreload", "preload"]))
        .map(|tag| (tag.span.start, tag.span.end));
    script.into_iter().chain(link).min()
}

/// `html` with `first` and then the app's `tags` at the end of `<body>`.
pub(super) fn at_end_of_body(html: &str, first: &str, tags: &str) -> String {
    let block = format!("{first}{APP_START}{tags}{APP_END}");
    match markup::last_end_tag_start(html, "body") {
        Some(end) => format!("{}{block}{}", &html[..end], &html[end..]),
        None => format!("{html}{block}"),
    }
}

/// A shell read back as the template: the app's tags back at the end of the head, and what a
/// run put before them (`first`, between `first_start` and the block) removed.
pub(super) fn restore(html: &str, first_start: &str) -> String {
    let (Some(start), Some(end)) = (html.find(APP_START), html.find(APP_END)) else {
        return html.to_owned();
    };
    if start > end {
        return html.to_owned();
    }
    let tags = &html[start + APP_START.len()..end];
    let from = html[..start].rfind(first_start).unwrap_or(start);
    let without = format!("{}{}", &html[..from], &html[end + APP_END.len()..]);
    at_end_of_head(&without, tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = concat!(
        "<html><head><title>T</title><script>theme()</script>",
        "<script type=\"module\">import init from '/app-1.js';\nawait init();</script>",
        "<link rel=\"stylesheet\" href=\"/a.css\"><link rel=\"modulepreload\" href=\"/app-1.js\">",
        "<link rel=\"preload\" href=\"/app-1_bg.wasm\" as=\"fetch\"></head>",
        "<body><p>x</p></body></html>"
    );

    #[test]
    fn the_module_script_and_preloads_leave_the_head_in_order() {
        let app = take(TEMPLATE);
        assert_eq!(
            app.rest,
            "<html><head><title>T</title><script>theme()</script><link rel=\"stylesheet\" href=\"/a.css\"></head><body><p>x</p></body></html>"
        );
        assert_eq!(
            app.tags,
            concat!(
                "<script type=\"module\">import init from '/app-1.js';\nawait init();</script>",
                "<link rel=\"modulepreload\" href=\"/app-1.js\">",
                "<link rel=\"preload\" href=\"/app-1_bg.wasm\" as=\"fetch\">"
            )
        );
        // Nothing in the body is taken, and a template without them is left as it is.
        let plain = "<head></head><body><link rel=\"preload\" href=\"x\"></body>";
        assert_eq!(take(plain).rest, plain);
        assert_eq!(take(plain).tags, "");
    }

    #[test]
    #[allow(clippy::unwrap_used)]
    fn the_bare_shell_holds_the_app_until_its_script_lets_it_start() {
        // Trunk's tags, as it writes them.
        let trunk = concat!(
            "<script type=\"module\">\nimport init, * as bindings from '/folio-web-5df0.js';\n",
            "const wasm = await init({ module_or_path: '/folio-web-5df0_bg.wasm' });\n",
            "window.wasmBindings = bindings;\n</script>",
            "<link rel=\"modulepreload\" href=\"/folio-web-5df0.js\">",
            "<link rel=\"preload\" href=\"/folio-web-5df0_bg.wasm\" as=\"fetch\">"
        );
        let app = held(&take(&format!("<head>{trunk}</head>")).tags).unwrap();
        assert_eq!(
            app.script,
            concat!(
                "\nawait window.folioFirstPaint;\nconst bindings = await import('/folio-web-5df0.js');\n",
                "const init = bindings.default;\n",
                "const wasm = await init({ module_or_path: '/folio-web-5df0_bg.wasm' });\n",
                "window.wasmBindings = bindings;\n"
            )
        );
        assert_eq!(
            app.preloads,
            "<link rel=\"modulepreload\" href=\"/folio-web-5df0.js\"><link rel=\"preload\" href=\"/folio-web-5df0_bg.wasm\" as=\"fetch\">"
        );
        // Another script is left as it is (the app starts at once), and so are tags without one.
        assert_eq!(held(&take(TEMPLATE).tags), None);
        assert_eq!(held("<link rel=\"preload\" href=\"/a.wasm\">"), None);
    }

    #[test]
    fn a_shell_read_back_as_the_template_is_the_template_again() {
        let app = take(TEMPLATE);
        let shell = at_end_of_body(
            &app.rest,
            "<!-- data --><link rel=\"preload\" href=\"/post.json\">",
            &app.tags,
        );
        assert!(
            shell.ends_with(&format!("{APP_END}</body></html>")),
            "{shell}"
        );
        let head = &shell[..shell.find("</head>").unwrap_or(0)];
        assert!(!head.contains("module"), "{head}");
        let restored = restore(&shell, "<!-- data -->");
        assert_eq!(take(&restored), app);
        assert_eq!(restored, app.in_head());
        assert_eq!(restore(&restored, "<!-- data -->"), restored);
    }
}
