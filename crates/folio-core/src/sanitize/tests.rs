//! Filter-evasion and mutation-XSS payloads, and the markup that must survive them.

use super::*;

/// (payload, expected output). Payloads from the OWASP XSS filter evasion cheat sheet and the
/// mutation-XSS write-ups (noscript, math/mglyph/style, svg, CDATA, nested tag names).
const PAYLOADS: &[(&str, &str)] = &[
    ("<script>alert(1)</script>", ""),
    ("<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>", ""),
    ("<img src=x onerror=alert(1)>", r#"<img src="x">"#),
    ("<IMG SRC=JaVaScRiPt:alert(1)>", "<img>"),
    ("<IMG SRC=\"jav\tascript:alert('XSS');\">", "<img>"),
    ("<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">", "<img>"),
    ("<IMG SRC=\" &#14;  javascript:alert('XSS');\">", "<img>"),
    (
        r#"<IMG """><SCRIPT>alert("XSS")</SCRIPT>">"#,
        "<img>&quot;&gt;",
    ),
    (
        r#"<img src=x:alert(alt) onerror=eval(src) alt=0>"#,
        r#"<img alt="0">"#,
    ),
    (r#"<a href="javascript:alert(1)">x</a>"#, "<a>x</a>"),
    (r#"<A HREF="JAVASCRIPT:alert(1)">x</A>"#, "<a>x</a>"),
    (r#"<a href='  javascript:alert(1)'>x</a>"#, "<a>x</a>"),
    (r#"<a href="jav&#x09;ascript:alert(1)">x</a>"#, "<a>x</a>"),
    (r#"<a href="java&#10;script:alert(1)">x</a>"#, "<a>x</a>"),
    (r#"<a href="&#106;avascript:alert(1)">x</a>"#, "<a>x</a>"),
    (
        "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105\
         &#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040\
         &#0000049&#0000041\">x</a>",
        "<a>x</a>",
    ),
    (
        "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65\
         &#x72&#x74&#x28&#x31&#x29\">x</a>",
        "<a>x</a>",
    ),
    (r#"<a href="javascript&colon;alert(1)">x</a>"#, "<a>x</a>"),
    (r#"<a href="vbscript:msgbox(1)">x</a>"#, "<a>x</a>"),
    (
        r#"<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>"#,
        "<a>x</a>",
    ),
    (
        r#"<a href="x" onmouseover="alert(1)" ONCLICK=alert(1)>x</a>"#,
        r#"<a href="x">x</a>"#,
    ),
    ("<svg><script>alert(1)</script></svg>", ""),
    ("<svg onload=alert(1)>", ""),
    // The `/` does not make this a self-closing tag: the svg stays open and swallows "after".
    ("<svg/onload=alert(1)>after", ""),
    ("<svg/>after", "after"),
    (
        r#"<noscript><p title="</noscript><img src=x onerror=alert(1)>">"#,
        r#"<img src="x">&quot;&gt;"#,
    ),
    (
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "",
    ),
    (
        r#"<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">"#,
        "",
    ),
    (
        "<select><template><style><img src=x onerror=alert(1)></style></template></select>ok",
        "ok",
    ),
    (
        r#"<iframe srcdoc="<script>alert(1)</script>"></iframe>"#,
        "",
    ),
    (r#"<iframe src="javascript:alert(1)"></iframe>"#, ""),
    (r#"<object data="javascript:alert(1)"></object>"#, ""),
    (r#"<embed src="javascript:alert(1)">"#, ""),
    (
        "<form><button formaction=javascript:alert(1)>X</button></form>",
        "X",
    ),
    (r#"<base href="javascript:alert(1)//">"#, ""),
    (
        r#"<meta http-equiv="refresh" content="0;url=javascript:alert(1)">"#,
        "",
    ),
    (r#"<link rel="stylesheet" href="javascript:alert(1)">"#, ""),
    (r#"<input type="image" src="javascript:alert(1)">"#, ""),
    ("<body onload=alert(1)>", ""),
    ("<scr<script>ipt>alert(1)</script>", "ipt&gt;alert(1)"),
    ("<<script>script>alert(1)//<</script>", "&lt;"),
    ("<style>@import 'javascript:alert(1)';</style>", ""),
    ("<textarea><script>alert(1)</script></textarea>", ""),
    ("<title><img src=x onerror=alert(1)></title>", ""),
    ("<xmp><img src=x onerror=alert(1)></xmp>", ""),
    ("<plaintext><img src=x onerror=alert(1)>", ""),
    ("<script>alert(1)</script foo=\">\">after", "after"),
    ("<!--<img src=x onerror=alert(1)>-->", ""),
    (
        "<!--><img src=x onerror=alert(1)>-->",
        r#"<img src="x">--&gt;"#,
    ),
    ("<![CDATA[<img src=x onerror=alert(1)>]]>", "]]&gt;"),
    (
        r#"<?xml version="1.0"?><img src=x onerror=alert(1)>"#,
        r#"<img src="x">"#,
    ),
    ("<!DOCTYPE html><b>x</b>", "<b>x</b>"),
    (
        r#"<div style="background:url(javascript:alert(1))">x</div>"#,
        "<div>x</div>",
    ),
    (
        r#"<table background="javascript:alert(1)"><tr><td>x</td></tr></table>"#,
        "<table><tr><td>x</td></tr></table>",
    ),
    (
        r#"<details open ontoggle=alert(1)>"#,
        r#"<details open=""></details>"#,
    ),
    (
        r#"<img src="x" alt="<script>alert(1)</script>">"#,
        r#"<img src="x" alt="&lt;script&gt;alert(1)&lt;/script&gt;">"#,
    ),
    (
        r#"<a href="x">&lt;script&gt;</a>"#,
        r#"<a href="x">&lt;script&gt;</a>"#,
    ),
    (r#"<img src="x"#, ""),
    ("<div><b>unclosed", "<div><b>unclosed</b></div>"),
    ("</div></b>stray", "stray"),
    ("<b><i>mis</b>nested</i>", "<b><i>mis</i></b>nested"),
];

#[test]
fn classic_payloads_come_out_harmless() {
    assert!(PAYLOADS.len() >= 30);
    for (payload, want) in PAYLOADS {
        let got = sanitize_fragment(payload);
        assert_eq!(&got, want, "payload {payload:?}");
        assert_well_formed_and_safe(&got);
    }
}

#[test]
fn safe_markup_survives() {
    let cases = [
        "<kbd>Ctrl</kbd>+<kbd>C</kbd>",
        "<details open=\"\"><summary>More</summary>Hidden</details>",
        r#"<img src="a.png" width="10">"#,
        r#"<img src="data:image/png;base64,iVBOR" alt="dot">"#,
        r#"<a href="https://example.com/?a=1&amp;b=2" title="t">x</a>"#,
        r#"<a href="mailto:me@example.com">mail</a> <a href="tel:+123">call</a>"#,
        r#"<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>"#,
        r#"<table><thead><tr><th colspan="2" align="left">h</th></tr></thead></table>"#,
        r#"<ol start="3" reversed="" type="a"><li value="5">x</li></ol>"#,
        r#"<p lang="zh" dir="ltr" class="note" id="x">中文&nbsp;&copy;</p>"#,
        r#"<q cite="https://example.com">q</q><time datetime="2026-02-14">情人节</time>"#,
        "<h2>T</h2><hr><br><wbr><sub>1</sub><sup>2</sup><mark>m</mark>",
    ];
    for html in cases {
        assert_eq!(sanitize_fragment(html), html);
    }
}

#[test]
fn attributes_are_requoted_and_escaped() {
    let cases = [
        (
            r#"<p title=a&quot;b class='x"y'>"#,
            r#"<p title="a&quot;b" class="x&quot;y"></p>"#,
        ),
        ("<p title=<x>>t</p>", r#"<p title="&lt;x">&gt;t</p>"#),
        (
            "<span title='it&#39;s'>",
            r#"<span title="it&#39;s"></span>"#,
        ),
        (
            "<span title=\"a & b\">",
            r#"<span title="a &amp; b"></span>"#,
        ),
        ("<span id=a id=b>", r#"<span id="a"></span>"#),
        (
            "<a href=' https://e.com/ '>",
            r#"<a href="https://e.com/"></a>"#,
        ),
        (
            "<a href=\"/x?a=1&b=2\">",
            r#"<a href="/x?a=1&amp;b=2"></a>"#,
        ),
        ("<BR/><Hr >", "<br><hr>"),
    ];
    for (html, want) in cases {
        assert_eq!(sanitize_fragment(html), want, "{html:?}");
    }
}

#[test]
fn text_is_escaped_but_references_kept() {
    assert_eq!(
        sanitize_fragment("a < b > c & d \"e\""),
        "a &lt; b &gt; c &amp; d &quot;e&quot;"
    );
    assert_eq!(
        sanitize_fragment("&amp; &#60; &#x3C; &hellip;"),
        "&amp; &#60; &#x3C; &hellip;"
    );
    assert_eq!(sanitize_fragment("&amp &#; &;"), "&amp;amp &amp;#; &amp;;");
}

#[test]
fn pieces_keep_state_between_pushes() {
    let mut s = Sanitizer::new();
    let mut out = String::new();
    for piece in [
        "<div class=\"a\n",
        "b\">\n",
        "<script>\n",
        "alert(1)\n",
        "</scr",
        "ipt>x</div>\n",
    ] {
        s.push(piece, &mut out);
    }
    s.finish(&mut out);
    assert_eq!(out, "<div class=\"a\nb\">\nx</div>\n");
}

#[test]
fn end_block_abandons_unfinished_tags_and_swallowing() {
    let mut s = Sanitizer::new();
    let mut out = String::new();
    s.push("<a href=\"x\n", &mut out);
    s.end_block();
    s.push("<style>\nbody{}\n", &mut out);
    assert!(s.is_swallowing());
    s.end_block();
    assert!(!s.is_swallowing());
    s.push("<b>kept</b>", &mut out);
    s.finish(&mut out);
    assert_eq!(out, "<b>kept</b>");
}

#[test]
fn scopes_keep_raw_tags_inside_their_container() {
    let mut s = Sanitizer::new();
    let mut out = String::new();
    s.push("<div>", &mut out);
    s.open_scope();
    s.push("</div><span>", &mut out);
    s.close_scope(&mut out);
    s.push("</div>", &mut out);
    s.finish(&mut out);
    assert_eq!(out, "<div><span></span></div>");
}

#[test]
fn urls_resolve_and_site_extras_apply() {
    let mut s = Sanitizer::new()
        .resolve_against("/blog/posts/")
        .site_extras(true);
    let mut out = String::new();
    s.push(
        r#"<img src="../img/a.png"><a href="https://e.com">e</a><a href="b.md">b</a>"#,
        &mut out,
    );
    s.finish(&mut out);
    assert_eq!(
        out,
        "<img src=\"/blog/img/a.png\" loading=\"lazy\" decoding=\"async\">\
         <a href=\"https://e.com\" rel=\"noopener noreferrer\">e</a>\
         <a href=\"/blog/posts/b.md\">b</a>"
    );
}

#[test]
fn removals_are_reported() {
    let mut s = Sanitizer::new();
    let mut out = String::new();
    s.push(
        r#"<font color=red><a href="javascript:x" onclick="y">z</a><script>w</script>"#,
        &mut out,
    );
    let removed: Vec<String> = s.take_removed().iter().map(ToString::to_string).collect();
    assert_eq!(
        removed,
        [
            "removed raw HTML tag <font> (its text is kept)",
            "removed unsafe URL `javascript:x` from <a href>",
            "removed attribute `onclick` from raw HTML <a>",
            "removed raw HTML <script> and everything inside it",
        ]
    );
    assert!(s.take_removed().is_empty());
}

#[test]
fn presentational_html_keeps_what_is_safe_and_drops_the_rest() {
    let cases = [
        (
            r#"<p align="center">居中</p>"#,
            r#"<p align="center">居中</p>"#,
        ),
        (r#"<h2 align=right>T</h2>"#, r#"<h2 align="right">T</h2>"#),
        (
            r#"<img src="a.png" width="300" height=200 align=left>"#,
            r#"<img src="a.png" width="300" height="200" align="left">"#,
        ),
        (
            r#"<table width="100%" border=1><tr valign=top><td width=50 height=20>x</td></tr></table>"#,
            r#"<table width="100%"><tr valign="top"><td width="50" height="20">x</td></tr></table>"#,
        ),
        (
            r#"<a href="https://e.com" target="_blank">x</a>"#,
            r#"<a href="https://e.com" target="_blank" rel="noopener noreferrer">x</a>"#,
        ),
        (
            r#"<a target="_BLANK" href="/p/">x</a>"#,
            r#"<a target="_blank" href="/p/" rel="noopener noreferrer">x</a>"#,
        ),
        (
            r#"<a href="/p/" target="frame1">x</a>"#,
            r#"<a href="/p/">x</a>"#,
        ),
        (
            "<center>居中的字</center>",
            r#"<div class="align-center">居中的字</div>"#,
        ),
        (
            "<CENTER><b>x</b></CENTER>y",
            r#"<div class="align-center"><b>x</b></div>y"#,
        ),
        (
            r#"<font color="red" size=5 face="楷体">红字</font>"#,
            "红字",
        ),
        (
            r#"<p style="text-align: center; color: red">x</p>"#,
            r#"<p align="center">x</p>"#,
        ),
        (
            r#"<img src="a.png" style="width:300px; height: 50%">"#,
            r#"<img src="a.png" width="300" height="50%">"#,
        ),
        // As in CSS, the style wins.
        (
            r#"<p align="left" style="text-align:right">x</p>"#,
            r#"<p align="right">x</p>"#,
        ),
        (
            r#"<span style="color:red;background:url(x)">x</span>"#,
            "<span>x</span>",
        ),
        (
            r#"<div style="position:fixed;inset:0">x</div>"#,
            "<div>x</div>",
        ),
        (r#"<p align="javascript:alert(1)">x</p>"#, "<p>x</p>"),
    ];
    for (html, want) in cases {
        let got = sanitize_fragment(html);
        assert_eq!(got, want, "{html:?}");
        assert_well_formed_and_safe(&got);
    }
}

/// What a reader would not miss is a note for the writer; attacks and lost content stay errors.
#[test]
fn presentational_removals_are_harmless_and_attacks_are_not() {
    let mut s = Sanitizer::new();
    let mut out = String::new();
    s.push(
        r#"<font color=red>a</font><span style="color:red" data-x="1">b</span>
<a href="x" target=frame1 rel=nofollow>c</a><big>d</big><table border=1 cellpadding=2></table>"#,
        &mut out,
    );
    let harmless = s.take_removed();
    assert_eq!(harmless.len(), 8, "{harmless:?}");
    for removed in &harmless {
        assert!(removed.is_harmless(), "{removed}");
    }
    s.push(
        r#"<a onclick=x>y</a><script>z</script><a href="javascript:x">w</a><iframe></iframe><video src=v.mp4></video><form>f</form>"#,
        &mut out,
    );
    let harmful = s.take_removed();
    assert_eq!(harmful.len(), 6, "{harmful:?}");
    for removed in &harmful {
        assert!(!removed.is_harmless(), "{removed}");
    }
}

/// VitePress posts are Vue templates: their `<script setup>` and `<style scoped>` blocks and
/// their components mean nothing on a Folio page and are shown as nothing, as notes.
#[test]
fn vue_blocks_and_components_are_shown_as_nothing() {
    let cases = [
        (
            "<script setup>\nimport X from './x.vue'\n</script>after",
            "after",
        ),
        ("<script lang=\"ts\" setup>const a = 1</script>", ""),
        ("<style scoped>\n.a { color: red }\n</style>after", "after"),
        ("<style module>.a{}</style>", ""),
        (r#"a <Badge type="tip" text="v2" /> b"#, "a  b"),
        (
            "<MyComp :count=\"n\" @click=\"go\">slot <b>text</b></MyComp>after",
            "after",
        ),
        ("<Outer><Outer>x</Outer>y</Outer>z", "z"),
        ("<my-widget>x</my-widget>after", "after"),
        ("<ClientOnly><p>x</p></ClientOnly>", ""),
        // Upper-case HTML is HTML, not a component.
        (
            "<DIV ALIGN=CENTER><B>x</B></DIV>",
            r#"<div align="center"><b>x</b></div>"#,
        ),
        ("<FONT COLOR=red>x</FONT>", "x"),
    ];
    for (html, want) in cases {
        let mut s = Sanitizer::new();
        let mut out = String::new();
        s.push(html, &mut out);
        s.finish(&mut out);
        assert_eq!(out, want, "{html:?}");
        for removed in s.take_removed() {
            assert!(removed.is_harmless(), "{html:?}: {removed}");
        }
    }
    let mut s = Sanitizer::new();
    let mut out = String::new();
    s.push(
        "<script setup>x</script><Badge/><style scoped></style>",
        &mut out,
    );
    let removed: Vec<String> = s.take_removed().iter().map(ToString::to_string).collect();
    assert_eq!(
        removed,
        [
            "VitePress's `<script setup>` is Vue code; a Folio page shows it as nothing",
            "Vue component <Badge> is shown as nothing",
            "VitePress's `<style scoped>` is Vue code; a Folio page shows it as nothing",
        ]
    );
    // A plain script is still an error.
    s.push("<script>alert(1)</script>", &mut out);
    assert!(
        s.take_removed()
            .iter()
            .all(|removed| !removed.is_harmless())
    );
}

/// Every `<` in the output starts an allowed tag written as `<name( attr="value")*>`, no
/// attribute is an event handler or style, and no URL attribute holds a script URL.
fn assert_well_formed_and_safe(html: &str) {
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest
            .find('>')
            .unwrap_or_else(|| panic!("unterminated tag in {html:?}"));
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let (name, mut attrs) = tag.split_once(' ').unwrap_or((tag, ""));
        assert!(
            policy::allowed_element(name).is_some(),
            "tag {name:?} in {html:?}"
        );
        while !attrs.is_empty() {
            let (attr, after) = attrs
                .split_once("=\"")
                .unwrap_or_else(|| panic!("{html:?}"));
            let (value, after) = after.split_once('"').unwrap_or_else(|| panic!("{html:?}"));
            assert!(
                !attr.starts_with("on") && attr != "style",
                "{attr} in {html:?}"
            );
            let value = entities::decode(value).to_ascii_lowercase();
            assert!(!value.contains("javascript:"), "{value} in {html:?}");
            attrs = after.strip_prefix(' ').unwrap_or(after);
        }
    }
    assert!(!html.to_ascii_lowercase().contains("<script"));
}

/// Random soup of HTML fragments (a fixed-seed generator, so failures repeat), sanitized whole
/// and in random pieces cut after a `>` or a line end (where Markdown cuts raw HTML): the output
/// is always well-formed and safe, the same either way, and sanitizing it again changes nothing
/// (what a browser re-parses is what was checked).
#[test]
fn random_markup_soup_comes_out_safe_and_stable() {
    const PARTS: &[&str] = &[
        "<",
        ">",
        "</",
        "/>",
        "<!--",
        "-->",
        "<!",
        "<?",
        "]]>",
        "\"",
        "'",
        "=",
        " ",
        "\n",
        "\t",
        "a",
        "img",
        "script",
        "style",
        "svg",
        "math",
        "noscript",
        "textarea",
        "title",
        "iframe",
        "div",
        "b",
        "details",
        "kbd",
        "table",
        "td",
        "href",
        "src",
        "onerror",
        "style",
        "title",
        "javascript:",
        "jav&#x09;ascript:",
        "&#106;",
        "&colon;",
        "&amp;",
        "&lt;",
        "&",
        "#",
        "alert(1)",
        "x",
        "中文",
        "\u{0}",
        "data:image/png,",
        "data:text/html,",
        "https://e.com",
    ];
    let mut seed: u64 = 0x5EED_F011_0000_0001;
    let mut next = |bound: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(seed >> 33).unwrap_or(0) % bound
    };
    for _ in 0..3_000 {
        let len = 1 + next(40);
        let input: String = (0..len).map(|_| PARTS[next(PARTS.len())]).collect();

        let whole = sanitize_fragment(&input);
        assert_well_formed_and_safe(&whole);
        assert_eq!(sanitize_fragment(&whole), whole, "unstable for {input:?}");

        let mut s = Sanitizer::new();
        let mut pieces = String::new();
        let mut start = 0;
        for (at, c) in input.char_indices() {
            if matches!(c, '>' | '\n') && next(2) == 0 {
                s.push(&input[start..=at], &mut pieces);
                start = at + 1;
            }
        }
        s.push(&input[start..], &mut pieces);
        s.finish(&mut pieces);
        assert_eq!(pieces, whole, "pieces differ for {input:?}");
    }
}

#[test]
fn ids_in_the_apps_namespace_move_out_of_it_with_the_links_to_them() {
    let cases = [
        (
            r#"<span id="folio-app">x</span>"#,
            r#"<span id="post-folio-app">x</span>"#,
        ),
        (
            r#"<div id="&#102;olio-prerender"></div>"#,
            r#"<div id="post-&#102;olio-prerender"></div>"#,
        ),
        (
            r##"<a href="#folio-app">up</a>"##,
            r##"<a href="#post-folio-app">up</a>"##,
        ),
        (
            r#"<a href="&#35;folio-app">up</a>"#,
            r##"<a href="#post-folio-app">up</a>"##,
        ),
        // Ordinary ids, and a fragment of another site, stay exactly as written.
        (r#"<h2 id="intro">i</h2>"#, r#"<h2 id="intro">i</h2>"#),
        (r#"<h2 id="摘要">i</h2>"#, r#"<h2 id="摘要">i</h2>"#),
        (r#"<p id="Folio-app"></p>"#, r#"<p id="Folio-app"></p>"#),
        (
            r##"<a href="https://e.com/#folio-app">e</a>"##,
            r##"<a href="https://e.com/#folio-app">e</a>"##,
        ),
    ];
    for (input, want) in cases {
        assert_eq!(sanitize_fragment(input), want, "{input}");
    }
}

#[test]
fn names_that_shadow_document_properties_are_dropped() {
    for input in [
        r#"<img name="getElementById" src="a.png">"#,
        r#"<a name="body" href="a">x</a>"#,
        r#"<form name="cookie"></form><embed name="createElement"><object name="querySelector"></object><iframe name="defaultView"></iframe>"#,
    ] {
        let out = sanitize_fragment(input);
        assert!(!out.contains("name="), "{input} -> {out}");
    }
}

#[test]
fn backslashes_that_browsers_read_as_slashes_lead_off_site_with_rel() {
    let sanitize = |html: &str| {
        let mut s = Sanitizer::new()
            .resolve_against("/blog/posts/")
            .site_extras(true);
        let mut out = String::new();
        s.push(html, &mut out);
        s.finish(&mut out);
        out
    };
    // Browsers read `\` as `/` before the query in http(s) URLs and in relative ones.
    let off_site = [
        (r#"<a href="/\evil.com">x</a>"#, "//evil.com"),
        (r#"<a href="\\evil.com/a?b\c">x</a>"#, "//evil.com/a?b\\c"),
        (r#"<a href="\/evil.com">x</a>"#, "//evil.com"),
        (r#"<a href="/&#92;evil.com">x</a>"#, "//evil.com"),
        (r#"<a href="/&bsol;evil.com">x</a>"#, "//evil.com"),
        ("<a href=\"/\t\\evil.com\">x</a>", "//evil.com"),
        ("<a href=\" /\n\\evil.com\">x</a>", "//evil.com"),
        (
            r#"<a href="https:\\evil.com\a">x</a>"#,
            "https://evil.com/a",
        ),
    ];
    for (input, href) in off_site {
        assert_eq!(
            sanitize(input),
            format!(
                "<a href=\"{}\" rel=\"noopener noreferrer\">x</a>",
                escape(href)
            ),
            "{input}"
        );
    }
    // A percent-encoded backslash is a character of the path: the link stays on the site.
    let on_site = [
        (r#"<a href="/%5Cevil.com">x</a>"#, "/%5Cevil.com"),
        (r#"<a href="\evil.md">x</a>"#, "/evil.md"),
        (r#"<a href="a\b.md#x\y">x</a>"#, "/blog/posts/a/b.md#x\\y"),
    ];
    for (input, href) in on_site {
        assert_eq!(
            sanitize(input),
            format!("<a href=\"{}\">x</a>", escape(href)),
            "{input}"
        );
    }
}

fn escape(text: &str) -> String {
    crate::html::escape(text)
}
