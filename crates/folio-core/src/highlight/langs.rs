//! What each language's tokens look like: comment markers, string rules, and its keyword, type
//! and built-in names (sorted, for binary search).

use super::Language;
use super::names::*;

/// How a `'` starts a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SingleQuote {
    /// A string with backslash escapes.
    String,
    /// A string where `''` is a quote and backslashes are plain (SQL).
    Sql,
    /// A string with no escapes at all (shell).
    Literal,
    /// A character literal, or in Rust a lifetime (`'a`) when no closing quote follows.
    Char,
}

/// How a backtick starts a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Backtick {
    /// Not special.
    None,
    /// A JavaScript template literal, with `${…}` holding code.
    Template,
    /// A raw string with no escapes (Go).
    Raw,
    /// A quoted identifier (SQL).
    Identifier,
    /// Command substitution (shell): highlighted like a string.
    Command,
}

/// The token rules of one language family.
#[derive(Debug)]
pub(super) struct Syntax {
    pub(super) line_comments: &'static [&'static str],
    pub(super) block_comment: Option<(&'static str, &'static str)>,
    /// `/* /* */ */` is one comment (Rust).
    pub(super) nested_comments: bool,
    pub(super) single_quote: SingleQuote,
    pub(super) backtick: Backtick,
    /// `"""` and `'''` strings (Python; `"""` text blocks in Java).
    pub(super) triple_quotes: bool,
    /// Letters before a quote that belong to the string: Rust `r#"…"#`, `b"…"`; Python `f"…"`,
    /// `rb'…'`; C++ `R"x(…)x"`, `u8"…"`.
    pub(super) prefixes: Prefixes,
    /// `/…/` regular expression literals where a value may start (JavaScript).
    pub(super) regex_literals: bool,
    /// `@name` is an attribute (decorators, annotations).
    pub(super) decorators: bool,
    /// Rust: `#[…]` attributes, `name!` macros, lifetimes.
    pub(super) rust: bool,
    /// `#` at the start of a line begins a preprocessor line (C, C++).
    pub(super) preprocessor: bool,
    /// Shell: `$var`, `${…}`, `#` comments only at the start of a word, `-` inside words.
    pub(super) shell: bool,
    /// Keywords match in any case (SQL).
    pub(super) case_insensitive: bool,
    /// Identifiers starting with a capital letter are types.
    pub(super) capitalized_types: bool,
    pub(super) keywords: Names,
    pub(super) types: Names,
    pub(super) builtins: Names,
}

/// A sorted list of names, with masks of their first letters and lengths that turn most
/// identifiers away before the binary search (most identifiers are in no list).
#[derive(Debug, Clone, Copy)]
pub(super) struct Names {
    words: &'static [&'static str],
    firsts: u64,
    lengths: u64,
}

/// A bit for the first letter of a name, either case.
const fn first_bit(b: u8) -> u64 {
    let b = b.to_ascii_lowercase();
    if b.is_ascii_lowercase() {
        1 << (b - b'a')
    } else if b == b'_' {
        1 << 26
    } else {
        1 << 27
    }
}

impl Names {
    pub(super) const fn new(words: &'static [&'static str]) -> Self {
        let (mut firsts, mut lengths, mut i) = (0, 0, 0);
        while i < words.len() {
            let word = words[i].as_bytes();
            firsts |= first_bit(word[0]);
            lengths |= 1 << word.len();
            i += 1;
        }
        Self {
            words,
            firsts,
            lengths,
        }
    }

    /// Whether `word` is in the list; `upper` compares `word` in upper case (SQL).
    pub(super) fn contains(&self, word: &str, upper: bool) -> bool {
        let bytes = word.as_bytes();
        let Some(&first) = bytes.first() else {
            return false;
        };
        if bytes.len() >= 64
            || self.lengths & (1 << bytes.len()) == 0
            || self.firsts & first_bit(first) == 0
        {
            return false;
        }
        if upper && bytes.iter().any(u8::is_ascii_lowercase) {
            let upper = word.to_ascii_uppercase();
            return self.words.binary_search(&upper.as_str()).is_ok();
        }
        self.words.binary_search(&word).is_ok()
    }
}

/// Which string prefixes a language has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Prefixes {
    None,
    Rust,
    Python,
    Cpp,
}

const BASE: Syntax = Syntax {
    line_comments: &["//"],
    block_comment: Some(("/*", "*/")),
    nested_comments: false,
    single_quote: SingleQuote::Char,
    backtick: Backtick::None,
    triple_quotes: false,
    prefixes: Prefixes::None,
    regex_literals: false,
    decorators: false,
    rust: false,
    preprocessor: false,
    shell: false,
    case_insensitive: false,
    capitalized_types: false,
    keywords: Names::new(&[]),
    types: Names::new(&[]),
    builtins: Names::new(&[]),
};

