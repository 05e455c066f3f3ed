//! What each language's tokens look like: comment markers, string rules, and its keyword, type
//! and built-in names (sorted, for binary search).

use super::Language;

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
    pub(super) keywords: &'static [&'static str],
    pub(super) types: &'static [&'static str],
    pub(super) builtins: &'static [&'static str],
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
    keywords: &[],
    types: &[],
    builtins: &[],
};

const RUST: Syntax = Syntax {
    nested_comments: true,
    prefixes: Prefixes::Rust,
    rust: true,
    capitalized_types: true,
    keywords: RUST_KW,
    types: RUST_TY,
    builtins: RUST_BI,
    ..BASE
};

const JAVASCRIPT: Syntax = Syntax {
    single_quote: SingleQuote::String,
    backtick: Backtick::Template,
    regex_literals: true,
    decorators: true,
    keywords: JS_KW,
    builtins: JS_BI,
    ..BASE
};

const TYPESCRIPT: Syntax = Syntax {
    capitalized_types: true,
    keywords: TS_KW,
    types: TS_TY,
    ..JAVASCRIPT
};

const PYTHON: Syntax = Syntax {
    line_comments: &["#"],
    block_comment: None,
    single_quote: SingleQuote::String,
    triple_quotes: true,
    prefixes: Prefixes::Python,
    decorators: true,
    keywords: PY_KW,
    types: PY_TY,
    builtins: PY_BI,
    ..BASE
};

const GO: Syntax = Syntax {
    backtick: Backtick::Raw,
    keywords: GO_KW,
    types: GO_TY,
    builtins: GO_BI,
    ..BASE
};

const C: Syntax = Syntax {
    preprocessor: true,
    keywords: C_KW,
    types: C_TY,
    builtins: C_BI,
    ..BASE
};

const CPP: Syntax = Syntax {
    prefixes: Prefixes::Cpp,
    keywords: CPP_KW,
    types: CPP_TY,
    ..C
};

const JAVA: Syntax = Syntax {
    triple_quotes: true,
    decorators: true,
    capitalized_types: true,
    keywords: JAVA_KW,
    types: JAVA_TY,
    builtins: JAVA_BI,
    ..BASE
};

const SHELL: Syntax = Syntax {
    line_comments: &["#"],
    block_comment: None,
    single_quote: SingleQuote::Literal,
    backtick: Backtick::Command,
    shell: true,
    keywords: SH_KW,
    builtins: SH_BI,
    ..BASE
};

