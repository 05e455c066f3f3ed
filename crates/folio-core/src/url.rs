//! URL checks and resolution shared by Markdown links, images and sanitized raw HTML.
//!
//! Scheme checks look at a URL the way a browser's URL parser does: tabs and newlines anywhere
//! are removed and leading control characters and spaces are skipped before the scheme is read,
//! so `jav&#x09;ascript:` or ` JaVaScRiPt:` cannot slip past. Callers pass text that is already
//! entity-decoded (pulldown-cmark decodes link destinations; the sanitizer decodes attributes).

use std::borrow::Cow;

/// The URL's scheme, lowercased, as a browser would read it; `None` for relative URLs.
///
/// ```
/// use folio_core::url::scheme;
/// assert_eq!(scheme(" JaVa\tScRiPt:alert(1)").as_deref(), Some("javascript"));
/// assert_eq!(scheme("../img/a.png"), None);
/// assert_eq!(scheme("a b:c"), None);
/// ```
pub fn scheme(url: &str) -> Option<String> {
    let mut name = String::new();
    let mut chars = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    for c in chars.by_ref() {
        match c {
            ':' if !name.is_empty() => return Some(name),
            'a'..='z' | 'A'..='Z' => name.push(c.to_ascii_lowercase()),
            '0'..='9' | '+' | '-' | '.' if !name.is_empty() => name.push(c),
            _ => return None,
        }
    }
    None
}

/// Whether `url` may be a link's `href`: http, https, mailto, tel, or relative (including
/// `#fragment` and `/absolute/path`).
///
/// ```
/// use folio_core::url::is_safe_link;
/// assert!(is_safe_link("https://example.com"));
/// assert!(is_safe_link("./other.md#intro"));
/// assert!(!is_safe_link("javascript:alert(1)"));
/// ```
pub fn is_safe_link(url: &str) -> bool {
    match scheme(url) {
        None => true,
        Some(s) => matches!(s.as_str(), "http" | "https" | "mailto" | "tel"),
    }
}

/// Whether `url` may be an image's `src`: http, https, relative, or a `data:image/*` URL.
pub fn is_safe_image(url: &str) -> bool {
    match scheme(url) {
        None => true,
        Some(s) if s == "http" || s == "https" => true,
        Some(s) if s == "data" => {
            let cleaned: String = url
                .trim_start_matches(|c: char| c <= ' ')
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .take("data:image/".len())
                .collect();
            cleaned.eq_ignore_ascii_case("data:image/")
        }
        Some(_) => false,
    }
}

/// Whether `url` leaves the site: an http(s) URL or a scheme-relative one (`//host/…`), read as
/// a browser reads it in an http(s) page: leading control characters and spaces, and tabs and
/// newlines anywhere, are ignored, and a backslash counts as a slash, so `/\host`, `\\host` and
/// `\/host` lead to `host` too.
///
/// ```
/// use folio_core::url::is_external;
/// assert!(is_external("https://example.com") && is_external("//example.com"));
/// assert!(is_external("/\\example.com") && is_external(" \\\t\\example.com"));
/// assert!(!is_external("/posts/a/") && !is_external("/%5Cexample.com") && !is_external("\\a"));
/// ```
pub fn is_external(url: &str) -> bool {
    let mut start = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    let slash = |c: Option<char>| matches!(c, Some('/' | '\\'));
    (slash(start.next()) && slash(start.next()))
        || matches!(scheme(url).as_deref(), Some("http" | "https"))
}

/// Whether `url` names a page or file of the site itself (a relative or site-absolute path): not
/// empty, not only a fragment or query of the page it is on, with no scheme and no host. Links a
/// build can look up in the content folder, and rewrite, are these.
///
/// ```
/// use folio_core::url::is_site_path;
/// assert!(is_site_path("../a.md#x") && is_site_path("/posts/a/") && is_site_path("img/a b.png"));
/// assert!(!is_site_path("#top") && !is_site_path("?q=1") && !is_site_path(""));
/// assert!(!is_site_path("//host/a") && !is_site_path("/\\host/a") && !is_site_path("mailto:a@b"));
/// ```
pub fn is_site_path(url: &str) -> bool {
    !url.is_empty() && !url.starts_with(['#', '?']) && !is_external(url) && scheme(url).is_none()
}

