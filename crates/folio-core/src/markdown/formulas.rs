//! Math: `$…$` and `$$…$$` (pulldown-cmark's math events) written as MathML by
//! [`crate::math`]. A formula that does not render shows its source in
//! `<code class="math-error">` and is reported as a warning on its line.

use pulldown_cmark::Event;

use super::Spanned;
use super::report::Report;
use crate::html::{escape_into, quote_for_message};
use crate::math::to_mathml;

pub(super) struct Formulas<'a, 'r, I> {
    inner: I,
    report: &'r Report<'a>,
}

impl<'a, 'r, I> Formulas<'a, 'r, I> {
    pub(super) fn new(inner: I, report: &'r Report<'a>) -> Self {
        Self { inner, report }
    }

    fn formula(&self, tex: &str, display: bool, offset: usize) -> String {
        match to_mathml(tex, display) {
            Ok(mathml) => mathml,
            Err(error) => {
                let shown = quote_for_message(tex, 40);
                self.report.warning(
                    offset,
                    format!("math `{shown}` is shown as written: {error}"),
                );
                let delimiter = if display { "$$" } else { "$" };
                let mut out = String::with_capacity(tex.len() + 40);
                out.push_str("<code class=\"math-error\">");
                out.push_str(delimiter);
                escape_into(&mut out, tex);
                out.push_str(delimiter);
                out.push_str("</code>");
                out
            }
        }
    }
}

impl<'a, I: Iterator<Item = Spanned<'a>>> Iterator for Formulas<'a, '_, I> {
    type Item = Spanned<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        let (event, range) = self.inner.next()?;
        let html = match &event {
            Event::InlineMath(tex) => self.formula(tex, false, range.start),
            Event::DisplayMath(tex) => self.formula(tex, true, range.start),
            _ => return Some((event, range)),
        };
        Some((Event::InlineHtml(html.into()), range))
    }
}
