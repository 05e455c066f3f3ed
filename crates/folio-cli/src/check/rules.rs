//! Style rules: nothing is lost when they fire, so they are warnings.

use folio_core::Post;
use folio_core::chars;
use folio_core::front_matter::{parse_fields, split};

use crate::clock::Clock;
use crate::content::SourceFile;
use crate::diagnostic::Diagnostic;
use crate::leftovers;
use crate::zone::Zone;

/// Headings that skip a level (`##` then `####`): screen readers announce the outline, and a
/// table of contents shows the gap. The post's title is the page's h1, so a body starts at h2.
pub(super) fn headings(file: &SourceFile, post: &Post, found: &mut Vec<Diagnostic>) {
    let mut previous = 1;
    for heading in &post.rendered.headings {
        let expected = previous + 1;
        if heading.level > expected {
            let message = if previous == 1 {
                format!(
                    "h{} is the first heading, skipping h{expected} (the post title is the h1)",
                    heading.level
                )
            } else {
                format!(
                    "h{} follows h{previous}, skipping h{expected}",
                    heading.level
                )
            };
            found.push(Diagnostic::warning(&file.path, heading.line, message).at_column(1));
        }
        previous = heading.level;
    }
}

/// Characters no feed or web page may hold: control characters (a terminal's colour codes, a
/// form feed) and noncharacters. Folio shows each as U+FFFD or a space (see
/// [`folio_core::chars`]), which is rarely what the writer meant. One warning per line, at the
/// first of them.
pub(super) fn forbidden_characters(file: &SourceFile, text: &str, found: &mut Vec<Diagnostic>) {
    if chars::first_forbidden(text).is_none() {
        return;
    }
    for (index, line) in text.split('\n').enumerate() {
        let mut hits = line
            .chars()
            .enumerate()
            .filter(|(_, c)| chars::is_forbidden(*c));
        let Some((column, first)) = hits.next() else {
            continue;
        };
        let kind = if first.is_control() {
            "control character"
        } else {
            "noncharacter"
        };
        let shown = if chars::replacement(first) == ' ' {
            "a space"
        } else {
            "U+FFFD (\u{FFFD})"
        };
        let more = match hits.count() {
            0 => String::new(),
            n => format!("; {n} more on this line"),
        };
        found.push(
            Diagnostic::warning(
                &file.path,
                index + 1,
                format!(
                    "{kind} U+{:04X} cannot appear in feeds or web pages and is shown as {shown}{more}",
                    u32::from(first)
                ),
            )
            .at_column(column + 1),
        );
    }
}

/// Syntax of another generator left in the body (Hugo shortcodes, Liquid, Hexo and Zola tags):
/// Folio shows it as text. Reported on every run, not only by the import that brought it in,
/// until the writer replaces it; a warning, since the text is still there, and never one of
/// the post's problems that a page shows its readers.
pub(super) fn leftovers(file: &SourceFile, text: &str, found: &mut Vec<Diagnostic>) {
    let body_line = split(text).map_or(1, |split| split.body_line);
    for finding in leftovers::find(text, body_line, &leftovers::common_rules()) {
        found.push(
            Diagnostic::warning(&file.path, finding.line, finding.message)
                .at_column(finding.column),
        );
    }
}

/// A draft dated before today: published as it is, it would appear under that old date, below
/// posts written after it. A draft dated today is fine (`folio new --draft` dates it now).
pub(super) fn stale_draft(
    file: &SourceFile,
    text: &str,
    post: &Post,
    zone: &Zone,
    clock: &Clock,
    found: &mut Vec<Diagnostic>,
) {
    let Some(date) = post.meta.date.filter(|_| post.meta.draft) else {
        return;
    };
    let offset = i64::from(zone.offset_at(clock.now())) * 60;
    let today_starts = (clock.now() + offset).div_euclid(86_400) * 86_400 - offset;
    if zone.instant(&date) >= today_starts {
        return;
    }
    let line = key_line(text, &["draft", "published"]).unwrap_or(1);
    found.push(Diagnostic::warning(
        &file.path,
        line,
        format!(
            "this draft is dated {date}, which has passed: when you publish it, update the date"
        ),
    ));
}

/// File line of the first of `keys` in the front matter (compared ignoring ASCII case, as the
/// front-matter reader does).
pub(super) fn key_line(text: &str, keys: &[&str]) -> Option<usize> {
    let front_matter = split(text).ok()?.front_matter?;
    let fields = parse_fields(&front_matter).ok()?;
    keys.iter().find_map(|key| {
        fields
            .iter()
            .find(|field| field.key.eq_ignore_ascii_case(key))
            .map(|field| field.line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_lines_come_from_the_front_matter() {
        let text = "---\ntitle: x\nDraft: true\n---\ndraft: in the body\n";
        assert_eq!(key_line(text, &["draft"]), Some(3));
        assert_eq!(key_line(text, &["published", "title"]), Some(2));
        assert_eq!(key_line("no front matter", &["draft"]), None);
    }
}
