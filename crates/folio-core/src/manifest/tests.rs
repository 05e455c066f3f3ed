//! The manifest and the files cut from it, read and written.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use super::*;
use crate::Date;

fn tagged_entry(slug: &str, file: &str, tags: &[&str]) -> PostEntry {
    serde_json::from_value(serde_json::json!({
        "slug": slug, "title": slug, "excerpt": "", "reading_minutes": 1, "file": file,
        "tags": tags,
    }))
    .unwrap()
}

fn site() -> Manifest {
    Manifest::new(
        SiteConfig::default(),
        vec![
            tagged_entry("spring", "2024/春分.md", &["节气", "Notes"]),
            tagged_entry("tools", "tools.md", &["notes", "Rust", "rust"]),
            tagged_entry("plain", "2023/plain.md", &[]),
        ],
    )
}

#[test]
fn post_links_resolve_encoded_and_plain_paths_under_any_base() {
    let manifest = site();
    for base in ["/", "/blog/", "https://example.org/blog/"] {
        let links = PostLinks::new(&manifest, base);
        assert_eq!(
            links.resolve(&format!("{base}posts/2024/%E6%98%A5%E5%88%86.md#立春")),
            Some(format!("{base}posts/spring/#立春"))
        );
        assert_eq!(
            links.resolve(&format!("{base}posts/2024/春分.md")),
            Some(format!("{base}posts/spring/"))
        );
        assert_eq!(
            links.resolve(&format!("{base}posts/tools.md")),
            Some(format!("{base}posts/tools/"))
        );
        assert_eq!(links.resolve(&format!("{base}posts/missing.md")), None);
        assert_eq!(links.resolve(&format!("{base}other/tools.md")), None);
    }
    assert_eq!(
        PostLinks::new(&manifest, "/")
            .resolve("/posts/2023/plain.md")
            .as_deref(),
        Some("/posts/plain/")
    );
}

#[test]
fn every_tag_group_is_what_posts_tagged_lists() {
    let manifest = site();
    let groups = manifest.posts_by_tag();
    let tags = manifest.tags();
    assert_eq!(groups.len(), tags.len());
    for tag in &tags {
        let expected: Vec<&str> = manifest
            .posts_tagged(&tag.slug)
            .map(|p| p.slug.as_str())
            .collect();
        let grouped: Vec<&str> = groups[&tag.slug].iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(grouped, expected, "tag {}", tag.slug);
    }
    // "Notes" and "notes" are one tag, listed as first written, counted per post.
    let notes = tags.iter().find(|tag| tag.slug == "notes").unwrap();
    assert_eq!((notes.name.as_str(), notes.count), ("Notes", 2));
    let rust = tags.iter().find(|tag| tag.slug == "rust").unwrap();
    assert_eq!(
        (groups["rust"].len(), rust.count),
        (1, 1),
        "a post tagged twice the same way is listed and counted once"
    );
}

/// `count` posts, newest first, every third tagged `third`, all tagged `all`.
fn many(count: usize, per_page: usize) -> Manifest {
    let posts = (0..count)
        .map(|n| {
            let mut entry = tagged_entry(&format!("p{n:04}"), &format!("p{n:04}.md"), &["all"]);
            if n % 3 == 0 {
                entry.tags.push("third".into());
            }
            entry.excerpt = "An excerpt the archive does not show.".into();
            entry
        })
        .collect();
    let site = SiteConfig {
        posts_per_page: per_page,
        ..SiteConfig::default()
    };
    Manifest::new(site, posts)
}

#[test]
fn each_tags_pages_hold_its_posts_in_order_a_page_at_a_time() {
    let manifest = many(10, 3);
    let pages: Vec<ListPage> = manifest.tag_pages().collect();
    let of = |slug: &str| -> Vec<&ListPage> {
        pages
            .iter()
            .filter(|page| page.paged() == crate::paths::Paged::Tag(slug))
            .collect()
    };
    for tag in manifest.tags() {
        let tag_pages = of(&tag.slug);
        assert_eq!(tag_pages.len(), tag.count.div_ceil(3), "{}", tag.slug);
        let listed: Vec<&str> = tag_pages
            .iter()
            .flat_map(|page| page.posts.iter().map(|post| post.slug.as_str()))
            .collect();
        let expected: Vec<&str> = manifest
            .posts_tagged(&tag.slug)
            .map(|post| post.slug.as_str())
            .collect();
        assert_eq!(listed, expected, "{}", tag.slug);
        for (n, page) in tag_pages.iter().enumerate() {
            assert_eq!((page.page, page.pages), (n + 1, tag_pages.len()));
            assert_eq!(page.total_posts, tag.count);
            assert_eq!(page.list.tag_name(), Some(tag.name.as_str()));
        }
    }
    // `third`: posts 0, 3, 6, 9 → pages of 3 and 1.
    assert_eq!(
        of("third")
            .iter()
            .map(|p| p.posts.len())
            .collect::<Vec<_>>(),
        [3, 1]
    );
}

#[test]
fn the_archive_is_cut_into_pages_of_titles_and_dates() {
    let manifest = many(ARCHIVE_PER_PAGE * 2 + 5, 10);
    let pages: Vec<ListPage> = manifest.archive_pages().collect();
    let sizes: Vec<usize> = pages.iter().map(|page| page.posts.len()).collect();
    assert_eq!(sizes, [ARCHIVE_PER_PAGE, ARCHIVE_PER_PAGE, 5]);
    let listed: Vec<&str> = pages
        .iter()
        .flat_map(|page| page.posts.iter().map(|post| post.slug.as_str()))
        .collect();
    let all: Vec<&str> = manifest
        .posts
        .iter()
        .map(|post| post.slug.as_str())
        .collect();
    assert_eq!(listed, all);
    let post = &pages[0].posts[0];
    assert!(post.excerpt.is_empty() && post.tags.is_empty(), "{post:?}");
    assert_eq!(
        (post.title.as_str(), post.file.as_str()),
        ("p0000", "p0000.md")
    );
    // An empty site still has its first page of each list, and no tag pages.
    let empty = Manifest::new(SiteConfig::default(), Vec::new());
    assert_eq!(empty.archive_pages().count(), 1);
    assert_eq!(empty.tag_pages().count(), 0);
    assert!(empty.tag_list().tags.is_empty());
}

