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

/// Random soup of Markdown and raw HTML (fixed seed, so failures repeat): rendering never
/// panics, and sanitized output never holds a script, an event handler or a script URL.
#[test]
fn random_markdown_soup_renders_safely() {
    const PARTS: &[&str] = &[
        "# ",
        "\n",
        "\n\n",
        "> ",
        "- ",
        "1. ",
        "*",
        "_",
        "`",
        "```\n",
        "[",
        "](",
        ")",
        "![",
        "]",
        "[^1]",
        "[^1]: ",
        "| a |\n|---|\n",
        "> [!NOTE]\n",
        " {#fn-1}",
        "<",
        ">",
        "</",
        "script",
        "svg",
        "img",
        "a href=",
        "src=",
        " onerror=",
        "javascript:",
        "&#106;",
        "&colon;",
        "\"",
        "'",
        "=",
        "x",
        "中文",
        "<!-- more -->",
        "    ",
        "\t",
        "<details>",
        "</div>",
        "(",
        "<img src=x onerror=alert(1)>",
        "https://e.com",
        "mailto:a@b",
        "data:text/html,",
        "\\",
        "<style>",
        "<noscript>",
        "&",
        "~~",
        "- [ ] ",
        "</a>",
        "::: tip ",
        ":::: details\n",
        "\n:::\n",
        "\n::::\n",
        "[[toc]]\n",
        "$",
        "$5",
        "{{ x }}",
        "<Badge />",
        "<script setup>",
    ];
    let mut next = random(0x000F_0110_5EED);
    let options = RenderOptions::new("/posts/");
    for _ in 0..2_000 {
        let len = 1 + next(60);
        let input: String = (0..len).map(|_| PARTS[next(PARTS.len())]).collect();
        assert_safe(&render(&input, &options).html, &input);
        assert_safe(&render(&input, &RenderOptions::commonmark()).html, &input);
    }
}

/// VitePress's containers in every position (in quotes, lists, fences, HTML blocks, open,
/// closed twice): the HTML stays well nested, so a container never takes the rest of the page
/// with it.
#[test]
fn vitepress_container_soup_stays_balanced() {
    const LINES: &[&str] = &[
        "::: tip 标题",
        "::: details",
        ":::: warning",
        "::: code-group",
        ":::",
        "::::",
        ":::::",
        "> ::: info",
        "> :::",
        "- ::: tip",
        "  ::: danger",
        "  :::",
        "- item",
        "```",
        "~~~",
        "<div>",
        "</div>",
        "    ::: tip",
        "[[toc]]",
        "## 标题",
        "text",
        "",
    ];
    let mut next = random(0x0000_C0DE_B10C);
    for _ in 0..2_000 {
        let len = 1 + next(30);
        let input: String = (0..len)
            .map(|_| format!("{}\n", LINES[next(LINES.len())]))
            .collect();
        let html = render(&input, &RenderOptions::new("/posts/")).html;
        assert_well_nested(&html, &input);
    }
}

/// A fixed-seed generator of numbers below a bound, so a failing soup repeats.
fn random(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |bound| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(seed >> 33).unwrap_or(0) % bound
    }
}

/// Every end tag in `html` closes the element opened last (void elements have none).
fn assert_well_nested(html: &str, input: &str) {
    const VOID: &[&str] = &["br", "hr", "img", "input", "wbr", "col"];
    let mut open: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        rest = &rest[end..];
        if tag.starts_with('!') {
            continue;
        }
        let (closing, tag) = tag.strip_prefix('/').map_or((false, tag), |t| (true, t));
        let name = tag.split([' ', '/']).next().unwrap_or_default();
        if closing {
            assert_eq!(open.pop(), Some(name), "</{name}> in {input:?}\n{html}");
        } else if !VOID.contains(&name) {
            open.push(name);
        }
    }
    assert_eq!(open, Vec::<&str>::new(), "left open in {input:?}\n{html}");
}

