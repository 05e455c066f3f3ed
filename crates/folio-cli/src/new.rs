//! `folio new "Title"`: start a post with its front matter filled in, never over another one.

use std::collections::HashMap;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use folio_core::{Date, paths};

use crate::clock::Clock;
use crate::content;
use crate::slug::title_slug;
use crate::zone::Zone;

pub(crate) const EXAMPLES: &str = "\
The slug (file name and URL) comes from the title: letters and digits of any script, words
joined by `-`. With `slug_style = \"ascii\"` in site.toml, accents are dropped and other
scripts are left out; a title with nothing left is named after the date (2026-02-13.md).
The date is now, in the site's `timezone` (a UTC offset such as \"+08:00\" or a zone
name such as \"Asia/Shanghai\"; UTC by default). Prints the new file's path.

Examples:
  folio new \"Hello, World\"                  public/posts/hello-world.md
  folio new \"你好，世界\" --tags 随笔,生活   public/posts/你好世界.md
  folio new \"Half an idea\" --draft          shown by `make serve`, left out of `make build`
  folio new \"Release notes\" --slug v1-0 --content ../my-blog
  $EDITOR \"$(folio new 'Something to say')\"";

/// Arguments of `folio new`.
#[derive(Debug, clap::Args)]
pub(crate) struct NewArgs {
    /// The post's title.
    title: String,
    /// Content folder to write into (`posts/` inside it).
    #[arg(long, default_value = "public")]
    content: PathBuf,
    /// Mark the post as a draft (`draft: true`).
    #[arg(long)]
    draft: bool,
    /// Comma-separated tags: `--tags rust,web`.
    #[arg(long, value_delimiter = ',')]
    tags: Vec<String>,
    /// Use this slug instead of one made from the title.
    #[arg(long)]
    slug: Option<String>,
}

/// Writes the new post and prints its path.
pub(crate) fn run(args: &NewArgs, clock: &Clock) -> Result<()> {
    if args.title.trim().is_empty() {
        bail!("the title is empty");
    }
    if !args.content.is_dir() {
        bail!(
            "the content folder {} does not exist (choose one with --content)",
            args.content.display()
        );
    }
    let site = content::load_site(&args.content)?;
    let offset = Zone::of(&site)?.offset_at(clock.now());
    let date = Date::from_timestamp(clock.now(), offset)
        .context("the clock is outside the years 0 to 9999")?;
    let taken = content::slugs_in_use(&args.content)?;
    let slug = match &args.slug {
        Some(slug) => {
            let slug = slug.trim();
            paths::validate_slug(slug).with_context(|| format!("--slug {slug:?}"))?;
            refuse_taken(slug, &taken)?;
            slug.to_owned()
        }
        None => match title_slug(&args.title, site.slug_style) {
            Some(slug) => {
                refuse_taken(&slug, &taken)?;
                slug
            }
            None => date_slug(&date, &taken),
        },
    };
    let tags = clean_tags(&args.tags);
    let text = front_matter(&args.title, &date, &tags, args.draft);

    let folder = args.content.join("posts");
    fs::create_dir_all(&folder).with_context(|| format!("creating {}", folder.display()))?;
    let path = folder.join(format!("{slug}.md"));
    write_new(&path, &text)?;
    println!("{}", path.display());
    Ok(())
}

fn refuse_taken(slug: &str, taken: &HashMap<String, String>) -> Result<()> {
    match taken.get(slug) {
        Some(file) => bail!(
            "the slug {slug:?} is already used by {file}; choose another with --slug, or another title"
        ),
        None => Ok(()),
    }
}

/// `2026-02-13`, or `2026-02-13-2` and on when that day already has a post named after it.
fn date_slug(date: &Date, taken: &HashMap<String, String>) -> String {
    let day = format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day());
    std::iter::once(day.clone())
        .chain((2..).map(|n| format!("{day}-{n}")))
        .find(|slug| !taken.contains_key(slug))
        .unwrap_or(day)
}

/// Tags trimmed, empty ones dropped, each once.
fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut clean: Vec<String> = Vec::new();
    for tag in tags.iter().map(|tag| tag.trim()) {
        if !tag.is_empty() && !clean.iter().any(|t| t == tag) {
            clean.push(tag.to_owned());
        }
    }
    clean
}

