//! Pages that are not posts, told by their front matter: a theme's list and search pages
//! (`layout: archives`), home pages (`layout: home`), and what Hugo builds but never renders
//! (headless bundles, `build.render: never`, sections that cascade it to their pages, such as
//! the `_common/` snippets of Hugo's own documentation). They are left out with a note; Folio
//! makes its own home, archive, tag and search pages.

use folio_core::Value;
use folio_core::front_matter::Field;

use super::values::{at, field, is_true, text};

/// Layouts of pages a theme fills in itself: Folio has its own.
const LIST_LAYOUTS: &[&str] = &[
    "home",
    "archive",
    "archives",
    "search",
    "tags",
    "categories",
    "taxonomy",
    "links",
    "friends",
    "404",
];

/// Why the page with these fields is not a post, or `None` when it is one.
pub(super) fn not_a_post(fields: &[Field]) -> Option<String> {
    if let Some(why) = never_rendered(fields) {
        return Some(why);
    }
    // Hugo, Jekyll, Hexo and VitePress say `layout`, Zola `template = "archive.html"`.
    for key in ["layout", "template"] {
        if let Some(layout) = text(field(fields, key)) {
            let name = layout.rsplit('/').next().unwrap_or(&layout);
            let stem = name.split('.').next().unwrap_or(name);
            if LIST_LAYOUTS.iter().any(|l| stem.eq_ignore_ascii_case(l)) {
                return Some(format!(
                    "its `{key}` {layout:?} is a theme's home, archive, search or list page; Folio makes its own"
                ));
            }
        }
    }
    None
}

/// Why a page is built but never rendered: Hugo's `headless: true`, `build.render: never` (or
/// the older `_build.render: false`), Zola's `render = false`.
fn never_rendered(fields: &[Field]) -> Option<String> {
    if is_true(field(fields, "headless")) {
        return Some("`headless: true`: the generator never renders it as a page".to_owned());
    }
    for key in ["build", "_build"] {
        if let Some(render) = at(fields, &[key, "render"]).filter(|render| is_never(render)) {
            return Some(format!(
                "`{key}.render: {}`: the generator never renders it as a page",
                render.to_text().unwrap_or_default()
            ));
        }
    }
    if let Some(Value::Bool(false)) = field(fields, "render") {
        return Some("`render = false`: the generator never renders it as a page".to_owned());
    }
    None
}

fn is_never(render: &Value) -> bool {
    match render {
        Value::Bool(flag) => !flag,
        Value::String(text) => matches!(text.trim(), "never" | "false"),
        _ => false,
    }
}

/// Why the pages below a section are never rendered, from the section's `_index.md`: its
/// `cascade` (a map, or Hugo's list of maps) passes `build.render: never` or `headless` on.
pub(super) fn unrendered_section(fields: &[Field]) -> Option<String> {
    let cascades: Vec<&Value> = match field(fields, "cascade") {
        Some(Value::List(items)) => items.iter().collect(),
        Some(map @ Value::Map(_)) => vec![map],
        _ => Vec::new(),
    };
    for cascade in cascades {
        let Value::Map(map) = cascade else {
            continue;
        };
        let inner: Vec<Field> = map
            .iter()
            .map(|(key, value)| Field {
                key: key.to_owned(),
                value: value.clone(),
                line: 1,
            })
            .collect();
        if let Some(why) = never_rendered(&inner) {
            return Some(format!("its section's _index.md cascades {why}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::values::front_matter_fields;

    #[test]
    fn list_pages_and_unrendered_pages_are_not_posts() {
        let not_posts = [
            "---\nlayout: home\nhero:\n  name: Tea\n---\n",
            "---\ntitle: Archive\nlayout: \"archives\"\n---\n",
            "+++\ntemplate = \"archive.html\"\n+++\n",
            "---\nheadless: true\n---\n",
            "---\nbuild:\n  render: never\n---\n",
            "---\n_build:\n  render: false\n---\n",
            "+++\nrender = false\n+++\n",
        ];
        for text in not_posts {
            assert!(not_a_post(&front_matter_fields(text)).is_some(), "{text}");
        }
        let posts = [
            "---\nlayout: post\ntitle: A\n---\n",
            "---\nbuild:\n  render: always\n---\n",
            "+++\ntemplate = \"page.html\"\n+++\n",
            "no front matter\n",
        ];
        for text in posts {
            assert_eq!(not_a_post(&front_matter_fields(text)), None, "{text}");
        }
    }

    #[test]
    fn a_section_can_cascade_never_render() {
        let map = "---\ncascade:\n  build:\n    list: never\n    render: never\n---\n";
        let list = "---\ncascade:\n- build:\n    render: never\n---\n";
        for text in [map, list] {
            assert!(
                unrendered_section(&front_matter_fields(text)).is_some(),
                "{text}"
            );
        }
        let fine = "---\ntitle: Posts\ncascade:\n  params:\n    toc: true\n---\n";
        assert_eq!(unrendered_section(&front_matter_fields(fine)), None);
    }
}
