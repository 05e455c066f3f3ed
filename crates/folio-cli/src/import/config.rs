//! The source site's own settings, read from its configuration file: what carries over into
//! `site.toml` (title, description, author, language, time zone, address) and what the old
//! site's URLs were made from (permalink patterns, the address's path).

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Result;
use folio_core::front_matter::{Field, FrontMatterFormat};
use folio_core::{SiteConfig, Value};

use super::values::{at, field, name, read_file, text, texts};
use crate::diagnostic::Diagnostic;
use crate::zone::Zone;

/// What a generator's configuration says that Folio can use.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Settings {
    /// The file read.
    pub(super) file: Option<PathBuf>,
    pub(super) title: Option<String>,
    pub(super) description: Option<String>,
    pub(super) author: Option<String>,
    pub(super) language: Option<String>,
    pub(super) timezone: Option<String>,
    /// The published address, with the path the site was served under (`https://e.org/blog/`).
    pub(super) base_url: Option<String>,
    /// The path the old site was served under (`/blog/`, `/` when none): links in posts start
    /// with it, and old URLs are recorded without it.
    pub(super) base_path: String,
    /// Old URL patterns: by Hugo section (`posts`), or under `""` for the whole site (Jekyll's
    /// and Hexo's `permalink`).
    pub(super) permalinks: Vec<(String, String)>,
    /// Hexo's `default_category`, which `:category` takes for a post without categories.
    pub(super) default_category: Option<String>,
    /// Zola's `slugify.paths`: `on` (the default) makes URLs lowercase ASCII.
    pub(super) ascii_paths: bool,
}

impl Settings {
    fn new(file: &Path) -> Self {
        Self {
            file: Some(file.to_path_buf()),
            base_path: "/".to_owned(),
            ..Self::default()
        }
    }

    /// Sets the address and the path under it.
    fn address(&mut self, url: Option<String>, path: Option<String>) {
        if let Some(path) = path.filter(|path| path.trim_matches('/').trim() != "") {
            self.base_path = format!("/{}/", path.trim().trim_matches('/'));
        }
        if let Some(url) = url {
            let url = url.trim_end_matches('/');
            let (origin, own_path) = match url.split_once("://") {
                Some((scheme, rest)) => match rest.split_once('/') {
                    Some((host, path)) => (format!("{scheme}://{host}"), path.to_owned()),
                    None => (url.to_owned(), String::new()),
                },
                None => (url.to_owned(), String::new()),
            };
            if self.base_path == "/" && !own_path.is_empty() {
                self.base_path = format!("/{own_path}/");
            }
            self.base_url = Some(format!("{origin}{}", self.base_path));
        }
    }
}

/// Reads the first of `names` in `dir` that exists, as YAML or TOML by its extension; a JSON
/// configuration is noted as not read.
fn first_file(
    dir: &Path,
    names: &[&str],
    notes: &mut Vec<Diagnostic>,
) -> Result<Option<(PathBuf, Vec<Field>)>> {
    for name in names {
        let path = dir.join(name);
        if !path.is_file() {
            continue;
        }
        let format = if name.ends_with(".toml") {
            FrontMatterFormat::Toml
        } else if name.ends_with(".json") {
            notes.push(Diagnostic::warning(
                &path,
                1,
                "settings not carried over: Folio reads TOML and YAML configuration only; set title, language and timezone in site.toml",
            ));
            return Ok(None);
        } else {
            FrontMatterFormat::Yaml
        };
        let (fields, error) = read_file(&path, format)?;
        if let Some(error) = error {
            notes.push(Diagnostic::warning(
                &path,
                1,
                format!("settings not carried over: {error}"),
            ));
        }
        return Ok(Some((path, fields)));
    }
    Ok(None)
}

