//! Named character references (`&copy;`, `&ngE;`) for folio-core's renderer in the browser.
//!
//! pulldown-cmark expands them from the HTML5 table of 2,125 names, which was 18 KB brotli of
//! the app's wasm, on every reader's first load. The browser holds the same table (WHATWG's, from
//! which pulldown-cmark's is generated) in its HTML parser, so Folio's copy of pulldown-cmark
//! (`vendor/pulldown-cmark`) leaves the table out of wasm builds and asks the function installed
//! here instead. Every wasm that renders Markdown calls [`install`] first: the app and the
//! benchmark's renderer. Numeric references (`&#x4E2D;`) never needed the table.

/// Makes pulldown-cmark expand named references through the page's HTML parser. Call it once
/// before the first render; later calls change nothing.
#[cfg(target_arch = "wasm32")]
pub fn install() {
    pulldown_cmark::set_entity_lookup(lookup);
}

/// Not in the browser (host builds, tests) pulldown-cmark keeps its own table.
#[cfg(not(target_arch = "wasm32"))]
pub fn install() {}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
let area;
// Each name's answer: posts repeat a few names (`&nbsp;`, `&amp;`), and the parser takes
// microseconds a call. Bounded, so a post of a million different names cannot hold them all.
const seen = new Map();
export function decodeEntity(name) {
  let value = seen.get(name);
  if (value === undefined) {
    // A textarea's content is text: setting it parses character references and nothing else.
    area ??= document.createElement("textarea");
    area.innerHTML = `&${name};`;
    value = area.value;
    if (seen.size < 4096) seen.set(name, value);
  }
  return value;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = decodeEntity)]
    fn decode_entity(name: &str) -> String;
}

#[cfg(target_arch = "wasm32")]
fn lookup(name: &str) -> Option<String> {
    // pulldown-cmark only asks for letters and digits; anything else could be markup. Every name
    // in the table starts with a letter and has at most 31 characters
    // (`CounterClockwiseContourIntegral`): anything else is not one, and costs no call.
    let plausible = name.len() <= 31
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.bytes().all(|byte| byte.is_ascii_alphanumeric());
    if !plausible {
        return None;
    }
    expansion(decode_entity(name))
}

/// What the parser made of `&name;`, if it is one reference. Every name in the table expands to
/// one or two characters. An unknown name stays as written (`&name;`, at least three), and a
/// legacy name that begins it (`&notit;` is `&not` + `it;`) leaves letters and the `;` after its
/// expansion: three characters or more either way.
#[cfg(any(target_arch = "wasm32", test))]
fn expansion(decoded: String) -> Option<String> {
    (decoded.chars().count() <= 2).then_some(decoded)
}

#[cfg(test)]
mod tests {
    use super::expansion;

    #[test]
    fn only_a_whole_reference_counts() {
        assert_eq!(expansion("©".to_owned()).as_deref(), Some("©"));
        assert_eq!(
            expansion("≧̸".to_owned()).as_deref(),
            Some("≧̸"),
            "&ngE; is two characters"
        );
        assert_eq!(expansion("&nosuch;".to_owned()), None);
        assert_eq!(
            expansion("¬it;".to_owned()),
            None,
            "&notit; is &not and `it;`"
        );
        assert_eq!(expansion("&a;".to_owned()), None);
    }
}
