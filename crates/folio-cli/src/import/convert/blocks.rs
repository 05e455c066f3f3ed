//! The first pass, before paths move: block tags become fenced code and quotes, `{% raw %}`
//! goes, and what names a site path becomes that path.

use super::super::Dialect;
use super::super::paths::encode_url;
use super::{Converted, escape, indent_of, inline, quote, tag, words};
use crate::leftovers::Fences;
use folio_core::Problem;

/// The block tags of a dialect: opening name, closing name, and what they become.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    Code,
    Quote,
}

fn block(dialect: Dialect, name: &str) -> Option<(Block, &'static str)> {
    match (dialect, name) {
        (Dialect::Hexo, "codeblock") => Some((Block::Code, "endcodeblock")),
        (Dialect::Hexo, "code") => Some((Block::Code, "endcode")),
        (Dialect::Hexo, "blockquote") => Some((Block::Quote, "endblockquote")),
        (Dialect::Hexo, "quote") => Some((Block::Quote, "endquote")),
        (Dialect::Jekyll, "highlight") => Some((Block::Code, "endhighlight")),
        _ => None,
    }
}

/// The first pass: block tags, `{% raw %}`, and what names a site path.
pub(in crate::import) fn blocks(dialect: Dialect, text: &str, body_line: usize) -> Converted {
    let mut out = Converted::default();
    if !matches!(dialect, Dialect::Hexo | Dialect::Jekyll) {
        out.text = text.to_owned();
        return out;
    }
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
    let mut fences = Fences::default();
    let mut index = body_line.saturating_sub(1);
    while index < lines.len() {
        let line = lines[index].clone();
        if fences.is_code(&line) {
            index += 1;
            continue;
        }
        let opened =
            tag(&line).and_then(|t| block(dialect, t.name).map(|b| (b, t.args.to_owned())));
        if let Some(((kind, end_name), args)) = opened {
            let end = (index + 1..lines.len())
                .find(|&at| tag(&lines[at]).is_some_and(|t| t.name == end_name));
            match end {
                Some(end) => {
                    convert_block(&mut lines, index, end, kind, dialect, &args);
                    index = end + 1;
                }
                None => {
                    out.notes.push(
                        Problem::warning(
                            index + 1,
                            format!(
                                "`{}` is never closed with {{% {end_name} %}}: left as it is",
                                line.trim()
                            ),
                        )
                        .at_column(indent_of(&line).chars().count() + 1),
                    );
                    index += 1;
                }
            }
            continue;
        }
        lines[index] = inline(&line, |tag| site_path_tag(dialect, tag));
        index += 1;
    }
    out.text = lines.concat();
    out
}

/// Rewrites lines `open..=close` of a block tag.
fn convert_block(
    lines: &mut [String],
    open: usize,
    close: usize,
    kind: Block,
    dialect: Dialect,
    args: &str,
) {
    let indent = indent_of(&lines[open]).to_owned();
    let ending = |line: &str| {
        if line.ends_with("\r\n") {
            "\r\n"
        } else if line.ends_with('\n') {
            "\n"
        } else {
            ""
        }
    };
    let open_end = ending(&lines[open]).to_owned();
    let close_end = ending(&lines[close]).to_owned();
    match kind {
        Block::Code => {
            // Longer than any run of backticks inside, so the code cannot close it.
            let longest = lines[open + 1..close]
                .iter()
                .map(|line| line.trim_start().chars().take_while(|c| *c == '`').count())
                .max()
                .unwrap_or(0);
            let fence = "`".repeat(longest.max(2) + 1);
            lines[open] = format!("{indent}{fence}{}{open_end}", code_info(dialect, args));
            lines[close] = format!("{indent}{fence}{close_end}");
        }
        Block::Quote => {
            lines[open] = format!("{indent}>{open_end}");
            for line in &mut lines[open + 1..close] {
                let body = line.trim_end_matches(['\r', '\n']);
                let end = ending(line).to_owned();
                *line = if body.trim().is_empty() {
                    format!("{indent}>{end}")
                } else {
                    format!(
                        "{indent}> {}{end}",
                        body.strip_prefix(indent.as_str()).unwrap_or(body)
                    )
                };
            }
            lines[close] = match attribution(args) {
                Some(by) => format!("{indent}> — {by}{close_end}"),
                None => close_end,
            };
        }
    }
}

/// The info string of a converted code block: its language, and Hexo's title as `title="…"`.
fn code_info(dialect: Dialect, args: &str) -> String {
    let tokens = words(args);
    if dialect == Dialect::Jekyll {
        // `{% highlight ruby linenos %}`: the language, then options Folio has no use for.
        return tokens
            .first()
            .map(|(word, _)| word.clone())
            .unwrap_or_default();
    }
    let mut lang = None;
    let mut title = Vec::new();
    for (word, quoted) in &tokens {
        match word.split_once(':') {
            Some(("lang", value)) if !quoted => lang = Some(value.to_owned()),
            // line_number:false, mark:1,3, first_line:5 … and the source URL, which is shown
            // by Hexo beside the title.
            Some((key, _))
                if !quoted && (key.chars().all(|c| c.is_ascii_lowercase() || c == '_')) => {}
            _ => title.push(word.clone()),
        }
    }
    let title = title.join(" ");
    match (lang, title.is_empty()) {
        (Some(lang), true) => lang,
        (Some(lang), false) => format!("{lang} title={}", quote(&title)),
        (None, true) => String::new(),
        (None, false) => format!("text title={}", quote(&title)),
    }
}

