import Foundation
import XCTest
@testable import LodeSQL

final class TPCHQueryTests: XCTestCase {
    /// `<repo>/../shared/tpch`, found from this file's path.
    static var queryFolder: String {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/../shared/tpch"
    }

    struct MissingQuery: Error, CustomStringConvertible {
        var path: String
        var description: String {
            "TPC-H query \(path) is missing: the tests expect the shared folder beside the repository (<repo>/../shared/tpch/q01.sql ... q22.sql)"
        }
    }

    static func loadQuery(_ number: Int) throws -> String {
        let name = number < 10 ? "q0\(number).sql" : "q\(number).sql"
        let path = queryFolder + "/" + name
        guard let data = FileManager.default.contents(atPath: path) else {
            XCTFail(MissingQuery(path: path).description)
            throw MissingQuery(path: path)
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func allQueries() throws -> [(Int, String)] {
        try (1...22).map { ($0, try loadQuery($0)) }
    }

    func testAllTwentyTwoQueriesParseAndRoundTrip() throws {
        let queries = try Self.allQueries()
        XCTAssertEqual(queries.count, 22)
        for (number, sql) in queries {
            do {
                let statements = try SQL.parseScript(sql)
                XCTAssertEqual(statements.count, 1, "Q\(number)")
                guard let statement = statements.first, case .query = statement else {
                    XCTFail("Q\(number) is not a query")
                    continue
                }
                let reparsed = try SQL.parseStatement(statement.sql)
                XCTAssertEqual(statement, reparsed, "Q\(number) round trip: \(statement.sql)")
            } catch {
                XCTFail("Q\(number): \(error)")
            }
        }
    }

    func testQ6KeepsDecimalLiterals() throws {
        guard let query = parseQuery(try Self.loadQuery(6)), case .select(let core) = query.body else {
            return XCTFail("Q6 is not a plain select")
        }
        XCTAssertTrue(core.whereClause?.sql.contains("0.06 - 0.01") ?? false, core.whereClause?.sql ?? "")
    }

    func testQ15UsesACommonTableExpression() throws {
        guard let query = parseQuery(try Self.loadQuery(15)) else { return }
        XCTAssertEqual(query.with?.tables.first?.name.name, "revenue0")
        XCTAssertEqual(query.with?.tables.first?.columns.map(\.name), ["supplier_no", "total_revenue"])
    }
}
