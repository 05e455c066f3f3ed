//! Tags: each with its number of posts, and each tag's posts.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::json::{FromJson, Json, JsonError};
use crate::{Manifest, PostEntry};

/// A tag and how many posts carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagCount {
    /// The tag as first written.
    pub name: String,
    /// Its URL segment.
    pub slug: String,
    /// Posts carrying it.
    pub count: usize,
}

impl FromJson for TagCount {
    fn from_value(json: Json<'_>) -> Result<Self, JsonError> {
        let mut object = json.into_object()?;
        Ok(Self {
            name: object.required("name")?,
            slug: object.required("slug")?,
            count: object.required("count")?,
        })
    }
}

impl TagCount {
    /// The tag's size in a tag cloud: 1 (least used) to 4 (as used as the most used tag), on a
    /// square-root scale so one popular tag does not shrink all others to the same size.
    ///
    /// ```
    /// use folio_core::TagCount;
    /// let tag = |count| TagCount { name: "t".into(), slug: "t".into(), count };
    /// assert_eq!(tag(100).size(100), 4);
    /// assert_eq!(tag(1).size(100), 1);
    /// assert_eq!(tag(1).size(1), 1, "nothing stands out when every tag is used once");
    /// ```
    pub fn size(&self, most_used: usize) -> usize {
        if most_used <= 1 {
            return 1;
        }
        #[allow(clippy::cast_precision_loss)] // tag counts are far below 2^52
        let ratio = ((self.count as f64) / (most_used as f64)).sqrt();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 0..=3 by construction
        let step = (ratio * 3.0).round() as usize;
        1 + step.min(3)
    }
}

impl Manifest {
    /// The posts carrying a tag whose [`crate::slug::tag_slug`] is `tag_slug`, newest first.
    pub fn posts_tagged<'a>(&'a self, tag_slug: &'a str) -> impl Iterator<Item = &'a PostEntry> {
        self.posts.iter().filter(move |post| {
            post.tags
                .iter()
                .any(|tag| crate::slug::tag_slug(tag) == tag_slug)
        })
    }

    /// Every tag with its number of posts, most used first, then by name.
    ///
    /// Tags that differ only in case or spacing (same slug) count as one, shown as first written;
    /// a tag's count is the number of posts carrying it, as its pages list them.
    pub fn tags(&self) -> Vec<TagCount> {
        let mut tags: Vec<TagCount> = Vec::new();
        let mut by_slug: HashMap<String, usize> = HashMap::new();
        for post in &self.posts {
            let mut seen: Vec<usize> = Vec::new();
            for tag in &post.tags {
                let slug = crate::slug::tag_slug(tag);
                match by_slug.get(&slug) {
                    // A post tagged `Rust` and `rust` is one post of the tag.
                    Some(&index) if seen.contains(&index) => {}
                    Some(&index) => {
                        tags[index].count += 1;
                        seen.push(index);
                    }
                    None => {
                        seen.push(tags.len());
                        by_slug.insert(slug.clone(), tags.len());
                        tags.push(TagCount {
                            name: tag.clone(),
                            slug,
                            count: 1,
                        });
                    }
                }
            }
        }
        tags.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        tags
    }

    /// Every tag's posts by tag slug, newest first: [`Manifest::posts_tagged`] for all tags in
    /// one pass, for whoever needs them all (the build writes a page per tag).
    pub fn posts_by_tag(&self) -> HashMap<String, Vec<&PostEntry>> {
        let mut groups: HashMap<String, Vec<&PostEntry>> = HashMap::new();
        for post in &self.posts {
            let mut slugs: Vec<String> = post
                .tags
                .iter()
                .map(|tag| crate::slug::tag_slug(tag))
                .collect();
            slugs.sort_unstable();
            slugs.dedup();
            for slug in slugs {
                groups.entry(slug).or_default().push(post);
            }
        }
        groups
    }
}
