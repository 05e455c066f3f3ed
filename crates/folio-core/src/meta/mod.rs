//! What a post says about itself: [`PostMeta`], read from front-matter fields of any dialect.
//!
//! Hugo, Jekyll, Hexo, Zola and VitePress name the same things differently (`lastmod`,
//! `last_modified_at`, `updated`), shape them differently (`author: {name: …}`, `authors: […]`,
//! `[taxonomies] tags = […]`) and type them loosely (`draft: "false"`, `tags: a, b`). This module
//! maps all of that onto one struct. It never fails: a field it cannot read is left out with a
//! [`Problem`] that names the key, what was found and what was expected, and every other field is
//! still read. Keys it does not know are kept, in order, in [`PostMeta::extra`].
//!
//! Categories are tags: Jekyll, Hexo and Hugo posts file themselves under `categories` as well as
//! `tags`, and a blog reader sees one list of topics, so both land in [`PostMeta::tags`] (tags
//! first), one page per name at `/tags/<name>/`, counted once per post.

use serde::{Deserialize, Serialize};

use crate::front_matter::Field;
use crate::{Date, Map, Problem, Value};

mod read;
#[cfg(test)]
mod tests;

use read::Wrong;

/// The front matter of one post, in Folio's terms.
///
/// Serializes to JSON for the manifest, leaving out empty fields (`None`, empty lists, `false`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PostMeta {
    /// `title`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `date`, Hugo's `publishDate`, `pubDate`, or Hugo's `published` when it holds a date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// `updated`, `lastmod` (Hugo), `last_modified_at` (Jekyll), `modified` or `updated_at`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<Date>,
    /// `description`, `summary` (Hugo) or `excerpt` (Jekyll, Hexo).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `tags`, `tag` and Zola's `taxonomies.tags`, then `categories`, `category` and Zola's
    /// `taxonomies.categories` (nested lists flattened): one list, each name once (names with the
    /// same [`tag_slug`](crate::tag_slug) count as one, the first spelling kept).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// `author` (a name or a map with `name`) or `authors` (a list, joined with ", ").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// `draft: true`, or `published: false` (Jekyll, Hexo).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// `slug`: replaces the file stem in the post's URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// `cover` (a path, or a map with `image`), `image`, `thumbnail` or `banner`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cover: Option<String>,
    /// `lang`, `language` or `locale`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// `math: true|false`: whether `$…$` is math in this post, whatever `site.toml` says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub math: Option<bool>,
    /// `aliases` (Hugo, Zola; what `folio import` writes) and `redirect_from` (Jekyll's
    /// jekyll-redirect-from): other addresses of the post, usually where an older site published
    /// it (`/2023/01/29/first-nas.html`), as a list or one text. Kept as written, in order, each
    /// once.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Every other key, in source order; the entries of Zola's `[extra]` table are merged in.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub extra: Map,
}

// Keys Folio understands, lowercase, in priority order: when a post has two (`date` and
// `publishDate`), the first one readable wins and the other stays in `extra`. Keys are compared
// ignoring ASCII case, as Hugo does.
const TITLE: &[&str] = &["title"];
const DATE: &[&str] = &["date", "publishdate", "pubdate"];
const UPDATED: &[&str] = &[
    "updated",
    "lastmod",
    "last_modified_at",
    "modified",
    "updated_at",
];
const DESCRIPTION: &[&str] = &["description", "summary", "excerpt"];
const TAGS: &[&str] = &["tags", "tag"];
const CATEGORIES: &[&str] = &["categories", "category"];
const AUTHOR: &[&str] = &["author", "authors"];
const SLUG: &[&str] = &["slug"];
const COVER: &[&str] = &["cover", "image", "thumbnail", "banner"];
const LANG: &[&str] = &["lang", "language", "locale"];
const ALIASES: &[&str] = &["aliases", "redirect_from"];

