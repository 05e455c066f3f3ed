//! Block wrappers: tables in `<div class="table-wrap">` (a wide table scrolls sideways on a
//! narrow screen instead of widening the page), with column alignment as a class
//! (`<td class="align-right">`) rather than pulldown-cmark's `style` attribute, which the site's
//! Content-Security-Policy (`style-src 'self'`) would block; and GitHub alerts (`> [!NOTE]`, `TIP`,
//! `IMPORTANT`, `WARNING`, `CAUTION`) as titled boxes instead of quotes:
//! `<div class="alert alert-note" role="note"><p class="alert-title">Note</p>…</div>`.
//!
//! VitePress's containers ([`super::containers`]) are written here too: `::: tip` and its kin as
//! the same boxes (`alert-info` and `alert-danger` besides GitHub's kinds), `::: details` as
//! `<details class="alert alert-details"><summary>…</summary>…</details>`, `::: code-group` as
//! `<div class="code-group">`; and `[[toc]]` as a placeholder that [`super::render`] fills with the
//! post's contents once it knows every heading.
//!
//! One adapter for all of these, since every adapter in the chain costs a little on every event.

use pulldown_cmark::{Alignment, BlockQuoteKind, Event, Tag, TagEnd};

use super::Spanned;
use super::containers::{Container, Kind, Marks};
use crate::html::escape_into;
use crate::i18n::Strings;

/// Where the `[[toc]]` of a post goes, until its headings are known: a comment, which no raw HTML
/// keeps unless the site trusts its HTML.
pub(super) const TOC_PLACEHOLDER: &str = "<!--folio:toc-->\n";

pub(super) struct Blocks<'a, 'm, I> {
    inner: I,
    text: &'static Strings,
    /// The post's VitePress containers and `[[toc]]`, if it has any.
    marks: Option<&'m Marks>,
    /// For each quote open (`>` or a container), how its end is written: `None` for a quote.
    quotes: Vec<Option<&'static str>>,
    /// The table start, held back while its wrapper goes out.
    table: Option<Spanned<'a>>,
    /// The current table's column alignments; the writer gets none, so it writes no `style`.
    alignments: Vec<Alignment>,
    /// Column of the next cell in the current row.
    column: usize,
    /// Whether the cells are header cells.
    in_head: bool,
}

impl<'m, I> Blocks<'_, 'm, I> {
    pub(super) fn new(inner: I, text: &'static Strings, marks: Option<&'m Marks>) -> Self {
        Self {
            inner,
            text,
            marks,
            quotes: Vec::new(),
            table: None,
            alignments: Vec::new(),
            column: 0,
            in_head: false,
        }
    }

    /// The start tag of an aligned cell; `None` leaves an unaligned cell to the writer.
    fn aligned_cell(&self) -> Option<&'static str> {
        let alignment = self.alignments.get(self.column)?;
        Some(match (self.in_head, alignment) {
            (_, Alignment::None) => return None,
            (true, Alignment::Left) => "<th class=\"align-left\">",
            (true, Alignment::Center) => "<th class=\"align-center\">",
            (true, Alignment::Right) => "<th class=\"align-right\">",
            (false, Alignment::Left) => "<td class=\"align-left\">",
            (false, Alignment::Center) => "<td class=\"align-center\">",
            (false, Alignment::Right) => "<td class=\"align-right\">",
        })
    }
}

/// The start of an alert box, titled in the site's language.
fn alert_start(kind: BlockQuoteKind, text: &Strings) -> String {
    let (class, title) = match kind {
        BlockQuoteKind::Note => ("note", text.alert_note),
        BlockQuoteKind::Tip => ("tip", text.alert_tip),
        BlockQuoteKind::Important => ("important", text.alert_important),
        BlockQuoteKind::Warning => ("warning", text.alert_warning),
        BlockQuoteKind::Caution => ("caution", text.alert_caution),
    };
    let mut out =
        format!("<div class=\"alert alert-{class}\" role=\"note\">\n<p class=\"alert-title\">");
    escape_into(&mut out, title);
    out.push_str("</p>\n");
    out
}

