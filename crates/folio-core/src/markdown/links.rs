//! Links: relative ones resolved against the post's folder, links to other posts' `.md` files
//! turned into their page URLs, external ones marked `rel="noopener noreferrer"`, and unsafe
//! ones (`javascript:` and friends) taken out with their text kept. A link to a post's element in
//! the app's namespace (`#folio-…`) follows its id (see [`crate::ids`]).

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use super::report::Report;
use super::{PostLink, Spanned};
use crate::html::{escape_href, escape_into, quote_for_message};
use crate::{ids, url};

pub(super) struct Links<'a, 'r, I> {
    inner: I,
    base: &'a str,
    post_link: Option<PostLink<'a>>,
    /// Folio's extras: `rel` on external links.
    extras: bool,
    report: &'r Report<'a>,
    /// For each open link, whether its start tag was kept (its end tag must match).
    open: Vec<bool>,
}

impl<'a, 'r, I> Links<'a, 'r, I> {
    pub(super) fn new(
        inner: I,
        base: &'a str,
        post_link: Option<PostLink<'a>>,
        extras: bool,
        report: &'r Report<'a>,
    ) -> Self {
        Self {
            inner,
            base,
            post_link,
            extras,
            report,
            open: Vec::new(),
        }
    }

    /// The `href` a link ends up with. A fragment naming an element of a post (`#x`, or
    /// `other.md#x`) follows that element's id out of the app's namespace ([`ids::content_id`]).
    fn href(&self, dest: &str) -> String {
        if dest.starts_with('#') {
            return ids::content_fragment(dest).into_owned();
        }
        let resolved = url::resolve(self.base, dest);
        // Only a link the writer made relative to the site can name another post's file; the
        // base may carry an origin (feeds render with absolute URLs), the link itself may not.
        let internal = url::is_site_path(dest);
        if internal && let Some(post_link) = self.post_link {
            let (origin, rest) = url::split_origin(&resolved);
            if let Some((path, suffix)) = url::markdown_target(rest)
                && let Some(page) = post_link(&format!("{origin}{}", url::percent_decode(path)))
            {
                return ids::content_fragment(&(page + suffix)).into_owned();
            }
        }
        resolved.into_owned()
    }

    fn start_tag(&self, href: &str, title: &str) -> String {
        let mut out = String::with_capacity(href.len() + title.len() + 48);
        out.push_str("<a href=\"");
        let written = out.len();
        escape_href(&mut out, href);
        // Judged as written, percent-encoded: `/\host` is written `/%5Chost`, a path of this site.
        let external = url::is_external(&out[written..]);
        out.push('"');
        if !title.is_empty() {
            out.push_str(" title=\"");
            escape_into(&mut out, title);
            out.push('"');
        }
        if self.extras && external {
            out.push_str(" rel=\"noopener noreferrer\"");
        }
        out.push('>');
        out
    }
}

impl<'a, I: Iterator<Item = Spanned<'a>>> Iterator for Links<'a, '_, I> {
    type Item = Spanned<'a>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let item = self.inner.next();
            if let Some((event, _)) = &item
                && !matches!(
                    event,
                    Event::Start(Tag::Link { .. }) | Event::End(TagEnd::Link)
                )
            {
                return item;
            }
            let (event, range) = item?;
            match event {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    ..
                }) => {
                    let dest = if link_type == LinkType::Email {
                        format!("mailto:{dest_url}")
                    } else {
                        dest_url.to_string()
                    };
                    if !url::is_safe_link(&dest) {
                        let shown = quote_for_message(&dest, 60);
                        self.report.error(
                            range.start,
                            format!("removed link to `{shown}`, keeping its text: only http, https, mailto, tel and relative links are allowed"),
                        );
                        self.open.push(false);
                        continue;
                    }
                    self.open.push(true);
                    self.report.link(range.start, &dest);
                    let html = self.start_tag(&self.href(&dest), &title);
                    return Some((Event::InlineHtml(html.into()), range));
                }
                Event::End(TagEnd::Link) => {
                    if self.open.pop() == Some(false) {
                        continue;
                    }
                    return Some((Event::End(TagEnd::Link), range));
                }
                event => return Some((event, range)),
            }
        }
    }
}
