//! Generator syntax that Folio does not run (shortcodes, Liquid, Hexo tags, Vue), found so the
//! import can say where it is. Code blocks and code spans are skipped: syntax shown as code is
//! content, not markup.

use super::Dialect;

/// One piece of generator syntax, located in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Finding {
    /// 1-based line.
    pub(super) line: usize,
    /// 1-based character column.
    pub(super) column: usize,
    pub(super) what: What,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum What {
    /// Shown as it is, with this explanation.
    Message(String),
    /// Hexo's `{% asset_img file [title] %}`, which the import can suggest a replacement for.
    HexoAssetImage {
        snippet: String,
        file: String,
        title: String,
    },
}

/// A pattern and what it means.
struct Rule {
    open: &'static str,
    close: Close,
    /// The pattern counts only at the start of a line (after indentation).
    line_start: bool,
    /// "is a Hugo shortcode, which …", following the snippet.
    meaning: &'static str,
}

/// Where the snippet a message shows ends.
#[derive(Clone, Copy)]
enum Close {
    /// Through this text (`>}}`), else at the line's end.
    Through(&'static str),
    /// Before the first of these characters, else at the line's end.
    Before(&'static [char]),
    LineEnd,
}

const AS_TEXT: &str = "which Folio shows as text: replace it with Markdown or HTML";

fn rules(dialect: Dialect) -> Vec<Rule> {
    let rule = |open, close: &'static str, meaning| Rule {
        open,
        close: Close::Through(close),
        line_start: false,
        meaning,
    };
    let at_start = |open, meaning| Rule {
        open,
        close: Close::LineEnd,
        line_start: true,
        meaning,
    };
    match dialect {
        Dialect::Hugo => vec![
            rule("{{<", ">}}", "is a Hugo shortcode"),
            rule("{{%", "%}}", "is a Hugo shortcode"),
        ],
        Dialect::Jekyll => vec![
            rule("{%", "%}", "is Liquid"),
            // Folio's renderer reads `{{ … }}` as Vue's and shows it as nothing.
            rule(
                "{{",
                "}}",
                "is Liquid, which Folio shows as nothing: replace it with its value",
            ),
            at_start("{:", "is a kramdown attribute list"),
        ],
        Dialect::Hexo => vec![
            rule("{%", "%}", "is a Hexo tag"),
            rule(
                "{{",
                "}}",
                "is a Hexo template expression, which Folio shows as nothing: replace it with its value",
            ),
        ],
        Dialect::Zola => vec![
            rule(
                "{{",
                "}}",
                "is a Zola shortcode, which Folio shows as nothing: replace it with Markdown or HTML",
            ),
            rule("{%", "%}", "is a Zola shortcode"),
            Rule {
                open: "@/",
                close: Close::Before(&[')', ' ', '>', '"']),
                line_start: false,
                meaning: "is a Zola internal link to a file that was not imported: link to a post's .md file",
            },
        ],
        Dialect::VitePress => vec![
            rule("<script", ">", "is Vue code, which Folio leaves out"),
            rule("<style", ">", "is Vue code, which Folio leaves out"),
            rule(
                "{{",
                "}}",
                "is a Vue expression, which Folio shows as nothing: replace it with its value",
            ),
            // Folio reads `[[toc]]` and the containers VitePress has; only a site's own are text.
            at_start(
                ":::",
                "is a container of the site's own, which Folio shows as text: use an alert such as > [!TIP]",
            ),
            at_start(
                "<<<",
                "imports a file, which Folio does not do: paste the code in",
            ),
            rule(
                "<!--@include:",
                "-->",
                "includes a file, which Folio does not do: paste the text in",
            ),
        ],
    }
}

/// Every piece of `dialect` syntax in `text` from line `first_line` on (the body).
pub(super) fn find(text: &str, first_line: usize, dialect: Dialect) -> Vec<Finding> {
    let rules = rules(dialect);
    let mut found = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if number < first_line {
            continue;
        }
        if let Some(marker) = fence_marker(line) {
            match fence {
                None => fence = Some(marker),
                Some((c, n)) if marker.0 == c && marker.1 >= n => fence = None,
                Some(_) => {}
            }
            continue;
        }
        if fence.is_some() {
            continue;
        }
        let masked = mask_code_spans(line);
        for rule in &rules {
            find_in_line(line, &masked, number, rule, &mut found);
        }
        if dialect == Dialect::VitePress {
            find_components(line, &masked, number, &mut found);
        }
    }
    found.sort_by_key(|f| (f.line, f.column));
    found
}

fn find_in_line(line: &str, masked: &str, number: usize, rule: &Rule, found: &mut Vec<Finding>) {
    let mut from = 0;
    while let Some(at) = masked[from..].find(rule.open).map(|i| i + from) {
        from = at + rule.open.len();
        if rule.line_start && !masked[..at].trim().is_empty() {
            break;
        }
        // `:::` alone closes a container; its opening line was reported already. Containers
        // Folio knows are no finding.
        if rule.open == ":::" {
            let after = masked[from..].trim_start_matches(':').trim();
            let name = after.split_whitespace().next().unwrap_or_default();
            if after.is_empty() || folio_core::markdown::CONTAINER_NAMES.contains(&name) {
                continue;
            }
        }
        let end = span_end(line, at, rule.close);
        let snippet = shorten(&line[at..end]);
        if closes_a_pair(&snippet) {
            from = end.max(from);
            continue;
        }
        let what = hexo_asset_image(&snippet).unwrap_or_else(|| {
            let meaning = if rule.meaning.contains("which") {
                rule.meaning.to_owned()
            } else {
                format!("{}, {AS_TEXT}", rule.meaning)
            };
            What::Message(format!("`{snippet}` {meaning}"))
        });
        found.push(Finding {
            line: number,
            column: line[..at].chars().count() + 1,
            what,
        });
        from = end.max(from);
    }
}

