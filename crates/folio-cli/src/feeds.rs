//! Atom (`feed.xml`), RSS 2.0 (`rss.xml`), `sitemap.xml` and `robots.txt`.
//!
//! Feeds carry the newest posts' full rendered content with every URL absolute, so they need
//! the site's `base_url`; without it only `robots.txt` is written, and the summary says why.
//! They are written with quick-xml, which escapes every text and attribute, and every XML file
//! goes through [`chars::clean_owned`] last: one character XML forbids (a control
//! character in a title, say) would make a feed reader refuse the whole feed.

use std::fmt::Write as _;
use std::io;

use folio_core::chars;
use folio_core::paths::Paged;
use folio_core::{ARCHIVE_PER_PAGE, Date, Manifest, PostEntry, paths};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::site::Site;

/// A post as a feed shows it: its index entry and its body rendered with absolute URLs.
#[derive(Debug)]
pub(crate) struct FeedItem<'a> {
    pub(crate) entry: &'a PostEntry,
    pub(crate) html: String,
}

/// The newest `feed_limit` posts of the site for feeds: their bodies as the build rendered them
/// for a site under `base`, with links and images made absolute under `origin` (the site's
/// `base_url`), since feed readers show them away from the site.
pub(crate) fn feed_items<'a>(site: &'a Site, base: &str, origin: &str) -> Vec<FeedItem<'a>> {
    let absolute_base = format!("{origin}/");
    site.manifest
        .posts
        .iter()
        .zip(&site.bodies)
        .take(site.manifest.site.feed_limit)
        .map(|(entry, body)| FeedItem {
            entry,
            html: folio_core::url::absolute_urls(&body.html, base, &absolute_base),
        })
        .collect()
}

/// The date a feed shows for a post: its update, else its publication; undated posts count as
/// published when the feed was built.
fn updated(entry: &PostEntry) -> Option<Date> {
    entry.updated.or(entry.date)
}

/// Writes an XML document: the declaration, then `root` built by `body`, indented; through
/// [`chars::clean_owned`] last. quick-xml escapes every text and attribute value.
fn document(
    root: &str,
    attributes: &[(&str, &str)],
    body: impl FnOnce(&mut Xml) -> io::Result<()>,
) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing to a Vec cannot fail.
    let _ = writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)));
    let _ = writer
        .create_element(root)
        .with_attributes(attributes.iter().copied())
        .write_inner_content(body);
    let mut xml = String::from_utf8_lossy(&writer.into_inner()).into_owned();
    xml.push('\n');
    chars::clean_owned(xml)
}

type Xml = Writer<Vec<u8>>;

/// `<name>text</name>`.
fn text(xml: &mut Xml, name: &str, text: &str) -> io::Result<()> {
    xml.create_element(name)
        .write_text_content(BytesText::new(text))
        .map(|_| ())
}

/// `<name attributes…/>`.
fn empty<'a>(
    xml: &mut Xml,
    name: &str,
    attributes: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> io::Result<()> {
    xml.create_element(name)
        .with_attributes(attributes)
        .write_empty()
        .map(|_| ())
}

