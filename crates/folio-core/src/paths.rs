//! The URL contract: how slugs, tags and post files become URLs, and which slugs are safe.
//!
//! Both the CLI (writing `posts/<slug>/index.html` shells) and the app (routing and fetching)
//! go through these functions, so a URL the index writes is a URL the app understands.

/// Characters kept as-is in a path segment; everything else is percent-encoded as UTF-8.
///
/// RFC 3986 unreserved characters only: CJK, spaces, `%` and `/` are always encoded, so a
/// segment never changes meaning between the file system, the static host and the router.
fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

/// Percent-encodes one URL path segment (UTF-8, uppercase hex).
///
/// ```
/// assert_eq!(folio_core::paths::encode_segment("你好 world"), "%E4%BD%A0%E5%A5%BD%20world");
/// assert_eq!(folio_core::paths::encode_segment("a/b"), "a%2Fb");
/// ```
pub fn encode_segment(segment: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(segment.len());
    for &byte in segment.as_bytes() {
        if is_unreserved(byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
    out
}

/// Decodes `%XX` escapes; `None` when an escape is malformed or the bytes are not UTF-8.
///
/// ```
/// assert_eq!(folio_core::paths::decode_segment("%E4%BD%A0%20a").as_deref(), Some("你 a"));
/// assert_eq!(folio_core::paths::decode_segment("%ZZ"), None);
/// ```
pub fn decode_segment(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Whether a path names a file rather than a page: its last segment has a dot (`feed.xml`,
/// `posts/a.md`, `2019/a.html`). The build writes such an address as that file, not as a
/// folder with its `index.html`, and the app's router leaves links to it to the browser.
///
/// ```
/// use folio_core::paths::names_file;
/// assert!(names_file("/feed.xml"));
/// assert!(names_file("2019/a.html"));
/// assert!(names_file("/blog/posts/a.md"));
/// assert!(!names_file("/posts/v1.2-release/"));
/// assert!(!names_file("/tags/"));
/// ```
pub fn names_file(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
}

/// Why a slug cannot be used as a URL segment and folder name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SlugError {
    /// Nothing left after trimming.
    #[error("the slug is empty")]
    Empty,
    /// Holds a path separator, so it would name a different folder.
    #[error("the slug {0:?} contains a path separator")]
    Separator(String),
    /// Starts with a dot: `.`/`..` climb folders and dot-files are hidden on most hosts.
    #[error("the slug {0:?} starts with a dot")]
    Dot(String),
    /// Holds control characters, which no host serves reliably.
    #[error("the slug {0:?} contains a control character")]
    Control(String),
    /// Longer than file systems allow for one folder name.
    #[error("the slug is longer than 200 bytes")]
    TooLong,
}

/// Checks that `slug` can be both a URL segment and a folder name on any static host.
///
/// CJK, spaces and most punctuation are fine (they are percent-encoded in URLs);
/// separators, leading dots and control characters are not.
///
/// ```
/// use folio_core::paths::{validate_slug, SlugError};
/// assert!(validate_slug("雨夜 书店").is_ok());
/// assert!(matches!(validate_slug("../etc"), Err(SlugError::Separator(_))));
/// ```
pub fn validate_slug(slug: &str) -> Result<(), SlugError> {
    if slug.trim().is_empty() {
        return Err(SlugError::Empty);
    }
    if slug.contains(['/', '\\']) {
        return Err(SlugError::Separator(slug.to_owned()));
    }
    if slug.starts_with('.') {
        return Err(SlugError::Dot(slug.to_owned()));
    }
    if slug.chars().any(char::is_control) {
        return Err(SlugError::Control(slug.to_owned()));
    }
    if slug.len() > 200 {
        return Err(SlugError::TooLong);
    }
    Ok(())
}

/// What the build writes at the site's root, beside the content it copies: Trunk's app shell,
/// Folio's pages, feeds, search index and service worker, the manifest and the home page files
/// (and the extras modules' folders, [`EXTRAS_MODULE_PREFIX`]).
/// A file of the content folder at one of these paths (or below one) would be overwritten, or
/// would stop the build by standing where a folder must go.
const SITE_OUTPUTS: &[&str] = &[
    "index.html",
    "404.html",
    "sw.js",
    "feed.xml",
    "rss.xml",
    "sitemap.xml",
    "search",
    "tags",
    "archive",
    "page",
    "posts/index.json",
    "posts/pages",
];

/// Whether `path` (relative to the site's root, `/`-separated) is, or is below, something the
/// build writes itself, so a content file there cannot be published.
///
/// ```
/// use folio_core::paths::is_site_output;
/// assert!(is_site_output("feed.xml"));
/// assert!(is_site_output("tags/rust/index.html"));
/// assert!(is_site_output("posts/pages/1.json"));
/// assert!(!is_site_output("posts/a.md"));
/// assert!(!is_site_output("tagsoup.png"));
/// assert!(is_site_output("extras-code-0123abcd/folio_extras.js"));
/// assert!(!is_site_output("extras-list.png"));
/// ```
pub fn is_site_output(path: &str) -> bool {
    SITE_OUTPUTS.iter().any(|output| {
        path.strip_prefix(output)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    }) || path
        .split_once('/')
        .is_some_and(|(folder, _)| folder.starts_with(EXTRAS_MODULE_PREFIX))
}

/// The folders the extras modules are built into, `extras-<extra>-<hash>/`, at the site's root:
/// a content folder of that shape would be taken for one.
const EXTRAS_MODULE_PREFIX: &str = "extras-";

/// Names in `posts/` that Folio writes itself (the manifest, the home page files' folder), so no
/// post's page may be a folder of that name (or, for `pages`, below it).
const RESERVED_POST_SLUGS: &[&str] = &["index.json", "pages"];

/// Whether a post path (any case) would put a post's page where Folio writes something in
/// `posts/` itself: `index.json`, or anything in `pages/`.
///
/// ```
/// use folio_core::paths::is_reserved_post_path;
/// assert!(is_reserved_post_path("Index.JSON"));
/// assert!(is_reserved_post_path("pages/intro"));
/// assert!(!is_reserved_post_path("pages-2"));
/// assert!(!is_reserved_post_path("2024/index.json"));
/// ```
pub fn is_reserved_post_path(path: &str) -> bool {
    let first = path.split('/').next().unwrap_or_default();
    RESERVED_POST_SLUGS.iter().any(|reserved| {
        reserved.eq_ignore_ascii_case(first) && (first == path || *reserved == "pages")
    })
}

/// Why a manifest `file` (a post's Markdown path below `posts/`) cannot be fetched.
///
/// The app builds its fetch URL from this field, so anything that could climb out of `posts/`,
/// reach another host or be read differently by a server is refused before a request is made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PostFileError {
    /// Nothing there.
    #[error("the post file path is empty")]
    Empty,
    /// Starts with `/` (or `//host`): it would leave the posts folder or the site.
    #[error("the post file path {0:?} is absolute")]
    Absolute(String),
    /// Names a scheme (`https:`, `javascript:`, `c:`).
    #[error("the post file path {0:?} has a scheme")]
    Scheme(String),
    /// Holds a backslash, which some servers and browsers read as `/`.
    #[error("the post file path {0:?} contains a backslash")]
    Backslash(String),
    /// An empty, `.` or `..` segment.
    #[error("the post file path {0:?} has an empty, `.` or `..` segment")]
    DotSegment(String),
    /// A `%XX` escape: it could hide `..`, `/` or `\` from this check and not from a server
    /// that decodes twice. A `%` not followed by two hex digits is plain text.
    #[error("the post file path {0:?} contains a percent escape")]
    Percent(String),
    /// Control characters, `?` or `#`, which change what a URL names.
    #[error("the post file path {0:?} contains a control character, `?` or `#`")]
    Character(String),
    /// Not a `.md` or `.markdown` file.
    #[error("the post file path {0:?} does not end in .md or .markdown")]
    Extension(String),
}

/// Checks a manifest's `file` field before it becomes a URL: a relative, `/`-separated path
/// below `posts/` of a `.md` or `.markdown` file, with no `.`/`..` segments, backslashes,
/// schemes, `%XX` escapes, queries or fragments.
///
/// The CLI only writes such paths; the app checks again because the manifest is just a file on
/// the host and must not be able to send the app anywhere else.
///
/// ```
/// use folio_core::paths::{validate_post_file, PostFileError};
/// assert!(validate_post_file("2024/雨夜 书店.md").is_ok());
/// assert!(matches!(validate_post_file("../secret.md"), Err(PostFileError::DotSegment(_))));
/// assert!(matches!(validate_post_file("//evil.example/a.md"), Err(PostFileError::Absolute(_))));
/// ```
pub fn validate_post_file(file: &str) -> Result<(), PostFileError> {
    let owned = || file.to_owned();
    if file.is_empty() {
        return Err(PostFileError::Empty);
    }
    if file.starts_with('/') {
        return Err(PostFileError::Absolute(owned()));
    }
    if file.contains('\\') {
        return Err(PostFileError::Backslash(owned()));
    }
    if has_percent_escape(file) {
        return Err(PostFileError::Percent(owned()));
    }
    if file.chars().any(|c| c.is_control() || c == '?' || c == '#') {
        return Err(PostFileError::Character(owned()));
    }
    // A colon in the first segment is read as a scheme (`https:`, `c:`), even where the scheme
    // is not a valid one: browsers and servers disagree on those.
    if file
        .split('/')
        .next()
        .is_some_and(|first| first.contains(':'))
    {
        return Err(PostFileError::Scheme(owned()));
    }
    if file
        .split('/')
        .any(|segment| matches!(segment.trim(), "" | "." | ".."))
    {
        return Err(PostFileError::DotSegment(owned()));
    }
    let lower = file.to_ascii_lowercase();
    if !(lower.ends_with(".md") || lower.ends_with(".markdown")) {
        return Err(PostFileError::Extension(owned()));
    }
    Ok(())
}

fn has_percent_escape(text: &str) -> bool {
    text.as_bytes()
        .windows(3)
        .any(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit())
}

/// Normalizes a site's public URL path to start and end with `/` (`blog` -> `/blog/`).
///
/// ```
/// assert_eq!(folio_core::paths::normalize_base("blog"), "/blog/");
/// assert_eq!(folio_core::paths::normalize_base(""), "/");
/// ```
pub fn normalize_base(base: &str) -> String {
    let trimmed = base.trim().trim_matches('/');
    if trimmed.is_empty() {
        "/".to_owned()
    } else {
        format!("/{trimmed}/")
    }
}

/// URL path of a page of the site: `path` (`archive/`, `/tags/`) below `base`.
///
/// ```
/// assert_eq!(folio_core::paths::href("/blog/", "/archive/"), "/blog/archive/");
/// assert_eq!(folio_core::paths::href("/", "tags/"), "/tags/");
/// ```
pub fn href(base: &str, path: &str) -> String {
    format!("{base}{}", path.trim_start_matches('/'))
}

/// URL path of 1-based home page `page`: the base for the first, `{base}page/{page}/` after.
///
/// ```
/// assert_eq!(folio_core::paths::home_page_href("/blog/", 1), "/blog/");
/// assert_eq!(folio_core::paths::home_page_href("/blog/", 3), "/blog/page/3/");
/// ```
pub fn home_page_href(base: &str, page: usize) -> String {
    Paged::Home.page_href(base, page)
}

/// URL path of a post page: `{base}posts/{path}/`, each segment of the post's path (see
/// [`post_path`]) percent-encoded.
///
/// ```
/// assert_eq!(folio_core::paths::post_url("/blog/", "hello world"), "/blog/posts/hello%20world/");
/// assert_eq!(folio_core::paths::post_url("/", "2022/你好"), "/posts/2022/%E4%BD%A0%E5%A5%BD/");
/// ```
pub fn post_url(base: &str, path: &str) -> String {
    let encoded: Vec<String> = path.split('/').map(encode_segment).collect();
    format!("{base}posts/{}/", encoded.join("/"))
}

/// A post's path below `/posts/`, which its URL mirrors: the Markdown file's path below
/// `posts/` without its extension; a bundle's `index.md` stands for its folder; a front-matter
/// `slug` (a single segment, checked by [`validate_slug`]) replaces the last segment. So two
/// files never share a URL, and a file's URL is known from its name.
///
/// ```
/// use folio_core::paths::post_path;
/// assert_eq!(post_path("hello.md", None), "hello");
/// assert_eq!(post_path("2022/first-nas.md", None), "2022/first-nas");
/// assert_eq!(post_path("guide/intro/index.md", None), "guide/intro");
/// assert_eq!(post_path("2022/first-nas.md", Some("nas")), "2022/nas");
/// assert_eq!(post_path("index.md", None), "index");
/// ```
pub fn post_path(file: &str, slug: Option<&str>) -> String {
    let stem = file
        .strip_suffix(".md")
        .or_else(|| file.strip_suffix(".markdown"))
        .unwrap_or(file);
    let (folder, last) = match stem.rsplit_once('/') {
        // A bundle: `guide/intro/index.md` is the page of `guide/intro`.
        Some((folder, "index")) => match folder.rsplit_once('/') {
            Some((parent, name)) => (Some(parent), name),
            None => (None, folder),
        },
        Some((folder, name)) => (Some(folder), name),
        None => (None, stem),
    };
    let last = slug.unwrap_or(last);
    match folder {
        Some(folder) => format!("{folder}/{last}"),
        None => last.to_owned(),
    }
}

/// The post path a URL path names (`{base}posts/2022/%E4%BD%A0/` → `2022/你`; the last slash
/// optional), each segment decoded and the whole checked by [`validate_post_path`]; `None` for
/// any other URL. A `.md` file (`{base}posts/a.md`) is the post's source, not its page.
///
/// ```
/// use folio_core::paths::post_path_in_url;
/// assert_eq!(post_path_in_url("/blog/", "/blog/posts/2022/a%20b/").as_deref(), Some("2022/a b"));
/// assert_eq!(post_path_in_url("/", "/posts/x").as_deref(), Some("x"));
/// assert_eq!(post_path_in_url("/", "/posts/a/../../etc/"), None);
/// assert_eq!(post_path_in_url("/", "/posts/a.md"), None);
/// assert_eq!(post_path_in_url("/", "/tags/x/"), None);
/// ```
pub fn post_path_in_url(base: &str, url_path: &str) -> Option<String> {
    let rest = url_path.strip_prefix(base)?.strip_prefix("posts/")?;
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let decoded: Option<Vec<String>> = rest.split('/').map(decode_segment).collect();
    let path = decoded?.join("/");
    let source = validate_post_file(&path).is_ok();
    (!source && validate_post_path(&path).is_ok()).then_some(path)
}

/// Why a post path (what follows `/posts/` in a post's URL) cannot be a post's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PostPathError {
    /// Nothing there.
    #[error("the post path is empty")]
    Empty,
    /// A segment that is not a valid slug.
    #[error("the post path {path:?} has a bad segment: {error}")]
    Segment {
        /// The whole path.
        path: String,
        /// What is wrong with the segment.
        error: SlugError,
    },
}

/// Checks a post path: `/`-separated segments, each a valid [`validate_slug`] slug (no empty,
/// `.`-led, `..` or backslashed segment, no control characters), so it can be a folder path on
/// any host and never climbs out of `posts/`.
///
/// ```
/// use folio_core::paths::validate_post_path;
/// assert!(validate_post_path("2022/雨夜 书店").is_ok());
/// assert!(validate_post_path("2022/../secret").is_err());
/// assert!(validate_post_path("a//b").is_err());
/// assert!(validate_post_path("").is_err());
/// ```
pub fn validate_post_path(path: &str) -> Result<(), PostPathError> {
    if path.is_empty() {
        return Err(PostPathError::Empty);
    }
    for segment in path.split('/') {
        validate_slug(segment).map_err(|error| PostPathError::Segment {
            path: path.to_owned(),
            error,
        })?;
    }
    Ok(())
}

/// The name of a post's own file in its page's folder ([`crate::PostData`]).
pub const POST_DATA_FILE: &str = "post.json";

/// URL path of a post's own file: `{base}posts/{path}/post.json`.
///
/// ```
/// assert_eq!(folio_core::paths::post_data_url("/", "2022/nas"), "/posts/2022/nas/post.json");
/// ```
pub fn post_data_url(base: &str, path: &str) -> String {
    format!("{}{POST_DATA_FILE}", post_url(base, path))
}

/// URL path of a tag page: `{base}tags/{tag_slug}/`, where the tag slug comes from
/// [`crate::slug::tag_slug`].
pub fn tag_url(base: &str, tag_slug: &str) -> String {
    format!("{base}tags/{}/", encode_segment(tag_slug))
}

/// URL path of a post's raw Markdown: `{base}posts/{file}`, each folder of `file` encoded.
///
/// ```
/// assert_eq!(folio_core::paths::post_file_url("/", "2024/a b.md"), "/posts/2024/a%20b.md");
/// ```
pub fn post_file_url(base: &str, file: &str) -> String {
    let encoded: Vec<String> = file.split('/').map(encode_segment).collect();
    format!("{base}posts/{}", encoded.join("/"))
}

/// The manifest's file below the site's root.
pub const MANIFEST_FILE: &str = "posts/index.json";

/// The folder of the list page files (home pages, tag pages, the archive) below the site's root.
pub const LIST_PAGES_DIR: &str = "posts/pages";

/// The folder of the search index below the site's root (the search page's shell is there too).
pub const SEARCH_DIR: &str = "search";

/// URL path of the manifest, which lists every post: `{base}posts/index.json`.
pub fn manifest_url(base: &str) -> String {
    format!("{base}{MANIFEST_FILE}")
}

/// URL path of 1-based home page `page`'s file ([`crate::ListPage`]), which is all the home page
/// fetches.
///
/// ```
/// assert_eq!(folio_core::paths::home_page_url("/blog/", 2), "/blog/posts/pages/2.json");
/// ```
pub fn home_page_url(base: &str, page: usize) -> String {
    Paged::Home.page_url(base, page)
}

/// A list of posts the site shows a page at a time, each page from its own small file
/// ([`crate::ListPage`]): the home page, one tag's posts, the archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paged<'a> {
    /// Every post, newest first: `/`, `/page/2/`, … from `posts/pages/<n>.json`.
    Home,
    /// The posts carrying the tag with this [`crate::slug::tag_slug`]: `/tags/<tag>/`,
    /// `/tags/<tag>/page/2/`, … from `posts/pages/tags/<tag>/<n>.json`.
    Tag(&'a str),
    /// Every post by year: `/archive/`, `/archive/page/2/`, … from
    /// `posts/pages/archive/<n>.json`.
    Archive,
}

impl Paged<'_> {
    /// URL path of 1-based page `page`: the list's own address for the first, `page/<n>/`
    /// below it after.
    ///
    /// ```
    /// use folio_core::paths::Paged;
    /// assert_eq!(Paged::Home.page_href("/blog/", 3), "/blog/page/3/");
    /// assert_eq!(Paged::Tag("情感").page_href("/", 1), "/tags/%E6%83%85%E6%84%9F/");
    /// assert_eq!(Paged::Tag("rust").page_href("/", 2), "/tags/rust/page/2/");
    /// assert_eq!(Paged::Archive.page_href("/", 2), "/archive/page/2/");
    /// ```
    pub fn page_href(self, base: &str, page: usize) -> String {
        let first = match self {
            Self::Home => base.to_owned(),
            Self::Tag(slug) => tag_url(base, slug),
            Self::Archive => format!("{base}archive/"),
        };
        if page <= 1 {
            first
        } else {
            format!("{first}page/{page}/")
        }
    }

    /// Page `page`'s file below the site's root, as the build writes it (not encoded).
    ///
    /// ```
    /// use folio_core::paths::Paged;
    /// assert_eq!(Paged::Home.page_file(2), "posts/pages/2.json");
    /// assert_eq!(Paged::Tag("情感").page_file(1), "posts/pages/tags/情感/1.json");
    /// assert_eq!(Paged::Archive.page_file(3), "posts/pages/archive/3.json");
    /// ```
    pub fn page_file(self, page: usize) -> String {
        match self {
            Self::Home => format!("{LIST_PAGES_DIR}/{page}.json"),
            Self::Tag(slug) => format!("{LIST_PAGES_DIR}/tags/{slug}/{page}.json"),
            Self::Archive => format!("{LIST_PAGES_DIR}/archive/{page}.json"),
        }
    }

    /// URL path of page `page`'s file, which is all that page fetches.
    ///
    /// ```
    /// use folio_core::paths::Paged;
    /// assert_eq!(Paged::Home.page_url("/blog/", 2), "/blog/posts/pages/2.json");
    /// assert_eq!(Paged::Tag("a b").page_url("/", 1), "/posts/pages/tags/a%20b/1.json");
    /// ```
    pub fn page_url(self, base: &str, page: usize) -> String {
        let file = self.page_file(page);
        let encoded: Vec<String> = file.split('/').map(encode_segment).collect();
        format!("{base}{}", encoded.join("/"))
    }
}

