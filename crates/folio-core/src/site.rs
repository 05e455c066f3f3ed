//! The site configuration: one `site.toml` in the content folder.
//!
//! Every key is optional; an unknown key is an error (a typo such as `titel` should not be
//! silently ignored), reported with the line it is on.

use serde::{Deserialize, Serialize};

use crate::json::{FromJson, Json, JsonError};

/// What a site says about itself in `site.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SiteConfig {
    /// Shown in the header and in every page's `<title>`.
    pub title: String,
    /// The home page's meta description.
    pub description: String,
    /// Default author for posts that name none.
    pub author: Option<String>,
    /// Absolute URL the site is published at (`https://example.org/blog/`), for canonical links.
    pub base_url: Option<String>,
    /// BCP 47 language of the site (`en`, `zh-CN`); sets `<html lang>` and date formats.
    pub language: String,
    /// Posts on each page of the home page and tag pages.
    pub posts_per_page: usize,
    /// Pass raw HTML in posts through unsanitized. Only for sites that trust every author.
    pub trust_html: bool,
    /// Read `$…$` and `$$…$$` as math (by Pandoc's rules, so `$10` stays money). `false` for a
    /// site whose `$` are prices or jQuery; a post's front-matter `math` wins over it.
    #[serde(skip_serializing_if = "is_true")]
    pub math: bool,
    /// The site's time zone: a fixed UTC offset (`+08:00`, `-05:30`, `Z`) or a zone name
    /// (`Asia/Shanghai`, `America/New_York`); UTC when absent. `folio new` dates posts in it, and
    /// `folio index` reads dates written without an offset in it. A name is resolved by the CLI,
    /// which carries the time-zone database, to the offset in force at each post's date
    /// (daylight saving time included) and writes every date of the index with that offset; this
    /// crate, which the browser app is built from, only checks the name's shape (see
    /// [`SiteConfig::zone`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// How `folio new` makes a file name from a title (see [`SlugStyle`]).
    #[serde(skip_serializing_if = "SlugStyle::is_keep")]
    pub slug_style: SlugStyle,
    /// Links in the header after the built-in ones, in order.
    pub nav: Vec<NavLink>,
    /// Colour theme before a reader picks one: follow the system (`auto`), `light` or `dark`.
    pub theme: Theme,
    /// How many of the newest posts `feed.xml` and `rss.xml` carry.
    pub feed_limit: usize,
    /// "Edit this page" link for each post: a URL in which `{file}` is replaced by the post's
    /// path below `posts/`, e.g. `https://github.com/me/blog/edit/main/public/posts/{file}`.
    pub edit_url: Option<String>,
}

/// A link in the site header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NavLink {
    /// Link text.
    pub title: String,
    /// Where it goes: a path on the site (`/about/`, relative to the site's base) or a full URL.
    pub url: String,
}

/// The colour theme a site starts in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the reader's system setting.
    #[default]
    Auto,
    /// Light until the reader switches.
    Light,
    /// Dark until the reader switches.
    Dark,
}

impl Theme {
    /// The name used in `site.toml` and in the page's `data-theme-default` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }
}

/// How `folio new` turns a title into a slug.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SlugStyle {
    /// Letters and digits of every script are kept: `你好 World` becomes `你好-world`.
    #[default]
    Keep,
    /// ASCII only: accents are dropped (`café` becomes `cafe`), other letters are left out, and a
    /// title with nothing left gets a date-based slug. No transliteration (pinyin and the like
    /// need tables far bigger than Folio).
    Ascii,
}

impl SlugStyle {
    fn is_keep(&self) -> bool {
        *self == SlugStyle::Keep
    }
}

impl Default for SiteConfig {
    fn default() -> Self {
        Self {
            title: "Folio".to_owned(),
            description: String::new(),
            author: None,
            base_url: None,
            language: "en".to_owned(),
            posts_per_page: 10,
            trust_html: false,
            math: true,
            timezone: None,
            slug_style: SlugStyle::Keep,
            nav: Vec::new(),
            theme: Theme::Auto,
            feed_limit: 20,
            edit_url: None,
        }
    }
}