/// No `<script`, no `on…` attribute and no script URL in any tag of `html`.
fn assert_safe(html: &str, input: &str) {
    assert!(
        !html.to_ascii_lowercase().contains("<script"),
        "{input:?}\n{html}"
    );
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        // Our tags are `name attr="value" …`: read the attributes between quotes.
        let mut attrs = tag.split_once(' ').map_or("", |(_, a)| a);
        while let Some((name, after)) = attrs.split_once("=\"") {
            let name = name.trim();
            let Some((value, after)) = after.split_once('"') else {
                panic!("unterminated attribute in {tag:?} from {input:?}");
            };
            assert!(
                !name.starts_with("on"),
                "handler {name} from {input:?}\n{html}"
            );
            let value = decode(value);
            if matches!(name, "href" | "src" | "cite") {
                let scheme = folio_core::url::scheme(&value);
                assert!(
                    matches!(
                        scheme.as_deref(),
                        None | Some("http" | "https" | "mailto" | "tel")
                    ) || (name == "src" && value.to_ascii_lowercase().starts_with("data:image/")),
                    "{name}={value:?} from {input:?}\n{html}"
                );
            }
            attrs = after;
        }
    }
}

/// Decodes the references the renderer writes in attribute values.
fn decode(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn code_blocks_in_every_language_with_odd_code() {
    let languages = [
        "rust", "js", "ts", "py", "go", "c", "cpp", "java", "sh", "console", "json", "yaml",
        "toml", "html", "css", "sql", "md", "diff", "unknown", "",
    ];
    let nested_templates = format!("`{}", "${`".repeat(2_000));
    let nested_comments = "/*".repeat(5_000);
    let many_scripts = "<script></script><style></style>".repeat(2_000);
    let many_lines = "- a: b\n  c: [d]\n".repeat(4_000);
    let codes = [
        "\"unterminated",
        "'",
        "'\\",
        "`",
        "r#\"",
        "r###",
        "R\"abc(",
        "\"\"\"",
        "'''",
        "/*",
        "<!--",
        "<script>",
        "<style>a{",
        "${",
        "$",
        "#[",
        "#include <",
        "\\",
        "@",
        "0x",
        "1e",
        ".5",
        "- a: |\n",
        "[[",
        "key = '''",
        "\u{0}\u{1F600}\u{FEFF}中文'字'\r\n",
        "@@ -1 +1 @@\n-\n+",
        "<<",
        "<<'E",
        "<<-E\n\tE",
        "x <<E\n",
        "```",
        &nested_templates,
        &nested_comments,
        &many_scripts,
        &many_lines,
    ];
    for language in languages {
        for code in codes {
            let markdown = format!("~~~~{language}\n{code}\n~~~~\n");
            render_all_modes(language, &markdown);
        }
    }
}

#[test]
fn math_with_odd_and_hostile_formulas() {
    let deep = format!("${}x{}$", "\\frac{".repeat(500), "}{1}".repeat(500));
    let long = format!("${}$", "x+".repeat(20_000));
    let cases = [
        "$$",
        "$ $",
        "$$$$",
        "$x$$y$",
        "$\\$",
        "$\\operatorname{<script>alert(1)</script>}$",
        "$\\text{</math><script>alert(1)</script>}$",
        "$\\href{javascript:alert(1)}{x}$",
        "$\\def\\a{\\a\\a}\\a$",
        "$$\n\\begin{aligned}\n$$",
        "$\\begin{array}{c|c|c}$",
        "$\\left($",
        "$\\color{#12}{x}$",
        "$\u{0}$",
        &deep,
        &long,
    ];
    for input in cases {
        render_all_modes(input, input);
    }
}

#[test]
fn shortcodes_and_autolinks_in_odd_text() {
    let cases = [
        ":".repeat(50_000),
        ":tada:".repeat(20_000),
        ":+1::-1:".repeat(10_000),
        "www.".repeat(20_000),
        "https://".repeat(20_000),
        format!("https://a.b/{}", "(".repeat(20_000)),
        format!("https://a.b/{}", ")".repeat(20_000)),
        format!("www.a.b{}", "&x;".repeat(10_000)),
        "a@".repeat(20_000),
        "@a.b".repeat(20_000),
        format!("{}@example.org", "a.".repeat(20_000)),
        "见https://例子.测试。www.中文.com".to_owned(),
        "https://example.com/_x_*y*~~z~~".to_owned(),
        "[https://a.b](https://c.d) <a>www.x.y</a> <code>a@b.c".to_owned(),
        "<a href=\"https://x.y\">https://x.y".repeat(1_000),
    ];
    for input in &cases {
        render_all_modes("text extras", input);
    }
}
