//! One post moved in: its text (front matter kept, a file-name date or a drafts folder written
//! into it, image paths and links to other imported posts rewritten where they move), the images
//! to copy, and notes on what was not carried over, located in the new file.

use std::collections::HashMap;
use std::fs;
use std::path::PathBuf;

use anyhow::{Context, Result};
use folio_core::Problem;
use folio_core::front_matter::{Field, FrontMatterFormat, parse_fields, split};
use folio_core::post::{Post, PostContext};

use super::moves::{Moves, encode_url, join_inside, target_stem};
use super::source::{FoundPost, SourceSite};
use super::syntax::{self, What};

/// Front-matter keys holding the URL a generator published a post at; Folio serves every post at
/// `/posts/<slug>/` and has no redirects, so old links to these break.
const URL_KEYS: &[&str] = &["aliases", "permalink", "redirect_from", "url", "path"];

/// A post ready to be written.
#[derive(Debug)]
pub(super) struct Imported {
    pub(super) source: PathBuf,
    /// Below `posts/`, `/`-separated.
    pub(super) target: String,
    pub(super) text: String,
    pub(super) slug: String,
    pub(super) draft: bool,
    /// Files to copy: source, and destination below the content folder (`/`-separated).
    pub(super) copies: Vec<(PathBuf, String)>,
    /// What did not come over, located in `text`.
    pub(super) notes: Vec<Problem>,
}

/// Where each imported post goes: its source file → its target below `posts/`.
pub(super) type Targets = HashMap<PathBuf, String>;

/// Reads and converts one post.
pub(super) fn import(site: &SourceSite, found: &FoundPost, targets: &Targets) -> Result<Imported> {
    let bytes =
        fs::read(&found.source).with_context(|| format!("reading {}", found.source.display()))?;
    let mut notes = Vec::new();
    let original = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            notes.push(Problem::warning(
                1,
                "the file is not valid UTF-8; invalid bytes were replaced",
            ));
            String::from_utf8_lossy(err.as_bytes()).into_owned()
        }
    };
    let mut moves = Moves::new(site, found, targets);
    let text = moves.rewrite(&original);
    let (text, added_lines) = add_fields(&text, found);
    notes.extend(moves.notes.into_iter().map(|mut note| {
        note.line += added_lines;
        note
    }));
    let mut copies = moves.copies;

    let post = Post::parse(
        &text,
        &PostContext {
            base: "",
            file: &found.target,
            trust_html: false,
            post_link: None,
            image_size: None,
            text: folio_core::i18n::english(),
        },
    );
    if text.trim_start().starts_with('{') {
        notes.push(Problem::warning(
            1,
            "JSON front matter is not read by Folio: rewrite it as YAML between --- lines",
        ));
    }
    for field in fields(&text) {
        if URL_KEYS
            .iter()
            .any(|key| field.key.eq_ignore_ascii_case(key))
        {
            notes.push(Problem::warning(
                field.line,
                format!(
                    "`{}` is not carried over: Folio serves this post at /posts/{}/ and does not redirect old URLs",
                    field.key, post.slug
                ),
            ));
        }
    }
    let body_line = split(&text).map_or(1, |split| split.body_line);
    for finding in syntax::find(&text, body_line, site.dialect) {
        let message = match finding.what {
            What::Message(message) => message,
            What::HexoAssetImage {
                snippet,
                file,
                title,
            } => hexo_asset_image(found, &snippet, &file, &title, &mut copies),
        };
        notes.push(Problem::warning(finding.line, message).at_column(finding.column));
    }
    notes.sort_by_key(|note| (note.line, note.column));
    Ok(Imported {
        source: found.source.clone(),
        target: found.target.clone(),
        slug: post.slug,
        draft: post.meta.draft,
        text,
        copies,
        notes,
    })
}

/// The replacement for `{% asset_img %}`, copying its image when it is in the asset folder.
fn hexo_asset_image(
    found: &FoundPost,
    snippet: &str,
    file: &str,
    title: &str,
    copies: &mut Vec<(PathBuf, String)>,
) -> String {
    let stem = target_stem(&found.target);
    let name = stem.rsplit('/').next().unwrap_or(&stem);
    let source = found
        .assets
        .as_ref()
        .and_then(|assets| join_inside(assets, file))
        .filter(|path| path.is_file());
    match source {
        Some(source) => {
            copies.push((source, format!("posts/{stem}/{file}")));
            format!(
                "`{snippet}` is a Hexo tag, which Folio shows as text: write ![{title}]({}) instead (the image was copied)",
                encode_url(&format!("{name}/{file}"))
            )
        }
        None => format!(
            "`{snippet}` is a Hexo tag, which Folio shows as text, and {file} is not in the post's asset folder"
        ),
    }
}

