//! One post: its header, the notice of what is wrong with its source, the table of contents,
//! the rendered body, and the links to its neighbours.

use folio_core::{Heading, Manifest, PostData, PostEntry, Problem, paths};
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;

use crate::SiteView;
use crate::byline::write_byline;
use crate::markup::Markup;
use crate::toc::{Toc, toc_headings};

/// What a post's page shows around its body, from the manifest.
#[derive(Debug, Clone)]
pub struct PostPage {
    /// The post's index entry.
    pub entry: PostEntry,
    /// The next newer post, by date.
    pub newer: Option<PostEntry>,
    /// The next older post.
    pub older: Option<PostEntry>,
    /// "Edit this page" link, when the site configures one.
    pub edit: Option<String>,
}

impl PostPage {
    /// The post a post's own file describes (`None` for the file of an old address).
    pub fn of(data: &PostData) -> Option<Self> {
        let entry = data.entry.clone()?;
        Some(Self {
            edit: data.site.edit_link(&entry.file),
            newer: data.newer.clone(),
            older: data.older.clone(),
            entry,
        })
    }

    /// The post at `index` of `manifest`.
    pub fn at(manifest: &Manifest, index: usize) -> Option<Self> {
        let entry = manifest.posts.get(index)?.clone();
        let (newer, older) = manifest.neighbours_at(index);
        Some(Self {
            edit: manifest.site.edit_link(&entry.file),
            newer: newer.cloned(),
            older: older.cloned(),
            entry,
        })
    }
}

/// A post page's article. Its entry's problems, when the index carries them (previews only),
/// are listed for its writer.
#[component]
pub fn Article(
    page: PostPage,
    /// The body, rendered by [`folio_core::post::render_body`] (sanitized HTML).
    body: String,
    /// The body's headings, for the table of contents.
    headings: Vec<Heading>,
    /// The body element, for the app.
    #[prop(optional)]
    body_ref: NodeRef<Div>,
    /// A click in the body (copy buttons, the image viewer).
    #[prop(optional)]
    on_body_click: Option<Callback<ev::MouseEvent>>,
    /// The section being read, for the table of contents.
    #[prop(optional, into)]
    active: Signal<Option<String>>,
    /// Whether the table of contents is unfolded.
    #[prop(optional)]
    toc_open: RwSignal<bool>,
) -> impl IntoView {
    let site = crate::site();
    let text = site.text;
    let PostPage {
        entry,
        newer,
        older,
        edit,
    } = page;
    let notice = (!entry.problems.is_empty())
        .then(|| view! { <ProblemsNotice problems=entry.problems.clone() /> });
    let mut header = Markup::default();
    header.element("h1", &[("class", "post-title")], &entry.title);
    write_byline(&mut header, site, &entry, true);
    let mut footer = Markup::default();
    write_neighbours(&mut footer, site, newer.as_ref(), older.as_ref());
    footer.open("p", &[("class", "post-footer-links")]).element(
        "a",
        &[("href", site.base)],
        text.all_posts,
    );
    if let Some(href) = &edit {
        footer.element(
            "a",
            &[
                ("class", "edit-link"),
                ("href", href),
                ("rel", "noopener noreferrer"),
            ],
            text.edit_page,
        );
    }
    footer.close("p");
    view! {
        <article class="post" lang=entry.lang.clone()>
            <header class="post-header" inner_html=header.finish()></header>
            {notice}
            <Toc headings=toc_headings(&headings) active open=toc_open />
            <div
                class="post-body"
                node_ref=body_ref
                inner_html=body
                on:click=move |event| {
                    if let Some(click) = on_body_click {
                        click.run(event);
                    }
                }
            ></div>
            <footer class="post-footer" inner_html=footer.finish()></footer>
        </article>
    }
}

/// Links to the next newer and next older post, if there are any.
fn write_neighbours(
    html: &mut Markup,
    site: SiteView,
    newer: Option<&PostEntry>,
    older: Option<&PostEntry>,
) {
    if newer.is_none() && older.is_none() {
        return;
    }
    html.open(
        "nav",
        &[("class", "post-nav"), ("aria-label", site.text.post_nav)],
    );
    for (post, class, label) in [
        (newer, "newer", site.text.newer_post),
        (older, "older", site.text.older_post),
    ] {
        if let Some(post) = post {
            let href = paths::post_url(site.base, &post.slug);
            html.open("a", &[("href", &href), ("class", class)])
                .element("span", &[("class", "post-nav-label")], label)
                .element("span", &[("class", "post-nav-title")], &post.title)
                .close("a");
        }
    }
    html.close("nav");
}

/// What is wrong with a post's source, listed for its writer.
#[component]
pub fn ProblemsNotice(problems: Vec<Problem>) -> impl IntoView {
    let site = crate::site();
    let mut html = Markup::default();
    html.open("p", &[])
        .element("strong", &[], site.text.problems_title)
        .text(site.text.problems_body)
        .close("p")
        .open("ul", &[]);
    for problem in &problems {
        html.open("li", &[])
            .text(&(site.text.problem_line)(problem.line))
            .text(&problem.message)
            .close("li");
    }
    html.close("ul");
    view! {
        <aside
            class=Problem::notice_class(&problems)
            role="note"
            aria-label=site.text.problems_title
            inner_html=html.finish()
        ></aside>
    }
}
