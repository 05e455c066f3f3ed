//! Table-driven tests: a snippet per case, and the tokens it must produce. Programming
//! languages here, data and markup formats in `formats.rs`.

mod formats;

use super::{Class, Language, highlight};

/// The highlighted tokens of `code`: (class, text) in order, text unescaped.
fn tokens(language: Language, code: &str) -> Vec<(&'static str, String)> {
    let mut html = String::new();
    highlight(language, code, &mut html);
    html.split("<span class=\"")
        .skip(1)
        .filter_map(|piece| {
            let (class, rest) = piece.split_once("\">")?;
            let (text, _) = rest.split_once("</span>")?;
            let class = ALL.iter().map(|c| c.css_class()).find(|c| *c == class)?;
            Some((class, unescape(text)))
        })
        .collect()
}

const ALL: [Class; 15] = [
    Class::Keyword,
    Class::Type,
    Class::Builtin,
    Class::Function,
    Class::String,
    Class::Escape,
    Class::Number,
    Class::Comment,
    Class::Attribute,
    Class::Key,
    Class::Tag,
    Class::Variable,
    Class::Inserted,
    Class::Deleted,
    Class::Meta,
];

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Short class names for compact tables.
pub(super) fn check(language: Language, cases: &[(&str, &[(&str, &str)])]) {
    for (code, expected) in cases {
        let got = tokens(language, code);
        let got: Vec<(&str, &str)> = got
            .iter()
            .map(|(class, text)| (&class["tok-".len()..], text.as_str()))
            .collect();
        assert_eq!(&got, expected, "{language:?}: {code:?}");
    }
}

