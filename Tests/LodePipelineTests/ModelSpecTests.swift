import XCTest
import LodeCore
@testable import LodePipeline

final class ModelSpecTests: XCTestCase {
    func testReadsColumnTagsAndEveryTestKind() throws {
        let spec = try ModelSpec.parse("""
        description: One row per customer.
        columns:
          customer_id:
            description: The key.
            tests: [not_null, unique]
          email:
            tags: [pii]
            tests:
              - not_null: {severity: warn}
              - null_percentage: {max: 0.2}
          segment:
            tests:
              - accepted_values: {values: [enterprise, smb]}
          company_id:
            tests:
              - relationships: {to: silver.companies, field: company_id}
          updated_at:
            tests:
              - freshness: {max_age: 2 days}
        tests:
          - row_count: {min: 1, max: 100}
          - volume_anomaly: {tolerance: 0.3}
          - sql: {query: "SELECT * FROM {{ this }} WHERE customer_id < 0", name: positive_ids, severity: warn}
        """, file: "models/gold/dim_customers.yml")
        XCTAssertEqual(spec.description, "One row per customer.")
        XCTAssertEqual(spec.columns(tagged: "pii"), ["email"])
        XCTAssertEqual(spec.checks.map(\.name), [
            "not_null_customer_id", "unique_customer_id", "not_null_email", "null_percentage_email", "accepted_values_segment",
            "relationships_company_id", "freshness_updated_at", "row_count", "volume_anomaly", "positive_ids",
        ])
        XCTAssertEqual(spec.checks[2].severity, .warn)
        XCTAssertEqual(spec.checks[5].kind, .relationships(table: "silver.companies", column: "company_id"))
        XCTAssertEqual(spec.checks[6].kind, .freshness(maxAgeSeconds: 172_800))
        XCTAssertEqual(spec.checks[8].kind, .volumeAnomaly(tolerance: 0.3, minimumRuns: 3))
    }

    func testMistakesNameTheLineAndSuggest() {
        func assertError(_ text: String, _ expected: String, line: Int, testLine: UInt = #line) {
            XCTAssertThrowsError(try ModelSpec.parse(text, file: "m.yml"), line: testLine) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error)", line: testLine)
                XCTAssertEqual((error as? PipelineError)?.line, line, "\(error)", line: testLine)
            }
        }
        assertError("columns:\n  a:\n    tests: [not_nul]\n", "did you mean 'not_null'?", line: 3)
        assertError("columns:\n  a:\n    tests:\n      - accepted_values: {vals: [x]}\n", "has no option 'vals'; did you mean 'values'?", line: 4)
        assertError("columns:\n  a:\n    tests:\n      - accepted_values: {}\n", "needs 'values'", line: 4)
        assertError("columns:\n  a:\n    tests:\n      - not_null: {severity: fatal}\n", "must be one of warn, error", line: 4)
        assertError("tests:\n  - freshness: {max_age: soon, column: x}\n", "duration like", line: 2)
        assertError("colums:\n  a: {}\n", "did you mean 'columns'?", line: 1)
    }

    func testJudgingCountsBoundsHistoryAndFreshness() {
        func run(_ check: QualityCheck, _ row: [Value], history: [Int] = []) -> CheckResult {
            check.evaluate(table: "t", query: { _ in row }, history: history, now: Date(timeIntervalSince1970: 86_400 * 10))
        }
        XCTAssertEqual(run(QualityCheck(kind: .notNull, column: "a"), [.int(0)]).status, .pass)
        XCTAssertEqual(run(QualityCheck(kind: .notNull, column: "a"), [.int(3)]).failingRows, 3)
        XCTAssertEqual(run(QualityCheck(kind: .unique, column: "a", severity: .warn), [.int(2)]).status, .warn)
        XCTAssertEqual(run(QualityCheck(kind: .rowCount(min: 5, max: nil)), [.int(4)]).status, .fail)
        XCTAssertEqual(run(QualityCheck(kind: .nullPercentage(min: nil, max: 0.2), column: "a"), [.int(10), .int(7)]).status, .fail)
        XCTAssertEqual(run(QualityCheck(kind: .nullPercentage(min: nil, max: 0.2), column: "a"), [.int(10), .int(9)]).status, .pass)
        XCTAssertEqual(run(QualityCheck(kind: .freshness(maxAgeSeconds: 86_400), column: "d"), [.date(9)]).status, .pass)
        XCTAssertEqual(run(QualityCheck(kind: .freshness(maxAgeSeconds: 86_400), column: "d"), [.date(7)]).status, .fail)
        let volume = QualityCheck(kind: .volumeAnomaly(tolerance: 0.5, minimumRuns: 3))
        XCTAssertEqual(run(volume, [.int(100)], history: [100, 110]).status, .pass)
        XCTAssertEqual(run(volume, [.int(300)], history: [100, 110, 90]).status, .fail)
        XCTAssertEqual(run(volume, [.int(120)], history: [100, 110, 90]).status, .pass)
        let broken = QualityCheck(kind: .sql("SELEC")).evaluate(table: "t", query: { _ in throw PipelineError(.run, "syntax error") })
        XCTAssertEqual(broken.status, .error)
    }
}
