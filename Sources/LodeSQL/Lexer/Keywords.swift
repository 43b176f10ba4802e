/// The reserved words of the dialect: they cannot be used as implicit aliases or bare
/// column names (quote them to use them as names).
enum Keywords {
    static let reserved: Set<String> = [
        "all", "and", "any", "as", "asc", "between", "both", "case", "cast", "check", "collate",
        "constraint", "create", "cross", "current_date", "current_time", "current_timestamp",
        "default", "delete", "desc", "distinct", "drop", "else", "end", "except", "exists",
        "false", "fetch", "filter", "for", "foreign", "from", "full", "grant", "group", "having",
        "ilike", "in", "inner", "insert", "intersect", "interval", "into", "is", "join", "lateral",
        "left", "like", "limit", "merge", "natural", "not", "null", "offset", "on", "or",
        "order", "outer", "over", "primary", "qualify", "references", "right", "select", "set",
        "some", "table", "then", "to", "true", "try_cast", "union", "unique", "update", "using",
        "values", "when", "where", "window", "with",
    ]
}