/// The tag list's file below the site's root ([`crate::TagList`]): every tag and its count.
pub const TAG_LIST_FILE: &str = "posts/pages/tags.json";

/// URL path of the tag list's file.
pub fn tag_list_url(base: &str) -> String {
    format!("{base}{TAG_LIST_FILE}")
}

/// URL path of the folder that holds a post's Markdown file (what relative links resolve against).
///
/// ```
/// assert_eq!(folio_core::paths::post_folder_url("/blog/", "2024/a.md"), "/blog/posts/2024/");
/// assert_eq!(folio_core::paths::post_folder_url("/", "a.md"), "/posts/");
/// ```
pub fn post_folder_url(base: &str, file: &str) -> String {
    match file.rsplit_once('/') {
        Some((folder, _)) => post_file_url(base, &format!("{folder}/")),
        None => format!("{base}posts/"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_round_trips_cjk_spaces_and_reserved_characters() {
        for text in [
            "你好 世界",
            "100% done",
            "a/b?c#d",
            "C++ & Rust",
            "emoji 🎉",
            "plain-slug_1.0~",
        ] {
            let encoded = encode_segment(text);
            assert!(encoded.is_ascii(), "{encoded}");
            assert!(!encoded.contains(['/', '?', '#', ' ']), "{encoded}");
            assert_eq!(decode_segment(&encoded).as_deref(), Some(text));
        }
    }

    #[test]
    fn decoding_rejects_broken_escapes_and_invalid_utf8() {
        for bad in ["%", "%4", "%G0", "%FF", "%E4%BD"] {
            assert_eq!(decode_segment(bad), None, "{bad}");
        }
    }

    #[test]
    fn slug_validation_table() {
        let separator = |s: &str| Err(SlugError::Separator(s.to_owned()));
        let dot = |s: &str| Err(SlugError::Dot(s.to_owned()));
        let cases = [
            ("hello-world", Ok(())),
            ("雨夜书店", Ok(())),
            ("with space", Ok(())),
            ("100% done", Ok(())),
            ("v1.0", Ok(())),
            ("", Err(SlugError::Empty)),
            ("   ", Err(SlugError::Empty)),
            ("a/b", separator("a/b")),
            ("a\\b", separator("a\\b")),
            ("..", dot("..")),
            (".hidden", dot(".hidden")),
            ("tab\there", Err(SlugError::Control("tab\there".to_owned()))),
        ];
        for (slug, expected) in cases {
            assert_eq!(validate_slug(slug), expected, "{slug:?}");
        }
        assert_eq!(validate_slug(&"长".repeat(70)), Err(SlugError::TooLong));
    }

    #[test]
    fn slugs_from_hostile_post_urls_are_refused() {
        // As the router hands them over from `/posts/<slug>/`, percent-decoded.
        let separator = |s: &str| Err(SlugError::Separator(s.to_owned()));
        let dot = |s: &str| Err(SlugError::Dot(s.to_owned()));
        let cases = [
            ("../../etc/passwd", separator("../../etc/passwd")),
            ("..", dot("..")),
            (".%2e", dot(".%2e")),
            ("a/../../secret", separator("a/../../secret")),
            ("https://evil.example", separator("https://evil.example")),
            ("//evil.example", separator("//evil.example")),
            ("\\\\evil\\x", separator("\\\\evil\\x")),
            ("/etc/passwd", separator("/etc/passwd")),
            ("a\u{0}b", Err(SlugError::Control("a\u{0}b".to_owned()))),
        ];
        for (slug, expected) in cases {
            assert_eq!(validate_slug(slug), expected, "{slug:?}");
        }
    }

    #[test]
    fn post_file_validation_table() {
        use PostFileError as E;
        type Variant = fn(String) -> PostFileError;
        let cases: &[(&str, Variant)] = &[
            ("/etc/passwd.md", E::Absolute),
            ("//evil.example/a.md", E::Absolute),
            ("https://evil.example/a.md", E::Scheme),
            ("https:a.md", E::Scheme),
            ("javascript:alert(1).md", E::Scheme),
            ("c:/a.md", E::Scheme),
            ("a\\..\\b.md", E::Backslash),
            ("\\\\evil\\a.md", E::Backslash),
            ("../a.md", E::DotSegment),
            ("a/../../b.md", E::DotSegment),
            ("./a.md", E::DotSegment),
            ("a/./b.md", E::DotSegment),
            ("a//b.md", E::DotSegment),
            ("a/ .. /b.md", E::DotSegment),
            ("a/", E::DotSegment),
            ("%2e%2e/a.md", E::Percent),
            ("..%2fa.md", E::Percent),
            ("a%2Fb.md", E::Percent),
            ("%252e%252e/a.md", E::Percent),
            ("a.md?x=1", E::Character),
            ("a.md#x", E::Character),
            ("a\n.md", E::Character),
            ("a.html", E::Extension),
            ("a.md.html", E::Extension),
            ("posts", E::Extension),
        ];
        for (file, error) in cases {
            assert_eq!(
                validate_post_file(file),
                Err(error((*file).to_owned())),
                "{file:?}"
            );
        }
        for good in [
            "a.md",
            "2024/a.md",
            "2024/深/你好 世界.md",
            "notes.MARKDOWN",
            "v1.0/a..b.md",
            "...md",
            "2024/a:b.md",
            "100% done.md",
            "50%-off.md",
        ] {
            assert_eq!(validate_post_file(good), Ok(()), "{good:?}");
        }
        assert_eq!(validate_post_file(""), Err(PostFileError::Empty));
    }

    #[test]
    fn urls_follow_the_contract() {
        assert_eq!(post_url("/", "你好"), "/posts/%E4%BD%A0%E5%A5%BD/");
        assert_eq!(post_url("/", "a b/c?"), "/posts/a%20b/c%3F/");
        assert_eq!(tag_url("/blog/", "gpt-4o"), "/blog/tags/gpt-4o/");
        assert_eq!(post_file_url("/blog/", "a.md"), "/blog/posts/a.md");
        assert_eq!(post_folder_url("/", "x/y/z.md"), "/posts/x/y/");
        assert_eq!(normalize_base("/blog"), "/blog/");
        assert_eq!(normalize_base("/"), "/");
    }
}