/// `feed.xml`: Atom 1.0 (RFC 4287).
pub(crate) fn atom(manifest: &Manifest, origin: &str, items: &[FeedItem<'_>], now: &str) -> String {
    let site = &manifest.site;
    let home = format!("{origin}/");
    let zone = site.utc_offset_minutes();
    let newest = items
        .iter()
        .filter_map(|item| updated(item.entry))
        .max()
        .map_or_else(|| now.to_owned(), |date| date.rfc3339(zone));
    let root = [
        ("xmlns", "http://www.w3.org/2005/Atom"),
        ("xml:lang", site.language.as_str()),
    ];
    document("feed", &root, |xml| {
        text(xml, "title", &site.title)?;
        if !site.description.is_empty() {
            text(xml, "subtitle", &site.description)?;
        }
        let own = format!("{home}feed.xml");
        empty(
            xml,
            "link",
            [
                ("href", own.as_str()),
                ("rel", "self"),
                ("type", "application/atom+xml"),
            ],
        )?;
        empty(
            xml,
            "link",
            [
                ("href", home.as_str()),
                ("rel", "alternate"),
                ("type", "text/html"),
            ],
        )?;
        text(xml, "id", &home)?;
        text(xml, "updated", &newest)?;
        if let Some(author) = &site.author {
            xml.create_element("author")
                .write_inner_content(|xml| text(xml, "name", author))?;
        }
        xml.create_element("generator")
            .with_attributes([
                ("uri", "https://github.com/folio-blog/folio"),
                ("version", env!("CARGO_PKG_VERSION")),
            ])
            .write_text_content(BytesText::new("Folio"))?;
        for item in items {
            let entry = item.entry;
            let url = paths::post_url(&home, &entry.slug);
            xml.create_element("entry").write_inner_content(|xml| {
                text(xml, "title", &entry.title)?;
                empty(
                    xml,
                    "link",
                    [
                        ("href", url.as_str()),
                        ("rel", "alternate"),
                        ("type", "text/html"),
                    ],
                )?;
                text(xml, "id", &url)?;
                if let Some(date) = entry.date {
                    text(xml, "published", &date.rfc3339(zone))?;
                }
                let updated =
                    updated(entry).map_or_else(|| now.to_owned(), |date| date.rfc3339(zone));
                text(xml, "updated", &updated)?;
                if let Some(author) = &entry.author {
                    xml.create_element("author")
                        .write_inner_content(|xml| text(xml, "name", author))?;
                }
                for tag in &entry.tags {
                    empty(xml, "category", [("term", tag.as_str())])?;
                }
                text(xml, "summary", entry.summary())?;
                xml.create_element("content")
                    .with_attributes([("type", "html"), ("xml:base", url.as_str())])
                    .write_text_content(BytesText::new(&item.html))?;
                Ok(())
            })?;
        }
        Ok(())
    })
}

/// `rss.xml`: RSS 2.0 with the full content in `content:encoded`.
pub(crate) fn rss(
    manifest: &Manifest,
    origin: &str,
    items: &[FeedItem<'_>],
    now_rfc2822: &str,
) -> String {
    let site = &manifest.site;
    let home = format!("{origin}/");
    let zone = site.utc_offset_minutes();
    let root = [
        ("version", "2.0"),
        ("xmlns:atom", "http://www.w3.org/2005/Atom"),
        ("xmlns:content", "http://purl.org/rss/1.0/modules/content/"),
    ];
    document("rss", &root, |xml| {
        xml.create_element("channel").write_inner_content(|xml| {
            text(xml, "title", &site.title)?;
            text(xml, "link", &home)?;
            text(xml, "description", &site.description)?;
            text(xml, "language", &site.language)?;
            let own = format!("{home}rss.xml");
            empty(
                xml,
                "atom:link",
                [
                    ("href", own.as_str()),
                    ("rel", "self"),
                    ("type", "application/rss+xml"),
                ],
            )?;
            text(xml, "lastBuildDate", now_rfc2822)?;
            text(
                xml,
                "generator",
                &format!("Folio {}", env!("CARGO_PKG_VERSION")),
            )?;
            for item in items {
                let entry = item.entry;
                let url = paths::post_url(&home, &entry.slug);
                xml.create_element("item").write_inner_content(|xml| {
                    text(xml, "title", &entry.title)?;
                    text(xml, "link", &url)?;
                    xml.create_element("guid")
                        .with_attribute(("isPermaLink", "true"))
                        .write_text_content(BytesText::new(&url))?;
                    if let Some(date) = entry.date {
                        text(xml, "pubDate", &date.rfc2822(zone))?;
                    }
                    for tag in &entry.tags {
                        text(xml, "category", tag)?;
                    }
                    text(xml, "description", entry.summary())?;
                    text(xml, "content:encoded", &item.html)?;
                    Ok(())
                })?;
            }
            Ok(())
        })?;
        Ok(())
    })
}

/// `sitemap.xml`: every page with its own URL, posts with their last change.
pub(crate) fn sitemap(manifest: &Manifest, origin: &str) -> String {
    let home = format!("{origin}/");
    let zone = manifest.site.utc_offset_minutes();
    let per_page = manifest.site.posts_per_page.max(1);
    // Every page of a list of `count` posts, `per` a page: `…/`, `…/page/2/`, ….
    let pages = |list: Paged<'_>, count: usize, per: usize| -> Vec<(String, Option<String>)> {
        (1..=folio_core::manifest::pages_for(count, per))
            .map(|page| (list.page_href(&home, page), None))
            .collect()
    };
    let mut urls = pages(Paged::Home, manifest.posts.len(), per_page);
    urls.extend(manifest.posts.iter().map(|post| {
        (
            paths::post_url(&home, &post.slug),
            updated(post).map(|date| date.rfc3339(zone)),
        )
    }));
    urls.extend(pages(
        Paged::Archive,
        manifest.posts.len(),
        ARCHIVE_PER_PAGE,
    ));
    urls.push((format!("{home}tags/"), None));
    for tag in manifest.tags() {
        urls.extend(pages(Paged::Tag(&tag.slug), tag.count, per_page));
    }
    let root = [("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9")];
    document("urlset", &root, |xml| {
        for (url, lastmod) in &urls {
            xml.create_element("url").write_inner_content(|xml| {
                text(xml, "loc", url)?;
                if let Some(lastmod) = lastmod {
                    text(xml, "lastmod", lastmod)?;
                }
                Ok(())
            })?;
        }
        Ok(())
    })
}

/// `robots.txt`: everything may be crawled; the sitemap is named when there is one.
pub(crate) fn robots(origin: Option<&str>) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if let Some(origin) = origin {
        let _ = writeln!(text, "\nSitemap: {origin}/sitemap.xml");
    }
    text
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::fs;

    use super::*;
    use crate::clock::Clock;
    use crate::site::{LoadOptions, load};
    use folio_core::SiteConfig;

    const ORIGIN: &str = "https://example.org/blog";

    /// A small site on disk, loaded: an English post with relative links and an image, a
    /// Chinese post with CJK tags, linked to each other by file name.
    fn site() -> (tempfile::TempDir, Site) {
        let dir = tempfile::tempdir().unwrap();
        let posts = dir.path().join("posts");
        fs::create_dir_all(posts.join("2025")).unwrap();
        fs::write(
            posts.join("2025/hello.md"),
            "---\ntitle: Hello & <welcome>\ndate: 2025-03-01 10:00\ntags: [intro]\n---\n\n\
             Read [the other one](../春分.md#吃什么) and see ![a chart](chart.png).\n",
        )
        .unwrap();
        fs::write(
            posts.join("春分.md"),
            "---\ntitle: 春分\ndate: '2025-03-20'\ntags: [节气]\ndescription: 昼夜一样长。\n---\n\n\
             ## 吃什么\n\n春菜和香椿。\n",
        )
        .unwrap();
        let config = SiteConfig::parse(
            "title = \"小满的笔记\"\nbase_url = \"https://example.org/blog/\"\n\
             language = \"zh-CN\"\ntimezone = \"+08:00\"\nauthor = \"林小满\"\n",
        )
        .unwrap();
        let clock = Clock::new(None);
        let options = LoadOptions {
            base: "/blog/",
            preview: false,
            clock: &clock,
            quiet: true,
        };
        let site = load(dir.path(), config, &options, |_, _, _, _| {}).unwrap();
        (dir, site)
    }

    #[test]
    fn atom_parses_back_with_absolute_links_and_full_content() {
        let (_dir, site) = site();
        let items = feed_items(&site, "/blog/", ORIGIN);
        let xml = atom(&site.manifest, ORIGIN, &items, "2026-01-01T00:00:00Z");
        let feed = feed_rs::parser::parse(xml.as_bytes()).unwrap();
        assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
        assert_eq!(feed.title.unwrap().content, "小满的笔记");
        let titles: Vec<String> = feed
            .entries
            .iter()
            .map(|e| e.title.clone().unwrap().content)
            .collect();
        assert_eq!(titles, ["春分", "Hello & <welcome>"]);
        let chinese = &feed.entries[0];
        assert_eq!(
            chinese.links[0].href,
            "https://example.org/blog/posts/%E6%98%A5%E5%88%86/"
        );
        assert_eq!(chinese.categories[0].term, "节气");
        assert_eq!(
            chinese.published.unwrap().to_rfc3339(),
            "2025-03-19T16:00:00+00:00" // midnight at +08:00, reported in UTC
        );
        let hello = feed.entries[1]
            .content
            .as_ref()
            .unwrap()
            .body
            .clone()
            .unwrap();
        assert!(hello.contains("href=\"https://example.org/blog/posts/%E6%98%A5%E5%88%86/#吃什么\"")
            || hello.contains("href=\"https://example.org/blog/posts/%E6%98%A5%E5%88%86/#%E5%90%83%E4%BB%80%E4%B9%88\""), "{hello}");
        assert!(
            hello.contains("src=\"https://example.org/blog/posts/2025/chart.png\""),
            "{hello}"
        );
    }

    #[test]
    fn rss_parses_back_with_dates_and_content() {
        let (_dir, mut site) = site();
        site.manifest.site.feed_limit = 1;
        let items = feed_items(&site, "/blog/", ORIGIN);
        let xml = rss(
            &site.manifest,
            ORIGIN,
            &items,
            "Thu, 01 Jan 2026 00:00:00 +0000",
        );
        let feed = feed_rs::parser::parse(xml.as_bytes()).unwrap();
        assert_eq!(feed.feed_type, feed_rs::model::FeedType::RSS2);
        assert_eq!(feed.entries.len(), 1, "feed_limit caps the items");
        let entry = &feed.entries[0];
        assert_eq!(entry.title.as_ref().unwrap().content, "春分");
        assert_eq!(
            entry.published.unwrap().to_rfc3339(),
            "2025-03-19T16:00:00+00:00" // midnight at +08:00, reported in UTC
        );
        assert!(
            entry
                .content
                .as_ref()
                .unwrap()
                .body
                .as_ref()
                .unwrap()
                .contains("春菜和香椿")
        );
        assert_eq!(entry.summary.as_ref().unwrap().content, "昼夜一样长。");
    }

    #[test]
    fn sitemap_lists_every_page_with_absolute_urls() {
        let (_dir, site) = site();
        let xml = sitemap(&site.manifest, ORIGIN);
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let locs: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("loc"))
            .filter_map(|n| n.text())
            .collect();
        assert!(
            locs.iter()
                .all(|loc| loc.starts_with("https://example.org/blog/")),
            "{locs:?}"
        );
        assert!(locs.contains(&"https://example.org/blog/posts/2025/hello/"));
        assert!(locs.contains(&"https://example.org/blog/tags/%E8%8A%82%E6%B0%94/"));
        assert!(xml.contains("<lastmod>2025-03-01T10:00:00+08:00</lastmod>"));
    }

    #[test]
    fn robots_names_the_sitemap_only_when_there_is_one() {
        assert!(robots(Some(ORIGIN)).contains("Sitemap: https://example.org/blog/sitemap.xml"));
        assert!(!robots(None).contains("Sitemap"));
    }
}
