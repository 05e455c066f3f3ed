//! Which post gets which URL. A post's page is a folder of the built site (`posts/<slug>/`), so
//! its slug must not name anything else there: a file Folio writes (`posts/index.json`,
//! `posts/pages/`), a file of the site (`posts/notes.md`, the raw Markdown of another post), or
//! another post's page. A post whose slug is taken is published under the first free
//! `<slug>-2`, `<slug>-3`, … and the writer is told, so no post is lost and none breaks the
//! build. Names are compared without case: a site built on a file system that ignores case
//! (macOS, Windows) must not have one page overwrite another.

use std::collections::{HashMap, HashSet};

use folio_core::paths;

/// The post URLs handed out so far in one build.
#[derive(Debug)]
pub(crate) struct Claims {
    /// Every file of the content folder below `posts/`, lowercased.
    site_files: HashSet<String>,
    /// Slugs handed out (lowercased), and the post file that has each.
    taken: HashMap<String, String>,
}

/// A slug handed out, and why it is not the one the post asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Claim {
    pub(crate) slug: String,
    pub(crate) moved: Option<String>,
}

impl Claims {
    /// `site_files`: the content folder's files below `posts/` (`notes.md`, `2024/a.png`).
    pub(crate) fn new<'f>(site_files: impl IntoIterator<Item = &'f str>) -> Self {
        Self {
            site_files: site_files.into_iter().map(str::to_lowercase).collect(),
            taken: HashMap::new(),
        }
    }

    /// The slug the post in `file` (below `posts/`) gets for `wanted`.
    pub(crate) fn claim(&mut self, wanted: &str, file: &str) -> Claim {
        let Some(why) = self.why_taken(wanted) else {
            self.taken.insert(wanted.to_lowercase(), file.to_owned());
            return Claim {
                slug: wanted.to_owned(),
                moved: None,
            };
        };
        let slug = (2..)
            .map(|n| format!("{wanted}-{n}"))
            .find(|slug| self.why_taken(slug).is_none())
            .unwrap_or_else(|| wanted.to_owned());
        self.taken.insert(slug.to_lowercase(), file.to_owned());
        Claim {
            moved: Some(format!(
                "the URL {} is taken ({why}); this post is published at {} instead",
                paths::post_url("/", wanted),
                paths::post_url("/", &slug)
            )),
            slug,
        }
    }

    /// Whether no post, file of the site or name of Folio's has `path` (any case).
    pub(crate) fn is_free(&self, path: &str) -> bool {
        self.why_taken(path).is_none()
    }

    fn why_taken(&self, slug: &str) -> Option<String> {
        let key = slug.to_lowercase();
        if paths::is_reserved_post_path(&key) {
            return Some(format!("Folio writes posts/{slug} itself"));
        }
        if self.site_files.contains(&key) {
            return Some(format!("posts/{slug} is a file of the site"));
        }
        for own in ["index.html", paths::POST_DATA_FILE] {
            if self.site_files.contains(&format!("{key}/{own}")) {
                return Some(format!("posts/{slug}/{own} is a file of the site"));
            }
        }
        self.taken
            .get(&key)
            .map(|file| format!("posts/{file} has it"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taken_slugs_move_to_the_first_free_suffix() {
        let mut claims = Claims::new(["notes.md", "a.png", "pics/b.png"]);
        let got = |claim: Claim| (claim.slug, claim.moved.is_some());
        assert_eq!(
            got(claims.claim("hello", "hello.md")),
            ("hello".into(), false)
        );
        assert_eq!(
            got(claims.claim("hello", "2024/hello.md")),
            ("hello-2".into(), true)
        );
        assert_eq!(got(claims.claim("Hello", "x.md")), ("Hello-3".into(), true));
        assert_eq!(
            got(claims.claim("index.json", "i.md")),
            ("index.json-2".into(), true)
        );
        assert_eq!(got(claims.claim("pages", "p.md")), ("pages-2".into(), true));
        assert_eq!(
            got(claims.claim("notes.md", "n.md")),
            ("notes.md-2".into(), true)
        );
        assert_eq!(got(claims.claim("A.PNG", "n.md")), ("A.PNG-2".into(), true));
        assert_eq!(got(claims.claim("pics", "n.md")), ("pics".into(), false));
        let mut claims = Claims::new(["own/index.html"]);
        assert_eq!(got(claims.claim("own", "own.md")), ("own-2".into(), true));
    }

    #[test]
    fn the_writer_is_told_where_the_post_went_and_why() {
        let mut claims = Claims::new(["notes.md"]);
        claims.claim("hello", "hello.md");
        let moved = claims.claim("hello", "2024/hello.md").moved;
        assert_eq!(
            moved.as_deref(),
            Some(
                "the URL /posts/hello/ is taken (posts/hello.md has it); this post is published \
                 at /posts/hello-2/ instead"
            )
        );
        let moved = claims.claim("index.json", "x.md").moved;
        assert_eq!(
            moved.as_deref(),
            Some(
                "the URL /posts/index.json/ is taken (Folio writes posts/index.json itself); this \
                 post is published at /posts/index.json-2/ instead"
            )
        );
    }
}