const SQL: Syntax = Syntax {
    line_comments: &["--"],
    single_quote: SingleQuote::Sql,
    backtick: Backtick::Identifier,
    case_insensitive: true,
    keywords: SQL_KW,
    types: SQL_TY,
    builtins: SQL_BI,
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

/// Whether `word` is in the sorted `list`; `upper` compares `word` in upper case (SQL).
pub(super) fn contains(list: &[&str], word: &str, upper: bool) -> bool {
    if upper && word.bytes().any(|b| b.is_ascii_lowercase()) {
        let upper = word.to_ascii_uppercase();
        return list.binary_search(&upper.as_str()).is_ok();
    }
    list.binary_search(&word).is_ok()
}

const RUST_KW: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
    "return", "static", "struct", "trait", "type", "union", "unsafe", "use", "where", "while",
    "yield",
];
const RUST_TY: &[&str] = &[
    "bool", "char", "f32", "f64", "i128", "i16", "i32", "i64", "i8", "isize", "str", "u128", "u16",
    "u32", "u64", "u8", "usize",
];
const RUST_BI: &[&str] = &[
    "Err", "None", "Ok", "Self", "Some", "false", "self", "super", "true",
];
const JS_KW: &[&str] = &[
    "async",
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "export",
    "extends",
    "finally",
    "for",
    "function",
    "if",
    "import",
    "in",
    "instanceof",
    "let",
    "new",
    "return",
    "static",
    "switch",
    "throw",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "yield",
];
const TS_KW: &[&str] = &[
    "abstract",
    "as",
    "async",
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "declare",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "finally",
    "for",
    "function",
    "if",
    "implements",
    "import",
    "in",
    "instanceof",
    "interface",
    "keyof",
    "let",
    "namespace",
    "new",
    "private",
    "protected",
    "public",
    "readonly",
    "return",
    "satisfies",
    "static",
    "switch",
    "throw",
    "try",
    "type",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "yield",
];
const TS_TY: &[&str] = &[
    "any", "bigint", "boolean", "never", "number", "object", "string", "symbol", "unknown",
];
const JS_BI: &[&str] = &[
    "Infinity",
    "NaN",
    "arguments",
    "console",
    "document",
    "false",
    "globalThis",
    "null",
    "super",
    "this",
    "true",
    "undefined",
    "window",
];
const PY_KW: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];
const PY_TY: &[&str] = &[
    "bool",
    "bytearray",
    "bytes",
    "complex",
    "dict",
    "float",
    "frozenset",
    "int",
    "list",
    "object",
    "set",
    "str",
    "tuple",
    "type",
];
const PY_BI: &[&str] = &[
    "Ellipsis",
    "False",
    "None",
    "NotImplemented",
    "True",
    "__name__",
    "abs",
    "all",
    "any",
    "cls",
    "enumerate",
    "filter",
    "getattr",
    "hasattr",
    "isinstance",
    "len",
    "map",
    "max",
    "min",
    "open",
    "print",
    "range",
    "repr",
    "reversed",
    "self",
    "setattr",
    "sorted",
    "sum",
    "super",
    "zip",
];
const GO_KW: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];
const GO_TY: &[&str] = &[
    "any",
    "bool",
    "byte",
    "comparable",
    "complex128",
    "complex64",
    "error",
    "float32",
    "float64",
    "int",
    "int16",
    "int32",
    "int64",
    "int8",
    "rune",
    "string",
    "uint",
    "uint16",
    "uint32",
    "uint64",
    "uint8",
    "uintptr",
];
const GO_BI: &[&str] = &[
    "append", "cap", "clear", "close", "complex", "copy", "delete", "false", "imag", "iota", "len",
    "make", "max", "min", "new", "nil", "panic", "print", "println", "real", "recover", "true",
];
const C_KW: &[&str] = &[
    "_Alignas",
    "_Alignof",
    "_Atomic",
    "_Bool",
    "_Generic",
    "_Noreturn",
    "_Static_assert",
    "_Thread_local",
    "auto",
    "break",
    "case",
    "const",
    "continue",
    "default",
    "do",
    "else",
    "enum",
    "extern",
    "for",
    "goto",
    "if",
    "inline",
    "register",
    "restrict",
    "return",
    "sizeof",
    "static",
    "struct",
    "switch",
    "typedef",
    "union",
    "volatile",
    "while",
];
const CPP_KW: &[&str] = &[
    "_Alignas",
    "_Alignof",
    "_Atomic",
    "_Bool",
    "_Generic",
    "_Noreturn",
    "_Static_assert",
    "_Thread_local",
    "alignas",
    "alignof",
    "and",
    "auto",
    "break",
    "case",
    "catch",
    "class",
    "co_await",
    "co_return",
    "co_yield",
    "concept",
    "const",
    "const_cast",
    "consteval",
    "constexpr",
    "constinit",
    "continue",
    "decltype",
    "default",
    "delete",
    "do",
    "dynamic_cast",
    "else",
    "enum",
    "explicit",
    "export",
    "extern",
    "final",
    "for",
    "friend",
    "goto",
    "if",
    "inline",
    "mutable",
    "namespace",
    "new",
    "noexcept",
    "not",
    "operator",
    "or",
    "override",
    "private",
    "protected",
    "public",
    "register",
    "reinterpret_cast",
    "requires",
    "restrict",
    "return",
    "sizeof",
    "static",
    "static_assert",
    "static_cast",
    "struct",
    "switch",
    "template",
    "this",
    "thread_local",
    "throw",
    "try",
    "typedef",
    "typeid",
    "typename",
    "union",
    "using",
    "virtual",
    "volatile",
    "while",
];
const C_TY: &[&str] = &[
    "FILE",
    "bool",
    "char",
    "double",
    "float",
    "int",
    "int16_t",
    "int32_t",
    "int64_t",
    "int8_t",
    "long",
    "ptrdiff_t",
    "short",
    "signed",
    "size_t",
    "ssize_t",
    "uint16_t",
    "uint32_t",
    "uint64_t",
    "uint8_t",
    "uintptr_t",
    "unsigned",
    "void",
    "wchar_t",
];
const CPP_TY: &[&str] = &[
    "FILE",
    "auto",
    "bool",
    "char",
    "char16_t",
    "char32_t",
    "char8_t",
    "double",
    "float",
    "int",
    "int16_t",
    "int32_t",
    "int64_t",
    "int8_t",
    "long",
    "ptrdiff_t",
    "short",
    "signed",
    "size_t",
    "ssize_t",
    "string",
    "uint16_t",
    "uint32_t",
    "uint64_t",
    "uint8_t",
    "uintptr_t",
    "unsigned",
    "void",
    "wchar_t",
];
const C_BI: &[&str] = &[
    "NULL", "false", "nullptr", "stderr", "stdin", "stdout", "true",
];
const JAVA_KW: &[&str] = &[
    "abstract",
    "assert",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "default",
    "do",
    "else",
    "enum",
    "extends",
    "final",
    "finally",
    "for",
    "goto",
    "if",
    "implements",
    "import",
    "instanceof",
    "interface",
    "native",
    "new",
    "non-sealed",
    "package",
    "permits",
    "private",
    "protected",
    "public",
    "record",
    "return",
    "sealed",
    "static",
    "strictfp",
    "super",
    "switch",
    "synchronized",
    "this",
    "throw",
    "throws",
    "transient",
    "try",
    "var",
    "volatile",
    "while",
    "yield",
];
const JAVA_TY: &[&str] = &[
    "boolean", "byte", "char", "double", "float", "int", "long", "short", "void",
];
const JAVA_BI: &[&str] = &["false", "null", "true"];
const SH_KW: &[&str] = &[
    "case", "do", "done", "elif", "else", "esac", "fi", "for", "function", "if", "in", "select",
    "then", "time", "until", "while",
];
const SH_BI: &[&str] = &[
    "alias", "bg", "cd", "command", "declare", "echo", "eval", "exec", "exit", "export", "false",
    "fg", "getopts", "hash", "jobs", "kill", "let", "local", "printf", "pwd", "read", "readonly",
    "return", "set", "shift", "source", "test", "trap", "true", "type", "typeset", "ulimit",
    "umask", "unalias", "unset", "wait",
];
const SQL_KW: &[&str] = &[
    "ADD",
    "ALL",
    "ALTER",
    "AND",
    "AS",
    "ASC",
    "BEGIN",
    "BETWEEN",
    "BY",
    "CASCADE",
    "CASE",
    "CHECK",
    "COLUMN",
    "COMMIT",
    "CONSTRAINT",
    "CREATE",
    "CROSS",
    "DATABASE",
    "DEFAULT",
    "DELETE",
    "DESC",
    "DISTINCT",
    "DROP",
    "ELSE",
    "END",
    "EXCEPT",
    "EXISTS",
    "FOREIGN",
    "FROM",
    "FULL",
    "GRANT",
    "GROUP",
    "HAVING",
    "IF",
    "IN",
    "INDEX",
    "INNER",
    "INSERT",
    "INTERSECT",
    "INTO",
    "IS",
    "JOIN",
    "KEY",
    "LEFT",
    "LIKE",
    "LIMIT",
    "NOT",
    "NULL",
    "OFFSET",
    "ON",
    "OR",
    "ORDER",
    "OUTER",
    "OVER",
    "PARTITION",
    "PRIMARY",
    "REFERENCES",
    "RETURNING",
    "RIGHT",
    "ROLLBACK",
    "SELECT",
    "SET",
    "TABLE",
    "THEN",
    "TRANSACTION",
    "UNION",
    "UNIQUE",
    "UPDATE",
    "USING",
    "VALUES",
    "VIEW",
    "WHEN",
    "WHERE",
    "WITH",
];
const SQL_TY: &[&str] = &[
    "BIGINT",
    "BLOB",
    "BOOLEAN",
    "CHAR",
    "DATE",
    "DECIMAL",
    "DOUBLE",
    "FLOAT",
    "INT",
    "INTEGER",
    "JSON",
    "JSONB",
    "NUMERIC",
    "REAL",
    "SERIAL",
    "SMALLINT",
    "TEXT",
    "TIME",
    "TIMESTAMP",
    "UUID",
    "VARCHAR",
];
const SQL_BI: &[&str] = &[
    "AVG",
    "COALESCE",
    "COUNT",
    "CURRENT_DATE",
    "CURRENT_TIMESTAMP",
    "FALSE",
    "MAX",
    "MIN",
    "NOW",
    "SUM",
    "TRUE",
];

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
        assert!(contains(SQL_KW, "select", true));
        assert!(!contains(RUST_KW, "FN", false));
    }
}
