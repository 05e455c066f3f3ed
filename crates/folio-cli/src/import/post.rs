//! One post moved in: its front matter kept and completed (a file-name date, a drafts folder,
//! its old URLs as `aliases`), generator tags converted ([`convert`]), files and links moved
//! ([`moves`]), and notes on what did not come over, located in the new file.

use std::path::PathBuf;

use anyhow::Result;
use folio_core::Problem;
use folio_core::front_matter::split;
use folio_core::post::{Post, PostContext};

use super::catalog::{Catalog, Source};
use super::convert::{self, Here};
use super::dates::DateFix;
use super::fields::{self, Edit};
use super::moves::Moves;
use super::source::SourceSite;
use super::syntax;
use super::values::{field, get, text};

/// Front-matter keys naming a cover image, as folio-core reads them.
const COVER_KEYS: &[&str] = &["cover", "image", "thumbnail", "banner"];

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
    /// Links to other posts rewritten or converted.
    pub(super) links: usize,
    /// Old URLs written as `aliases`.
    pub(super) aliases: usize,
}

/// Converts one post.
pub(super) fn import(site: &SourceSite, source: &Source, catalog: &Catalog) -> Result<Imported> {
    let found = &source.found;
    let body_line = split(&source.text).map_or(1, |split| split.body_line);
    let mut notes = source.notes.clone();

    let converted = convert::blocks(site.dialect, &source.text, body_line);
    notes.extend(converted.notes);
    let mut moves = Moves::new(
        site,
        found,
        catalog,
        source.old_urls.first().map(String::as_str),
    );
    let text = moves.rewrite(&converted.text);
    let here = Here {
        dialect: site.dialect,
        found,
        catalog,
        root: &site.root,
    };
    let linked = convert::links(&text, body_line, &here);
    notes.extend(linked.notes);
    moves.bundle_files()?;
    let mut edits = Vec::new();
    let cover_note = cover(source, &mut moves, &mut edits);
    notes.append(&mut moves.notes);
    let mut copies = moves.copies;
    copies.extend(linked.copies);

    let slug = slug(source);
    let new_url = format!("/posts/{slug}/");
    let aliases: Vec<String> = source
        .old_urls
        .iter()
        .filter(|url| super::urls::url_key(url) != super::urls::url_key(&new_url))
        .cloned()
        .collect();
    let (date_edit, date_note) = date(&source.date_fix);
    edits.extend(date_edit);
    if found.draft {
        edits.push(Edit::Add {
            key: "draft".into(),
            value: "true".into(),
        });
    }
    let has_aliases = field(&source.fields, "aliases").is_some();
    if !aliases.is_empty() || has_aliases {
        edits.push(Edit::Set {
            key: "aliases".into(),
            value: fields::list(&aliases),
            comment: None,
        });
    }
    let (text, shift) = fields::apply(&linked.text, &edits);
    // Everything noted so far is in the body (or the file's first line), below the edits.
    for note in &mut notes {
        if note.line >= body_line {
            note.line = note.line.saturating_add_signed(shift);
        }
    }
    let new_fields = super::values::front_matter_fields(&text);
    let line_of = |key: &str| {
        new_fields
            .iter()
            .find(|f| f.key.eq_ignore_ascii_case(key))
            .map_or(1, |f| f.line)
    };
    if let Some(message) = date_note {
        notes.push(Problem::warning(line_of("date"), message));
    }
    if let Some((key, message)) = cover_note {
        notes.push(Problem::warning(line_of(key), message));
    }
    if let Some(problem) = &source.url_problem {
        notes.push(Problem::warning(
            1,
            format!("old URL not recorded: {problem}; links to it were not rewritten"),
        ));
    }
    if text.trim_start().starts_with('{') {
        notes.push(Problem::warning(
            1,
            "JSON front matter is not read by Folio: rewrite it as YAML between --- lines",
        ));
    }
    let body_line = split(&text).map_or(1, |split| split.body_line);
    for finding in syntax::find(&text, body_line, site.dialect) {
        // A tag the conversion tried and had to leave has its note already.
        let noted = notes
            .iter()
            .any(|note| (note.line, note.column) == (finding.line, Some(finding.column)));
        if !noted {
            notes.push(Problem::warning(finding.line, finding.message).at_column(finding.column));
        }
    }
    notes.sort_by_key(|note| (note.line, note.column));
    let post = Post::parse(&text, &PostContext::new("", &found.target));
    Ok(Imported {
        source: found.source.clone(),
        target: found.target.clone(),
        slug: post.slug,
        draft: post.meta.draft,
        text,
        copies,
        notes,
        links: moves.links + linked.links,
        aliases: aliases.len(),
    })
}

/// The post's new URL segment as Folio will name it: the front matter's `slug`, else the file.
fn slug(source: &Source) -> String {
    let stem = super::paths::target_stem(&source.found.target);
    match text(field(&source.fields, "slug")) {
        Some(slug) => match stem.rsplit_once('/') {
            Some((dir, _)) => format!("{dir}/{slug}"),
            None => slug,
        },
        None => stem,
    }
}

/// The edit a date needs, and what to tell the writer about it.
fn date(fix: &DateFix) -> (Option<Edit>, Option<String>) {
    match fix {
        DateFix::Keep => (None, None),
        DateFix::Add { date, .. } => (
            Some(Edit::Add {
                key: "date".into(),
                value: date.clone(),
            }),
            None,
        ),
        DateFix::Replace {
            date,
            from,
            original,
            why,
        } => (
            Some(Edit::Set {
                key: "date".into(),
                value: date.clone(),
                comment: Some(format!(
                    "date: {original}  (folio import: not a date Folio reads)"
                )),
            }),
            Some(format!(
                "the date {original:?} was not understood ({why}); {from}'s date {date} is used, and the original is kept in a comment above"
            )),
        ),
    }
}

/// Copies the cover image the front matter names, rewriting its path when it moves; the key
/// and a note when the image is not there.
fn cover(
    source: &Source,
    moves: &mut Moves<'_>,
    edits: &mut Vec<Edit>,
) -> Option<(&'static str, String)> {
    for key in COVER_KEYS {
        let value = field(&source.fields, key);
        let path = match value {
            Some(map @ folio_core::Value::Map(_)) => text(get(map, "image")),
            other => text(other),
        };
        let Some(path) = path else {
            continue;
        };
        match moves.locate(&path) {
            Some(Some(moved)) => {
                moves.copy(&moved);
                if path.starts_with('/') || !super::paths::same_place(&path, &moved.url) {
                    edits.push(Edit::Replace {
                        key: (*key).to_owned(),
                        old: path.clone(),
                        new: moved.url.clone(),
                    });
                }
            }
            Some(None) => {
                return Some((
                    key,
                    format!(
                        "the `{key}` image {path:?} is not in the source site; its path was left as it is"
                    ),
                ));
            }
            None => {}
        }
        // folio-core reads the first of these keys that is set.
        return None;
    }
    None
}