/// Hugo: `hugo.toml` (or `.yaml`, or the older `config.*`), else `config/_default/` with its
/// `params` and `permalinks` files beside it.
pub(super) fn hugo(root: &Path, notes: &mut Vec<Diagnostic>) -> Result<Settings> {
    const NAMES: &[&str] = &[
        "hugo.toml",
        "hugo.yaml",
        "hugo.yml",
        "hugo.json",
        "config.toml",
        "config.yaml",
        "config.yml",
        "config.json",
    ];
    let default = root.join("config").join("_default");
    let (path, mut fields) = match first_file(root, NAMES, notes)? {
        Some(found) => found,
        None => match first_file(&default, NAMES, notes)? {
            Some(found) => found,
            None => return Ok(Settings::default()),
        },
    };
    // `config/_default/params.toml` holds what `[params]` would; the same for permalinks.
    for table in ["params", "permalinks"] {
        let names: Vec<String> = ["toml", "yaml", "yml"]
            .iter()
            .map(|ext| format!("{table}.{ext}"))
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        if let Some((_, inner)) = first_file(&default, &names, notes)? {
            let map = inner.into_iter().map(|f| (f.key, f.value)).collect();
            fields.push(Field {
                key: table.to_owned(),
                value: Value::Map(map),
                line: 1,
            });
        }
    }
    let mut settings = Settings::new(&path);
    settings.title = text(field(&fields, "title"));
    settings.description = text(at(&fields, &["params", "description"]));
    settings.author =
        name(at(&fields, &["params", "author"])).or_else(|| name(field(&fields, "author")));
    settings.language = text(field(&fields, "languageCode"))
        .or_else(|| text(field(&fields, "defaultContentLanguage")));
    settings.timezone = text(field(&fields, "timeZone"));
    settings.address(text(field(&fields, "baseURL")), None);
    if let Some(Value::Map(permalinks)) = field(&fields, "permalinks") {
        for (section, pattern) in permalinks.iter() {
            match pattern {
                // Hugo 0.115's `[permalinks.page]`: the same, one level down.
                Value::Map(inner) if section.eq_ignore_ascii_case("page") => {
                    for (section, pattern) in inner.iter() {
                        if let Some(pattern) = pattern.as_str() {
                            settings
                                .permalinks
                                .push((section.to_owned(), pattern.to_owned()));
                        }
                    }
                }
                pattern => {
                    if let Some(pattern) = pattern.as_str() {
                        settings
                            .permalinks
                            .push((section.to_owned(), pattern.to_owned()));
                    }
                }
            }
        }
    }
    Ok(settings)
}

/// Zola: `config.toml`.
pub(super) fn zola(root: &Path, notes: &mut Vec<Diagnostic>) -> Result<Settings> {
    let Some((path, fields)) = first_file(root, &["config.toml"], notes)? else {
        return Ok(Settings::default());
    };
    let mut settings = Settings::new(&path);
    settings.title = text(field(&fields, "title"));
    settings.description = text(field(&fields, "description"));
    settings.author =
        name(field(&fields, "author")).or_else(|| name(at(&fields, &["extra", "author"])));
    settings.language = text(field(&fields, "default_language"));
    settings.address(text(field(&fields, "base_url")), None);
    settings.ascii_paths = text(at(&fields, &["slugify", "paths"])).is_none_or(|mode| mode == "on");
    Ok(settings)
}

/// Jekyll: `_config.yml`.
pub(super) fn jekyll(root: &Path, notes: &mut Vec<Diagnostic>) -> Result<Settings> {
    let Some((path, fields)) = first_file(root, &["_config.yml", "_config.yaml"], notes)? else {
        return Ok(Settings::default());
    };
    let mut settings = Settings::new(&path);
    settings.title = text(field(&fields, "title"));
    settings.description = text(field(&fields, "description"));
    settings.author = name(field(&fields, "author"));
    settings.language = text(field(&fields, "lang")).or_else(|| text(field(&fields, "locale")));
    settings.timezone = text(field(&fields, "timezone"));
    settings.address(text(field(&fields, "url")), text(field(&fields, "baseurl")));
    let permalink = text(field(&fields, "permalink")).unwrap_or_else(|| "date".to_owned());
    settings.permalinks.push((String::new(), permalink));
    Ok(settings)
}

/// Hexo: `_config.yml`.
pub(super) fn hexo(root: &Path, notes: &mut Vec<Diagnostic>) -> Result<Settings> {
    let Some((path, fields)) = first_file(root, &["_config.yml", "_config.yaml"], notes)? else {
        return Ok(Settings::default());
    };
    let mut settings = Settings::new(&path);
    settings.title = text(field(&fields, "title"));
    settings.description =
        text(field(&fields, "description")).or_else(|| text(field(&fields, "subtitle")));
    settings.author = name(field(&fields, "author"));
    // `language` may list several; the first is the site's.
    settings.language = texts(field(&fields, "language")).into_iter().next();
    settings.timezone = text(field(&fields, "timezone"));
    settings.address(text(field(&fields, "url")), text(field(&fields, "root")));
    let permalink =
        text(field(&fields, "permalink")).unwrap_or_else(|| ":year/:month/:day/:title/".to_owned());
    settings.permalinks.push((String::new(), permalink));
    settings.default_category = text(field(&fields, "default_category"));
    Ok(settings)
}

/// VitePress: `.vitepress/config.*`, which is JavaScript: only plain `key: 'text'` entries are
/// read, the first of each.
pub(super) fn vitepress(root: &Path) -> Result<Settings> {
    let names = ["config.mts", "config.ts", "config.mjs", "config.js"];
    let Some(path) = names
        .iter()
        .map(|name| root.join(".vitepress").join(name))
        .find(|path| path.is_file())
    else {
        return Ok(Settings::default());
    };
    let source = fs::read_to_string(&path).unwrap_or_default();
    let mut settings = Settings::new(&path);
    settings.title = js_string(&source, "title");
    settings.description = js_string(&source, "description");
    settings.language = js_string(&source, "lang");
    Ok(settings)
}