/// As serde reads it: every key optional, an unknown key an error.
impl FromJson for SiteConfig {
    fn from_value(json: Json<'_>) -> Result<Self, JsonError> {
        let mut object = json.into_object()?;
        let default = Self::default();
        let site = Self {
            title: object.optional("title")?.unwrap_or(default.title),
            description: object.or_default("description")?,
            author: object.optional("author")?,
            base_url: object.optional("base_url")?,
            language: object.optional("language")?.unwrap_or(default.language),
            posts_per_page: object
                .optional("posts_per_page")?
                .unwrap_or(default.posts_per_page),
            trust_html: object.or_default("trust_html")?,
            math: object.optional("math")?.unwrap_or(default.math),
            timezone: object.optional("timezone")?,
            slug_style: object.or_default("slug_style")?,
            nav: object.or_default("nav")?,
            theme: object.or_default("theme")?,
            feed_limit: object.optional("feed_limit")?.unwrap_or(default.feed_limit),
            edit_url: object.optional("edit_url")?,
        };
        object.deny_unknown()?;
        Ok(site)
    }
}

impl FromJson for NavLink {
    fn from_value(json: Json<'_>) -> Result<Self, JsonError> {
        let mut object = json.into_object()?;
        let link = Self {
            title: object.required("title")?,
            url: object.required("url")?,
        };
        object.deny_unknown()?;
        Ok(link)
    }
}

impl FromJson for Theme {
    fn from_value(json: Json<'_>) -> Result<Self, JsonError> {
        match String::from_value(json)?.as_str() {
            "auto" => Ok(Self::Auto),
            "light" => Ok(Self::Light),
            "dark" => Ok(Self::Dark),
            other => Err(JsonError::new(format!("unknown theme `{other}`"))),
        }
    }
}

impl FromJson for SlugStyle {
    fn from_value(json: Json<'_>) -> Result<Self, JsonError> {
        match String::from_value(json)?.as_str() {
            "keep" => Ok(Self::Keep),
            "ascii" => Ok(Self::Ascii),
            other => Err(JsonError::new(format!("unknown slug style `{other}`"))),
        }
    }
}

fn is_true(value: &bool) -> bool {
    *value
}

/// Why a `site.toml` could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SiteConfigError {
    /// Not valid TOML, or a key of the wrong type or unknown.
    #[error("line {line}: {message}")]
    Syntax {
        /// 1-based line of the error.
        line: usize,
        /// What the TOML parser said.
        message: String,
    },
    /// Valid TOML whose values make no sense together.
    #[error("{0}")]
    Invalid(String),
}

