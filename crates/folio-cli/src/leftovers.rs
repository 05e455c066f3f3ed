//! Syntax another generator would have run (shortcodes, Liquid and other template tags) left in
//! a post, which Folio shows as text. `folio check` lists it on every run with [`common_rules`];
//! `folio import` adds the rules of the dialect it reads. Code blocks, code spans and math are
//! skipped: syntax shown as code is content, not markup.

/// A pattern and what it means.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rule {
    pub(crate) open: &'static str,
    pub(crate) close: Close,
    /// The pattern counts only at the start of a line (after indentation).
    pub(crate) line_start: bool,
    /// What the snippet is ("is a Hugo shortcode"); followed by [`AS_TEXT`] unless it says
    /// itself what Folio does with it (has "which").
    pub(crate) meaning: &'static str,
}

/// Where the snippet a message shows ends.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Close {
    /// Through this text (`>}}`), else at the line's end.
    Through(&'static str),
    /// Before the first of these characters, else at the line's end.
    Before(&'static [char]),
    LineEnd,
}

impl Rule {
    /// `open … close` anywhere in a line.
    pub(crate) const fn pair(
        open: &'static str,
        close: &'static str,
        meaning: &'static str,
    ) -> Self {
        Self {
            open,
            close: Close::Through(close),
            line_start: false,
            meaning,
        }
    }

    /// `open` at the start of a line, through its end.
    pub(crate) const fn at_start(open: &'static str, meaning: &'static str) -> Self {
        Self {
            open,
            close: Close::LineEnd,
            line_start: true,
            meaning,
        }
    }
}

/// One piece of generator syntax, located in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    /// 1-based file line.
    pub(crate) line: usize,
    /// 1-based character column.
    pub(crate) column: usize,
    /// The syntax as written, at most 60 characters.
    pub(crate) snippet: String,
    /// "`snippet` is …".
    pub(crate) message: String,
}

pub(crate) const AS_TEXT: &str = "which Folio shows as text: replace it with Markdown or HTML";

/// What any post may hold from Hugo, Jekyll, Hexo or Zola, most specific first (a span one rule
/// reports is not reported again by a later one).
pub(crate) fn common_rules() -> Vec<Rule> {
    const HUGO_ESCAPE: &str = "is an escaped Hugo shortcode, which Folio shows with its /* */: write the shortcode as Hugo showed it, in a code span";
    const ZOLA_ESCAPE: &str = "is an escaped Zola shortcode, which Folio shows with its /* */: write the shortcode as Zola showed it, in a code span";
    vec![
        Rule::pair("{{</*", "*/>}}", HUGO_ESCAPE),
        Rule::pair("{{%/*", "*/%}}", HUGO_ESCAPE),
        Rule::pair("{{<", ">}}", "is a Hugo shortcode"),
        Rule::pair("{{%", "%}}", "is a Hugo shortcode"),
        Rule::pair("{{/*", "*/}}", ZOLA_ESCAPE),
        Rule::pair("{%/*", "*/%}", ZOLA_ESCAPE),
        Rule::pair("{%", "%}", "is a template tag (Liquid or Hexo)"),
        // `{{ … }}` is no finding here: the renderer reads it as Vue's, shows it as nothing and
        // reports it itself.
        Rule::at_start("{:", "is a kramdown attribute list (Jekyll)"),
    ]
}

/// Every piece of syntax `rules` describe in `text` from line `first_line` on (the body).
pub(crate) fn find(text: &str, first_line: usize, rules: &[Rule]) -> Vec<Finding> {
    let mut found = Vec::new();
    for (number, line, masked) in prose_lines(text, first_line) {
        // Byte ranges of this line already reported, so `{{< x >}}` is one finding, not also a
        // `{{ }}` one.
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for rule in rules {
            find_in_line(line, &masked, number, rule, &mut taken, &mut found);
        }
    }
    found.sort_by_key(|f| (f.line, f.column));
    found
}

/// The lines of `text` from `first_line` on that are not code or math: `(file line, line, line
/// with code spans and inline math blanked out)`. The masked line has the same byte length, so
/// offsets in it are offsets in the line.
pub(crate) fn prose_lines(text: &str, first_line: usize) -> Vec<(usize, &str, String)> {
    let mut lines = Vec::new();
    let mut fences = Fences::default();
    let mut math = false;
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if number < first_line {
            continue;
        }
        if fences.is_code(line) {
            continue;
        }
        if line.trim() == "$$" {
            math = !math;
            continue;
        }
        if math {
            continue;
        }
        lines.push((number, line, mask(line)));
    }
    lines
}

