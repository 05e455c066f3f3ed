//! A generator's URL pattern (`/:year/:month/:slug/`) or default URL worked out for one post:
//! its placeholders' values, and the slug rules of each generator.

use folio_core::Date;
use folio_core::front_matter::Field;
use folio_core::post::file_stem;

use super::super::Dialect;
use super::super::config::Settings;
use super::super::source::FoundPost;
use super::super::values::{field, text, texts};

/// The values a URL pattern's placeholders take for one post.
pub(super) struct Url<'a> {
    dialect: Dialect,
    settings: &'a Settings,
    found: &'a FoundPost,
    fields: &'a [Field],
    date: Option<&'a Date>,
}

impl<'a> Url<'a> {
    pub(super) fn new(
        dialect: Dialect,
        settings: &'a Settings,
        found: &'a FoundPost,
        fields: &'a [Field],
        date: Option<&'a Date>,
    ) -> Self {
        Self {
            dialect,
            settings,
            found,
            fields,
            date,
        }
    }

    /// The URL the generator gives a post without one of its own.
    pub(super) fn default(&self) -> Result<Option<String>, String> {
        match self.dialect {
            Dialect::Hugo => {
                let section = self.found.rel.split('/').next().unwrap_or_default();
                let pattern = self
                    .settings
                    .permalinks
                    .iter()
                    .find(|(name, _)| name == section)
                    .map(|(_, pattern)| pattern.clone());
                match pattern {
                    Some(pattern) => self.expand(&pattern),
                    None => {
                        let slug = self.slug().unwrap_or_else(|| self.file_name());
                        Ok(Some(hugo_path(&format!("/{}/{slug}/", self.folders()))))
                    }
                }
            }
            Dialect::Jekyll | Dialect::Hexo => {
                let configured = self.settings.permalinks.first();
                let pattern = match (self.dialect, configured) {
                    (Dialect::Jekyll, _) => jekyll_style(configured.map_or("", |(_, p)| p)),
                    (_, Some((_, pattern))) => pattern.clone(),
                    (_, None) => ":year/:month/:day/:title/".to_owned(),
                };
                self.expand(&pattern)
            }
            Dialect::Zola => {
                let slug = self.slug().unwrap_or_else(|| self.file_name());
                let path = format!("/{}/{slug}/", self.folders()).replace("//", "/");
                if !self.settings.ascii_paths {
                    return Ok(Some(path));
                }
                if !path.is_ascii() {
                    return Err(format!(
                        "Zola made {path} into an ASCII path with its transliteration tables, which the import does not have"
                    ));
                }
                Ok(Some(ascii_slug_path(&path)))
            }
            Dialect::VitePress => Ok(None),
        }
    }

    /// `pattern` with every `:placeholder` replaced.
    pub(super) fn expand(&self, pattern: &str) -> Result<Option<String>, String> {
        let mut out = String::new();
        let mut rest = pattern;
        while let Some(at) = rest.find(':') {
            out.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            let len = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            let name = &after[..len];
            let value = self.placeholder(name).ok_or_else(|| {
                let missing = if self.date.is_none() && is_date_part(name) {
                    "the post has no date".to_owned()
                } else {
                    format!("the import cannot work out :{name}")
                };
                format!("the old URL pattern {pattern:?} needs :{name}, but {missing}")
            })?;
            out.push_str(&value);
            rest = &after[len..];
        }
        out.push_str(rest);
        let path = format!("/{}", out.trim_start_matches('/'));
        Ok(Some(if self.dialect == Dialect::Hugo {
            hugo_path(&path)
        } else {
            path
        }))
    }