/// 157 real posts showed readers "This post has problems in its source" for `<center>`,
/// `<font>` and `style`: what a reader does not miss is for `folio check` only, even in a
/// preview.
#[test]
fn notes_for_the_writer_stay_out_of_the_entry() {
    let source = "---\ndate: 2021-13-45\n---\n<center>居中</center>\n\n\
                  <p style=\"color:red\"><font color=red>红</font></p>\n\n\
                  <a href=\"x\" onclick=\"steal()\">x</a>\n";
    let post = crate::Post::parse(source, &crate::post::PostContext::new("/", "a.md"));
    let severities: Vec<crate::Severity> = post.problems.iter().map(|p| p.severity).collect();
    use crate::Severity::{Error, Note};
    assert_eq!(
        severities,
        [Error, Note, Note, Error],
        "{:?}",
        post.problems
    );
    let entry = PostEntry::from_post(&post, "a.md", &SiteConfig::default());
    let shown: Vec<&str> = entry.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(shown[0].contains("2021-13-45"), "{shown:?}");
    assert!(shown[1].contains("onclick"), "{shown:?}");
}

fn entry(slug: &str, day: u8, draft: bool) -> PostEntry {
    let date = Date::parse(&format!("2024-03-{day:02}")).ok();
    PostEntry {
        slug: slug.into(),
        title: slug.to_uppercase(),
        date,
        updated: None,
        description: None,
        excerpt: format!("About {slug}."),
        tags: vec!["t".into()],
        author: None,
        reading_minutes: 1,
        file: format!("{slug}.md"),
        draft,
        images: BTreeMap::new(),
        lang: None,
        cover: None,
        math: None,
        problems: vec![],
    }
}

/// Five posts, two a page, the newest listed first.
fn manifest() -> Manifest {
    let site = SiteConfig {
        title: "Pages".into(),
        posts_per_page: 2,
        ..SiteConfig::default()
    };
    let posts = (1..=5).map(|day| entry(&format!("p{day}"), day, day == 3));
    Manifest::new(site, posts.collect())
}

#[test]
fn home_pages_split_the_manifest_in_order_with_the_same_entries() {
    let manifest = manifest();
    let pages: Vec<ListPage> = manifest.home_pages().collect();
    assert_eq!(pages.len(), 3);
    let slugs = |page: &ListPage| {
        page.posts
            .iter()
            .map(|p| p.slug.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(slugs(&pages[0]), ["p5", "p4"]);
    assert_eq!(slugs(&pages[1]), ["p3", "p2"]);
    assert_eq!(slugs(&pages[2]), ["p1"]);
    let joined: Vec<PostEntry> = pages.iter().flat_map(|p| p.posts.clone()).collect();
    assert_eq!(
        joined, manifest.posts,
        "the same entries, fields and order as the index"
    );
    for (i, page) in pages.iter().enumerate() {
        assert_eq!(
            (page.version, page.page, page.pages),
            (LIST_PAGE_VERSION, i + 1, 3)
        );
        assert_eq!(page.total_posts, 5);
        assert_eq!(page.site, manifest.site);
    }
}

#[test]
fn home_pages_are_numbered_from_one() {
    let manifest = manifest();
    let pages: Vec<ListPage> = manifest.home_pages().collect();
    let numbers: Vec<usize> = pages.iter().map(|page| page.page).collect();
    assert_eq!(numbers, (1..=pages.len()).collect::<Vec<_>>());
}

#[test]
fn an_empty_site_has_one_home_page() {
    let empty = Manifest::new(SiteConfig::default(), Vec::new());
    let pages: Vec<ListPage> = empty.home_pages().collect();
    assert_eq!(pages.len(), 1);
    let page = &pages[0];
    assert_eq!((page.pages, page.total_posts, page.posts.len()), (1, 0, 0));
}

#[test]
fn a_home_page_round_trips_through_compact_json() {
    let page = manifest().home_pages().nth(1).unwrap();
    let json = page.to_json();
    assert!(!json.contains('\n'));
    assert!(
        json.starts_with(
            r#"{"version":1,"list":{"kind":"home"},"page":2,"pages":3,"total_posts":5,"site":{"#
        ),
        "{json}"
    );
    assert_eq!(ListPage::from_json(&json).unwrap(), page);
}

#[test]
fn a_broken_or_foreign_home_page_is_an_error_not_a_panic() {
    assert!(matches!(
        ListPage::from_json("<!DOCTYPE html>"),
        Err(ManifestError::Invalid(_))
    ));
    assert!(matches!(
        ListPage::from_json(r#"{"version":1,"page":1}"#),
        Err(ManifestError::Invalid(_))
    ));
    let newer = ListPage::from_json(r#"{"version":2,"page":1}"#).unwrap_err();
    assert_eq!(
        newer,
        ManifestError::Version {
            found: 2,
            expected: LIST_PAGE_VERSION
        }
    );
    // The manifest reads through the same check.
    assert!(matches!(
        Manifest::from_json(r#"{"version":2}"#),
        Err(ManifestError::Version { found: 2, .. })
    ));
}