impl SiteConfig {
    /// Parses and validates `site.toml`.
    ///
    /// ```
    /// let site = folio_core::SiteConfig::parse("title = \"我的博客\"\nlanguage = \"zh-CN\"").unwrap();
    /// assert_eq!(site.title, "我的博客");
    /// assert_eq!(site.posts_per_page, 10);
    /// assert!(folio_core::SiteConfig::parse("titel = \"x\"").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Self, SiteConfigError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let config: Self = toml::from_str(text).map_err(|err| SiteConfigError::Syntax {
            line: err.span().map_or(1, |span| line_of(text, span.start)),
            message: err.message().trim().to_owned(),
        })?;
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), SiteConfigError> {
        if self.posts_per_page == 0 {
            return Err(SiteConfigError::Invalid(
                "posts_per_page must be at least 1".to_owned(),
            ));
        }
        if let Some(url) = &self.base_url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            return Err(SiteConfigError::Invalid(format!(
                "base_url must be an absolute http(s) URL, not {url:?}"
            )));
        }
        if let Some(zone) = &self.timezone
            && parse_utc_offset(zone).is_none()
            && !is_zone_name(zone)
        {
            return Err(SiteConfigError::Invalid(format!(
                "timezone must be a UTC offset like \"+08:00\", \"-05:30\" or \"Z\", or a \
                 zone name like \"Asia/Shanghai\", not {zone:?}"
            )));
        }
        for link in &self.nav {
            if link.title.trim().is_empty() || link.url.trim().is_empty() {
                return Err(SiteConfigError::Invalid(
                    "every [[nav]] entry needs a title and a url".to_owned(),
                ));
            }
            if !crate::url::is_safe_link(&link.url) {
                return Err(SiteConfigError::Invalid(format!(
                    "nav link {:?} has an unsafe url {:?}",
                    link.title, link.url
                )));
            }
        }
        if let Some(url) = &self.edit_url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            return Err(SiteConfigError::Invalid(format!(
                "edit_url must be an absolute http(s) URL, not {url:?}"
            )));
        }
        Ok(())
    }

    /// The site's fixed UTC offset in minutes east of Greenwich (`480` for `+08:00`); 0
    /// without a `timezone`, and 0 for a zone name, whose offset depends on the date: the CLI
    /// resolves names ([`SiteConfig::zone`]) and gives every date it writes into the index its
    /// own offset, so this fallback only serves dates that have none.
    ///
    /// ```
    /// let site = folio_core::SiteConfig::parse("timezone = \"+08:00\"").unwrap();
    /// assert_eq!(site.utc_offset_minutes(), 480);
    /// assert_eq!(folio_core::SiteConfig::default().utc_offset_minutes(), 0);
    /// ```
    pub fn utc_offset_minutes(&self) -> i16 {
        match self.zone() {
            SiteZone::Offset(minutes) => minutes,
            SiteZone::Named(_) => 0,
        }
    }

    /// The site's `timezone`, told apart: a fixed offset (UTC when absent) or a zone name.
    ///
    /// ```
    /// use folio_core::site::{SiteConfig, SiteZone};
    /// let named = SiteConfig::parse("timezone = \"Asia/Shanghai\"").unwrap();
    /// assert_eq!(named.zone(), SiteZone::Named("Asia/Shanghai"));
    /// let fixed = SiteConfig::parse("timezone = \"-05:30\"").unwrap();
    /// assert_eq!(fixed.zone(), SiteZone::Offset(-330));
    /// assert!(SiteConfig::parse("timezone = \"8 hours ahead\"").is_err());
    /// ```
    pub fn zone(&self) -> SiteZone<'_> {
        let Some(zone) = self.timezone.as_deref() else {
            return SiteZone::Offset(0);
        };
        match parse_utc_offset(zone) {
            Some(minutes) => SiteZone::Offset(minutes),
            // `parse` has validated it; a hand-built config with a bad value counts as UTC.
            None if is_zone_name(zone) => SiteZone::Named(zone.trim()),
            None => SiteZone::Offset(0),
        }
    }

    /// The "edit this page" URL for a post stored at `file` (below `posts/`), if configured.
    ///
    /// ```
    /// let site = folio_core::SiteConfig::parse(
    ///     "edit_url = \"https://example.org/edit/posts/{file}\"").unwrap();
    /// assert_eq!(site.edit_link("2024/a b.md").as_deref(),
    ///            Some("https://example.org/edit/posts/2024/a%20b.md"));
    /// ```
    pub fn edit_link(&self, file: &str) -> Option<String> {
        let encoded: Vec<String> = file.split('/').map(crate::paths::encode_segment).collect();
        self.edit_url
            .as_ref()
            .map(|template| template.replace("{file}", &encoded.join("/")))
    }

    /// `base_url` without its trailing slash, when set.
    pub fn origin_and_path(&self) -> Option<&str> {
        self.base_url
            .as_deref()
            .map(|url| url.trim_end_matches('/'))
    }
}

/// A site's time zone as `site.toml` gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteZone<'a> {
    /// A fixed UTC offset, in minutes east of Greenwich.
    Offset(i16),
    /// A time-zone database name (`Asia/Shanghai`), whose offset depends on the date.
    Named(&'a str),
}

/// Whether `zone` has the shape of a time-zone database name: `Area/Location` parts of ASCII
/// letters, digits, `_`, `-` and `+` (`America/Argentina/Buenos_Aires`, `Etc/GMT+8`), or a single
/// such part (`UTC`, `EST5EDT`). Whether the database has it is for the CLI to say.
fn is_zone_name(zone: &str) -> bool {
    let zone = zone.trim();
    !zone.is_empty()
        && zone.len() <= 64
        && zone.split('/').all(|part| {
            part.starts_with(|c: char| c.is_ascii_alphabetic())
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'))
        })
}

/// `+08:00`, `-0530`, `Z`, read by the date parser so offsets mean the same in `site.toml` as in
/// front matter.
fn parse_utc_offset(zone: &str) -> Option<i16> {
    let zone = zone.trim();
    let zone = if zone.eq_ignore_ascii_case("utc") {
        "Z"
    } else {
        zone
    };
    crate::Date::parse(&format!("2000-01-01T00:00:00{zone}"))
        .ok()?
        .offset_minutes()
}

