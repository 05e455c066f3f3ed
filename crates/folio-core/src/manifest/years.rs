//! Posts by year, for the archive.

use crate::{ListPage, PostEntry};

/// Posts grouped by year of their date, newest year first; undated posts last.
pub type YearGroups<'a> = Vec<(Option<u16>, Vec<&'a PostEntry>)>;

impl ListPage {
    /// This page's posts grouped by year, in list order within a year (newest first).
    pub fn by_year(&self) -> YearGroups<'_> {
        let mut groups: YearGroups<'_> = Vec::new();
        for post in &self.posts {
            let year = post.date.map(|date| date.year());
            match groups.iter_mut().find(|(y, _)| *y == year) {
                Some((_, list)) => list.push(post),
                None => groups.push((year, vec![post])),
            }
        }
        // Newest year first, undated last.
        crate::order::sort_by_key(&mut groups, |(year, _)| {
            year.map_or(usize::MAX, |year| usize::from(u16::MAX - year))
        });
        groups
    }
}
