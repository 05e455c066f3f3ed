//! Pathological posts: for each family, a generator of a Markdown file of about a given size
//! that once made some part of the renderer do work quadratic in its length (or write HTML far
//! larger than it), next to plain prose of the same size to compare with.
//!
//! Written once and shared: the complexity tests (`tests/linear_time.rs`) render each family at
//! two sizes, and `make bench-adversarial` (`benches/adversarial.rs`, `bench/adversarial.mjs`)
//! times each at 100 KB and 1 MB natively and in the browser.
//!
//! Most families are a head, runs of one or two units repeated `n` times, and a tail, where `n`
//! is what the file's size buys; the units are the ones named in the hardening issue, and the
//! ones found looking for more of the same kinds.

/// One family of pathological posts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Family {
    /// Short name, for test names and the bench table.
    pub(crate) name: &'static str,
    /// What grows with the size, as the bench table shows it.
    pub(crate) shape: &'static str,
    build: fn(usize) -> String,
}

impl Family {
    /// A post of about `bytes` bytes (never fewer than one unit of each run).
    pub(crate) fn build(&self, bytes: usize) -> String {
        (self.build)(bytes)
    }
}

/// `head`, then each unit repeated `n` times in turn, then `tail`: about `bytes` long.
fn runs(head: &str, units: &[&str], tail: &str, bytes: usize) -> String {
    let per_round: usize = units.iter().map(|unit| unit.len()).sum();
    let n = (bytes.saturating_sub(head.len() + tail.len()) / per_round.max(1)).max(1);
    let mut out = String::with_capacity(head.len() + n * per_round + tail.len());
    out.push_str(head);
    for unit in units {
        for _ in 0..n {
            out.push_str(unit);
        }
    }
    out.push_str(tail);
    out
}

/// `unit(i)` for i = 0, 1, … between `head` and `tail` until the post is about `bytes` long.
fn numbered(head: &str, unit: impl Fn(usize) -> String, tail: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 64);
    out.push_str(head);
    let mut i = 0;
    while out.len() + tail.len() < bytes || i == 0 {
        out.push_str(&unit(i));
        i += 1;
    }
    out.push_str(tail);
    out
}

/// A fenced code block in `lang` holding `units` repeated on one line.
fn code(lang: &str, units: &[&str], bytes: usize) -> String {
    runs(&format!("```{lang}\n"), units, "\n```\n", bytes)
}

const PROSE: &str = "The compiler was slow today, so I read the release notes while it worked. \
Nothing surprising, but the cache change matters: write to the mirror if it lags again. \
今天编译很慢，所以我趁机读了更新说明。缓存的改动很重要，其余的都是小修小补。\n\n";

/// The baseline: paragraphs of English and Chinese prose.
pub(crate) const PLAIN: Family = Family {
    name: "plain-text",
    shape: "paragraphs of prose",
    build: |bytes| runs("", &[PROSE], "", bytes),
};