/// The new file's text: YAML front matter and an empty body.
fn front_matter(title: &str, date: &Date, tags: &[String], draft: bool) -> String {
    let mut text = String::from("---\n");
    text.push_str(&format!("title: {}\n", yaml_scalar(title.trim(), false)));
    text.push_str(&format!("date: {date}\n"));
    if !tags.is_empty() {
        let tags: Vec<String> = tags.iter().map(|tag| yaml_scalar(tag, true)).collect();
        text.push_str(&format!("tags: [{}]\n", tags.join(", ")));
    }
    if draft {
        text.push_str("draft: true\n");
    }
    text.push_str("---\n\n");
    text
}

/// `text` as a YAML scalar: plain when YAML reads it back as the same string, else double-quoted
/// (JSON's escaping is valid YAML). `in_list`: inside `[…]`, where `,[]{}` end a plain scalar.
fn yaml_scalar(text: &str, in_list: bool) -> String {
    let starts_badly = text.starts_with(|c: char| {
        c.is_whitespace() || "-?:,[]{}#&*!|>'\"%@`".contains(c) || c.is_ascii_digit()
    });
    let breaks_plain = text.contains(": ")
        || text.contains(" #")
        || text.ends_with(':')
        || text.ends_with(char::is_whitespace)
        || text.chars().any(char::is_control)
        || (in_list && text.contains([',', '[', ']', '{', '}']));
    let lower = text.to_ascii_lowercase();
    let means_something_else = matches!(
        lower.as_str(),
        "true" | "false" | "null" | "~" | "yes" | "no" | "on" | "off" | ".inf" | ".nan"
    );
    if text.is_empty() || starts_badly || breaks_plain || means_something_else {
        serde_json::to_string(text).unwrap_or_else(|_| format!("{text:?}"))
    } else {
        text.to_owned()
    }
}

/// Creates `path` with `text`, refusing to replace anything already there (even a file created
/// between the slug check and now).
fn write_new(path: &Path, text: &str) -> Result<()> {
    let mut file = match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!("{} already exists; not overwriting it", path.display())
        }
        Err(err) => return Err(err).with_context(|| format!("creating {}", path.display())),
    };
    file.write_all(text.as_bytes())
        .with_context(|| format!("writing {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio_core::parse_document;

    #[test]
    fn titles_and_tags_read_back_exactly() {
        let awkward = [
            "Plain title",
            "Hello, World",
            "Rust: the good parts",
            "#hashtag",
            "a #b",
            "- dash",
            "\"quoted\"",
            "it's",
            "yes",
            "Null",
            "2024",
            "10 things",
            "[x] done",
            "{json}",
            "中文：标题",
            "C:\\path\\to",
            "tab\there",
            "ends with colon:",
            "@handle",
            "%percent",
            "*star",
            "&amp",
            "!bang",
            "|pipe",
            ">quote",
            "`code`",
            "emoji 🎉",
            "a, b",
        ];
        let date = Date::parse("2026-02-13T10:00:00+08:00").unwrap_or_else(|e| panic!("{e}"));
        for title in awkward {
            let tags = vec![title.to_owned(), "plain".to_owned()];
            let text = front_matter(title, &date, &tags, true);
            let doc = parse_document(&text);
            assert!(doc.problems.is_empty(), "{text}: {:?}", doc.problems);
            assert_eq!(doc.meta.title.as_deref(), Some(title), "{text}");
            assert_eq!(doc.meta.tags, tags, "{text}");
            assert_eq!(doc.meta.date, Some(date));
            assert!(doc.meta.draft);
        }
    }

    #[test]
    fn tags_are_trimmed_and_deduplicated() {
        let tags: Vec<String> = [" a", "b ", "", "a", "中文"]
            .iter()
            .map(|t| (*t).to_owned())
            .collect();
        assert_eq!(clean_tags(&tags), ["a", "b", "中文"]);
    }

    #[test]
    fn date_slugs_count_up_past_taken_ones() {
        let date = Date::parse("2026-02-13").unwrap_or_else(|e| panic!("{e}"));
        let mut taken = HashMap::new();
        assert_eq!(date_slug(&date, &taken), "2026-02-13");
        taken.insert("2026-02-13".to_owned(), String::new());
        taken.insert("2026-02-13-2".to_owned(), String::new());
        assert_eq!(date_slug(&date, &taken), "2026-02-13-3");
    }
}
