/// A name as written in SQL: unquoted names are matched case-insensitively, quoted ones exactly.
///
/// `name` is the spelling used for lookup (lower-cased when unquoted); `spelling` keeps the
/// text as written, without quotes.
public struct Identifier: Hashable, Sendable, CustomStringConvertible {
    /// The lookup form: lower-cased for unquoted names, exact for quoted ones.
    public var name: String
    /// The original spelling, without quotes or escapes.
    public var spelling: String
    /// True when written between double quotes.
    public var isQuoted: Bool
    /// Where the name starts in the source text, when it came from the parser; not part of
    /// equality or hashing, so trees parsed from different text compare by meaning.
    public var location: SourceLocation?

    public init(_ spelling: String, quoted: Bool = false, location: SourceLocation? = nil) {
        self.spelling = spelling
        self.isQuoted = quoted
        self.name = quoted ? spelling : spelling.lowercased()
        self.location = location
    }

    public static func == (a: Identifier, b: Identifier) -> Bool {
        a.name == b.name && a.spelling == b.spelling && a.isQuoted == b.isQuoted
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(spelling)
        hasher.combine(isQuoted)
    }

    public var description: String { sql }
}

/// A dotted name such as `layer.table` or `t.column`.
public struct QualifiedName: Hashable, Sendable, CustomStringConvertible {
    public var parts: [Identifier]

    public init(_ parts: [Identifier]) {
        self.parts = parts
    }

    /// Builds an unquoted name from dotted text, for tests and programmatic use.
    public init(dotted: String) {
        self.parts = dotted.split(separator: ".").map { Identifier(String($0)) }
    }

    /// The last part: the table, column or function name itself.
    public var base: Identifier? { parts.last }

    public var description: String { sql }
}
