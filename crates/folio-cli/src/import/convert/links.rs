//! The second pass, after paths moved: tags naming another post become relative links to its
//! `.md` file, and Hexo's asset tags images and links into the post's folder.

use std::path::Path;

use folio_core::Problem;

use super::super::Dialect;
use super::super::catalog::Catalog;
use super::super::paths::{encode_url, join_inside, relative_url, target_stem};
use super::super::source::FoundPost;
use super::{Converted, Tag, escape, inline_at, quote, tag, words};
use crate::leftovers::Fences;

/// Where the second pass is: the post, and the other posts it may name.
pub(in crate::import) struct Here<'a> {
    pub(in crate::import) dialect: Dialect,
    pub(in crate::import) found: &'a FoundPost,
    pub(in crate::import) catalog: &'a Catalog,
    /// The source site's root (Jekyll's `{% link %}` paths start there).
    pub(in crate::import) root: &'a Path,
}

/// The second pass: tags naming other posts and the post's own files.
pub(in crate::import) fn links(text: &str, body_line: usize, here: &Here<'_>) -> Converted {
    let mut out = Converted::default();
    if !matches!(here.dialect, Dialect::Hexo | Dialect::Jekyll) {
        out.text = text.to_owned();
        return out;
    }
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
    let mut fences = Fences::default();
    for (index, line) in lines
        .iter_mut()
        .enumerate()
        .skip(body_line.saturating_sub(1))
    {
        if fences.is_code(line) {
            continue;
        }
        let mut notes = Vec::new();
        let converted = inline_at(line, |snippet, column| {
            let tag = tag(snippet)?;
            match link_tag(here, &tag, &mut out) {
                Ok(replacement) => replacement,
                Err(why) => {
                    notes.push(
                        Problem::warning(index + 1, format!("`{snippet}` {why}")).at_column(column),
                    );
                    None
                }
            }
        });
        out.notes.extend(notes);
        *line = converted;
    }
    out.text = lines.concat();
    out
}

/// The Markdown for a tag that names a post or an asset; `Ok(None)` for tags of other kinds,
/// `Err` with why when it names something the import does not have.
fn link_tag(here: &Here<'_>, tag: &Tag<'_>, out: &mut Converted) -> Result<Option<String>, String> {
    let from_dir = here
        .found
        .target
        .rsplit_once('/')
        .map_or("", |(dir, _)| dir);
    let to_post = |name: &str| -> Result<(String, String), String> {
        let (target, title) = here.catalog.by_name(name).ok_or_else(|| {
            format!("names the post {name:?}, which is not among the posts imported: left as it is")
        })?;
        Ok((
            encode_url(&relative_url(from_dir, target)),
            title.to_owned(),
        ))
    };
    let tokens = words(tag.args);
    match (here.dialect, tag.name) {
        (Dialect::Hexo, "post_link") => {
            let Some((name, _)) = tokens.first() else {
                return Ok(None);
            };
            let (url, title) = to_post(name)?;
            let mut text: Vec<&str> = tokens[1..].iter().map(|(w, _)| w.as_str()).collect();
            if text
                .last()
                .is_some_and(|last| matches!(*last, "true" | "false"))
            {
                text.pop();
            }
            let text = if text.is_empty() {
                title
            } else {
                text.join(" ")
            };
            out.links += 1;
            Ok(Some(format!("[{}]({url})", escape(&text))))
        }
        (Dialect::Hexo, "post_path") | (Dialect::Jekyll, "post_url") => {
            let Some((name, _)) = tokens.first() else {
                return Ok(None);
            };
            let (url, _) = to_post(name)?;
            out.links += 1;
            Ok(Some(url))
        }
        (Dialect::Jekyll, "link") => {
            let path = tag.args.trim().trim_start_matches('/');
            let source = Path::new(here.root).join(path);
            match here.catalog.by_source(&source) {
                Some(target) => {
                    out.links += 1;
                    Ok(Some(encode_url(&relative_url(from_dir, target))))
                }
                None => Err(
                    "links to a post that is not among the posts imported: left as it is"
                        .to_owned(),
                ),
            }
        }
        (Dialect::Hexo, "asset_img" | "asset_image" | "asset_link" | "asset_path") => {
            asset_tag(here, tag.name, &tokens, out).map(Some)
        }
        _ => Ok(None),
    }
}

/// Hexo's `{% asset_img [class] file [width] [height] [title [alt]] %}`, `{% asset_link file
/// [title] %}` and `{% asset_path file %}`, pointing into the post's asset folder.
fn asset_tag(
    here: &Here<'_>,
    name: &str,
    tokens: &[(String, bool)],
    out: &mut Converted,
) -> Result<String, String> {
    let assets =
        here.found.assets.as_deref().ok_or(
            "names a file of the post's asset folder, but the post has none: left as it is",
        )?;
    let exists = |file: &str| join_inside(assets, file).filter(|path| path.is_file());
    let at = tokens
        .iter()
        .position(|(word, _)| exists(word).is_some())
        .ok_or_else(|| {
            "names a file that is not in the post's asset folder: left as it is".to_owned()
        })?;
    let file = tokens[at].0.as_str();
    let stem = target_stem(&here.found.target);
    let own = stem.rsplit('/').next().unwrap_or(&stem);
    if let Some(source) = exists(file) {
        out.copies.push((source, format!("posts/{stem}/{file}")));
    }
    let url = encode_url(&format!("{own}/{file}"));
    let rest: Vec<&(String, bool)> = tokens[at + 1..]
        .iter()
        .skip_while(|(word, quoted)| {
            !quoted
                && word
                    .trim_end_matches(['%', 'x', 'p'])
                    .parse::<u32>()
                    .is_ok()
        })
        .collect();
    Ok(match name {
        "asset_path" => url,
        "asset_link" => {
            let text: Vec<&str> = rest.iter().map(|(w, _)| w.as_str()).collect();
            let text = if text.is_empty() {
                file.to_owned()
            } else {
                text.join(" ")
            };
            format!("[{}]({url})", escape(&text))
        }
        _ => {
            let (title, alt) = match rest.as_slice() {
                [(title, true), (alt, true)] => (title.clone(), alt.clone()),
                words => {
                    let title = words
                        .iter()
                        .map(|(w, _)| w.as_str())
                        .collect::<Vec<_>>()
                        .join(" ");
                    (title.clone(), title)
                }
            };
            if title.is_empty() || title == alt {
                format!("![{}]({url})", escape(&alt))
            } else {
                format!("![{}]({url} {})", escape(&alt), quote(&title))
            }
        }
    })
}
