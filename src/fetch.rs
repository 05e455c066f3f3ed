//! Network I/O: fetching the post index and raw posts from the site's own origin.

use std::fmt;

use gloo_net::http::Request;

/// Why something could not be loaded, in the terms a reader needs: is it gone, is the network
/// down, or is the content itself broken?
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LoadError {
    /// No such post or file.
    NotFound,
    /// The server answered with an error status.
    Http(u16),
    /// The request never got an answer (offline, DNS, CORS, connection reset).
    Network(String),
    /// The answer arrived but is not what Folio wrote (bad JSON, unknown version, HTML instead
    /// of Markdown).
    BadContent(String),
}

impl LoadError {
    /// Whether trying again could help.
    pub(crate) fn retryable(&self) -> bool {
        !matches!(self, Self::NotFound)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound => write!(f, "This page does not exist."),
            Self::Http(status) => write!(f, "The server answered with an error (HTTP {status})."),
            Self::Network(detail) => {
                write!(
                    f,
                    "The network request failed ({detail}). Check your connection."
                )
            }
            Self::BadContent(detail) => write!(f, "The content could not be read: {detail}"),
        }
    }
}

/// What kind of file a request expects back; a host that answers a missing `.md` with its
/// HTML fallback page (a single-page-app rewrite rule) is answering "not found".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expect {
    Json,
    Markdown,
}

/// GETs a text file from the site's origin.
pub(crate) async fn fetch_text(url: &str, expect: Expect) -> Result<String, LoadError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|err| LoadError::Network(err.to_string()))?;
    match response.status() {
        200..=299 => {}
        404 | 410 => return Err(LoadError::NotFound),
        status => return Err(LoadError::Http(status)),
    }
    let content_type = response.headers().get("content-type").unwrap_or_default();
    if content_type.starts_with("text/html") {
        return Err(match expect {
            Expect::Markdown => LoadError::NotFound,
            Expect::Json => LoadError::BadContent(format!(
                "{url} answered with an HTML page instead of the post index"
            )),
        });
    }
    response
        .text()
        .await
        .map_err(|err| LoadError::Network(err.to_string()))
}