impl PostMeta {
    /// Reads parsed front-matter fields, returning the meta and what could not be read (sorted by
    /// line).
    ///
    /// ```
    /// use folio_core::front_matter::{parse_fields, split};
    /// use folio_core::PostMeta;
    ///
    /// let split = split("---\ntitle: 你好\ntags: 随笔、生活\ndraft: maybe\n---\n")?;
    /// let fields = parse_fields(&split.front_matter.expect("front matter"))?;
    /// let (meta, problems) = PostMeta::from_fields(fields);
    /// assert_eq!(meta.title.as_deref(), Some("你好"));
    /// assert_eq!(meta.tags, ["随笔", "生活"]);
    /// assert!(!meta.draft);
    /// assert_eq!(problems[0].line, 4);
    /// assert_eq!(problems[0].message, "`draft` was ignored: expected true or false, found \"maybe\"");
    /// # Ok::<(), folio_core::FrontMatterError>(())
    /// ```
    pub fn from_fields(fields: Vec<Field>) -> (PostMeta, Vec<Problem>) {
        let mut reader = Reader {
            entries: fields
                .into_iter()
                .map(|field| Entry { field, used: false })
                .collect(),
            problems: Vec::new(),
        };
        let title = reader.first(TITLE, read::text);
        let mut date = reader.first(DATE, read::date);
        let updated = reader.first(UPDATED, read::date);
        let description = reader.first(DESCRIPTION, read::text);
        let mut tags = reader.tags(TAGS, "tags");
        tags.extend(reader.tags(CATEGORIES, "categories"));
        let tags = read::dedupe(tags);
        let author = reader.first(AUTHOR, read::author);
        let draft = reader.first(&["draft"], read::flag).unwrap_or(false);
        let published = reader.published(&mut date);
        let slug = reader.first(SLUG, read::text);
        let cover = reader.first(COVER, read::cover);
        let lang = reader.first(LANG, read::text);
        let math = reader.first(&["math"], read::flag);
        let aliases = reader.aliases(ALIASES);
        let (extra, mut problems) = reader.finish();
        problems.sort_by_key(|problem| problem.line);
        let meta = PostMeta {
            title,
            date,
            updated,
            description,
            tags,
            author,
            draft: draft || published == Some(false),
            slug,
            cover,
            lang,
            math,
            aliases,
            extra,
        };
        (meta, problems)
    }
}

struct Entry {
    field: Field,
    /// Read into a field of [`PostMeta`] (or rejected), so not kept in `extra`.
    used: bool,
}

struct Reader {
    entries: Vec<Entry>,
    problems: Vec<Problem>,
}

impl Reader {
    /// Indices of the entries not yet used whose key is `alias`, ignoring ASCII case.
    fn matching(&self, alias: &str) -> Vec<usize> {
        (0..self.entries.len())
            .filter(|&index| {
                let entry = &self.entries[index];
                !entry.used && entry.field.key.eq_ignore_ascii_case(alias)
            })
            .collect()
    }

    /// The value of the first of `aliases` that `read` accepts. Entries it rejects become
    /// problems; entries after the one accepted are left for `extra`.
    fn first<T>(
        &mut self,
        aliases: &[&str],
        read: impl Fn(&Value) -> Result<Option<T>, Wrong>,
    ) -> Option<T> {
        for alias in aliases {
            for index in self.matching(alias) {
                let entry = &mut self.entries[index];
                entry.used = true;
                match read(&entry.field.value) {
                    Ok(Some(found)) => return Some(found),
                    Ok(None) => {}
                    Err(wrong) => self.problems.push(ignored(&entry.field, None, &wrong)),
                }
            }
        }
        None
    }

    /// The items of every entry under `keys`, as `read` adds them; what it skips becomes a
    /// problem naming the item.
    fn lists(
        &mut self,
        keys: &[&str],
        read: impl Fn(&Value, &mut Vec<String>) -> Vec<read::Skipped>,
    ) -> Vec<String> {
        let mut items = Vec::new();
        for key in keys {
            for index in self.matching(key) {
                let entry = &mut self.entries[index];
                entry.used = true;
                for skipped in read(&entry.field.value, &mut items) {
                    let item = skipped.item.as_deref();
                    self.problems
                        .push(ignored(&entry.field, item, &skipped.wrong));
                }
            }
        }
        items
    }