/// `url` as a browser's URL parser reads it in an http(s) page: without the control characters
/// and spaces around it and the tabs and newlines inside it, and, unless it has a scheme other
/// than http(s) (or the other special schemes: ftp, file, ws, wss), with the backslashes before
/// its query or fragment written as the slashes a browser takes them for. So what is checked and
/// written is what the browser follows: `/\host` is written `//host`, an external link.
///
/// ```
/// use folio_core::url::normalize;
/// assert_eq!(normalize(" /\\evil.com\\a?b\\c#d\\e "), "//evil.com/a?b\\c#d\\e");
/// assert_eq!(normalize("jav\tascript:x"), "javascript:x");
/// assert_eq!(normalize("mailto:a\\b@c"), "mailto:a\\b@c");
/// ```
pub fn normalize(url: &str) -> String {
    let mut out: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let special = scheme(&out).is_none_or(|scheme| {
        matches!(
            scheme.as_str(),
            "http" | "https" | "ftp" | "file" | "ws" | "wss"
        )
    });
    let end = out.find(['?', '#']).unwrap_or(out.len());
    if special && out[..end].contains('\\') {
        let path = out[..end].replace('\\', "/");
        out.replace_range(..end, &path);
    }
    out
}

/// Resolves a relative `url` against `base`, the URL path of the folder holding the post.
///
/// Fragments (`#x`), absolute paths (`/x`), queries (`?x`), URLs with a scheme and
/// protocol-relative URLs are returned as they are, and so is everything when `base` is empty.
/// `.` and `..` segments are folded; the query and fragment are kept.
///
/// ```
/// use folio_core::url::resolve;
/// assert_eq!(resolve("/blog/posts/2024/", "../img/x.png"), "/blog/posts/img/x.png");
/// assert_eq!(resolve("/blog/posts/2024/", "./a.md?v=1#sec"), "/blog/posts/2024/a.md?v=1#sec");
/// assert_eq!(resolve("/blog/posts/2024/", "#sec"), "#sec");
/// assert_eq!(resolve("", "a.png"), "a.png");
/// ```
pub fn resolve<'u>(base: &str, url: &'u str) -> Cow<'u, str> {
    if base.is_empty()
        || url.is_empty()
        || url.starts_with(['#', '/', '?', '\\'])
        || scheme(url).is_some()
    {
        return Cow::Borrowed(url);
    }
    let (origin, base_path) = split_origin(base);
    let split = url.find(['?', '#']).unwrap_or(url.len());
    let (url_path, suffix) = url.split_at(split);

    let absolute = base_path.starts_with('/');
    let mut segments: Vec<&str> = Vec::new();
    // The base names a folder: every segment of it counts, including a missing trailing '/'.
    let joined = base_path.split('/').chain(url_path.split('/'));
    let mut ends_in_folder = false;
    for segment in joined {
        ends_in_folder = matches!(segment, "." | "..");
        match segment {
            "" | "." => {}
            ".." => {
                if segments.last().is_some_and(|s| *s != "..") {
                    segments.pop();
                } else if !absolute {
                    segments.push("..");
                }
            }
            s => segments.push(s),
        }
    }
    let mut out = String::with_capacity(base.len() + url.len());
    out.push_str(origin);
    if absolute {
        out.push('/');
    }
    out.push_str(&segments.join("/"));
    if (ends_in_folder || url_path.is_empty() || url_path.ends_with('/')) && !out.ends_with('/') {
        out.push('/');
    }
    out.push_str(suffix);
    Cow::Owned(out)
}

/// Splits `https://host:port/path/` into `("https://host:port", "/path/")`; a plain path has
/// an empty origin.
pub(crate) fn split_origin(base: &str) -> (&str, &str) {
    if let Some(after) = base.find("://").map(|i| i + 3) {
        let path_start = base[after..].find('/').map_or(base.len(), |i| after + i);
        let (origin, path) = base.split_at(path_start);
        return (origin, if path.is_empty() { "/" } else { path });
    }
    ("", base)
}

