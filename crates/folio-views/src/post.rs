//! One post: its header, the notice of what is wrong with its source, the table of contents,
//! the rendered body, and the links to its neighbours.

use folio_core::{Heading, Manifest, PostData, PostEntry, Problem, paths};
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;

use crate::byline::Byline;
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
    let edit = edit.map(|href| {
        view! { <a class="edit-link" href=href rel="noopener noreferrer">{text.edit_page}</a> }
    });
    view! {
        <article class="post" lang=entry.lang.clone()>
            <header class="post-header">
                <h1 class="post-title">{entry.title.clone()}</h1>
                <Byline entry=entry.clone() with_author=true />
            </header>
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
            <footer class="post-footer">
                <Neighbours newer older />
                <p class="post-footer-links">
                    <a href=site.base>{text.all_posts}</a>
                    {edit}
                </p>
            </footer>
        </article>
    }
}

/// Links to the next newer and next older post.
#[component]
fn Neighbours(newer: Option<PostEntry>, older: Option<PostEntry>) -> impl IntoView {
    let site = crate::site();
    if newer.is_none() && older.is_none() {
        return ().into_any();
    }
    let link = |post: Option<PostEntry>, class: &'static str, label: &'static str| {
        post.map(|post| {
            view! {
                <a href=paths::post_url(site.base, &post.slug) class=class>
                    <span class="post-nav-label">{label}</span>
                    <span class="post-nav-title">{post.title}</span>
                </a>
            }
        })
    };
    view! {
        <nav class="post-nav" aria-label=site.text.post_nav>
            {link(newer, "newer", site.text.newer_post)}
            {link(older, "older", site.text.older_post)}
        </nav>
    }
    .into_any()
}

/// What is wrong with a post's source, listed for its writer.
#[component]
pub fn ProblemsNotice(problems: Vec<Problem>) -> impl IntoView {
    let site = crate::site();
    let items = problems
        .iter()
        .map(|problem| {
            view! { <li>{(site.text.problem_line)(problem.line)}{problem.message.clone()}</li> }
        })
        .collect_view();
    view! {
        <aside class=Problem::notice_class(&problems) role="note" aria-label=site.text.problems_title>
            <p>
                <strong>{site.text.problems_title}</strong>
                {site.text.problems_body}
            </p>
            <ul>{items}</ul>
        </aside>
    }
}
