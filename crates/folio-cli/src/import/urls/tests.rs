//! Old URLs of posts of each generator, worked out from fixtures of their front matter.
use std::path::PathBuf;

use super::*;
use crate::import::values::front_matter_fields;

fn found_urls(
    dialect: Dialect,
    settings: &Settings,
    rel: &str,
    target: &str,
    front_matter: &str,
) -> (Vec<String>, Option<String>) {
    let fields = front_matter_fields(front_matter);
    let mut found = FoundPost::new(PathBuf::from(rel), rel.into(), target.into());
    if rel.ends_with("/index.md") {
        found.assets = Some(PathBuf::from("bundle"));
    }
    let date = super::super::dates::choose(&found, &fields).0;
    old_urls(dialect, settings, &found, &fields, date.as_ref())
}

fn with_permalink(pattern: &str) -> Settings {
    Settings {
        permalinks: vec![(String::new(), pattern.to_owned())],
        ..Settings::default()
    }
}

#[test]
fn jekyll_urls_come_from_the_date_categories_and_file_name() {
    let (urls, _) = found_urls(
        Dialect::Jekyll,
        &with_permalink("date"),
        "2023-01-29-first-nas.md",
        "first-nas.md",
        "---\ndate: 2023-01-29 18:30\ncategories: Home Lab\n---\n",
    );
    assert_eq!(urls, ["/home/lab/2023/01/29/first-nas.html"]);
    let (urls, _) = found_urls(
        Dialect::Jekyll,
        &with_permalink("/:year/:title/"),
        "x.md",
        "x.md",
        "---\ndate: 2023-01-29\npermalink: /nas/\nredirect_from: /old-nas/\n---\n",
    );
    assert_eq!(urls, ["/old-nas/", "/nas/"]);
}

#[test]
fn hexo_urls_follow_its_permalink() {
    let settings = with_permalink(":year/:month/:day/:title/");
    let (urls, _) = found_urls(
        Dialect::Hexo,
        &settings,
        "lanterns.md",
        "lanterns.md",
        "---\ndate: 2022-02-15 19:30:00\n---\n",
    );
    assert_eq!(urls, ["/2022/02/15/lanterns/"]);
    let (urls, problem) = found_urls(
        Dialect::Hexo,
        &settings,
        "undated.md",
        "undated.md",
        "---\ntitle: x\n---\n",
    );
    assert!(urls.is_empty());
    assert_eq!(
        problem.as_deref(),
        Some(
            "the old URL pattern \":year/:month/:day/:title/\" needs :year, but the post has no date"
        )
    );
    let category = with_permalink(":category/:name.html");
    let (urls, _) = found_urls(
        Dialect::Hexo,
        &category,
        "a.md",
        "a.md",
        "---\ncategories: [[Diary, Life]]\n---\n",
    );
    assert_eq!(urls, ["/Diary/Life/a.html"]);
}

#[test]
fn hugo_urls_use_sections_permalinks_url_and_aliases() {
    let (urls, _) = found_urls(
        Dialect::Hugo,
        &Settings::default(),
        "posts/First Frost.md",
        "First Frost.md",
        "---\naliases: [old-frost, /2023/frost/]\n---\n",
    );
    assert_eq!(
        urls,
        ["/posts/old-frost/", "/2023/frost/", "/posts/first-frost/"]
    );
    let settings = Settings {
        permalinks: vec![("posts".into(), "/:year/:month/:slug/".into())],
        ..Settings::default()
    };
    let (urls, _) = found_urls(
        Dialect::Hugo,
        &settings,
        "posts/trip/index.md",
        "trip.md",
        "+++\ntitle = \"River Trip\"\ndate = 2023-12-10\n+++\n",
    );
    assert_eq!(urls, ["/2023/12/river-trip/"]);
    let (urls, _) = found_urls(
        Dialect::Hugo,
        &settings,
        "posts/a.md",
        "a.md",
        "---\nurl: /custom/place/\n---\n",
    );
    assert_eq!(urls, ["/custom/place/"]);
}

#[test]
fn zola_urls_use_path_or_the_slugged_file_name() {
    let ascii = Settings {
        ascii_paths: true,
        ..Settings::default()
    };
    let (urls, _) = found_urls(
        Dialect::Zola,
        &ascii,
        "2014-12-12-old.md",
        "old.md",
        "+++\npath = \"2014/12/12/title\"\n+++\n",
    );
    assert_eq!(urls, ["/2014/12/12/title/"]);
    let (urls, _) = found_urls(
        Dialect::Zola,
        &ascii,
        "blog/Winter Work.md",
        "Winter Work.md",
        "+++\n+++\n",
    );
    assert_eq!(urls, ["/blog/winter-work/"]);
    let (urls, problem) = found_urls(
        Dialect::Zola,
        &ascii,
        "blog/冬天.md",
        "冬天.md",
        "+++\n+++\n",
    );
    assert!(urls.is_empty());
    assert!(problem.is_some_and(|p| p.contains("transliteration")));
}

#[test]
fn keys_make_one_page_of_every_spelling() {
    for url in [
        "/a/b/",
        "/a/b",
        "/a/b.html",
        "/a/b/index.html",
        "/a/%62/?x=1#top",
    ] {
        assert_eq!(url_key(url), "/a/b", "{url}");
    }
    assert_eq!(url_key("/"), "/");
}
