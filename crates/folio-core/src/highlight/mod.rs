//! Syntax highlighting of fenced code: a small hand-written tokenizer per language family,
//! writing `<span class="tok-…">` around the tokens worth colouring, in one pass, without regular
//! expressions.
//!
//! Chosen over syntect for size and speed: with a syntax set trimmed to these languages syntect
//! added about 1 MB to the wasm (470 KB gzipped) and rendered code-heavy posts a hundred times
//! slower; this module adds a few tens of KB. The price is that it knows tokens, not grammar: it
//! colours keywords, types, strings, numbers and comments correctly (strings holding comment
//! markers, nested Rust comments, raw strings, Python triple quotes, template literals and so
//! on), and leaves punctuation and plain identifiers uncoloured.
//!
//! The CSS classes, all in [`Class`], are the contract with `style/main.css`.

mod cursor;
mod data;
mod langs;
mod markup;
mod names;
mod scan;
mod specials;
mod strings;
#[cfg(test)]
mod tests;

use cursor::Cursor;

/// What a highlighted token is; each becomes one CSS class on a `<span>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// `tok-kw`: keywords (`fn`, `if`, `SELECT`), Markdown headings.
    Keyword,
    /// `tok-ty`: type names, built-in and capitalised ones; YAML tags.
    Type,
    /// `tok-bi`: built-in constants and names (`true`, `None`, `self`, `echo`).
    Builtin,
    /// `tok-fn`: a name being called or defined (`foo(`), Rust macros (`println!`).
    Function,
    /// `tok-str`: string and character literals, regular expressions, code in Markdown.
    String,
    /// `tok-esc`: escapes inside strings (`\n`), HTML entities, interpolation markers (`${`).
    Escape,
    /// `tok-num`: numbers, CSS colours and lengths, dates in TOML.
    Number,
    /// `tok-com`: comments.
    Comment,
    /// `tok-attr`: attributes (`#[derive]`, `@Override`, HTML attribute names), CSS classes
    /// and ids in selectors.
    Attribute,
    /// `tok-key`: keys of JSON, YAML and TOML; CSS property names.
    Key,
    /// `tok-tag`: HTML/XML tag names, CSS element selectors, TOML table headers.
    Tag,
    /// `tok-var`: shell and CSS variables, Rust lifetimes, YAML anchors.
    Variable,
    /// `tok-ins`: added lines of a diff.
    Inserted,
    /// `tok-del`: removed lines of a diff.
    Deleted,
    /// `tok-meta`: preprocessor lines, diff headers and hunks, shell prompts, doctypes,
    /// Markdown fences and list markers.
    Meta,
}

impl Class {
    /// The CSS class written for this kind of token.
    pub fn css_class(self) -> &'static str {
        match self {
            Class::Keyword => "tok-kw",
            Class::Type => "tok-ty",
            Class::Builtin => "tok-bi",
            Class::Function => "tok-fn",
            Class::String => "tok-str",
            Class::Escape => "tok-esc",
            Class::Number => "tok-num",
            Class::Comment => "tok-com",
            Class::Attribute => "tok-attr",
            Class::Key => "tok-key",
            Class::Tag => "tok-tag",
            Class::Variable => "tok-var",
            Class::Inserted => "tok-ins",
            Class::Deleted => "tok-del",
            Class::Meta => "tok-meta",
        }
    }
}

/// A language the highlighter knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// Rust.
    Rust,
    /// JavaScript, JSX.
    JavaScript,
    /// TypeScript, TSX.
    TypeScript,
    /// Python.
    Python,
    /// Go.
    Go,
    /// C.
    C,
    /// C++.
    Cpp,
    /// Java.
    Java,
    /// sh, bash, zsh.
    Shell,
    /// A shell session: `$ ` prompts, commands and their output.
    Console,
    /// JSON (and JSON with comments).
    Json,
    /// YAML.
    Yaml,
    /// TOML.
    Toml,
    /// HTML, XML, SVG.
    Html,
    /// CSS.
    Css,
    /// SQL.
    Sql,
    /// Markdown.
    Markdown,
    /// Unified and git diffs.
    Diff,
}

impl Language {
    /// The language named by a code fence's info string (its first word, any case), aliases
    /// included: `rs`, `js`, `jsx`, `ts`, `tsx`, `py`, `golang`, `h`, `c++`, `cpp`, `hpp`, `sh`,
    /// `bash`, `zsh`, `shell`, `console`, `jsonc`, `yml`, `xml`, `svg`, `md`, `patch` ….
    ///
    /// ```
    /// use folio_core::highlight::Language;
    /// assert_eq!(Language::from_name("C++"), Some(Language::Cpp));
    /// assert_eq!(Language::from_name("yml"), Some(Language::Yaml));
    /// assert_eq!(Language::from_name("brainfuck"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.to_ascii_lowercase();
        Some(match name.as_str() {
            "rust" | "rs" => Self::Rust,
            "javascript" | "js" | "jsx" | "mjs" | "cjs" | "node" => Self::JavaScript,
            "typescript" | "ts" | "tsx" | "mts" | "cts" => Self::TypeScript,
            "python" | "py" | "py3" | "python3" => Self::Python,
            "go" | "golang" => Self::Go,
            "c" | "h" => Self::C,
            "cpp" | "c++" | "cc" | "cxx" | "hpp" | "hh" | "hxx" | "h++" => Self::Cpp,
            "java" => Self::Java,
            "sh" | "bash" | "zsh" | "shell" | "ksh" | "shellscript" => Self::Shell,
            "console" | "shell-session" | "shellsession" | "terminal" => Self::Console,
            "json" | "jsonc" | "json5" => Self::Json,
            "yaml" | "yml" => Self::Yaml,
            "toml" => Self::Toml,
            "html" | "htm" | "xhtml" | "xml" | "svg" | "vue" | "xsl" | "plist" => Self::Html,
            "css" => Self::Css,
            "sql" | "mysql" | "postgresql" | "postgres" | "sqlite" | "plsql" => Self::Sql,
            "markdown" | "md" | "mdx" => Self::Markdown,
            "diff" | "patch" | "udiff" => Self::Diff,
            _ => return None,
        })
    }
}

/// Appends `code` to `out` as HTML, with the tokens of `language` in `<span class="tok-…">`
/// (see [`Class`]) and everything escaped.
///
/// ```
/// use folio_core::highlight::{highlight, Language};
/// let mut html = String::new();
/// highlight(Language::Rust, "fn main() {} // <done>", &mut html);
/// assert_eq!(
///     html,
///     r#"<span class="tok-kw">fn</span> <span class="tok-fn">main</span>() {} <span class="tok-com">// &lt;done&gt;</span>"#
/// );
/// ```
pub fn highlight(language: Language, code: &str, out: &mut String) {
    out.reserve(code.len() + code.len() / 2);
    let mut cursor = Cursor::new(code, out);
    let end = code.len();
    match language {
        Language::Json => data::json(&mut cursor, end),
        Language::Yaml => data::yaml(&mut cursor),
        Language::Toml => data::toml(&mut cursor),
        Language::Diff => data::diff(&mut cursor),
        Language::Console => data::console(&mut cursor),
        Language::Html => markup::html(&mut cursor, end),
        Language::Css => markup::css(&mut cursor, end),
        Language::Markdown => markup::markdown(&mut cursor),
        _ => scan::code(&mut cursor, langs::syntax(language), end),
    }
    cursor.finish();
}
