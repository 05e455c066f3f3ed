//! The Content-Security-Policy written into every shell of a release build.
//!
//! The policy lets the page run only the app's own files and the inline loader script Trunk
//! wrote into `index.html` (allowed by its SHA-256 hash, computed here from the built file), so
//! a script that slipped into a post through some future sanitizer bug would still not run.
//! Posts may embed remote images, so images may come from anywhere over http(s) and `data:`.
//! Development builds (`trunk serve`) get no policy: Trunk injects its live-reload script at
//! serve time, after the shells are written, and no hash could allow it.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

/// Marks the policy tag Folio inserts, so running the hook twice replaces it.
pub(crate) const START: &str = "<!-- folio:csp -->";
pub(crate) const END: &str = "<!-- /folio:csp -->";

/// The policy for a page built from `template`: the app's own origin, WebAssembly, and the
/// inline scripts `template` holds and the build adds (`more`, as written), by hash.
pub(crate) fn policy(template: &str, more: &[&str]) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for script in inline_scripts(template)
        .into_iter()
        .chain(more.iter().copied())
    {
        script_src.push_str(" 'sha256-");
        script_src.push_str(&sha256_base64(&normalize_newlines(script)));
        script_src.push('\'');
    }
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; \
         img-src 'self' https: http: data:; object-src 'none'; base-uri 'none'; \
         form-action 'none'"
    )
}

/// Inserts the policy as a `<meta http-equiv>` tag at the very start of `<head>` (after the
/// charset declaration, which must stay first): a policy in a meta tag only covers what the
/// page parses after it.
pub(crate) fn insert(html: &str, policy: &str) -> String {
    // Only `&` and `"` matter inside a double-quoted attribute; the policy's quotes stay
    // readable in the built file.
    let value = policy.replace('&', "&amp;").replace('"', "&quot;");
    let tag =
        format!("{START}<meta http-equiv=\"Content-Security-Policy\" content=\"{value}\">{END}");
    let at = after_tag(html, "<meta charset")
        .or_else(|| after_tag(html, "<head"))
        .unwrap_or(0);
    format!("{}{tag}{}", &html[..at], &html[at..])
}

/// The byte offset just past the `>` of the first tag starting with `prefix` (ASCII case
/// ignored).
fn after_tag(html: &str, prefix: &str) -> Option<usize> {
    let start = html.to_ascii_lowercase().find(prefix)?;
    let end = html[start..].find('>')?;
    Some(start + end + 1)
}

/// The text of every `<script>` element without a `src` attribute, as written.
fn inline_scripts(html: &str) -> Vec<&str> {
    // ASCII lowercasing keeps byte offsets, so positions found in `lower` index `html`.
    let lower = html.to_ascii_lowercase();
    let mut scripts = Vec::new();
    let mut from = 0;
    while let Some(found) = lower[from..].find("<script") {
        let open = from + found;
        let Some(tag_len) = lower[open..].find('>') else {
            break;
        };
        let body_start = open + tag_len + 1;
        let Some(body_len) = lower[body_start..].find("</script") else {
            break;
        };
        let body_end = body_start + body_len;
        if !has_src(&lower[open + "<script".len()..open + tag_len]) {
            scripts.push(&html[body_start..body_end]);
        }
        from = body_end;
    }
    scripts
}

/// Whether a (lowercased) tag's attribute text has a `src` attribute.
fn has_src(attributes: &str) -> bool {
    attributes
        .split(|c: char| c.is_ascii_whitespace())
        .any(|attr| attr == "src" || attr.starts_with("src="))
}

/// The HTML parser turns `\r\n` and lone `\r` into `\n` before a script's text exists, and the
/// browser hashes that text.
fn normalize_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn sha256_base64(text: &str) -> String {
    STANDARD.encode(Sha256::digest(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_SHELL: &str = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>T</title>\n<script type=\"module\">\nimport init from '/app.js';\nawait init();\n</script>\n<SCRIPT src=\"/other.js\"></SCRIPT><link rel=\"modulepreload\" href=\"/app.js\"></head><body></body></html>";

    #[test]
    fn inline_scripts_are_found_and_external_ones_skipped() {
        assert_eq!(
            inline_scripts(TRUNK_SHELL),
            ["\nimport init from '/app.js';\nawait init();\n"]
        );
        assert!(inline_scripts("<script src=a.js></script><script>x</script>") == ["x"]);
        assert!(inline_scripts("<script data-src=a>y</script>") == ["y"]);
        assert!(inline_scripts("<script>never closed").is_empty());
    }

    #[test]
    fn the_hash_is_the_one_browsers_compute() {
        // `echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64`
        assert_eq!(
            sha256_base64("alert(1)"),
            "bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI="
        );
        assert_eq!(normalize_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn the_policy_allows_the_app_and_nothing_inline_but_the_loader() {
        let policy = policy(TRUNK_SHELL, &[]);
        let script_src = policy
            .split("; ")
            .find(|directive| directive.starts_with("script-src"))
            .unwrap_or_default();
        assert_eq!(script_src.matches("'sha256-").count(), 1, "{policy}");
        assert!(script_src.contains("'wasm-unsafe-eval'"));
        for forbidden in ["'unsafe-inline'", "'unsafe-eval'", "*"] {
            assert!(!policy.contains(forbidden), "{forbidden} in {policy}");
        }
        for directive in [
            "default-src 'self'",
            "style-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ] {
            assert!(
                policy.contains(directive),
                "{directive} missing in {policy}"
            );
        }
    }

    #[test]
    fn the_meta_tag_comes_before_every_script() {
        let html = insert(TRUNK_SHELL, "default-src 'self'");
        let meta = html.find("Content-Security-Policy").unwrap_or(usize::MAX);
        assert!(meta < html.find("<script").unwrap_or(0));
        assert!(html.starts_with("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><!-- folio:csp --><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\">"), "{html}");
        assert!(insert("<head><title>", "x").starts_with("<head><!-- folio:csp -->"));
    }
}
