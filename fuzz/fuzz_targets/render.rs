//! Rendering: `render` and `Post::parse` never panic, sanitized output is safe, the sanitizer
//! is a fixed point on its own output, and no post takes time out of proportion to its length.
//!
//! The first byte picks the options, the rest is the post (invalid UTF-8 replaced, as the CLI
//! and the app do). With bit 3 of the first byte set, the rest is a pattern that [`amplify`]
//! repeats into a post of about [`AMPLIFIED`] bytes, which only `render` reads: at that size an
//! algorithm quadratic in some construct takes seconds where a linear one takes milliseconds, and
//! `make fuzz` runs with a per-input time limit (`-timeout`), so a slow post is a finding.
#![no_main]

use folio_core::post::{Post, PostContext};
use folio_core::{RenderOptions, render, sanitize_fragment};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let markdown = String::from_utf8_lossy(rest);
    let trust_html = flags & 1 != 0;
    let commonmark_only = flags & 2 != 0;
    if flags & 8 != 0 {
        let options = RenderOptions {
            trust_html,
            commonmark_only,
            ..RenderOptions::new("/blog/posts/2024/")
        };
        let rendered = render(&amplify(&markdown), &options);
        if !trust_html {
            assert_safe(&rendered.html);
        }
        return;
    }

    let post_link = |path: &str| {
        path.ends_with("other.md")
            .then(|| "/posts/other/".to_owned())
    };
    let options = RenderOptions {
        trust_html,
        commonmark_only,
        title: (flags & 4 != 0).then_some("Title"),
        post_link: Some(&post_link),
        ..RenderOptions::new("/blog/posts/2024/")
    };
    let rendered = render(&markdown, &options);
    let post = Post::parse(
        &markdown,
        &PostContext {
            base: "/blog/",
            file: "2024/a.md",
            trust_html,
            post_link: Some(&post_link),
            image_size: None,
            text: folio_core::i18n::english(),
        },
    );
    if !trust_html {
        assert_safe(&rendered.html);
        assert_safe(&post.rendered.html);
        let once = sanitize_fragment(&markdown);
        assert_safe(&once);
        assert_eq!(
            sanitize_fragment(&once),
            once,
            "sanitizing twice changed the output"
        );
    }
});

/// Size of an amplified post, in bytes.
const AMPLIFIED: usize = 256 * 1024;

/// The post a pattern stands for: its parts between NUL bytes alternate between written once
/// and repeated, every repeated part as many times as fits [`AMPLIFIED`] bytes. `x\0<b>\0\0</i>`
/// becomes `x<b><b>…</i></i>…`, the shape of the quadratic inputs found so far.
fn amplify(pattern: &str) -> String {
    let parts: Vec<&str> = pattern.split('\0').collect();
    let repeated: usize = parts.iter().skip(1).step_by(2).map(|part| part.len()).sum();
    let times = AMPLIFIED / repeated.max(1);
    let mut post = String::with_capacity(AMPLIFIED + pattern.len());
    for (i, part) in parts.iter().enumerate() {
        let n = if i % 2 == 1 { times } else { 1 };
        for _ in 0..n {
            post.push_str(part);
        }
    }
    post
}

/// No `<script`, no `on…` attribute, and no URL attribute with a scheme other than http(s),
/// mailto or tel (`data:image/` for `src`) in any tag. Sanitized output only holds tags the
/// sanitizer and renderer wrote (`name attr="value" …`) and escaped text, so every `<` starts
/// one of them.
fn assert_safe(html: &str) {
    assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        let mut attrs = tag.split_once(' ').map_or("", |(_, attrs)| attrs);
        while let Some((name, after)) = attrs.split_once("=\"") {
            let name = name.trim().to_ascii_lowercase();
            let Some((value, after)) = after.split_once('"') else {
                panic!("unterminated attribute in {tag:?}");
            };
            assert!(!name.starts_with("on"), "event handler {name} in {html}");
            if matches!(
                name.as_str(),
                "href" | "src" | "cite" | "action" | "formaction"
            ) {
                let value = decode(value);
                let scheme = folio_core::url::scheme(&value);
                let image = name == "src"
                    && value
                        .trim_start()
                        .to_ascii_lowercase()
                        .starts_with("data:image/");
                assert!(
                    matches!(
                        scheme.as_deref(),
                        None | Some("http" | "https" | "mailto" | "tel")
                    ) || image,
                    "{name}={value:?} in {html}"
                );
            }
            attrs = after;
        }
    }
}

/// Decodes what the writers escape in attribute values, plus numeric references.
fn decode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';') else {
            break;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "quot" => Some('"'),
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
