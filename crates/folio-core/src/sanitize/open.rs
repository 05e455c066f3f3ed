//! The elements the sanitizer wrote and has not closed yet, in scopes (Markdown containers).
//!
//! An end tag closes the innermost open element of its name in the current scope, and whatever
//! was opened after it. Whether there is one is looked up by name rather than searched for down
//! the stack, so each end tag that closes nothing costs the same however many elements are open
//! (`<b>` ten thousand times, then `</i>` ten thousand times, used to take quadratic time).

use std::collections::HashMap;

/// Open elements and the scopes they were opened in.
#[derive(Debug, Clone, Default)]
pub(super) struct OpenElements {
    /// Open elements, outermost first, each with the index of the next open element of the same
    /// name further down, if any.
    stack: Vec<(&'static str, Option<usize>)>,
    /// The index in `stack` of the innermost open element of each name.
    innermost: HashMap<&'static str, usize>,
    /// Lengths of `stack` where each scope began.
    scopes: Vec<usize>,
}

impl OpenElements {
    /// An element was written and awaits its end tag.
    pub(super) fn push(&mut self, name: &'static str) {
        let below = self.innermost.insert(name, self.stack.len());
        self.stack.push((name, below));
    }

    /// Starts a scope: end tags inside it only close elements opened inside it.
    pub(super) fn open_scope(&mut self) {
        self.scopes.push(self.stack.len());
    }

    /// Ends the innermost scope, writing end tags for the elements still open in it.
    pub(super) fn close_scope(&mut self, out: &mut String) {
        let floor = self.scopes.pop().unwrap_or(0);
        self.close_down_to(floor, out);
    }

    /// Ends every scope and closes every element.
    pub(super) fn close_all(&mut self, out: &mut String) {
        self.scopes.clear();
        self.close_down_to(0, out);
    }

    /// An end tag for `name`: closes the innermost `name` open in the current scope, and what was
    /// opened after it; nothing if there is none.
    pub(super) fn close(&mut self, name: &'static str, out: &mut String) {
        let floor = self.scopes.last().copied().unwrap_or(0);
        if let Some(&at) = self.innermost.get(name)
            && at >= floor
        {
            self.close_down_to(at, out);
        }
    }

    fn close_down_to(&mut self, len: usize, out: &mut String) {
        while self.stack.len() > len {
            let Some((name, below)) = self.stack.pop() else {
                break;
            };
            match below {
                Some(index) => self.innermost.insert(name, index),
                None => self.innermost.remove(name),
            };
            out.push_str("</");
            out.push_str(name);
            out.push('>');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_end_tag_closes_its_innermost_element_and_what_came_after() {
        let mut open = OpenElements::default();
        let mut out = String::new();
        for name in ["b", "i", "b", "u"] {
            open.push(name);
        }
        open.close("b", &mut out);
        assert_eq!(out, "</u></b>");
        open.close("b", &mut out);
        assert_eq!(out, "</u></b></i></b>");
        open.close("b", &mut out);
        assert_eq!(out, "</u></b></i></b>", "nothing left to close");
    }

    #[test]
    fn end_tags_do_not_reach_out_of_their_scope() {
        let mut open = OpenElements::default();
        let mut out = String::new();
        open.push("b");
        open.open_scope();
        open.push("i");
        open.close("b", &mut out);
        assert_eq!(out, "", "the <b> belongs to the scope outside");
        open.push("b");
        open.close("b", &mut out);
        assert_eq!(out, "</b>");
        open.close_scope(&mut out);
        assert_eq!(out, "</b></i>");
        open.close("b", &mut out);
        assert_eq!(out, "</b></i></b>");
        open.push("s");
        open.open_scope();
        open.push("u");
        open.close_all(&mut out);
        assert_eq!(out, "</b></i></b></u></s>");
    }
}
