//! Generator tags the import turns into Markdown, line for line (a converted post has as many
//! lines as its source, so every note keeps its line):
//!
//! - before paths move ([`blocks`]): Hexo's `{% codeblock %}` and Jekyll's `{% highlight %}`
//!   become fenced code (their code was read as Markdown: comments became lists), Hexo's
//!   `{% blockquote %}` a quote, `{% raw %}` goes, Hexo's `{% link text url %}` becomes a link,
//!   and Jekyll's `{{ site.baseurl }}`, `relative_url` and `{% link file %}` become site paths,
//!   which the moves then follow like any other;
//! - after ([`links`]): tags naming another post (Hexo's `{% post_link %}`, Jekyll's
//!   `{% post_url %}` and `{% link _posts/… %}`) become relative links to its `.md` file, and
//!   Hexo's asset tags (`{% asset_img %}`) images and links into the post's folder.
//!
//! Anything else stays as it is; `folio check` lists it.

mod blocks;
mod links;

use std::path::PathBuf;

use folio_core::Problem;

pub(super) use blocks::blocks;
pub(super) use links::{Here, links};

/// A post's text after one pass, and what the pass found.
#[derive(Debug, Default)]
pub(super) struct Converted {
    pub(super) text: String,
    /// What could not be converted, by line.
    pub(super) notes: Vec<Problem>,
    /// Links to other posts written.
    pub(super) links: usize,
    /// Files to copy: source, and destination below the content folder.
    pub(super) copies: Vec<(PathBuf, String)>,
}

/// A `{% name args %}` tag.
struct Tag<'a> {
    name: &'a str,
    args: &'a str,
}

/// Reads `{% name args %}` (Liquid's `{%-` and `-%}` too) when `text` is exactly one tag.
fn tag(text: &str) -> Option<Tag<'_>> {
    let inner = text.trim().strip_prefix("{%")?.strip_suffix("%}")?;
    let inner = inner.trim_start_matches('-').trim_end_matches('-').trim();
    let (name, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    (!name.is_empty()).then(|| Tag {
        name,
        args: args.trim(),
    })
}

/// `line` with each `{% … %}` and `{{ … }}` outside code spans replaced where `convert` says.
fn inline(line: &str, mut convert: impl FnMut(&str) -> Option<String>) -> String {
    inline_at(line, |snippet, _| convert(snippet))
}

/// Like [`inline`], telling `convert` the 1-based character column of each snippet in the
/// converted line (notes are located in the text the import writes).
fn inline_at(line: &str, mut convert: impl FnMut(&str, usize) -> Option<String>) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    let mut in_code = false;
    while !rest.is_empty() {
        if rest.starts_with('`') {
            in_code = !in_code;
        } else if !in_code
            && let Some(close) = [("{%", "%}"), ("{{", "}}")]
                .iter()
                .find(|(open, _)| rest.starts_with(open))
                .and_then(|(_, close)| rest.find(close).map(|at| at + close.len()))
            && let Some(replacement) = convert(&rest[..close], out.chars().count() + 1)
        {
            out.push_str(&replacement);
            rest = &rest[close..];
            continue;
        }
        let Some(c) = rest.chars().next() else {
            break;
        };
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Tag arguments, split on whitespace, `"…"` and `'…'` kept together; each with whether it was
/// quoted.
fn words(args: &str) -> Vec<(String, bool)> {
    let mut words = Vec::new();
    let mut chars = args.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if c == '"' || c == '\'' {
            chars.next();
            let word: String = chars.by_ref().take_while(|x| *x != c).collect();
            words.push((word, true));
        } else {
            let mut word = String::new();
            while let Some(&x) = chars.peek() {
                if x.is_whitespace() {
                    break;
                }
                word.push(x);
                chars.next();
            }
            words.push((word, false));
        }
    }
    words
}

fn indent_of(line: &str) -> &str {
    let trimmed = line.trim_start_matches([' ', '\t']);
    &line[..line.len() - trimmed.len()]
}

/// Text for a link's or an image's brackets.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A title in double quotes.
fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_quoted_titles_together() {
        assert_eq!(
            words("pic.png 200 \"A title\" 'the alt'"),
            [
                ("pic.png".to_owned(), false),
                ("200".to_owned(), false),
                ("A title".to_owned(), true),
                ("the alt".to_owned(), true)
            ]
        );
    }
}