/// If `url` points at a Markdown file (`.md` or `.markdown`, any case) on this site, splits it
/// into the file path and the query/fragment suffix that followed it.
///
/// ```
/// use folio_core::url::markdown_target;
/// assert_eq!(markdown_target("/posts/a.md#sec"), Some(("/posts/a.md", "#sec")));
/// assert_eq!(markdown_target("https://example.com/a.md"), None);
/// assert_eq!(markdown_target("/posts/a.png"), None);
/// ```
pub fn markdown_target(url: &str) -> Option<(&str, &str)> {
    if url.starts_with("//") || scheme(url).is_some() {
        return None;
    }
    let split = url.find(['?', '#']).unwrap_or(url.len());
    let (path, suffix) = url.split_at(split);
    let lower_ends = |ext: &str| {
        path.len() > ext.len()
            && path
                .get(path.len() - ext.len()..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case(ext))
    };
    (lower_ends(".md") || lower_ends(".markdown")).then_some((path, suffix))
}

/// Decodes `%XX` escapes when the result is UTF-8, so `my%20post.md` and `my post.md` name the
/// same file; anything else is returned as it is.
///
/// ```
/// use folio_core::url::percent_decode;
/// assert_eq!(percent_decode("/a%20b/%E4%B8%AD.md"), "/a b/中.md");
/// assert_eq!(percent_decode("/100%"), "/100%");
/// assert_eq!(percent_decode("%+1%zz"), "%+1%zz");
/// ```
pub fn percent_decode(s: &str) -> Cow<'_, str> {
    if !s.contains('%') {
        return Cow::Borrowed(s);
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    match String::from_utf8(out) {
        Ok(decoded) => Cow::Owned(decoded),
        Err(_) => Cow::Borrowed(s),
    }
}

