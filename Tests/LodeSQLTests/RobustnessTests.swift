import XCTest
@testable import LodeSQL

/// Feeds random and mutated input to the parser: it must throw `SQLError` or succeed, never crash or hang.
final class RobustnessTests: XCTestCase {
    /// A small deterministic generator (SplitMix64) so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let vocabulary: [String] = [
        "select", "from", "where", "group", "by", "having", "order", "limit", "offset", "with", "as", "union", "all",
        "intersect", "except", "join", "left", "right", "full", "outer", "inner", "cross", "natural", "on", "using",
        "and", "or", "not", "is", "null", "in", "exists", "between", "like", "ilike", "case", "when", "then", "else",
        "end", "cast", "try_cast", "interval", "date", "timestamp", "extract", "substring", "over", "partition", "rows",
        "range", "preceding", "following", "unbounded", "current", "row", "filter", "distinct", "values", "insert", "into",
        "update", "set", "delete", "merge", "matched", "create", "table", "drop", "if", "copy", "to", "explain", "version",
        "of", "rollup", "cube", "grouping", "sets", "qualify", "window", "lateral", "asc", "desc", "nulls", "first", "last",
        "a", "t", "x", "\"Q\"", "1", "0.06", "1e3", "'s'", "$1", "?", "(", ")", ",", ".", ";", "*", "+", "-", "/", "%",
        "||", "=", "<>", "<", "<=", ">", ">=", "::", "=>", "[", "]", "int", "decimal", "day",
    ]

    /// Parses `sql`; whatever parses must print back to SQL that parses to the same tree.
    private func check(_ sql: String) {
        do {
            let statements = try SQL.parseScript(sql)
            for statement in statements {
                let printed = statement.sql
                do {
                    let reparsed = try SQL.parseStatement(printed)
                    XCTAssertEqual(reparsed, statement, "round trip of \(sql)\nprinted \(printed)")
                } catch {
                    XCTFail("printed form does not parse: \(error)\ninput: \(sql)\nprinted: \(printed)")
                }
            }
        } catch is SQLError {
        } catch {
            XCTFail("non-SQLError \(error) for \(sql)")
        }
    }

    func testRandomTokenSequences() {
        var generator = SplitMix(state: 42)
        for _ in 0..<5000 {
            let count = Int.random(in: 1...30, using: &generator)
            let sql = (0..<count).map { _ in Self.vocabulary.randomElement(using: &generator) ?? "" }.joined(separator: " ")
            check(sql)
        }
    }

    func testRandomBytes() {
        var generator = SplitMix(state: 7)
        for _ in 0..<2000 {
            let count = Int.random(in: 0...40, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            check(String(decoding: bytes, as: UTF8.self))
        }
    }

    func testMutatedTPCHQueries() throws {
        let queries = try TPCHQueryTests.allQueries().map(\.1)
        var generator = SplitMix(state: 2024)
        for _ in 0..<3000 {
            guard var tokens = queries.randomElement(using: &generator)?
                .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init), !tokens.isEmpty
            else { continue }
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<tokens.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: tokens.remove(at: index)
                case 1: tokens.insert(Self.vocabulary.randomElement(using: &generator) ?? "", at: index)
                case 2: tokens[index] = Self.vocabulary.randomElement(using: &generator) ?? ""
                default:
                    let other = Int.random(in: 0..<tokens.count, using: &generator)
                    tokens.swapAt(index, other)
                }
                if tokens.isEmpty { break }
            }
            let sql = tokens.joined(separator: " ")
            check(sql)
            check(String(sql.prefix(Int.random(in: 0...sql.count, using: &generator))))
        }
    }

    func testAlternatingParenthesesAndSubqueriesStayFast() {
        let start = ContinuousClock.now
        for unit in ["((select ", "(select (", "( ( ", "(select * from (("] {
            check("select " + String(repeating: unit, count: 80) + "1")
            check("select * from " + String(repeating: unit, count: 80) + "t")
        }
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(5))
    }

    func testEveryPrefixOfAQuery() throws {
        let query = try TPCHQueryTests.loadQuery(8)
        var prefix = ""
        for character in query {
            prefix.append(character)
            check(prefix)
        }
    }
}