#[test]
fn rust() {
    check(
        Language::Rust,
        &[
            (
                "fn main() { let x: u8 = 1; }",
                &[
                    ("kw", "fn"),
                    ("fn", "main"),
                    ("kw", "let"),
                    ("ty", "u8"),
                    ("num", "1"),
                ],
            ),
            (
                r#"let s = "a // b /* c";"#,
                &[("kw", "let"), ("str", r#""a // b /* c""#)],
            ),
            (
                "/* a /* nested */ still */ x",
                &[("com", "/* a /* nested */ still */")],
            ),
            (
                r###"r#"raw "quoted" // no"# + br"x""###,
                &[
                    ("str", r###"r#"raw "quoted" // no"#"###),
                    ("str", r#"br"x""#),
                ],
            ),
            (
                r"'a' '\n' 'static b'x'",
                &[
                    ("str", "'a'"),
                    ("str", "'"),
                    ("esc", r"\n"),
                    ("str", "'"),
                    ("var", "'static"),
                    ("str", "b'x'"),
                ],
            ),
            (
                "#[derive(Debug)]\nstruct Point<'a> { v: Vec<Option<i64>> }",
                &[
                    ("attr", "#[derive(Debug)]"),
                    ("kw", "struct"),
                    ("ty", "Point"),
                    ("var", "'a"),
                    ("ty", "Vec"),
                    ("ty", "Option"),
                    ("ty", "i64"),
                ],
            ),
            (
                "println!(\"{}\\n\", self.0x1F);",
                &[
                    ("fn", "println!"),
                    ("str", "\"{}"),
                    ("esc", "\\n"),
                    ("str", "\""),
                    ("bi", "self"),
                    ("num", "0x1F"),
                ],
            ),
            (
                "0x1F 1_000u32 2.5e-3 1..2",
                &[
                    ("num", "0x1F"),
                    ("num", "1_000u32"),
                    ("num", "2.5e-3"),
                    ("num", "1"),
                    ("num", "2"),
                ],
            ),
            ("Some(x) // done", &[("bi", "Some"), ("com", "// done")]),
        ],
    );
}

#[test]
fn javascript_and_typescript() {
    check(
        Language::JavaScript,
        &[
            (
                "const url = `a ${b + `c${d}`} e`; // t",
                &[
                    ("kw", "const"),
                    ("str", "`a "),
                    ("esc", "${"),
                    ("str", "`c"),
                    ("esc", "${"),
                    ("esc", "}"),
                    ("str", "`"),
                    ("esc", "}"),
                    ("str", " e`"),
                    ("com", "// t"),
                ],
            ),
            (
                "const el = <p>{a}</p><b>{b}</b>; // jsx",
                &[("kw", "const"), ("com", "// jsx")],
            ),
            (
                "x = a / b / c; y = /ab+c\\//g.test(s)",
                &[("str", "/ab+c\\//g"), ("fn", "test")],
            ),
            (
                "'it\\'s' \"a\"",
                &[
                    ("str", "'it"),
                    ("esc", "\\'"),
                    ("str", "s'"),
                    ("str", "\"a\""),
                ],
            ),
            (
                "return null ?? undefined",
                &[("kw", "return"), ("bi", "null"), ("bi", "undefined")],
            ),
            (
                "@decorator class A {}",
                &[("attr", "@decorator"), ("kw", "class"), ("ty", "A")],
            ),
            (
                "let s = 'unclosed\nlet t",
                &[("kw", "let"), ("str", "'unclosed"), ("kw", "let")],
            ),
        ],
    );
    check(
        Language::TypeScript,
        &[(
            "interface P { n: number; m?: Map<string, T> }",
            &[
                ("kw", "interface"),
                ("ty", "P"),
                ("ty", "number"),
                ("ty", "Map"),
                ("ty", "string"),
                ("ty", "T"),
            ],
        )],
    );
}

#[test]
fn python() {
    check(
        Language::Python,
        &[
            (
                "def f(x):\n    \"\"\"Doc with # and 'quotes'\n    more\"\"\"\n    return x  # c",
                &[
                    ("kw", "def"),
                    ("fn", "f"),
                    ("str", "\"\"\"Doc with # and 'quotes'\n    more\"\"\""),
                    ("kw", "return"),
                    ("com", "# c"),
                ],
            ),
            (
                r#"r"\d+\"" f'{x}\n' b'\x00'"#,
                &[
                    ("str", r#"r"\d+\"""#),
                    ("str", "f'{x}"),
                    ("esc", "\\n"),
                    ("str", "'"),
                    ("str", "b'"),
                    ("esc", "\\x"),
                    ("str", "00'"),
                ],
            ),
            (
                "@app.route('/')\nclass C(Base): pass",
                &[
                    ("attr", "@app.route"),
                    ("str", "'/'"),
                    ("kw", "class"),
                    ("ty", "C"),
                    ("kw", "pass"),
                ],
            ),
            (
                "print(None, True, len(xs))",
                &[
                    ("bi", "print"),
                    ("bi", "None"),
                    ("bi", "True"),
                    ("bi", "len"),
                ],
            ),
        ],
    );
}

#[test]
fn go_c_cpp_java() {
    check(
        Language::Go,
        &[(
            "func main() { s := `raw \\n` + \"x\"; var e error = nil }",
            &[
                ("kw", "func"),
                ("fn", "main"),
                ("str", "`raw \\n`"),
                ("str", "\"x\""),
                ("kw", "var"),
                ("ty", "error"),
                ("bi", "nil"),
            ],
        )],
    );
    check(
        Language::C,
        &[(
            "#include <stdio.h>\nint main(void) { char c = '\\0'; return 0; }",
            &[
                ("meta", "#include"),
                ("str", "<stdio.h>"),
                ("ty", "int"),
                ("fn", "main"),
                ("ty", "void"),
                ("ty", "char"),
                ("str", "'"),
                ("esc", "\\0"),
                ("str", "'"),
                ("kw", "return"),
                ("num", "0"),
            ],
        )],
    );
    check(
        Language::Cpp,
        &[(
            r#"auto s = R"x(a ")" b)x"; std::string t;"#,
            &[
                ("kw", "auto"),
                ("str", r#"R"x(a ")" b)x""#),
                ("ty", "string"),
            ],
        )],
    );
    check(
        Language::Java,
        &[(
            "@Override public String toString() { return \"\"\"\n  hi\"\"\"; }",
            &[
                ("attr", "@Override"),
                ("kw", "public"),
                ("ty", "String"),
                ("fn", "toString"),
                ("kw", "return"),
                ("str", "\"\"\"\n  hi\"\"\""),
            ],
        )],
    );
}

#[test]
fn shell_and_console() {
    check(
        Language::Shell,
        &[
            (
                "# setup\nexport NAME=\"x $HOME\" # note\necho ${PATH} a#b 'no $var'",
                &[
                    ("com", "# setup"),
                    ("bi", "export"),
                    ("var", "NAME"),
                    ("str", "\"x "),
                    ("var", "$HOME"),
                    ("str", "\""),
                    ("com", "# note"),
                    ("bi", "echo"),
                    ("var", "${PATH}"),
                    ("str", "'no $var'"),
                ],
            ),
            (
                "if [ -f x ]; then rm -rf x; fi",
                &[("kw", "if"), ("kw", "then"), ("kw", "fi")],
            ),
            (
                "cat <<'EOF' > x\nit's $not a var\nEOF\necho ok",
                &[
                    ("meta", "<<'EOF'"),
                    ("str", "it's $not a var\n"),
                    ("meta", "EOF"),
                    ("bi", "echo"),
                ],
            ),
            (
                "cat <<-END\n\tx\n\tEND",
                &[("meta", "<<-END"), ("str", "\tx\n"), ("meta", "\tEND")],
            ),
        ],
    );
    check(
        Language::Console,
        &[(
            "$ cargo build # go\n   Compiling x\n",
            &[("meta", "$"), ("com", "# go")],
        )],
    );
}

#[test]
fn output_is_escaped_and_complete() {
    for language in [
        Language::Rust,
        Language::Html,
        Language::Markdown,
        Language::Yaml,
    ] {
        let code = "<script>alert('x')</script> & \"q\"\n";
        let mut html = String::new();
        highlight(language, code, &mut html);
        assert!(!html.contains("<script"), "{language:?}: {html}");
        let text: String = html
            .split('<')
            .map(|piece| piece.split_once('>').map_or(piece, |(_, text)| text))
            .collect();
        assert_eq!(
            unescape(&text),
            code,
            "{language:?}: every byte written once"
        );
    }
}
