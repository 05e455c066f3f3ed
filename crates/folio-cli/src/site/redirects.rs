//! Old addresses that lead to a post's page: the ones its front matter names (`aliases`, Jekyll's
//! `redirect_from`: where another generator published it, which `folio import` records), and the
//! one-segment address a nested post had before a post's URL mirrored its folder
//! (`/posts/first-nas/` for `posts/2022/first-nas.md`). Each gets a small page that sends the
//! reader on, so shared links keep working on a host with no redirect rules. An address that is
//! taken (a post's page, a file of the site, a page Folio writes, another post's alias) is not
//! given away; an alias that cannot be had is reported.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use folio_core::post::file_stem;
use folio_core::{PostEntry, paths};

use super::Redirect;
use crate::claims::Claims;
use crate::content::ContentFiles;
use crate::diagnostic::Diagnostic;

/// A post's wish for old addresses: its page's path, its file and the addresses it names.
#[derive(Debug)]
pub(super) struct Aliases {
    pub(super) to: String,
    pub(super) file: PathBuf,
    pub(super) aliases: Vec<String>,
}

/// Every redirect of the site, keyed by the old address (a site path without its slashes at
/// either end, `posts/first-nas` or `2019/01/old.html`).
pub(super) fn redirects(
    posts: &[PostEntry],
    aliases: &[Aliases],
    claims: &Claims,
    files: &ContentFiles,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Redirect> {
    let mut taken: BTreeMap<String, String> = BTreeMap::new();
    let free = |path: &str, taken: &BTreeMap<String, String>| -> Result<(), String> {
        if let Some(to) = taken.get(path) {
            return Err(format!("it already leads to /posts/{to}/"));
        }
        if paths::is_site_output(path) {
            return Err("Folio writes a page there".to_owned());
        }
        if files.contains(path) || files.contains(&format!("{path}/index.html")) {
            return Err("a file of the site is there".to_owned());
        }
        match path.strip_prefix("posts/") {
            Some(post) if !claims.is_free(post) => Err("a post is there".to_owned()),
            _ => Ok(()),
        }
    };
    // What the writer asked for first.
    for post in aliases {
        for alias in &post.aliases {
            let Some(path) = alias_path(alias) else {
                diagnostics.push(Diagnostic::warning(
                    &post.file,
                    1,
                    format!("the alias {alias:?} is not a path of this site; it leads nowhere"),
                ));
                continue;
            };
            if path == format!("posts/{}", post.to) {
                continue;
            }
            match free(&path, &taken) {
                Ok(()) => {
                    taken.insert(path, post.to.clone());
                }
                Err(why) => diagnostics.push(Diagnostic::warning(
                    &post.file,
                    1,
                    format!("the alias /{path} cannot lead to this post: {why}"),
                )),
            }
        }
    }
    for (name, to) in old_addresses(posts) {
        let path = format!("posts/{name}");
        if free(&path, &taken).is_ok() {
            taken.insert(path, to.to_owned());
        }
    }
    taken
        .into_iter()
        .map(|(from, to)| Redirect { from, to })
        .collect()
}

/// The one-segment addresses of nested posts, where exactly one post had each.
fn old_addresses(posts: &[PostEntry]) -> Vec<(&str, &str)> {
    let mut by_name: HashMap<&str, Vec<&PostEntry>> = HashMap::new();
    for entry in posts {
        let Some((_, name)) = entry.slug.rsplit_once('/') else {
            continue;
        };
        // A bundle (`guide/intro/index.md`) was at `/posts/index/`, which named nothing.
        if file_stem(&entry.file) != "index" {
            by_name.entry(name).or_default().push(entry);
        }
    }
    by_name
        .into_iter()
        .filter_map(|(name, entries)| match entries.as_slice() {
            [entry] => Some((name, entry.slug.as_str())),
            _ => None,
        })
        .collect()
}

/// An alias as a site path without slashes at either end (`/2019/01/old/` → `2019/01/old`,
/// `/a/index.html` → `a`): query and fragment cut, `%XX` decoded; `None` for another site's
/// URL or a path that could not be a folder of the site.
fn alias_path(alias: &str) -> Option<String> {
    let alias = alias.trim();
    if folio_core::url::scheme(alias).is_some() || folio_core::url::is_external(alias) {
        return None;
    }
    let path = alias.split(['?', '#']).next().unwrap_or_default();
    let path = folio_core::url::percent_decode(path);
    let path = path.trim_matches('/');
    let path = path
        .strip_suffix("/index.html")
        .or_else(|| path.strip_suffix("index.html"))
        .unwrap_or(path)
        .trim_end_matches('/');
    paths::validate_post_path(path).ok()?;
    Some(path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_become_site_paths() {
        let cases = [
            ("/2019/01/old-post/", Some("2019/01/old-post")),
            ("/posts/old", Some("posts/old")),
            ("2019/a.html", Some("2019/a.html")),
            ("/a/index.html", Some("a")),
            ("/%E6%97%A7/", Some("旧")),
            ("/a/?x=1#y", Some("a")),
            ("https://old.example/a/", None),
            ("//old.example/a/", None),
            ("/../etc/", None),
            ("/", None),
        ];
        for (alias, want) in cases {
            assert_eq!(alias_path(alias).as_deref(), want, "{alias}");
        }
    }
}