/// Hexo's `{% blockquote author, source link link_title %}` as a line under the quote.
fn attribution(args: &str) -> Option<String> {
    let tokens = words(args);
    let link_at = tokens
        .iter()
        .position(|(word, _)| word.starts_with("http://") || word.starts_with("https://"));
    let (before, link, after) = match link_at {
        Some(at) => (
            &tokens[..at],
            Some(tokens[at].0.clone()),
            tokens[at + 1..]
                .iter()
                .map(|(w, _)| w.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        ),
        None => (&tokens[..], None, String::new()),
    };
    let named = before
        .iter()
        .map(|(w, _)| w.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let (author, source) = match named.split_once(',') {
        Some((author, source)) => (author.trim().to_owned(), source.trim().to_owned()),
        None => (named.trim().to_owned(), String::new()),
    };
    let source = match link {
        Some(link) => {
            let text = [after.as_str(), source.as_str()]
                .into_iter()
                .find(|text| !text.is_empty())
                .unwrap_or(&link)
                .to_owned();
            format!("[{}]({link})", escape(&text))
        }
        None => escape(&source),
    };
    let parts: Vec<String> = [escape(&author), source]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// First-pass inline tags: `{% raw %}`, site paths.
fn site_path_tag(dialect: Dialect, snippet: &str) -> Option<String> {
    if let Some(tag) = tag(snippet) {
        return match (dialect, tag.name) {
            (_, "raw" | "endraw") => Some(String::new()),
            // Hexo's `{% link text url [external] [title] %}`.
            (Dialect::Hexo, "link") => {
                let tokens = words(tag.args);
                let at = tokens.iter().position(|(word, _)| looks_like_url(word))?;
                let text: Vec<&str> = tokens[..at].iter().map(|(w, _)| w.as_str()).collect();
                let url = &tokens[at].0;
                let text = if text.is_empty() {
                    url.clone()
                } else {
                    text.join(" ")
                };
                Some(format!("[{}]({})", escape(&text), encode_url(url)))
            }
            // Jekyll's `{% link assets/a.pdf %}`, to a file that is not a post (those wait for
            // the second pass): its site path.
            (Dialect::Jekyll, "link") if !tag.args.starts_with("_posts/") => {
                Some(format!("/{}", tag.args.trim().trim_start_matches('/')))
            }
            _ => None,
        };
    }
    if dialect != Dialect::Jekyll {
        return None;
    }
    // `{{ site.baseurl }}`, `{{ site.url }}`, `{{ "/a.png" | relative_url }}`.
    let inner = snippet
        .strip_prefix("{{")?
        .strip_suffix("}}")?
        .trim_matches('-')
        .trim();
    match inner {
        "site.baseurl" | "site.url" | "site.url | append: site.baseurl" => Some(String::new()),
        _ => {
            let (value, filter) = inner.split_once('|')?;
            let filter = filter.trim();
            let value = value.trim();
            let quoted = value.len() >= 2
                && ((value.starts_with('"') && value.ends_with('"'))
                    || (value.starts_with('\'') && value.ends_with('\'')));
            (quoted && matches!(filter, "relative_url" | "absolute_url"))
                .then(|| value[1..value.len() - 1].to_owned())
        }
    }
}

fn looks_like_url(word: &str) -> bool {
    word.contains("://") || word.starts_with('/') || word.starts_with("mailto:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hexo_code_blocks_become_fences_and_keep_their_lines() {
        let text = "Before\n\n{% codeblock lang:js Array.map line_number:false %}\n/**\n * Doubles.\n */\nconst x = [1].map(n => n * 2);\n{% endcodeblock %}\n  {% code %}\n  ```nested```\n  {% endcode %}\n";
        let out = blocks(Dialect::Hexo, text, 1);
        assert_eq!(
            out.text,
            "Before\n\n```js title=\"Array.map\"\n/**\n * Doubles.\n */\nconst x = [1].map(n => n * 2);\n```\n  ````\n  ```nested```\n  ````\n"
        );
        assert_eq!(out.text.lines().count(), text.lines().count());
    }

    #[test]
    fn jekyll_highlight_raw_and_site_paths() {
        let text = "{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}\n![a]({{ site.baseurl }}/assets/a.png) [b]({{ \"/b.pdf\" | relative_url }}) {% link assets/c.pdf %}\n{% raw %}{{ x }}{% endraw %} `{{ site.baseurl }}`\n";
        let out = blocks(Dialect::Jekyll, text, 1);
        assert_eq!(
            out.text,
            "```ruby\nputs 1\n```\n![a](/assets/a.png) [b](/b.pdf) /assets/c.pdf\n{{ x }} `{{ site.baseurl }}`\n"
        );
    }

    #[test]
    fn hexo_quotes_keep_their_source() {
        let text = "{% blockquote David Levithan, Wide Awake %}\nDo not just\n\nlive.\n{% endblockquote %}\n{% blockquote %}\nx\n{% endblockquote %}\n";
        assert_eq!(
            blocks(Dialect::Hexo, text, 1).text,
            ">\n> Do not just\n>\n> live.\n> — David Levithan, Wide Awake\n>\n> x\n\n"
        );
        assert_eq!(
            attribution("Seth Godin http://sethgodin.typepad.com/x Welcome to Island Marketing")
                .as_deref(),
            Some("Seth Godin, [Welcome to Island Marketing](http://sethgodin.typepad.com/x)")
        );
    }

    #[test]
    fn an_unclosed_block_is_left_and_noted() {
        let out = blocks(Dialect::Hexo, "{% codeblock %}\nx\n", 1);
        assert_eq!(out.text, "{% codeblock %}\nx\n");
        assert_eq!(out.notes.len(), 1);
        let code = "```\n{% codeblock %}\n```\n";
        assert_eq!(blocks(Dialect::Hexo, code, 1).text, code);
    }
}