/// Every top-level front-matter field of `text` (none when it has none or it does not parse).
fn fields(text: &str) -> Vec<Field> {
    split(text)
        .ok()
        .and_then(|split| split.front_matter)
        .and_then(|front_matter| parse_fields(&front_matter).ok())
        .unwrap_or_default()
}

/// Writes what the file's name or folder said (a date, being a draft) into its front matter,
/// unless the front matter says it already. Returns the text and how many lines were added.
fn add_fields(text: &str, found: &FoundPost) -> (String, usize) {
    let present = fields(text);
    let has = |key: &str| present.iter().any(|f| f.key.eq_ignore_ascii_case(key));
    let mut add: Vec<(&str, &str)> = Vec::new();
    if let Some(date) = &found.date
        && !has("date")
    {
        add.push(("date", date));
    }
    if found.draft && !has("draft") && !has("published") {
        add.push(("draft", "true"));
    }
    if add.is_empty() {
        return (text.to_owned(), 0);
    }
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    match split(text) {
        Ok(split) => match split.front_matter {
            Some(front_matter) => {
                let lines: String = add
                    .iter()
                    .map(|(key, value)| match front_matter.format {
                        FrontMatterFormat::Yaml => format!("{key}: {value}{newline}"),
                        FrontMatterFormat::Toml => format!("{key} = {value}{newline}"),
                    })
                    .collect();
                // Right after the opening fence: in TOML, keys after a [table] would land in it.
                let after_fence = text
                    .split_inclusive('\n')
                    .take(front_matter.opening_line)
                    .map(str::len)
                    .sum();
                let mut out = text[..after_fence].to_owned();
                out.push_str(&lines);
                out.push_str(&text[after_fence..]);
                (out, add.len())
            }
            None => {
                let mut out = format!("---{newline}");
                for (key, value) in &add {
                    out.push_str(&format!("{key}: {value}{newline}"));
                }
                out.push_str(&format!("---{newline}"));
                let body = text.strip_prefix('\u{feff}').unwrap_or(text);
                out.push_str(body);
                (out, add.len() + 2)
            }
        },
        // An unclosed front matter: adding to it could make things worse; `folio check` reports it.
        Err(_) => (text.to_owned(), 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(target: &str, date: Option<&str>, draft: bool) -> FoundPost {
        FoundPost {
            date: date.map(str::to_owned),
            draft,
            ..FoundPost::new(PathBuf::from("x.md"), target.to_owned())
        }
    }

    #[test]
    fn dates_and_drafts_go_into_the_front_matter_unless_it_has_them() {
        let dated = found("a.md", Some("2024-03-05"), true);
        let cases = [
            (
                "---\ntitle: A\n---\nBody\n",
                "---\ndate: 2024-03-05\ndraft: true\ntitle: A\n---\nBody\n",
                2,
            ),
            (
                "+++\ntitle = \"A\"\n[extra]\nx = 1\n+++\n",
                "+++\ndate = 2024-03-05\ndraft = true\ntitle = \"A\"\n[extra]\nx = 1\n+++\n",
                2,
            ),
            (
                "Body only\n",
                "---\ndate: 2024-03-05\ndraft: true\n---\nBody only\n",
                4,
            ),
            (
                "---\nDate: 2020-01-01\npublished: false\n---\n",
                "---\nDate: 2020-01-01\npublished: false\n---\n",
                0,
            ),
            ("---\nnever closed\n", "---\nnever closed\n", 0),
            (
                "\n\n+++\ntitle = \"A\"\n+++\n",
                "\n\n+++\ndate = 2024-03-05\ndraft = true\ntitle = \"A\"\n+++\n",
                2,
            ),
        ];
        for (text, want, added) in cases {
            assert_eq!(
                add_fields(text, &dated),
                (want.to_owned(), added),
                "{text:?}"
            );
        }
        let crlf = add_fields(
            "---\r\ntitle: A\r\n---\r\n",
            &found("a.md", Some("2024-03-05"), false),
        );
        assert_eq!(crlf.0, "---\r\ndate: 2024-03-05\r\ntitle: A\r\n---\r\n");
    }
}