/// The string literal after the first `key:` of a JavaScript object (`title: 'Tea Notes'`).
pub(super) fn js_string(source: &str, key: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = source[from..].find(key).map(|i| i + from) {
        from = at + key.len();
        let before = source[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            continue;
        }
        let rest = source[from..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let rest = rest.trim_start();
        let quote = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '\'' | '"' | '`'))?;
        let body = &rest[1..];
        let end = body.find(quote)?;
        let value = body[..end].trim();
        return (!value.is_empty()).then(|| value.to_owned());
    }
    None
}

/// The `site.toml` that carries the settings, and a note for each one that could not come.
/// `None` when there is nothing to carry.
pub(super) fn site_toml(settings: &Settings, dialect: &str) -> (Option<String>, Vec<String>) {
    let mut notes = Vec::new();
    let mut lines = Vec::new();
    let mut put = |key: &str, value: &Option<String>| {
        if let Some(value) = value {
            lines.push(format!("{key} = {}", toml_string(value)));
        }
    };
    put("title", &settings.title);
    put("description", &settings.description);
    put("author", &settings.author);
    put("language", &settings.language);
    if let Some(url) = &settings.base_url {
        let placeholder = url
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split(['/', ':']).next())
            .is_some_and(|host| host.starts_with("example.") || host == "localhost");
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            notes.push(format!(
                "the address {url:?} is not an http(s) URL: base_url left out"
            ));
        } else if placeholder {
            notes.push(format!(
                "the address {url} is the generator's placeholder: base_url left out"
            ));
        } else {
            lines.push(format!("base_url = {}", toml_string(url)));
        }
    }
    if let Some(zone) = &settings.timezone {
        let known = SiteConfig::parse(&format!("timezone = {}", toml_string(zone)))
            .ok()
            .is_some_and(|site| Zone::of(&site).is_ok());
        if known {
            lines.push(format!("timezone = {}", toml_string(zone)));
        } else {
            notes.push(format!(
                "the time zone {zone:?} is not one Folio knows: timezone left out"
            ));
        }
    }
    if lines.is_empty() {
        return (None, notes);
    }
    let text = format!(
        "# Carried over from the {dialect} site's settings by folio import; every key is optional\n{}\n",
        lines.join("\n")
    );
    // What is written must be what Folio reads; a value it refuses is left out, not written.
    match SiteConfig::parse(&text) {
        Ok(_) => (Some(text), notes),
        Err(error) => {
            notes.push(format!("site.toml not written: {error}"));
            (None, notes)
        }
    }
}

/// A TOML basic string (JSON's escapes are TOML's).
pub(super) fn toml_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_keep_their_path_apart() {
        let mut settings = Settings::new(Path::new("x"));
        settings.address(Some("https://e.org/blog".into()), None);
        assert_eq!(settings.base_url.as_deref(), Some("https://e.org/blog/"));
        assert_eq!(settings.base_path, "/blog/");
        let mut jekyll = Settings::new(Path::new("x"));
        jekyll.address(Some("https://e.org".into()), Some("/notes".into()));
        assert_eq!(jekyll.base_url.as_deref(), Some("https://e.org/notes/"));
        assert_eq!(jekyll.base_path, "/notes/");
    }

    #[test]
    fn javascript_strings_are_found_by_key() {
        let source = "export default defineConfig({\n  srcDir: './src',\n  title: \"Tea\",\n  themeConfig: { siteTitle: 'x' },\n})";
        assert_eq!(js_string(source, "title").as_deref(), Some("Tea"));
        assert_eq!(js_string(source, "srcDir").as_deref(), Some("./src"));
        assert_eq!(js_string(source, "lang"), None);
    }

    #[test]
    fn site_toml_holds_what_folio_reads() {
        let settings = Settings {
            title: Some("灯笼 \"Log\"".into()),
            language: Some("zh-CN".into()),
            timezone: Some("Asia/Shanghai".into()),
            base_url: Some("http://example.com/".into()),
            ..Settings::default()
        };
        let (text, notes) = site_toml(&settings, "Hexo");
        let text = text.unwrap_or_default();
        let site = SiteConfig::parse(&text).unwrap_or_default();
        assert_eq!(site.title, "灯笼 \"Log\"");
        assert_eq!(site.timezone.as_deref(), Some("Asia/Shanghai"));
        assert_eq!(
            notes,
            ["the address http://example.com/ is the generator's placeholder: base_url left out"]
        );
        let unknown = Settings {
            timezone: Some("Mars/Base".into()),
            ..Settings::default()
        };
        assert_eq!(site_toml(&unknown, "Hexo").0, None);
    }
}