const RUST: Syntax = Syntax {
    nested_comments: true,
    prefixes: Prefixes::Rust,
    rust: true,
    capitalized_types: true,
    keywords: Names::new(RUST_KW),
    types: Names::new(RUST_TY),
    builtins: Names::new(RUST_BI),
    ..BASE
};

const JAVASCRIPT: Syntax = Syntax {
    single_quote: SingleQuote::String,
    backtick: Backtick::Template,
    regex_literals: true,
    decorators: true,
    keywords: Names::new(JS_KW),
    builtins: Names::new(JS_BI),
    ..BASE
};

const TYPESCRIPT: Syntax = Syntax {
    capitalized_types: true,
    keywords: Names::new(TS_KW),
    types: Names::new(TS_TY),
    ..JAVASCRIPT
};

const PYTHON: Syntax = Syntax {
    line_comments: &["#"],
    block_comment: None,
    single_quote: SingleQuote::String,
    triple_quotes: true,
    prefixes: Prefixes::Python,
    decorators: true,
    keywords: Names::new(PY_KW),
    types: Names::new(PY_TY),
    builtins: Names::new(PY_BI),
    ..BASE
};

const GO: Syntax = Syntax {
    backtick: Backtick::Raw,
    keywords: Names::new(GO_KW),
    types: Names::new(GO_TY),
    builtins: Names::new(GO_BI),
    ..BASE
};

const C: Syntax = Syntax {
    preprocessor: true,
    keywords: Names::new(C_KW),
    types: Names::new(C_TY),
    builtins: Names::new(C_BI),
    ..BASE
};

const CPP: Syntax = Syntax {
    prefixes: Prefixes::Cpp,
    keywords: Names::new(CPP_KW),
    types: Names::new(CPP_TY),
    ..C
};

const JAVA: Syntax = Syntax {
    triple_quotes: true,
    decorators: true,
    capitalized_types: true,
    keywords: Names::new(JAVA_KW),
    types: Names::new(JAVA_TY),
    builtins: Names::new(JAVA_BI),
    ..BASE
};

const SHELL: Syntax = Syntax {
    line_comments: &["#"],
    block_comment: None,
    single_quote: SingleQuote::Literal,
    backtick: Backtick::Command,
    shell: true,
    keywords: Names::new(SH_KW),
    builtins: Names::new(SH_BI),
    ..BASE
};

const SQL: Syntax = Syntax {
    line_comments: &["--"],
    single_quote: SingleQuote::Sql,
    backtick: Backtick::Identifier,
    case_insensitive: true,
    keywords: Names::new(SQL_KW),
    types: Names::new(SQL_TY),
    builtins: Names::new(SQL_BI),
    ..BASE
};

/// The rules for a language of the code family (every language but the data and markup ones,
/// which have scanners of their own; those fall back to plain C-like rules here).
pub(super) fn syntax(language: Language) -> &'static Syntax {
    match language {
        Language::Rust => &RUST,
        Language::JavaScript => &JAVASCRIPT,
        Language::TypeScript => &TYPESCRIPT,
        Language::Python => &PYTHON,
        Language::Go => &GO,
        Language::C => &C,
        Language::Cpp => &CPP,
        Language::Java => &JAVA,
        Language::Shell | Language::Console => &SHELL,
        Language::Sql => &SQL,
        _ => &BASE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_tables_are_sorted_for_binary_search() {
        let tables = [
            RUST_KW, RUST_TY, RUST_BI, JS_KW, TS_KW, TS_TY, JS_BI, PY_KW, PY_TY, PY_BI, GO_KW,
            GO_TY, GO_BI, C_KW, CPP_KW, C_TY, CPP_TY, C_BI, JAVA_KW, JAVA_TY, JAVA_BI, SH_KW,
            SH_BI, SQL_KW, SQL_TY, SQL_BI,
        ];
        for table in tables {
            assert!(table.windows(2).all(|w| w[0] < w[1]), "{table:?}");
        }
        assert!(Names::new(SQL_KW).contains("select", true));
        assert!(Names::new(RUST_KW).contains("fn", false));
        assert!(!Names::new(RUST_KW).contains("FN", false));
        assert!(!Names::new(RUST_KW).contains("xfn", false));
        assert!(!Names::new(&[]).contains("", false));
    }
}
