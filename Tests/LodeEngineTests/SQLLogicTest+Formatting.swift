import Foundation
import LodeCore

/// How values and column types are written in `.slt` files, the same way
/// Tests/Interop/slt.py writes DuckDB's results:
///
/// - NULL as `NULL`, the empty string as `(empty)`, booleans `true`/`false`;
/// - integers in decimal, decimals with exactly their scale's digits (`12.50`);
/// - floating point with 10 significant digits, C's `%.10g`, `-0` as `0`, `nan`, `inf`, `-inf`;
/// - dates `YYYY-MM-DD`, timestamps `YYYY-MM-DD HH:MM:SS[.fraction]` without trailing zeros,
///   `+00` after a UTC timestamp;
/// - text as is with tab, newline and carriage return written `\t`, `\n`, `\r`;
/// - blobs with printable ASCII as is and other bytes as `\xHH`;
/// - lists `[1, 2]` with text items quoted.
enum SQLLogicTestFormat {
    /// The type letter of a column: `I` integers, `R` floating point, `D` decimals,
    /// `B` booleans, `T` anything else.
    static func letter(of type: DataType) -> Character {
        switch type {
        case .int8, .int16, .int32, .int64: return "I"
        case .float32, .float64: return "R"
        case .decimal: return "D"
        case .boolean: return "B"
        default: return "T"
        }
    }

    static func format(_ value: Value, nested: Bool = false) -> String {
        switch value {
        case .null: return "NULL"
        case .boolean(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return format(double: d)
        case .decimal(let d): return d.description
        case .string(let s):
            if nested { return "'" + escape(s) + "'" }
            return s.isEmpty ? "(empty)" : escape(s)
        case .binary(let bytes):
            return bytes.map { byte in
                (0x20..<0x7f).contains(byte) && byte != 0x5c
                    ? String(UnicodeScalar(byte)) : String(format: "\\x%02X", byte)
            }.joined()
        case .date(let days): return Temporal.formatDate(days)
        case .timestamp(let v, let unit, let utc): return Temporal.formatTimestamp(v, unit: unit) + (utc ? "+00" : "")
        case .list(let items): return "[" + items.map { format($0, nested: true) }.joined(separator: ", ") + "]"
        case .struct(let items): return "{" + items.map { format($0, nested: true) }.joined(separator: ", ") + "}"
        case .map(let keys, let values):
            return "{" + zip(keys, values).map { format($0, nested: true) + "=" + format($1, nested: true) }
                .joined(separator: ", ") + "}"
        }
    }

    static func format(double d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        let text = String(format: "%.10g", d)
        return text == "-0" ? "0" : text
    }

    static func escape(_ s: String) -> String {
        guard s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return s }
        return s.replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\r")
    }

    /// The result lines as an `.slt` file holds them, sorted as `sort` asks.
    static func lines(_ rows: [[Value]], sort: SQLLogicTestRecord.SortMode) -> [String] {
        let lines = rows.map { row in row.map { format($0) }.joined(separator: "\t") }
        switch sort {
        case .nosort: return lines
        case .rowsort: return lines.sorted(by: pythonOrder)
        case .valuesort: return lines.flatMap { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            .sorted(by: pythonOrder)
        }
    }

    /// Text order by Unicode scalars, as Python sorts strings (Swift's `<` on String
    /// compares canonically equivalent forms, which differs for some text).
    static func pythonOrder(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    /// Whether two printed values agree: the same text, or, in a floating-point column,
    /// numbers within a relative 1e-9 of each other (the last printed digit may round
    /// either way when engines add in different orders).
    static func valuesAgree(expected: Substring, actual: Substring, letter: Character) -> Bool {
        if expected == actual { return true }
        guard letter == "R", let e = Double(expected), let a = Double(actual), e.isFinite, a.isFinite else { return false }
        return abs(e - a) <= 1e-9 * max(abs(e), abs(a))
    }
}
