//! Network I/O: fetching the post index and raw posts from the site's own origin.
//!
//! Every request gives up when the server goes quiet for [`IDLE_TIMEOUT_MS`] (no headers yet, or
//! no new bytes of the body), so a hung server ends in a message and a retry button instead of
//! a spinner that never stops. The limit is on silence, not on the whole download: a several-MB
//! post on a slow but working connection keeps arriving and is never cut off.

use std::fmt;
use std::future::{Future, poll_fn};
use std::pin::pin;
use std::task::Poll;

use folio_core::i18n::Strings;
use gloo_net::http::{Request, Response};
use js_sys::{Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader};

/// How long the server may stay silent, in milliseconds. Long enough for a slow mobile
/// connection's first byte, short enough that a reader still waiting is told something.
pub(crate) const IDLE_TIMEOUT_MS: i32 = 10_000;

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
    /// The server stopped answering for [`IDLE_TIMEOUT_MS`].
    Timeout,
    /// The answer started but the connection broke before all of it arrived.
    Interrupted,
    /// The answer arrived but is not what Folio wrote (bad JSON, unknown version, HTML instead
    /// of Markdown).
    BadContent(String),
}

impl LoadError {
    /// Whether trying again could help.
    pub(crate) fn retryable(&self) -> bool {
        !matches!(self, Self::NotFound)
    }

    /// A short heading for the error box, in the site's language.
    pub(crate) fn title(&self, text: &Strings) -> &'static str {
        match self {
            Self::NotFound => text.not_found_title,
            Self::Http(_) => text.error_http_title,
            Self::Network(_) => text.error_network_title,
            Self::Timeout => text.error_timeout_title,
            Self::Interrupted => text.error_interrupted_title,
            Self::BadContent(_) => text.error_content_title,
        }
    }

    /// What happened, for the reader, in the site's language ([`fmt::Display`] is the same in
    /// English, for the console).
    pub(crate) fn message(&self, text: &Strings) -> String {
        match self {
            Self::NotFound => text.not_found_body.to_owned(),
            Self::Http(status) => (text.error_http)(*status),
            Self::Network(detail) => (text.error_network)(detail),
            Self::Timeout => (text.error_timeout)(IDLE_TIMEOUT_MS / 1000),
            Self::Interrupted => text.error_interrupted.to_owned(),
            Self::BadContent(detail) => (text.error_content)(detail),
        }
    }
}

/// What marks [`LoadError::code`]'s text as one.
const CODE: &str = "folio-load-error:";

impl LoadError {
    /// As text that survives a trip through another wasm module (the search module passes the
    /// app's fetch errors on): [`LoadError::from_code`] reads it back.
    pub(crate) fn code(&self) -> String {
        let (kind, detail) = match self {
            Self::NotFound => ("not-found", String::new()),
            Self::Http(status) => ("http", status.to_string()),
            Self::Network(detail) => ("network", detail.clone()),
            Self::Timeout => ("timeout", String::new()),
            Self::Interrupted => ("interrupted", String::new()),
            Self::BadContent(detail) => ("bad-content", detail.clone()),
        };
        format!("{CODE}{kind}:{detail}")
    }

    /// The error [`LoadError::code`] wrote `code` for; `None` for any other text.
    pub(crate) fn from_code(code: &str) -> Option<Self> {
        let (kind, detail) = code.strip_prefix(CODE)?.split_once(':')?;
        Some(match kind {
            "not-found" => Self::NotFound,
            "http" => Self::Http(detail.parse().ok()?),
            "network" => Self::Network(detail.to_owned()),
            "timeout" => Self::Timeout,
            "interrupted" => Self::Interrupted,
            "bad-content" => Self::BadContent(detail.to_owned()),
            _ => return None,
        })
    }

    /// What another module rejected with: an error of the app's ([`LoadError::code`]) as it was,
    /// anything else (the module's own `Error`) as bad content, with its message.
    pub(crate) fn from_js(value: &JsValue) -> Self {
        value
            .as_string()
            .and_then(|text| Self::from_code(&text))
            .unwrap_or_else(|| Self::BadContent(describe(value)))
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(folio_core::i18n::strings_for("en")))
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
    let controller = AbortController::new().map_err(|err| LoadError::Network(describe(&err)))?;
    let request = Request::get(url).abort_signal(Some(&controller.signal()));
    let response = within(request.send(), &controller)
        .await?
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
    let bytes = read_body(&response, &controller).await?;
    Ok(decode_utf8(bytes))
}