/// Vue components: a tag whose name starts with a capital letter (`<Badge>`), which no HTML
/// element does.
fn find_components(line: &str, masked: &str, number: usize, found: &mut Vec<Finding>) {
    for (at, _) in masked.match_indices('<') {
        let starts_upper = masked[at + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase());
        if starts_upper {
            let snippet = shorten(&line[at..span_end(line, at, Close::Through(">"))]);
            found.push(Finding {
                line: number,
                column: line[..at].chars().count() + 1,
                what: What::Message(format!(
                    "`{snippet}` is a Vue component, which Folio does not render"
                )),
            });
        }
    }
}

/// Where a piece of syntax starting at byte `at` ends.
fn span_end(line: &str, at: usize, close: Close) -> usize {
    let rest = &line[at..];
    let end = match close {
        Close::Through(close) => rest.find(close).map(|i| i + close.len()),
        Close::Before(stops) => rest.find(stops),
        Close::LineEnd => None,
    };
    at + end.unwrap_or(rest.len())
}

/// The closing half of a paired shortcode or tag (`{{% /note %}}`, `{% end %}`,
/// `{% endblockquote %}`): its opening half was reported already.
fn closes_a_pair(snippet: &str) -> bool {
    let inner = snippet.trim_start_matches(['{', '%', '<']).trim_start();
    let is_tag = snippet.starts_with("{%") || snippet.starts_with("{{%");
    inner.starts_with('/') || (is_tag && inner.starts_with("end"))
}

/// The snippet as a message shows it: trimmed, at most 60 characters.
fn shorten(text: &str) -> String {
    let text = text.trim_end();
    if text.chars().count() > 60 {
        let cut: String = text.chars().take(59).collect();
        format!("{cut}…")
    } else {
        text.to_owned()
    }
}

/// `{% asset_img pic.png A title %}`.
fn hexo_asset_image(snippet: &str) -> Option<What> {
    let inner = snippet.strip_prefix("{%")?.strip_suffix("%}")?.trim();
    let args = inner.strip_prefix("asset_img")?.trim();
    let (file, title) = args.split_once(char::is_whitespace).unwrap_or((args, ""));
    if file.is_empty() {
        return None;
    }
    Some(What::HexoAssetImage {
        snippet: snippet.to_owned(),
        file: file.trim_matches('"').to_owned(),
        title: title.trim().trim_matches('"').to_owned(),
    })
}

/// A code fence line: its character and length.
fn fence_marker(line: &str) -> Option<(char, usize)> {
    let trimmed = line.trim_start();
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let c = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = trimmed.chars().take_while(|x| *x == c).count();
    (n >= 3).then_some((c, n))
}

/// The line with code spans blanked out (same byte length, so offsets still match).
fn mask_code_spans(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_code = false;
    for c in line.chars() {
        if c == '`' {
            in_code = !in_code;
            out.push(c);
        } else if in_code {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str, dialect: Dialect) -> Vec<(usize, usize, String)> {
        find(text, 1, dialect)
            .into_iter()
            .map(|f| {
                let text = match f.what {
                    What::Message(m) => m,
                    What::HexoAssetImage { file, title, .. } => format!("asset {file} {title}"),
                };
                (f.line, f.column, text)
            })
            .collect()
    }

    #[test]
    fn code_blocks_and_spans_are_content() {
        let text = "Use `{{< x >}}` like this:\n\n```go\n{{< youtube id >}}\n```\n\nReal {{< tweet 1 >}}\n";
        assert_eq!(
            messages(text, Dialect::Hugo),
            [(
                7,
                6,
                "`{{< tweet 1 >}}` is a Hugo shortcode, which Folio shows as text: replace it with Markdown or HTML".to_owned()
            )]
        );
    }

    #[test]
    fn each_dialect_finds_its_own_syntax() {
        assert_eq!(
            messages("a {% raw %} b {{ page.x }}\n{: .note}\n", Dialect::Jekyll).len(),
            3
        );
        assert_eq!(
            messages("{% asset_img cat.png \"A cat\" %}\n", Dialect::Hexo),
            [(1, 1, "asset cat.png A cat".to_owned())]
        );
        assert_eq!(
            messages("[x](@/blog/a.md)\n{{ gist(id=1) }}\n", Dialect::Zola).len(),
            2
        );
        let vue = "<script setup>\n::: tip\nhi <Badge text=\"x\" />\n:::\n[[toc]]\n<<< @/a.js\n<details>ok</details>\n::: my-box\n:::\n";
        let found = messages(vue, Dialect::VitePress);
        assert_eq!(
            found.iter().map(|(line, _, _)| *line).collect::<Vec<_>>(),
            [1, 3, 6, 8]
        );
        assert!(messages("<Badge /> and {% raw %}", Dialect::Hugo).is_empty());
    }

    #[test]
    fn columns_count_characters_and_front_matter_is_skipped() {
        let text = "---\ntitle: \"{{ no }}\"\n---\n中文 {{ x }}\n";
        assert_eq!(messages(text, Dialect::Jekyll).len(), 2);
        let body: Vec<_> = find(text, 4, Dialect::Jekyll)
            .into_iter()
            .map(|f| (f.line, f.column))
            .collect();
        assert_eq!(body, [(4, 4)]);
    }
}
