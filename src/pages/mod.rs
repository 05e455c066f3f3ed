//! One module per route.

pub(crate) mod archive;
pub(crate) mod home;
pub(crate) mod not_found;
pub(crate) mod post;
pub(crate) mod search;
pub(crate) mod tags;