    fn placeholder(&self, name: &str) -> Option<String> {
        let date = self.date;
        let two = |n: u8| format!("{n:02}");
        Some(match name {
            "year" => format!("{:04}", date?.year()),
            "short_year" => format!("{:02}", date?.year() % 100),
            "month" => two(date?.month()),
            "i_month" => date?.month().to_string(),
            "day" => two(date?.day()),
            "i_day" => date?.day().to_string(),
            "hour" => two(date?.time().unwrap_or((0, 0, 0)).0),
            "minute" => two(date?.time().unwrap_or((0, 0, 0)).1),
            "second" => two(date?.time().unwrap_or((0, 0, 0)).2),
            "output_ext" => ".html".to_owned(),
            "categories" => self
                .categories()
                .iter()
                .map(|category| category.to_lowercase())
                .collect::<Vec<_>>()
                .join("/"),
            "category" => {
                let categories = self.categories();
                if categories.is_empty() {
                    self.settings
                        .default_category
                        .clone()
                        .unwrap_or_else(|| "uncategorized".to_owned())
                } else {
                    categories.join("/")
                }
            }
            "section" => self
                .found
                .rel
                .split('/')
                .next()
                .unwrap_or_default()
                .to_owned(),
            "sections" => self.folders(),
            "filename" | "contentbasename" => self.file_name(),
            "name" => file_stem(&self.found.target).to_owned(),
            "post_title" => text(field(self.fields, "title"))?,
            "slugorfilename" => self.slug().unwrap_or_else(|| self.file_name()),
            "slug" => match self.dialect {
                Dialect::Jekyll => jekyll_slug(&self.slug().unwrap_or_else(|| self.file_name())),
                _ => self
                    .slug()
                    .or_else(|| text(field(self.fields, "title")).map(|t| urlize(&t)))?,
            },
            "title" => match self.dialect {
                // Jekyll: the file name's title part, unless `slug` replaces it.
                Dialect::Jekyll => self.slug().unwrap_or_else(|| self.file_name()),
                // Hexo: the path below `_posts/`, without the extension or a date.
                Dialect::Hexo => {
                    let stem = file_stem(&self.found.target);
                    match self.found.target.rsplit_once('/') {
                        Some((dir, _)) => format!("{dir}/{stem}"),
                        None => stem.to_owned(),
                    }
                }
                _ => urlize(&text(field(self.fields, "title"))?),
            },
            _ => return None,
        })
    }

    fn slug(&self) -> Option<String> {
        text(field(self.fields, "slug"))
    }

    /// The file's stem (a bundle's folder name), a date the generator strips left out.
    fn file_name(&self) -> String {
        file_stem(&self.found.target).to_owned()
    }

    /// The folders of the file below the pages folder (`blog/2024` for `blog/2024/a.md`); a
    /// bundle's own folder is the post, not a folder of it.
    fn folders(&self) -> String {
        let rel = match self.found.assets {
            Some(_) if self.found.rel.ends_with("/index.md") => {
                self.found.rel.trim_end_matches("/index.md")
            }
            _ => &self.found.rel,
        };
        rel.rsplit_once('/').map_or("", |(dir, _)| dir).to_owned()
    }

    fn categories(&self) -> Vec<String> {
        let value = field(self.fields, "categories").or_else(|| field(self.fields, "category"));
        match value.and_then(|value| value.as_str()) {
            // Jekyll: a text is a space-separated list.
            Some(text) => text.split_whitespace().map(str::to_owned).collect(),
            None => flat_texts(value),
        }
    }
}

/// A list's texts, nested lists flattened (Hexo's hierarchical categories).
fn flat_texts(value: Option<&folio_core::Value>) -> Vec<String> {
    match value {
        Some(folio_core::Value::List(items)) => items
            .iter()
            .flat_map(|item| flat_texts(Some(item)))
            .collect(),
        other => texts(other),
    }
}

fn is_date_part(name: &str) -> bool {
    matches!(
        name,
        "year"
            | "short_year"
            | "month"
            | "i_month"
            | "day"
            | "i_day"
            | "hour"
            | "minute"
            | "second"
    )
}

/// Jekyll's named permalink styles as the patterns they stand for.
fn jekyll_style(pattern: &str) -> String {
    match pattern {
        "" | "date" => "/:categories/:year/:month/:day/:title:output_ext",
        "pretty" => "/:categories/:year/:month/:day/:title/",
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
        "none" => "/:categories/:title:output_ext",
        other => other,
    }
    .to_owned()
}

/// Hugo's `urlize`: spaces become `-`, characters a path does not take are dropped, letters of
/// every script kept.
fn urlize(text: &str) -> String {
    text.trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || "._-~+#/".contains(c) => Some(c),
            _ => None,
        })
        .collect()
}

/// A Hugo path: urlized, `//` folded, lowercase (Hugo's default).
fn hugo_path(path: &str) -> String {
    let mut out = String::new();
    for c in urlize(&path.to_lowercase()).chars() {
        if !(c == '/' && out.ends_with('/')) {
            out.push(c);
        }
    }
    out
}

/// Jekyll's `:slug`: lowercase, every run of characters other than letters and digits a `-`.
fn jekyll_slug(text: &str) -> String {
    ascii_dashes(&text.to_lowercase(), |c| c.is_alphanumeric())
}

/// Zola's ASCII slugs, folder by folder.
fn ascii_slug_path(path: &str) -> String {
    let parts: Vec<String> = path
        .split('/')
        .map(|part| ascii_dashes(&part.to_ascii_lowercase(), |c| c.is_ascii_alphanumeric()))
        .collect();
    parts.join("/")
}

fn ascii_dashes(text: &str, keep: impl Fn(char) -> bool) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if keep(c) {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}