/// Rendered HTML with its site-absolute links and images (`href="{base}…"`, `src="{base}…"`, as
/// the renderer writes them for a site served under `base`) made absolute under
/// `absolute_base` (`https://example.org/blog/`), for feeds, which readers show away from the
/// site. `//host` URLs and everything else are left alone.
///
/// ```
/// let html = r#"<a href="/blog/posts/a/">a</a> <img src="/blog/posts/x.png"> <a href="//x.org/">x</a>"#;
/// assert_eq!(
///     folio_core::url::absolute_urls(html, "/blog/", "https://e.org/blog/"),
///     r#"<a href="https://e.org/blog/posts/a/">a</a> <img src="https://e.org/blog/posts/x.png"> <a href="//x.org/">x</a>"#
/// );
/// ```
pub fn absolute_urls(html: &str, base: &str, absolute_base: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut copied = 0;
    for (at, _) in html.match_indices("=\"") {
        let value = at + 2;
        let named = html[..at].ends_with(" href") || html[..at].ends_with(" src");
        if !named || value < copied {
            continue;
        }
        if let Some(after) = html[value..].strip_prefix(base)
            && !base.is_empty()
            && !after.starts_with('/')
        {
            out.push_str(&html[copied..value]);
            out.push_str(absolute_base);
            copied = value + base.len();
        }
    }
    out.push_str(&html[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_are_read_like_a_browser_reads_them() {
        let cases = [
            ("javascript:alert(1)", Some("javascript")),
            ("JaVaScRiPt:alert(1)", Some("javascript")),
            ("\u{1}\u{7} javascript:x", Some("javascript")),
            ("jav\tascript:x", Some("javascript")),
            ("jav\nascr\ript:x", Some("javascript")),
            ("https://example.com", Some("https")),
            ("mailto:a@b.c", Some("mailto")),
            ("view-source:x", Some("view-source")),
            ("a+b.c-d:x", Some("a+b.c-d")),
            ("1http:x", None),
            ("./a:b", None),
            ("a/b:c", None),
            ("#x:y", None),
            ("", None),
            (":x", None),
            ("java script:x", None),
            ("jav&#x09;ascript:x", None),
        ];
        for (url, want) in cases {
            assert_eq!(scheme(url).as_deref(), want, "{url:?}");
        }
    }

    #[test]
    fn only_web_mail_phone_and_relative_links_are_safe() {
        for url in [
            "http://a",
            "HTTPS://a",
            "mailto:x@y",
            "tel:+1",
            "a.md",
            "#x",
            "/x",
            "//cdn/x",
            "",
        ] {
            assert!(is_safe_link(url), "{url:?}");
        }
        for url in [
            "javascript:x",
            " javascript:x",
            "vbscript:x",
            "data:text/html,x",
            "file:///etc",
            "jav\tascript:x",
        ] {
            assert!(!is_safe_link(url), "{url:?}");
        }
    }

    #[test]
    fn links_leave_the_site_where_a_browser_takes_them_off_it() {
        let external = [
            "https://e.com",
            "HTTP://e.com",
            "http:e.com",
            "//e.com",
            "/\\e.com",
            "\\\\e.com",
            "\\/e.com",
            "////e.com",
            "/\t\\e.com",
            " \u{1}/\n/e.com",
        ];
        for url in external {
            assert!(is_external(url), "{url:?}");
        }
        let internal = [
            "/posts/a/",
            "\\e.com",
            "/%5Ce.com",
            "%5C%5Ce.com",
            "./\\e.com",
            "#/\\e.com",
            "?//e.com",
            "mailto:a@b",
            "",
        ];
        for url in internal {
            assert!(!is_external(url), "{url:?}");
        }
    }

    #[test]
    fn urls_are_normalized_as_browsers_read_them() {
        let cases = [
            ("/\\e.com", "//e.com"),
            ("\\\\e.com\\a", "//e.com/a"),
            ("https:\\\\e.com", "https://e.com"),
            ("a\\b.md?x\\y#z\\w", "a/b.md?x\\y#z\\w"),
            ("#a\\b", "#a\\b"),
            ("\t /\n\\e.com \u{1}", "//e.com"),
            ("mailto:a\\b", "mailto:a\\b"),
            ("tel:\\1", "tel:\\1"),
            ("/%5Ce.com", "/%5Ce.com"),
            ("图片\\猫.png", "图片/猫.png"),
        ];
        for (url, want) in cases {
            assert_eq!(normalize(url), want, "{url:?}");
        }
    }

    #[test]
    fn images_also_allow_data_images_only() {
        assert!(is_safe_image("data:image/png;base64,AAA"));
        assert!(is_safe_image("DATA:Image/svg+xml,<svg/>"));
        assert!(is_safe_image("https://x/a.png"));
        assert!(is_safe_image("a.png"));
        assert!(!is_safe_image("data:text/html,<script>"));
        assert!(!is_safe_image("javascript:alert(1)"));
        assert!(!is_safe_image("data:imag"));
    }

    #[test]
    fn relative_urls_resolve_against_the_post_folder() {
        let base = "/blog/posts/2024/";
        let cases = [
            ("./a.md", "/blog/posts/2024/a.md"),
            ("a.md", "/blog/posts/2024/a.md"),
            ("../img/x.png", "/blog/posts/img/x.png"),
            ("sub/b.md#sec", "/blog/posts/2024/sub/b.md#sec"),
            ("sub/./c/../b.md?x=1#s", "/blog/posts/2024/sub/b.md?x=1#s"),
            ("../../../../../x", "/x"),
            ("..", "/blog/posts/"),
            ("sub/", "/blog/posts/2024/sub/"),
            ("./", "/blog/posts/2024/"),
            ("图片/猫.png", "/blog/posts/2024/图片/猫.png"),
            ("#sec", "#sec"),
            ("/abs/x.png", "/abs/x.png"),
            ("https://e.com/a", "https://e.com/a"),
            ("//cdn.e.com/a", "//cdn.e.com/a"),
            ("mailto:a@b", "mailto:a@b"),
            ("?q=1", "?q=1"),
        ];
        for (url, want) in cases {
            assert_eq!(resolve(base, url), want, "{url:?}");
        }
    }

    #[test]
    fn bases_without_slash_or_with_origin_or_relative_work_too() {
        assert_eq!(resolve("/posts", "a.png"), "/posts/a.png");
        assert_eq!(
            resolve("https://e.com/blog/", "../a.png"),
            "https://e.com/a.png"
        );
        assert_eq!(resolve("https://e.com", "a.png"), "https://e.com/a.png");
        assert_eq!(resolve("posts/", "../../a.png"), "../a.png");
        assert_eq!(resolve("/", "a.png"), "/a.png");
    }

    #[test]
    fn markdown_targets_are_local_md_files() {
        assert_eq!(markdown_target("a.MD?x#y"), Some(("a.MD", "?x#y")));
        assert_eq!(markdown_target("/a.markdown"), Some(("/a.markdown", "")));
        assert_eq!(markdown_target(".md"), None);
        assert_eq!(markdown_target("//host/a.md"), None);
        assert_eq!(markdown_target("mailto:a.md"), None);
    }
}
