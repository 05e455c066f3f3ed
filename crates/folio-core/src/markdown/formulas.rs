//! Math: `$…$` and `$$…$$` (pulldown-cmark's math events) written as MathML by
//! [`crate::math`]. A formula that does not render shows its source in
//! `<code class="math-error">` and is reported as a warning on its line. Called by the code
//! adapter, which handles math in the same pass.

use super::report::Report;
use crate::html::{escape_into, quote_for_message};

/// The HTML for one formula: MathML, or its source in `<code class="math-error">` with a
/// warning at `offset`.
pub(super) fn formula(tex: &str, display: bool, offset: usize, report: &Report<'_>) -> String {
    match crate::extras::math(tex, display) {
        Ok(mathml) => mathml,
        Err(error) => {
            let shown = quote_for_message(tex, 40);
            report.warning(
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