    /// Every tag under `aliases`, then under Zola's `taxonomies.<taxonomy>`, in order.
    fn tags(&mut self, aliases: &[&str], taxonomy: &str) -> Vec<String> {
        let mut tags = self.lists(aliases, read::tags);
        for index in self.matching("taxonomies") {
            let entry = &mut self.entries[index];
            let Value::Map(taxonomies) = &mut entry.field.value else {
                continue;
            };
            let keys: Vec<String> = taxonomies
                .keys()
                .filter(|key| key.eq_ignore_ascii_case(taxonomy))
                .map(str::to_owned)
                .collect();
            for key in keys {
                let Some(value) = taxonomies.remove(&key) else {
                    continue;
                };
                for skipped in read::tags(&value, &mut tags) {
                    let field = Field {
                        key: format!("{}.{key}", entry.field.key),
                        value: Value::Null,
                        line: entry.field.line,
                    };
                    let item = skipped.item.as_deref();
                    self.problems.push(ignored(&field, item, &skipped.wrong));
                }
            }
            // Other taxonomies (`series`, …) stay in `extra` under `taxonomies`.
            entry.used = taxonomies.is_empty();
        }
        tags
    }

    /// Every alias under `keys`, in order, each once.
    fn aliases(&mut self, keys: &[&str]) -> Vec<String> {
        let aliases = self.lists(keys, read::aliases);
        let mut kept: Vec<String> = Vec::with_capacity(aliases.len());
        for alias in aliases {
            if !kept.contains(&alias) {
                kept.push(alias);
            }
        }
        kept
    }

    /// Reads `published`: Jekyll and Hexo use it as a flag (`false` means draft), Hugo as
    /// another name for the date, which fills `date` when no other date key did.
    fn published(&mut self, date: &mut Option<Date>) -> Option<bool> {
        let mut published = None;
        for index in self.matching("published") {
            let entry = &mut self.entries[index];
            if let Ok(flag) = read::flag(&entry.field.value) {
                entry.used = true;
                published = published.or(flag);
                continue;
            }
            match read::date(&entry.field.value) {
                Ok(found) if date.is_none() => {
                    entry.used = true;
                    *date = found;
                }
                // A date when `date` already has one: kept in `extra`, like `publishDate` would be.
                Ok(_) => {}
                Err(_) => {
                    entry.used = true;
                    let wrong = Wrong::expected("true or false, or a date", &entry.field.value);
                    self.problems.push(ignored(&entry.field, None, &wrong));
                }
            }
        }
        published
    }

    /// The unused entries as `extra` (Zola's `[extra]` table merged in), and all problems.
    fn finish(self) -> (Map, Vec<Problem>) {
        let Reader {
            entries,
            mut problems,
        } = self;
        let mut extra = Map::new();
        let mut keep = |key: String, value: Value, line: usize, shown: String| {
            if extra.contains_key(&key) {
                problems.push(Problem::error(
                    line,
                    format!("`{shown}` was ignored: an earlier `{key}` is already kept"),
                ));
            } else {
                extra.insert(key, value);
            }
        };
        for Entry { field, used } in entries {
            if used {
                continue;
            }
            match field.value {
                Value::Map(table) if field.key.eq_ignore_ascii_case("extra") => {
                    for (key, value) in table {
                        let shown = format!("{}.{key}", field.key);
                        keep(key, value, field.line, shown);
                    }
                }
                value => keep(field.key.clone(), value, field.line, field.key),
            }
        }
        (extra, problems)
    }
}

/// The problem for a value Folio could not use: "`key` was ignored: expected …, found …".
fn ignored(field: &Field, item: Option<&str>, wrong: &Wrong) -> Problem {
    let what = match item {
        Some(item) => format!("`{}` item {item}", field.key),
        None => format!("`{}`", field.key),
    };
    Problem::error(field.line, format!("{what} was ignored: {}", wrong.0))
}