fn find_in_line(
    line: &str,
    masked: &str,
    number: usize,
    rule: &Rule,
    taken: &mut Vec<(usize, usize)>,
    found: &mut Vec<Finding>,
) {
    let mut from = 0;
    while let Some(at) = masked[from..].find(rule.open).map(|i| i + from) {
        from = at + rule.open.len();
        if rule.line_start && !masked[..at].trim().is_empty() {
            break;
        }
        // `:::` alone closes a container; its opening line was reported already. Containers
        // Folio reads are no finding.
        if rule.open == ":::" {
            let after = masked[from..].trim_start_matches(':').trim();
            let name = after.split_whitespace().next().unwrap_or_default();
            if after.is_empty() || folio_core::markdown::CONTAINER_NAMES.contains(&name) {
                continue;
            }
        }
        let end = span_end(line, at, rule.close);
        if taken.iter().any(|&(start, stop)| at >= start && at < stop) {
            continue;
        }
        taken.push((at, end));
        let snippet = shorten(&line[at..end]);
        from = end.max(from);
        if closes_a_pair(&snippet) {
            continue;
        }
        let meaning = if !is_zola_shortcode(&snippet) {
            rule.meaning
        } else if snippet.starts_with("{{") {
            // The renderer reads `{{ … }}` as Vue's.
            "is a Zola shortcode, which Folio shows as nothing: replace it with Markdown or HTML"
        } else {
            "is a Zola shortcode"
        };
        let message = if meaning.contains("which") {
            format!("`{snippet}` {meaning}")
        } else {
            format!("`{snippet}` {meaning}, {AS_TEXT}")
        };
        found.push(Finding {
            line: number,
            column: line[..at].chars().count() + 1,
            snippet,
            message,
        });
    }
}

/// Zola's shortcodes are calls: `{{ youtube(id="x") }}`, `{% note(kind="tip") %}`.
fn is_zola_shortcode(snippet: &str) -> bool {
    let Some(inner) = snippet
        .strip_prefix("{{")
        .or_else(|| snippet.strip_prefix("{%"))
    else {
        return false;
    };
    let inner = inner.trim_start();
    let name_len = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(inner.len());
    name_len > 0 && inner[name_len..].starts_with('(')
}

/// Where a piece of syntax starting at byte `at` ends.
pub(crate) fn span_end(line: &str, at: usize, close: Close) -> usize {
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
    (inner.starts_with('/') && !inner.starts_with("/*")) || (is_tag && inner.starts_with("end"))
}

/// The snippet as a message shows it: trimmed, at most 60 characters.
pub(crate) fn shorten(text: &str) -> String {
    let text = text.trim_end();
    if text.chars().count() > 60 {
        let cut: String = text.chars().take(59).collect();
        format!("{cut}…")
    } else {
        text.to_owned()
    }
}

/// Where fenced code blocks are, fed one line at a time.
#[derive(Debug, Default)]
pub(crate) struct Fences {
    /// The open fence: its character and length.
    open: Option<(char, usize)>,
}

impl Fences {
    /// Whether `line` (the next line of the text) is a fence or inside a fenced block.
    pub(crate) fn is_code(&mut self, line: &str) -> bool {
        if let Some((c, n)) = fence_marker(line) {
            match self.open {
                None => self.open = Some((c, n)),
                Some((open, length)) if c == open && n >= length => self.open = None,
                Some(_) => {}
            }
            return true;
        }
        self.open.is_some()
    }
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

/// The line with code spans and inline math (`$…$`, closed on the line) blanked out.
fn mask(line: &str) -> String {
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
    mask_math(&out)
}

/// Blanks what lies between pairs of `$` (TeX such as `x^{{2}}` is not a template).
fn mask_math(line: &str) -> String {
    let dollars: Vec<usize> = line.match_indices('$').map(|(i, _)| i).collect();
    let mut out = line.to_owned();
    for pair in dollars.chunks_exact(2) {
        let (start, end) = (pair[0] + 1, pair[1]);
        let blank = " ".repeat(end - start);
        out.replace_range(start..end, &blank);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn common(text: &str) -> Vec<(usize, usize, String)> {
        find(text, 1, &common_rules())
            .into_iter()
            .map(|f| (f.line, f.column, f.message))
            .collect()
    }

    #[test]
    fn code_and_math_are_content() {
        let text = "Use `{{< x >}}` like this:\n\n```go\n{{< youtube id >}}\n```\n\n$$\n{{a}}\n$$\n\n$x^{{2}}$ and real {{< tweet 1 >}}\n";
        assert_eq!(
            common(text),
            [(
                11,
                20,
                "`{{< tweet 1 >}}` is a Hugo shortcode, which Folio shows as text: replace it with Markdown or HTML".to_owned()
            )]
        );
    }

    #[test]
    fn each_span_is_found_once_by_its_most_specific_rule() {
        // `{{ page.title }}` is the renderer's to report: it shows it as nothing.
        let found = common(
            "{{</* figure */>}} {{% note %}}x{{% /note %}}\n{{/* youtube() */}} {% raw %} {{ page.title }}\n{: .wide}\n",
        );
        let found: Vec<(usize, usize, &str)> = found
            .iter()
            .map(|(line, column, message)| {
                let meaning = message.split("` ").nth(1).unwrap_or_default();
                (
                    *line,
                    *column,
                    meaning.split(',').next().unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (1, 1, "is an escaped Hugo shortcode"),
                (1, 20, "is a Hugo shortcode"),
                (2, 1, "is an escaped Zola shortcode"),
                (2, 21, "is a template tag (Liquid or Hexo)"),
                (3, 1, "is a kramdown attribute list (Jekyll)"),
            ]
        );
    }

    #[test]
    fn columns_count_characters_and_front_matter_is_skipped() {
        let text = "---\ntitle: \"{% no %}\"\n---\n中文 {% x %}\n";
        assert_eq!(common(text).len(), 2);
        let body: Vec<_> = find(text, 4, &common_rules())
            .into_iter()
            .map(|f| (f.line, f.column))
            .collect();
        assert_eq!(body, [(4, 4)]);
    }
}
