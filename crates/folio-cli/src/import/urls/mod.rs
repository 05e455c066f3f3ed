//! Where the old site published each post: its front matter's `url`, `permalink`, `path` and
//! `aliases`, else the generator's URL pattern (Hugo's `permalinks`, Jekyll's and Hexo's
//! `permalink`, each one's default) worked out from the post's file, date, title and
//! categories. The import writes them into the post as `aliases` (site paths, below the site's
//! address) and rewrites links to them into links to the imported post.

mod pattern;
#[cfg(test)]
mod tests;

use folio_core::Date;
use folio_core::front_matter::Field;
use folio_core::url::percent_decode;

use super::Dialect;
use super::config::Settings;
use super::source::FoundPost;
use super::values::{field, text, texts};
use pattern::Url;

/// The old site paths of a post, each once, and why one could not be worked out.
pub(super) fn old_urls(
    dialect: Dialect,
    settings: &Settings,
    found: &FoundPost,
    fields: &[Field],
    date: Option<&Date>,
) -> (Vec<String>, Option<String>) {
    let mut urls = Vec::new();
    let mut problem = None;
    // Written in the post: always where it was (or also was).
    for key in ["aliases", "redirect_from"] {
        for alias in texts(field(fields, key)) {
            urls.push(resolve_alias(&alias, found));
        }
    }
    let own = match dialect {
        Dialect::Hugo => text(field(fields, "url")),
        Dialect::Jekyll | Dialect::Hexo => text(field(fields, "permalink")),
        Dialect::Zola => text(field(fields, "path")),
        Dialect::VitePress => None,
    };
    let computed = match own {
        Some(own) if !own.contains(':') || own.contains("://") => Ok(Some(own)),
        // A front-matter permalink may use the placeholders too.
        Some(pattern) => Url::new(dialect, settings, found, fields, date).expand(&pattern),
        None => Url::new(dialect, settings, found, fields, date).default(),
    };
    match computed {
        Ok(Some(url)) => urls.push(url),
        Ok(None) => {}
        Err(why) => problem = Some(why),
    }
    let mut kept: Vec<String> = Vec::new();
    for url in urls {
        let url = site_path(&url, dialect);
        if !kept.contains(&url) {
            kept.push(url);
        }
    }
    (kept, problem)
}

/// A Hugo alias without a leading `/` is relative to the page's section.
fn resolve_alias(alias: &str, found: &FoundPost) -> String {
    if alias.starts_with('/') || alias.contains("://") {
        return alias.to_owned();
    }
    let section = found.rel.rsplit_once('/').map_or("", |(dir, _)| dir);
    format!("{section}/{alias}")
}

/// A path as a site path: leading `/`, no doubled `/`, decoded (links may write it either way).
fn site_path(url: &str, dialect: Dialect) -> String {
    let path = match url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |at| &rest[at..]),
        None => url,
    };
    let mut out = String::from("/");
    for part in percent_decode(path)
        .split('/')
        .filter(|part| !part.is_empty())
    {
        out.push_str(part);
        out.push('/');
    }
    // A path to a file keeps no trailing slash; Zola and Hugo add one to every other path.
    let last = out
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default();
    if last.contains('.')
        || (!url.ends_with('/') && dialect != Dialect::Zola && dialect != Dialect::Hugo)
    {
        out.pop();
    }
    if out.is_empty() { "/".to_owned() } else { out }
}

/// How links and old URLs are compared: decoded, without `index.html`, `.html` or a trailing
/// slash (`/a/`, `/a`, `/a.html` and `/a/index.html` are one page).
pub(super) fn url_key(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let path = percent_decode(path);
    let path = path.strip_suffix("index.html").unwrap_or(&path);
    let path = path.strip_suffix(".html").unwrap_or(path);
    let path = path.trim_end_matches('/');
    if path.starts_with('/') {
        path.to_owned()
    } else {
        format!("/{path}")
    }
}