fn line_of(text: &str, byte: usize) -> usize {
    text.get(..byte)
        .map_or(1, |before| before.matches('\n').count() + 1)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn empty_file_gives_defaults() {
        assert_eq!(SiteConfig::parse(""), Ok(SiteConfig::default()));
    }

    #[test]
    fn errors_name_the_line_and_the_problem() {
        let cases: &[(&str, usize, &str)] = &[
            ("title = \"a\"\ntitel = \"b\"", 2, "titel"),
            ("title = \"a\"\n\nposts_per_page = \"ten\"", 3, "string"),
            ("title = \"unclosed", 1, ""),
        ];
        for (text, line, needle) in cases {
            match SiteConfig::parse(text) {
                Err(SiteConfigError::Syntax { line: got, message }) => {
                    assert_eq!(got, *line, "{text:?}: {message}");
                    assert!(message.contains(needle), "{text:?}: {message}");
                }
                other => panic!("{text:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn navigation_theme_and_edit_link_are_read() {
        let site = SiteConfig::parse(
            "theme = \"dark\"\nedit_url = \"https://example.org/e/{file}\"\n\
             [[nav]]\ntitle = \"关于\"\nurl = \"/posts/about/\"\n\
             [[nav]]\ntitle = \"GitHub\"\nurl = \"https://github.com/\"\n",
        )
        .unwrap();
        assert_eq!(site.theme, Theme::Dark);
        assert_eq!(site.nav.len(), 2);
        assert_eq!(site.nav[0].title, "关于");
        assert_eq!(
            site.edit_link("a.md").as_deref(),
            Some("https://example.org/e/a.md")
        );
        for text in [
            "theme = \"sepia\"",
            "[[nav]]\ntitle = \"x\"\nurl = \"javascript:alert(1)\"",
            "[[nav]]\ntitle = \"\"\nurl = \"/a/\"",
            "edit_url = \"/edit/{file}\"",
        ] {
            assert!(SiteConfig::parse(text).is_err(), "{text:?}");
        }
    }

    #[test]
    fn timezones_are_fixed_offsets() {
        let cases = [
            ("+08:00", Some(480)),
            ("-05:30", Some(-330)),
            ("+0800", Some(480)),
            ("Z", Some(0)),
            ("UTC", Some(0)),
            ("+00:00", Some(0)),
            ("+24:00", None),
            ("8", None),
            ("", None),
        ];
        for (zone, want) in cases {
            assert_eq!(parse_utc_offset(zone), want, "{zone:?}");
        }
    }

    #[test]
    fn timezones_may_be_zone_names() {
        let cases = [
            ("Asia/Shanghai", Some(SiteZone::Named("Asia/Shanghai"))),
            (
                "America/Argentina/Buenos_Aires",
                Some(SiteZone::Named("America/Argentina/Buenos_Aires")),
            ),
            ("Etc/GMT+8", Some(SiteZone::Named("Etc/GMT+8"))),
            ("EST5EDT", Some(SiteZone::Named("EST5EDT"))),
            ("+08:00", Some(SiteZone::Offset(480))),
            ("UTC", Some(SiteZone::Offset(0))),
            ("8", None),
            ("Asia//Shanghai", None),
            ("../etc/passwd", None),
            ("Asia/上海", None),
            ("", None),
        ];
        for (zone, want) in cases {
            let site = SiteConfig::parse(&format!("timezone = {zone:?}"));
            assert_eq!(site.as_ref().ok().map(SiteConfig::zone), want, "{zone:?}");
        }
        let named = SiteConfig::parse("timezone = \"Asia/Shanghai\"").unwrap();
        assert_eq!(named.utc_offset_minutes(), 0);
    }

    #[test]
    fn slug_style_is_keep_or_ascii() {
        let ascii = SiteConfig::parse("slug_style = \"ascii\"");
        assert_eq!(ascii.map(|site| site.slug_style), Ok(SlugStyle::Ascii));
        assert_eq!(SiteConfig::default().slug_style, SlugStyle::Keep);
        assert!(matches!(
            SiteConfig::parse("slug_style = \"pinyin\""),
            Err(SiteConfigError::Syntax { line: 1, .. })
        ));
    }

    #[test]
    fn nonsense_values_are_rejected() {
        assert!(matches!(
            SiteConfig::parse("posts_per_page = 0"),
            Err(SiteConfigError::Invalid(_))
        ));
        assert!(matches!(
            SiteConfig::parse("base_url = \"example.org\""),
            Err(SiteConfigError::Invalid(_))
        ));
    }
}
