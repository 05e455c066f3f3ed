//! Path arithmetic for moved files and links: targets, joins that never climb out, relative
//! URLs between posts, and rewriting a URL where the text has it.

use std::path::{Component, Path, PathBuf};

use folio_core::LinkRef;
use folio_core::post::file_stem;
use folio_core::url::{percent_decode, resolve};

/// The target without its extension: `2024/hello.md` → `2024/hello`.
pub(super) fn target_stem(target: &str) -> String {
    let stem = file_stem(target);
    match target.rsplit_once('/') {
        Some((dir, _)) => format!("{dir}/{stem}"),
        None => stem.to_owned(),
    }
}

/// `dir` joined with a relative `/`-separated path, `..` folded against `dir`'s own folders;
/// `None` when it would climb above what `dir` names. (Whether the result is inside the source
/// site is checked by the caller.)
pub(super) fn join_inside(dir: &Path, rel: &str) -> Option<PathBuf> {
    let mut path = dir.to_path_buf();
    for part in rel.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                if !matches!(path.components().next_back(), Some(Component::Normal(_))) {
                    return None;
                }
                path.pop();
            }
            part => path.push(part),
        }
    }
    Some(path)
}

/// The relative URL from a folder to a file, both `/`-separated below the same root.
pub(super) fn relative_url(from_dir: &str, to: &str) -> String {
    let from: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
    let to: Vec<&str> = to.split('/').collect();
    let shared = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts = vec![".."; from.len() - shared];
    parts.extend(&to[shared..]);
    parts.join("/")
}

/// `path` below `dir`, `/`-separated; `None` when it is not below it.
pub(super) fn slash_path(path: &Path, dir: &Path) -> Option<String> {
    let rel = path.strip_prefix(dir).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    parts.map(|parts| parts.join("/")).filter(|p| !p.is_empty())
}

pub(super) fn join_slash(dir: &str, rel: &str) -> String {
    if dir.is_empty() {
        rel.to_owned()
    } else {
        format!("{dir}/{rel}")
    }
}

/// Whether two paths name the same file from the same post (`./a.png` and `a.png`).
pub(super) fn same_place(old: &str, new: &str) -> bool {
    percent_decode(&resolve("/p/", old)) == percent_decode(&resolve("/p/", new))
}

/// Escapes what would end a Markdown link destination or confuse a URL: spaces, parentheses,
/// angle brackets and `%`. Other characters (CJK included) stay readable.
pub(super) fn encode_url(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '%' => out.push_str("%25"),
            c => out.push(c),
        }
    }
    out
}

/// Replaces the image's URL on its line (from its column on), else in a reference definition
/// (`[id]: url`). Returns whether it found the URL.
pub(super) fn replace_url(lines: &mut [String], image: &LinkRef, new: &str) -> bool {
    let old = image.url.as_str();
    if let Some(line) = lines.get_mut(image.line.saturating_sub(1)) {
        let from = line
            .char_indices()
            .nth(image.column.saturating_sub(1))
            .map_or(line.len(), |(i, _)| i);
        // The destination follows `(` or `<`; a bare match may be the link's text (`[a.md](a.md)`).
        let found: Vec<usize> = line[from..]
            .match_indices(old)
            .map(|(i, _)| i + from)
            .collect();
        let destination = found
            .iter()
            .find(|&&at| line[..at].ends_with(['(', '<']))
            .or(found.first());
        if let Some(&at) = destination {
            line.replace_range(at..at + old.len(), new);
            return true;
        }
    }
    for line in lines.iter_mut() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[')
            && let Some(colon) = trimmed.find("]:")
            && trimmed[colon + 2..].trim_start().starts_with(old)
        {
            let indent = line.len() - trimmed.len();
            let rest = &trimmed[colon + 2..];
            let at = indent + colon + 2 + (rest.len() - rest.trim_start().len());
            line.replace_range(at..at + old.len(), new);
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_replaced_where_the_image_is_or_in_its_definition() {
        let image = |url: &str, line, column| LinkRef {
            url: url.to_owned(),
            line,
            column,
        };
        let mut lines = vec!["[a.md](a.md)\n".to_owned()];
        assert!(replace_url(&mut lines, &image("a.md", 1, 1), "b/a.md"));
        assert_eq!(lines[0], "[a.md](b/a.md)\n");
        let mut lines = vec!["![a](x.png) ![b](x.png)\n".to_owned()];
        assert!(replace_url(&mut lines, &image("x.png", 1, 13), "y/x.png"));
        assert_eq!(lines[0], "![a](x.png) ![b](y/x.png)\n");
        let mut lines = vec![
            "![a][pic]\n".to_owned(),
            "\n".to_owned(),
            "  [pic]: x.png \"t\"\n".to_owned(),
        ];
        assert!(replace_url(&mut lines, &image("x.png", 1, 1), "../x.png"));
        assert_eq!(lines[2], "  [pic]: ../x.png \"t\"\n");
        assert!(!replace_url(&mut lines, &image("gone.png", 1, 1), "z.png"));
    }

    #[test]
    fn joins_never_climb_out() {
        assert_eq!(
            join_inside(Path::new("/site/a"), "../b/c.png"),
            Some(PathBuf::from("/site/b/c.png"))
        );
        assert_eq!(join_inside(Path::new("site"), "../../x"), None);
        assert_eq!(
            join_inside(Path::new("../old/_posts"), "../assets/a.png"),
            Some(PathBuf::from("../old/assets/a.png"))
        );
        assert!(same_place("./a b.png", "a%20b.png"));
        assert_eq!(relative_url("notes", "first-frost.md"), "../first-frost.md");
        assert_eq!(relative_url("", "a/b.md"), "a/b.md");
        assert_eq!(relative_url("a/x", "a/y/b.md"), "../y/b.md");
        assert_eq!(encode_url("图 (1).png"), "图%20%281%29.png");
    }
}
