//! Generator syntax a dialect leaves in a post that the import could not convert, found so the
//! import can say where it is: the rules every check applies ([`leftovers::common_rules`]) plus
//! each dialect's own (Vue, VitePress includes, Zola internal links to posts not imported).

use super::Dialect;
use crate::leftovers::{self, Close, Finding, Rule, shorten, span_end};

fn rules(dialect: Dialect) -> Vec<Rule> {
    let mut rules = match dialect {
        Dialect::Zola => vec![Rule {
            open: "@/",
            close: Close::Before(&[')', ' ', '>', '"']),
            line_start: false,
            meaning: "is a Zola internal link to a file that was not imported: link to a post's .md file",
        }],
        Dialect::VitePress => vec![
            Rule::pair("<script", ">", "is Vue code, which Folio leaves out"),
            Rule::pair("<style", ">", "is Vue code, which Folio leaves out"),
            Rule::pair(
                "{{",
                "}}",
                "is a Vue expression, which Folio shows as nothing: replace it with its value",
            ),
            // Folio reads `[[toc]]` and VitePress's own containers; only a site's own are text.
            Rule::at_start(
                ":::",
                "is a container of the site's own, which Folio shows as text: use an alert such as > [!TIP]",
            ),
            Rule::at_start(
                "<<<",
                "imports a file, which Folio does not do: paste the code in",
            ),
            Rule::pair(
                "<!--@include:",
                "-->",
                "includes a file, which Folio does not do: paste the text in",
            ),
        ],
        Dialect::Hugo | Dialect::Jekyll | Dialect::Hexo => Vec::new(),
    };
    // Vue's `{{ }}` is not a Liquid one, but a VitePress site has no other templates.
    if dialect != Dialect::VitePress {
        rules.extend(leftovers::common_rules());
        // After the rules for `{{<` and `{{%`: what is left is an expression, which the renderer
        // shows as nothing.
        rules.push(Rule::pair(
            "{{",
            "}}",
            "is a template expression (Liquid, Hexo or Zola), which Folio shows as nothing: replace it with its value",
        ));
    }
    rules
}

/// Every piece of `dialect` syntax in `text` from line `first_line` on (the body).
pub(super) fn find(text: &str, first_line: usize, dialect: Dialect) -> Vec<Finding> {
    let mut found = leftovers::find(text, first_line, &rules(dialect));
    if dialect == Dialect::VitePress {
        for (number, line, masked) in leftovers::prose_lines(text, first_line) {
            find_components(line, &masked, number, &mut found);
        }
        found.sort_by_key(|f| (f.line, f.column));
    }
    found
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
                message: format!("`{snippet}` is a Vue component, which Folio does not render"),
                snippet,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str, dialect: Dialect) -> Vec<(usize, usize, String)> {
        find(text, 1, dialect)
            .into_iter()
            .map(|f| (f.line, f.column, f.message))
            .collect()
    }

    #[test]
    fn each_dialect_finds_its_own_syntax() {
        assert_eq!(
            messages("a {% raw %} b {{ page.x }}\n{: .note}\n", Dialect::Jekyll).len(),
            3
        );
        assert_eq!(
            messages("[x](@/blog/a.md)\n{{ gist(id=1) }}\n", Dialect::Zola).len(),
            2
        );
        // VitePress's own containers and `[[toc]]` are read; a site's own container is text.
        let vue = "<script setup>\n::: tip\nhi <Badge text=\"x\" />\n:::\n[[toc]]\n<<< @/a.js\n<details>ok</details>\n::: my-box\n:::\n";
        let found = messages(vue, Dialect::VitePress);
        assert_eq!(
            found.iter().map(|(line, _, _)| *line).collect::<Vec<_>>(),
            [1, 3, 6, 8]
        );
        assert!(messages("<Badge /> and text", Dialect::Hugo).is_empty());
    }
}
