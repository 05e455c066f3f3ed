use super::*;

fn ok(tex: &str, display: bool) -> String {
    to_mathml(tex, display).unwrap_or_else(|e| panic!("{tex}: {e}"))
}

#[test]
fn a_superscript_becomes_msup() {
    let html = ok("x^2", false);
    assert!(
        html.starts_with("<math display=\"inline\" alttext=\"x^2\">"),
        "{html}"
    );
    assert!(html.contains("<msup><mi>x</mi><mn>2</mn></msup>"), "{html}");
}

#[test]
fn display_math_is_a_block_with_its_source_kept() {
    let html = ok(r"\sum_{k=1}^n k < \frac{n^2}{2}", true);
    assert!(html.starts_with("<math display=\"block\""), "{html}");
    assert!(
        html.contains("<munderover>") || html.contains("<msubsup>"),
        "{html}"
    );
    assert!(
        html.contains(r#"<annotation encoding="application/x-tex">\sum_{k=1}^n k &lt; \frac{n^2}{2}</annotation>"#),
        "{html}"
    );
}

#[test]
fn environments_posts_use_render() {
    for tex in [
        r"\begin{aligned}a&=b\\c&=d\end{aligned}",
        r"\begin{cases}1&x>0\\0&\text{else}\end{cases}",
        r"\begin{pmatrix}1&2\\3&4\end{pmatrix}",
    ] {
        assert!(ok(tex, true).contains("<mtable"), "{tex}");
    }
}

#[test]
fn errors_are_reported_not_rendered() {
    type Expect = fn(&MathError) -> bool;
    let cases: [(&str, Expect); 4] = [
        (
            r"\frac{1}{",
            |e| matches!(e, MathError::Invalid(m) if m.contains("unbalanced")),
        ),
        (r"\nosuchcommand", |e| matches!(e, MathError::Invalid(_))),
        (r"\def\a{\a\a}\a", |e| {
            matches!(e, MathError::Definition("def"))
        }),
        (r"\newcommand{\x}{y} \x", |e| {
            matches!(e, MathError::Definition("newcommand"))
        }),
    ];
    for (tex, expected) in cases {
        let error = to_mathml(tex, false).expect_err(tex);
        assert!(expected(&error), "{tex}: {error:?}");
    }
    let long = "x+".repeat(MAX_TEX_BYTES);
    assert_eq!(to_mathml(&long, false), Err(MathError::TooLong(long.len())));
}

#[test]
fn formulas_nested_deeper_than_the_cap_are_refused() {
    let nested = |depth: usize| format!("{}x{}", "{".repeat(depth), "}".repeat(depth));
    assert!(to_mathml(&nested(MAX_NESTING), false).is_ok());
    assert_eq!(
        to_mathml(&nested(MAX_NESTING + 1), false),
        Err(MathError::TooDeep(MAX_NESTING + 1))
    );
    let groups = format!("{}x{}", r"\left(".repeat(40), r"\right)".repeat(40));
    assert_eq!(to_mathml(&groups, true), Err(MathError::TooDeep(40)));
}

#[test]
fn hostile_formulas_produce_only_escaped_mathml() {
    for tex in [
        r"\operatorname{<img src=x onerror=alert(1)>}",
        r"\operatorname{</math><script>alert(1)</script>}",
        r"\text{<script>alert(1)</script>}",
        r"\mathrm{<b>x</b>}",
        r"\color{red}{x} \colorbox{blue}{y} \kern-1em z",
        r"a<b>c \& d",
        r#"\text{" onmouseover="alert(1)}"#,
    ] {
        let html = to_mathml(tex, false).unwrap_or_default();
        let lower = html.to_ascii_lowercase();
        for bad in ["<script", "<img", "<b>", "style=", "<mi><b"] {
            assert!(!lower.contains(bad), "{tex}: {bad} in {html}");
        }
        for piece in html.split('<').skip(1) {
            let name: String = piece
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_lowercase)
                .collect();
            assert!(
                ELEMENTS.contains(&name.as_str()),
                "{tex}: <{name} in {html}"
            );
            let tag = piece.split('>').next().unwrap_or_default();
            let names: String = tag.split('"').step_by(2).collect();
            assert!(!names.contains(" on"), "{tex}: handler in <{tag}>");
        }
    }
}

#[test]
fn href_and_friends_are_not_commands() {
    for tex in [
        r"\href{javascript:alert(1)}{x}",
        r"\url{javascript:x}",
        r"\htmlClass{x}{y}",
        r"\style{color:red}{x}",
    ] {
        assert!(to_mathml(tex, false).is_err(), "{tex}");
    }
}

#[test]
fn the_check_drops_what_is_not_mathml() {
    let mut out = String::new();
    check_into(
        &mut out,
        r#"<mi style="color: red">a</mi><mo><</mo><b>x</b>&amp;&#x3C;&&nbsp;<mspace width="1em" /></mspace>"#,
    );
    assert_eq!(
        out,
        r#"<mi>a</mi><mo>&lt;</mo>&lt;b&gt;x&lt;/b&gt;&amp;&#x3C;&amp;&nbsp;<mspace width="1em"/></mspace>"#
    );
}

#[test]
fn allowlists_are_sorted_for_binary_search() {
    assert!(ELEMENTS.windows(2).all(|w| w[0] < w[1]));
    assert!(ATTRIBUTES.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn user_text_never_becomes_mathml_tags() {
    let html = ok(r"\operatorname{<mi>x}", false);
    assert!(html.contains("<mtext>&lt;mi&gt;x</mtext>"), "{html}");
}
