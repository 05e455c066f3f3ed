//! Odd and hostile inputs render without panicking (and, sanitized, without a script).
//!
//! Every input goes through all three modes: sanitized, trusted HTML and CommonMark-only.

use folio_core::{RenderOptions, render};

fn render_all_modes(name: &str, markdown: &str) {
    let base = RenderOptions::new("/blog/posts/");
    let trusted = RenderOptions {
        trust_html: true,
        ..base
    };
    let link = |path: &str| Some(format!("{path}/page/"));
    let with_title = RenderOptions {
        title: Some("x"),
        post_link: Some(&link),
        first_line: usize::MAX / 2,
        ..base
    };
    for options in [base, trusted, with_title, RenderOptions::commonmark()] {
        let out = render(markdown, &options);
        if !options.trust_html {
            assert!(
                !out.html.to_ascii_lowercase().contains("<script"),
                "{name}: a script got through"
            );
        }
    }
}

#[test]
fn empty_and_blank_documents() {
    for (name, input) in [
        ("empty", ""),
        ("spaces", "   "),
        ("newlines", "\n\n\n"),
        (
            "mixed whitespace",
            " \t\r\n\u{A0}\u{3000}\u{2028}\u{2029}\r",
        ),
        ("lone cr", "\r"),
    ] {
        render_all_modes(name, input);
    }
}

#[test]
fn deep_nesting() {
    render_all_modes("10k quotes", &format!("{} deep", ">".repeat(10_000)));
    render_all_modes("10k list items", &format!("{}deep", "- ".repeat(10_000)));
    render_all_modes(
        "10k ordered items",
        &format!("{}deep", "1. ".repeat(10_000)),
    );
    let indented: String = (0..1_000)
        .map(|i| format!("{}- item\n", " ".repeat(i * 2)))
        .collect();
    render_all_modes("1k indented items", &indented);
    render_all_modes("10k raw divs", &"<div>".repeat(10_000));
    render_all_modes("10k raw closes", &"</div>".repeat(10_000));
    render_all_modes("10k inline tags", &format!("x {}", "<b><i>".repeat(10_000)));
    render_all_modes(
        "10k emphasis",
        &format!("{}x{}", "*_".repeat(5_000), "_*".repeat(5_000)),
    );
}

#[test]
fn runs_of_delimiters() {
    render_all_modes("100k brackets", &"[".repeat(100_000));
    render_all_modes("100k closing brackets", &"]".repeat(100_000));
    render_all_modes("50k stars", &"*".repeat(50_000));
    render_all_modes("50k underscores", &format!("a{}b", "_".repeat(50_000)));
    render_all_modes("50k backticks", &"`".repeat(50_000));
    render_all_modes("link openers", &"[a](".repeat(20_000));
    render_all_modes("image openers", &"![".repeat(20_000));
    render_all_modes("footnote refs", &"[^x]".repeat(10_000));
    render_all_modes("pipes", &format!("|a|\n|-|\n{}", "|x|\n".repeat(10_000)));
    render_all_modes("html lt", &"<".repeat(50_000));
    render_all_modes("ampersands", &"&#".repeat(50_000));
}

#[test]
fn unclosed_and_broken_raw_html() {
    let cases = [
        "<div>",
        "<script>",
        "<script>alert(1)",
        "a <script>alert(1)",
        "<style>\n\nbody{}\n",
        "<!--",
        "<!-- more",
        "<a href=\"",
        "<a href='x",
        "<img src=x onerror=\"alert(1)",
        "<svg><svg><svg>",
        "<plaintext>",
        "</",
        "<![CDATA[",
        "<?",
        "<a\n\nhref='x'>",
        "<details>\n\n- <summary>x\n\n</details></details></summary>",
    ];
    for input in cases {
        render_all_modes(input, input);
        render_all_modes(input, &format!("para\n\n{input}\n\n# after\n\ntext"));
    }
    let attrs = format!("<a {}>", "b=c ".repeat(50_000));
    render_all_modes("50k attributes", &attrs);
}

#[test]
fn odd_characters() {
    let cases = [
        ("nul", "a\0b\0\0[\0](\0)<\0>\n# \0\n"),
        (
            "nul in html",
            "<a href=\"java\0script:alert(1)\">x</a><scr\0ipt>",
        ),
        ("bom", "\u{FEFF}# Title\n\ntext"),
        ("rtl override", "\u{202E}# evil\u{202C}\n[\u{202E}link](x)"),
        (
            "combining",
            "# a\u{0301}\u{0301}\u{0301}\n\n\u{0301}\u{0301}",
        ),
        ("zwj emoji", "# 👩‍👩‍👧‍👦 family\n\n👍🏽"),
        ("noncharacters", "\u{FFFF}\u{FFFE}\u{10FFFF}\u{1FFFE}"),
        ("controls", "\u{1}\u{7}\u{8}\u{1B}[31m\u{7F}\u{85}"),
        (
            "lonely continuation in entity",
            "&#xD800; &#x110000; &#0; &#99999999999;",
        ),
        (
            "cjk everything",
            "# 标题\n\n[链接](./文章.md)\n\n![图](图.png \"说明\")\n\n[^注]\n\n[^注]: 脚注",
        ),
        (
            "heading attributes",
            "# a {#fn-1 .x onclick=alert(1)}\n# b {#}\n# c {.}\n",
        ),
        ("alert markers", "> [!NOTE]\n> [!TIP]\n>\n> [!WARNING]"),
        ("long line", &"字".repeat(200_000)),
    ];
    for (name, input) in cases {
        render_all_modes(name, input);
    }
}

#[test]
fn a_five_megabyte_document() {
    // Mostly prose, like a real post, with every feature now and then.
    let prose = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/render/chinese-post.md"
    ))
    .unwrap_or_else(|e| panic!("fixture: {e}"));
    let features = "## 标题 Heading\n\n段落 with *emphasis*, `code`, [a link](./x.md) and ![img](a.png).\n\n\
                    > [!NOTE]\n> 提示\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] task[^n]\n\n\
                    <kbd>K</kbd> <span onclick=x>s</span>\n\n```rust\nfn main() {}\n```\n\n[^n]: note\n\n";
    let chunk = format!("{prose}\n\n{features}");
    let document = chunk.repeat(5 * 1024 * 1024 / chunk.len() + 1);
    assert!(document.len() >= 5 * 1024 * 1024);
    let out = render(&document, &RenderOptions::new("/posts/"));
    assert!(out.html.len() > document.len());
    assert!(out.headings.len() > 6_000);
    assert!(out.problems.len() <= 101, "problems are capped");
    assert!(out.reading_time.cjk_chars > 1_000_000);
}
