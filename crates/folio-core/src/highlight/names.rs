//! Keyword, type and built-in names per language, sorted for binary search.

#[rustfmt::skip]
pub(super) const RUST_KW: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
    "return", "static", "struct", "trait", "type", "union", "unsafe", "use", "where", "while",
    "yield",
];
#[rustfmt::skip]
pub(super) const RUST_TY: &[&str] = &[
    "bool", "char", "f32", "f64", "i128", "i16", "i32", "i64", "i8", "isize", "str", "u128", "u16",
    "u32", "u64", "u8", "usize",
];
#[rustfmt::skip]
pub(super) const RUST_BI: &[&str] = &[
    "Err", "None", "Ok", "Self", "Some", "false", "self", "super", "true",
];
#[rustfmt::skip]
pub(super) const JS_KW: &[&str] = &[
    "async", "await", "break", "case", "catch", "class", "const", "continue", "debugger",
    "default", "delete", "do", "else", "export", "extends", "finally", "for", "function", "if",
    "import", "in", "instanceof", "let", "new", "return", "static", "switch", "throw", "try",
    "typeof", "var", "void", "while", "with", "yield",
];
#[rustfmt::skip]
pub(super) const TS_KW: &[&str] = &[
    "abstract", "as", "async", "await", "break", "case", "catch", "class", "const", "continue",
    "debugger", "declare", "default", "delete", "do", "else", "enum", "export", "extends",
    "finally", "for", "function", "if", "implements", "import", "in", "instanceof", "interface",
    "keyof", "let", "namespace", "new", "private", "protected", "public", "readonly", "return",
    "satisfies", "static", "switch", "throw", "try", "type", "typeof", "var", "void", "while",
    "with", "yield",
];
#[rustfmt::skip]
pub(super) const TS_TY: &[&str] = &[
    "any", "bigint", "boolean", "never", "number", "object", "string", "symbol", "unknown",
];
#[rustfmt::skip]
pub(super) const JS_BI: &[&str] = &[
    "Infinity", "NaN", "arguments", "console", "document", "false", "globalThis", "null", "super",
    "this", "true", "undefined", "window",
];
#[rustfmt::skip]
pub(super) const PY_KW: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];
#[rustfmt::skip]
pub(super) const PY_TY: &[&str] = &[
    "bool", "bytearray", "bytes", "complex", "dict", "float", "frozenset", "int", "list", "object",
    "set", "str", "tuple", "type",
];
#[rustfmt::skip]
pub(super) const PY_BI: &[&str] = &[
    "Ellipsis", "False", "None", "NotImplemented", "True", "__name__", "abs", "all", "any", "cls",
    "enumerate", "filter", "getattr", "hasattr", "isinstance", "len", "map", "max", "min", "open",
    "print", "range", "repr", "reversed", "self", "setattr", "sorted", "sum", "super", "zip",
];
#[rustfmt::skip]
pub(super) const GO_KW: &[&str] = &[
    "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for",
    "func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return",
    "select", "struct", "switch", "type", "var",
];
#[rustfmt::skip]
pub(super) const GO_TY: &[&str] = &[
    "any", "bool", "byte", "comparable", "complex128", "complex64", "error", "float32", "float64",
    "int", "int16", "int32", "int64", "int8", "rune", "string", "uint", "uint16", "uint32",
    "uint64", "uint8", "uintptr",
];
#[rustfmt::skip]
pub(super) const GO_BI: &[&str] = &[
    "append", "cap", "clear", "close", "complex", "copy", "delete", "false", "imag", "iota", "len",
    "make", "max", "min", "new", "nil", "panic", "print", "println", "real", "recover", "true",
];
#[rustfmt::skip]
pub(super) const C_KW: &[&str] = &[
    "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Generic", "_Noreturn", "_Static_assert",
    "_Thread_local", "auto", "break", "case", "const", "continue", "default", "do", "else", "enum",
    "extern", "for", "goto", "if", "inline", "register", "restrict", "return", "sizeof", "static",
    "struct", "switch", "typedef", "union", "volatile", "while",
];
#[rustfmt::skip]
pub(super) const CPP_KW: &[&str] = &[
    "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Generic", "_Noreturn", "_Static_assert",
    "_Thread_local", "alignas", "alignof", "and", "auto", "break", "case", "catch", "class",
    "co_await", "co_return", "co_yield", "concept", "const", "const_cast", "consteval",
    "constexpr", "constinit", "continue", "decltype", "default", "delete", "do", "dynamic_cast",
    "else", "enum", "explicit", "export", "extern", "final", "for", "friend", "goto", "if",
    "inline", "mutable", "namespace", "new", "noexcept", "not", "operator", "or", "override",
    "private", "protected", "public", "register", "reinterpret_cast", "requires", "restrict",
    "return", "sizeof", "static", "static_assert", "static_cast", "struct", "switch", "template",
    "this", "thread_local", "throw", "try", "typedef", "typeid", "typename", "union", "using",
    "virtual", "volatile", "while",
];
#[rustfmt::skip]
pub(super) const C_TY: &[&str] = &[
    "FILE", "bool", "char", "double", "float", "int", "int16_t", "int32_t", "int64_t", "int8_t",
    "long", "ptrdiff_t", "short", "signed", "size_t", "ssize_t", "uint16_t", "uint32_t",
    "uint64_t", "uint8_t", "uintptr_t", "unsigned", "void", "wchar_t",
];
#[rustfmt::skip]
pub(super) const CPP_TY: &[&str] = &[
    "FILE", "auto", "bool", "char", "char16_t", "char32_t", "char8_t", "double", "float", "int",
    "int16_t", "int32_t", "int64_t", "int8_t", "long", "ptrdiff_t", "short", "signed", "size_t",
    "ssize_t", "string", "uint16_t", "uint32_t", "uint64_t", "uint8_t", "uintptr_t", "unsigned",
    "void", "wchar_t",
];
#[rustfmt::skip]
pub(super) const C_BI: &[&str] = &[
    "NULL", "false", "nullptr", "stderr", "stdin", "stdout", "true",
];
#[rustfmt::skip]
pub(super) const JAVA_KW: &[&str] = &[
    "abstract", "assert", "break", "case", "catch", "class", "const", "continue", "default", "do",
    "else", "enum", "extends", "final", "finally", "for", "goto", "if", "implements", "import",
    "instanceof", "interface", "native", "new", "non-sealed", "package", "permits", "private",
    "protected", "public", "record", "return", "sealed", "static", "strictfp", "super", "switch",
    "synchronized", "this", "throw", "throws", "transient", "try", "var", "volatile", "while",
    "yield",
];
#[rustfmt::skip]
pub(super) const JAVA_TY: &[&str] = &[
    "boolean", "byte", "char", "double", "float", "int", "long", "short", "void",
];
#[rustfmt::skip]
pub(super) const JAVA_BI: &[&str] = &[
    "false", "null", "true",
];
#[rustfmt::skip]
pub(super) const SH_KW: &[&str] = &[
    "case", "do", "done", "elif", "else", "esac", "fi", "for", "function", "if", "in", "select",
    "then", "time", "until", "while",
];
#[rustfmt::skip]
pub(super) const SH_BI: &[&str] = &[
    "alias", "bg", "cd", "command", "declare", "echo", "eval", "exec", "exit", "export", "false",
    "fg", "getopts", "hash", "jobs", "kill", "let", "local", "printf", "pwd", "read", "readonly",
    "return", "set", "shift", "source", "test", "trap", "true", "type", "typeset", "ulimit",
    "umask", "unalias", "unset", "wait",
];
#[rustfmt::skip]
pub(super) const SQL_KW: &[&str] = &[
    "ADD", "ALL", "ALTER", "AND", "AS", "ASC", "BEGIN", "BETWEEN", "BY", "CASCADE", "CASE",
    "CHECK", "COLUMN", "COMMIT", "CONSTRAINT", "CREATE", "CROSS", "DATABASE", "DEFAULT", "DELETE",
    "DESC", "DISTINCT", "DROP", "ELSE", "END", "EXCEPT", "EXISTS", "FOREIGN", "FROM", "FULL",
    "GRANT", "GROUP", "HAVING", "IF", "IN", "INDEX", "INNER", "INSERT", "INTERSECT", "INTO", "IS",
    "JOIN", "KEY", "LEFT", "LIKE", "LIMIT", "NOT", "NULL", "OFFSET", "ON", "OR", "ORDER", "OUTER",
    "OVER", "PARTITION", "PRIMARY", "REFERENCES", "RETURNING", "RIGHT", "ROLLBACK", "SELECT",
    "SET", "TABLE", "THEN", "TRANSACTION", "UNION", "UNIQUE", "UPDATE", "USING", "VALUES", "VIEW",
    "WHEN", "WHERE", "WITH",
];
#[rustfmt::skip]
pub(super) const SQL_TY: &[&str] = &[
    "BIGINT", "BLOB", "BOOLEAN", "CHAR", "DATE", "DECIMAL", "DOUBLE", "FLOAT", "INT", "INTEGER",
    "JSON", "JSONB", "NUMERIC", "REAL", "SERIAL", "SMALLINT", "TEXT", "TIME", "TIMESTAMP", "UUID",
    "VARCHAR",
];
#[rustfmt::skip]
pub(super) const SQL_BI: &[&str] = &[
    "AVG", "COALESCE", "COUNT", "CURRENT_DATE", "CURRENT_TIMESTAMP", "FALSE", "MAX", "MIN", "NOW",
    "SUM", "TRUE",
];