/// Reads the body chunk by chunk, so each chunk restarts the silence timer.
async fn read_body(
    response: &Response,
    controller: &AbortController,
) -> Result<Vec<u8>, LoadError> {
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = within(JsFuture::from(reader.read()), controller)
            .await?
            .map_err(|_| LoadError::Interrupted)?;
        if Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|done| done.as_bool())
            .unwrap_or(true)
        {
            return Ok(bytes);
        }
        let value = Reflect::get(&chunk, &"value".into())
            .ok()
            .and_then(|value| value.dyn_into::<Uint8Array>().ok())
            .ok_or(LoadError::Interrupted)?;
        let start = bytes.len();
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
    }
}

/// Decodes like `Response.text()`: a leading byte-order mark is dropped and bytes that are not
/// UTF-8 become U+FFFD, so one badly encoded post still shows what it can.
fn decode_utf8(bytes: Vec<u8>) -> String {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => String::from_utf8_lossy(err.as_bytes()).into_owned(),
    };
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

/// Runs one step of a request, aborting the request when the step takes longer than
/// [`IDLE_TIMEOUT_MS`].
async fn within<F: Future>(step: F, controller: &AbortController) -> Result<F::Output, LoadError> {
    let mut step = pin!(step);
    let mut timer = pin!(Timer::start(IDLE_TIMEOUT_MS));
    let finished = poll_fn(|cx| {
        if let Poll::Ready(output) = step.as_mut().poll(cx) {
            return Poll::Ready(Some(output));
        }
        match timer.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(None),
            Poll::Pending => Poll::Pending,
        }
    })
    .await;
    finished.ok_or_else(|| {
        controller.abort();
        LoadError::Timeout
    })
}

/// A `setTimeout` as a future; dropping it clears the timeout, so a step that finished in time
/// leaves no timer behind.
struct Timer {
    handle: Option<i32>,
    fired: JsFuture,
}

impl Timer {
    fn start(ms: i32) -> Self {
        let mut handle = None;
        let promise = Promise::new(&mut |resolve, _reject| {
            handle = web_sys::window().and_then(|window| {
                window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                    .ok()
            });
        });
        Self {
            handle,
            fired: JsFuture::from(promise),
        }
    }
}

impl Future for Timer {
    type Output = ();

    fn poll(mut self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> Poll<()> {
        if self.handle.is_none() {
            // No window to set a timer on (never the case in a page): no timeout rather than
            // an instant one.
            return Poll::Pending;
        }
        std::pin::Pin::new(&mut self.fired).poll(cx).map(|_| ())
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let (Some(handle), Some(window)) = (self.handle, web_sys::window()) {
            window.clear_timeout_with_handle(handle);
        }
    }
}

/// A JavaScript error's message, for [`LoadError::Network`].
fn describe(error: &JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            Reflect::get(error, &"message".into())
                .ok()
                .and_then(|message| message.as_string())
        })
        .unwrap_or_else(|| "unknown error".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_matches_response_text() {
        assert_eq!(decode_utf8(b"\xEF\xBB\xBF# Title".to_vec()), "# Title");
        assert_eq!(decode_utf8(b"caf\xE9 ok".to_vec()), "caf\u{FFFD} ok");
        assert_eq!(decode_utf8("雨".as_bytes().to_vec()), "雨");
    }

    /// One failure of each kind, in the enum's order (details with the code's separator in them).
    fn one_of_each() -> [LoadError; 6] {
        [
            LoadError::NotFound,
            LoadError::Http(503),
            LoadError::Network("reset: by peer".into()),
            LoadError::Timeout,
            LoadError::Interrupted,
            LoadError::BadContent("line 1: 雨".into()),
        ]
    }

    #[test]
    fn every_failure_survives_its_code() {
        for error in one_of_each()
            .into_iter()
            .chain([LoadError::BadContent(String::new())])
        {
            assert_eq!(LoadError::from_code(&error.code()), Some(error));
        }
        for other in [
            "",
            "not-found:",
            "folio-load-error:",
            "folio-load-error:gone:",
            "folio-load-error:http:teapot",
        ] {
            assert_eq!(LoadError::from_code(other), None, "{other}");
        }
    }

    #[test]
    fn every_failure_has_its_own_title_and_only_not_found_is_final() {
        let errors = one_of_each();
        let english = folio_core::i18n::english();
        let titles: std::collections::HashSet<_> =
            errors.iter().map(|e| e.title(english)).collect();
        assert_eq!(titles.len(), errors.len());
        let retryable: Vec<bool> = errors.iter().map(LoadError::retryable).collect();
        assert_eq!(retryable, [false, true, true, true, true, true]);
        assert!(LoadError::Timeout.to_string().contains("10 seconds"));
    }
}