/// Every pathological family, in the order the bench table lists them.
pub(crate) const FAMILIES: &[Family] = &[
    // The sanitizer: end tags that close nothing, attributes, nesting, entities.
    Family {
        name: "html-unmatched-end-tags",
        shape: "x <b>×n </i>×n",
        build: |bytes| runs("x", &["<b>", "</i>"], "\n", bytes),
    },
    Family {
        name: "html-blocks-unmatched",
        shape: "<div>⏎×n </i>⏎×n",
        build: |bytes| runs("", &["<div>\n", "</i>\n"], "", bytes),
    },
    Family {
        name: "html-many-attributes",
        shape: "<b x0 x1 … xn>",
        build: |bytes| numbered("<b", |i| format!(" x{i}"), ">x</b>\n", bytes),
    },
    Family {
        name: "html-nested-tags",
        shape: "<span>×n x </span>×n",
        build: |bytes| runs("", &["<span>", "x", "</span>"], "\n", bytes),
    },
    Family {
        name: "html-entities",
        shape: "<b title=\"&amp;×n\"> &amp;×n",
        build: |bytes| {
            runs("<b title=\"", &["&amp;"], "\">x</b>\n", bytes / 2)
                + &runs("", &["&amp;"], "\n", bytes / 2)
        },
    },
    Family {
        name: "html-comment-unclosed",
        shape: "a <!-- then b⏎×n",
        build: |bytes| runs("a <!--", &["b\n"], "\n", bytes),
    },
    // The highlighter: scans that restarted for each token of a long line.
    Family {
        name: "js-regex-unclosed",
        shape: "```js /[×n",
        build: |bytes| code("js", &["/["], bytes),
    },
    Family {
        name: "js-regex-many",
        shape: "```js x=/a/;×n",
        build: |bytes| code("js", &["x=/a/;"], bytes),
    },
    Family {
        name: "css-pseudo-selectors",
        shape: "```css a:b ×n {",
        build: |bytes| code("css", &["a:b ", "{"], bytes),
    },
    Family {
        name: "yaml-flow-sequence",
        shape: "```yaml [ a,×n",
        build: |bytes| runs("```yaml\n[", &["a,"], "\n```\n", bytes),
    },
    Family {
        name: "sh-heredocs",
        shape: "```sh <<A ×n",
        build: |bytes| code("sh", &["<<A "], bytes),
    },
    Family {
        name: "sh-variables",
        shape: "```sh ${}×n",
        build: |bytes| code("sh", &["${}"], bytes),
    },
    Family {
        name: "rust-inner-attributes",
        shape: "```rust #!×n",
        build: |bytes| code("rust", &["#!"], bytes),
    },
    Family {
        name: "cpp-raw-strings",
        shape: "```cpp R\"\"×n",
        build: |bytes| code("cpp", &["R\"\""], bytes),
    },
    Family {
        name: "sql-quoted-names",
        shape: "```sql `a` ×n",
        build: |bytes| code("sql", &["`a` "], bytes),
    },
    // Locating links and images by line and column.
    Family {
        name: "links-on-one-line",
        shape: "[a](b) ×n on one line",
        build: |bytes| runs("", &["[a](b) "], "\n", bytes),
    },
    Family {
        name: "images-on-one-line",
        shape: "![a](b) ×n on one line",
        build: |bytes| runs("", &["![a](b) "], "\n", bytes),
    },
    Family {
        name: "autolinks-on-one-line",
        shape: "www.a.io ×n on one line",
        build: |bytes| runs("", &["www.a.io "], "\n", bytes),
    },
    // Math: pulldown-latex reads each group again at every level.
    Family {
        name: "math-nested-braces",
        shape: "${×8000 x }×8000$ ×n",
        build: |bytes| runs("", &[&nested("$", "{", "x", "}", "$", 8_000)], "", bytes),
    },
    Family {
        name: "math-nested-scripts",
        shape: "$a^{×4000 x }×4000$ ×n",
        build: |bytes| runs("", &[&nested("$", "a^{", "x", "}", "$", 4_000)], "", bytes),
    },
    Family {
        name: "math-nested-delimiters",
        shape: "$$\\left(×1200 x \\right)×1200$$ ×n",
        build: |bytes| {
            let formula = nested("$$", "\\left(", "x", "\\right)", "$$", 1_200);
            runs("", &[&formula], "", bytes)
        },
    },
    Family {
        name: "math-many-formulas",
        shape: "$x$ ×n",
        build: |bytes| runs("", &["$x$ "], "\n", bytes),
    },
    // Footnotes: every reference to a note added a link back to it.
    Family {
        name: "footnote-references",
        shape: "[^a]×n, one note",
        build: |bytes| runs("", &["[^a]"], "\n\n[^a]: The note.\n", bytes),
    },
    Family {
        name: "footnotes-many",
        shape: "[^i] ×n, n notes",
        build: |bytes| {
            let refs = numbered("", |i| format!("[^{i}] "), "\n\n", bytes / 4);
            let count = refs.matches("[^").count();
            (0..count).fold(refs, |out, i| out + &format!("[^{i}]: Note {i}.\n"))
        },
    },
    // Markdown that makes many events, through every adapter.
    Family {
        name: "headings-duplicate",
        shape: "# a⏎×n",
        build: |bytes| runs("", &["# a\n"], "", bytes),
    },
    Family {
        name: "short-lines",
        shape: "a⏎×n",
        build: |bytes| runs("", &["a\n"], "", bytes),
    },
    Family {
        name: "emphasis-unclosed",
        shape: "*a _b ×n",
        build: |bytes| runs("", &["*a _b "], "\n", bytes),
    },
    Family {
        name: "brackets-nested",
        shape: "[×n ]×n",
        build: |bytes| runs("", &["[", "]"], "\n", bytes),
    },
    Family {
        name: "brackets-unclosed",
        shape: "[a ![b ×n",
        build: |bytes| runs("", &["[a ![b "], "\n", bytes),
    },
    Family {
        name: "code-spans",
        shape: "`` ` ×n",
        build: |bytes| runs("", &["`` ` "], "\n", bytes),
    },
    Family {
        name: "text-events",
        shape: "/[×n",
        build: |bytes| runs("", &["/["], "\n", bytes),
    },
    Family {
        name: "escapes-and-entities",
        shape: "\\*&amp;×n",
        build: |bytes| runs("", &["\\*&amp;"], "\n", bytes),
    },
    Family {
        name: "emoji-shortcodes",
        shape: ":tada::x×n",
        build: |bytes| runs("", &[":tada::x"], "\n", bytes),
    },
    Family {
        name: "table-wide",
        shape: "n columns",
        build: |bytes| {
            let n = (bytes / 6).max(1);
            format!(
                "{}|\n{}|\n{}|\n",
                "|a".repeat(n),
                "|-".repeat(n),
                "|b".repeat(n)
            )
        },
    },
    Family {
        name: "table-long",
        shape: "n rows",
        build: |bytes| runs("|a|b|\n|-|:-:|\n", &["|c|d|\n"], "", bytes),
    },
    Family {
        name: "nested-quotes",
        shape: ">×n a",
        build: |bytes| runs("", &["> "], "a\n", bytes),
    },
];

/// `open`, `inner` nested `depth` deep between `down` and `up`, `close`, then a blank line.
fn nested(open: &str, down: &str, inner: &str, up: &str, close: &str, depth: usize) -> String {
    format!(
        "{open}{}{inner}{}{close}\n\n",
        down.repeat(depth),
        up.repeat(depth)
    )
}

/// The family called `name`.
pub(crate) fn family(name: &str) -> &'static Family {
    FAMILIES
        .iter()
        .find(|family| family.name == name)
        .unwrap_or_else(|| panic!("no family {name}"))
}
