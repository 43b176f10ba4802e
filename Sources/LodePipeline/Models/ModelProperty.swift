import Foundation

/// One `key value` entry of a `MODEL (...)` block, SQLMesh style:
/// `kind INCREMENTAL_BY_UNIQUE_KEY (unique_key (order_id))`, `tags (pii, finance)`, `cron '@daily'`.
struct ModelProperty {
    /// A value: a word, a quoted string, or a parenthesized, comma-separated list of term sequences.
    indirect enum Term {
        case word(String)
        case string(String)
        case group([[Term]])

        /// The text of a word or string.
        var text: String? {
            switch self {
            case .word(let w), .string(let w): return w
            case .group: return nil
            }
        }

        /// The words of `(a, b)` or a single `a`.
        var names: [String]? {
            switch self {
            case .word(let w), .string(let w): return [w]
            case .group(let items): return items.compactMap { $0.count == 1 ? $0[0].text : nil }.count == items.count
                ? items.map { $0[0].text! } : nil
            }
        }
    }

    var key: String
    var terms: [Term]
    var line: Int

    static let keys = ["name", "kind", "tags", "partitioned_by", "grain", "cron", "description", "owner", "new_rows_from"]

    /// Parses the inside of `MODEL ( ... )`; `offset` is where it starts in the file.
    static func parseList(_ text: [Unicode.Scalar], offset: Int, scanner: ModelTextScanner) throws -> [ModelProperty] {
        var reader = TermReader(text: text, offset: offset, scanner: scanner)
        var properties: [ModelProperty] = []
        for entry in try reader.items(until: nil) where !entry.isEmpty {
            guard case .word(let key) = entry[0].term else {
                throw scanner.error("a MODEL entry must start with a key (\(keys.joined(separator: ", ")))", at: entry[0].offset)
            }
            let lower = key.lowercased()
            guard keys.contains(lower) else {
                let hint = nameHint(lower, keys, listing: "valid keys")
                throw scanner.error("unknown MODEL key '\(key)'\(hint)", at: entry[0].offset)
            }
            properties.append(ModelProperty(key: lower, terms: entry.dropFirst().map(\.term), line: scanner.line(at: entry[0].offset)))
        }
        return properties
    }
}

/// Splits text into terms; positions are kept for error lines.
private struct TermReader {
    let text: [Unicode.Scalar]
    let offset: Int
    let scanner: ModelTextScanner
    var position = 0

    init(text: [Unicode.Scalar], offset: Int, scanner: ModelTextScanner) {
        self.text = text
        self.offset = offset
        self.scanner = scanner
    }

    /// Comma-separated sequences of terms up to `closing` (or the end).
    mutating func items(until closing: Unicode.Scalar?) throws -> [[(term: ModelProperty.Term, offset: Int)]] {
        var items: [[(term: ModelProperty.Term, offset: Int)]] = [[]]
        while true {
            while position < text.count, text[position].properties.isWhitespace { position += 1 }
            guard position < text.count else {
                if let closing { throw scanner.error("missing '\(closing)' in the MODEL block", at: offset + position) }
                return items
            }
            let c = text[position]
            let start = offset + position
            if let closing, c == closing { position += 1; return items }
            switch c {
            case ",": items.append([]); position += 1
            case "(", "[":
                position += 1
                let inner = try self.items(until: c == "(" ? ")" : "]")
                items[items.count - 1].append((.group(inner.map { $0.map(\.term) }.filter { !$0.isEmpty }), start))
            case "'", "\"":
                position += 1
                let begin = position
                while position < text.count, text[position] != c { position += 1 }
                guard position < text.count else { throw scanner.error("unclosed quote in the MODEL block", at: start) }
                items[items.count - 1].append((.string(String(String.UnicodeScalarView(text[begin..<position]))), start))
                position += 1
            default:
                let begin = position
                while position < text.count, isWordCharacter(text[position]) || text[position] == "." || text[position] == "@" {
                    position += 1
                }
                guard position > begin else {
                    throw scanner.error("unexpected '\(c)' in the MODEL block", at: start)
                }
                items[items.count - 1].append((.word(String(String.UnicodeScalarView(text[begin..<position]))), start))
            }
        }
    }
}