/// The start of a VitePress container, and how it ends.
fn container_start(container: &Container, text: &Strings) -> (String, &'static str) {
    let (class, default_title) = match container.kind {
        Kind::Tip => ("tip", text.alert_tip),
        Kind::Info => ("info", text.alert_info),
        Kind::Warning => ("warning", text.alert_warning),
        Kind::Danger => ("danger", text.alert_danger),
        Kind::Details => {
            let mut out = String::from("<details class=\"alert alert-details\">\n<summary>");
            escape_into(&mut out, container.title.as_deref().unwrap_or(text.details));
            out.push_str("</summary>\n");
            return (out, "</details>\n");
        }
        Kind::CodeGroup => return ("<div class=\"code-group\">\n".to_owned(), "</div>\n"),
        Kind::Raw | Kind::VPre => return ("<div>\n".to_owned(), "</div>\n"),
    };
    let mut out =
        format!("<div class=\"alert alert-{class}\" role=\"note\">\n<p class=\"alert-title\">");
    escape_into(
        &mut out,
        container.title.as_deref().unwrap_or(default_title),
    );
    out.push_str("</p>\n");
    (out, "</div>\n")
}

impl<'a, I: Iterator<Item = Spanned<'a>>> Iterator for Blocks<'a, '_, I> {
    type Item = Spanned<'a>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if let Some(table) = self.table.take() {
            return Some(table);
        }
        let item = self.inner.next();
        if let Some((event, _)) = &item
            && !matches!(
                event,
                Event::Start(
                    Tag::Table(_)
                        | Tag::TableHead
                        | Tag::TableRow
                        | Tag::TableCell
                        | Tag::BlockQuote(_)
                ) | Event::End(
                    TagEnd::Table | TagEnd::TableHead | TagEnd::TableCell | TagEnd::BlockQuote(_)
                ) | Event::Rule
            )
        {
            return item;
        }
        let (event, range) = item?;
        let event = match event {
            Event::Start(Tag::Table(alignments)) => {
                // The writer needs the table start itself (it tells header from body cells).
                self.alignments = alignments;
                self.table = Some((Event::Start(Tag::Table(Vec::new())), range.clone()));
                Event::Html("<div class=\"table-wrap\">".into())
            }
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.column = 0;
                Event::Start(Tag::TableHead)
            }
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                Event::End(TagEnd::TableHead)
            }
            Event::Start(Tag::TableRow) => {
                self.column = 0;
                Event::Start(Tag::TableRow)
            }
            Event::Start(Tag::TableCell) => match self.aligned_cell() {
                // The writer closes the cell itself (`</td>` or `</th>`) from the end event.
                Some(start) => Event::Html(start.into()),
                None => Event::Start(Tag::TableCell),
            },
            Event::End(TagEnd::TableCell) => {
                self.column += 1;
                Event::End(TagEnd::TableCell)
            }
            // Same as the writer's own table end, plus the wrapper's.
            Event::End(TagEnd::Table) => Event::Html("</tbody></table>\n</div>\n".into()),
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                Event::Html(alert_start(kind, self.text).into())
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => Event::Html("</div>\n".into()),
            Event::Start(Tag::BlockQuote(None)) => {
                match self.marks.and_then(|marks| marks.container_at(&range)) {
                    Some(container) => {
                        let (start, end) = container_start(container, self.text);
                        self.quotes.push(Some(end));
                        Event::Html(start.into())
                    }
                    None => {
                        self.quotes.push(None);
                        Event::Start(Tag::BlockQuote(None))
                    }
                }
            }
            Event::End(TagEnd::BlockQuote(None)) => match self.quotes.pop().flatten() {
                Some(end) => Event::Html(end.into()),
                None => Event::End(TagEnd::BlockQuote(None)),
            },
            Event::Rule if self.marks.is_some_and(|marks| marks.is_toc(&range)) => {
                Event::Html(TOC_PLACEHOLDER.into())
            }
            event => event,
        };
        Some((event, range))
    }
}
