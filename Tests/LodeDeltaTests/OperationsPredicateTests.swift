import LodeCore
import XCTest
@testable import LodeDelta

final class OperationsPredicateTests: XCTestCase {
    let columns = [Field("region", .string), Field("day", .date), Field("n", .int32), Field("ok", .boolean)]

    func predicate(_ text: String) throws -> PartitionPredicate {
        try PartitionPredicate(text, partitionColumns: columns)
    }

    func testComparisonsReadLiteralsAsTheColumnType() throws {
        let p = try predicate("day >= '2024-01-31' AND n < 10")
        XCTAssertTrue(p.matches(["region": "eu", "day": "2024-02-01", "n": "9", "ok": nil]))
        XCTAssertFalse(p.matches(["region": "eu", "day": "2024-01-30", "n": "9", "ok": nil]))
        // Numeric, not text, comparison: "9" < "10" as numbers.
        XCTAssertFalse(p.matches(["day": "2024-02-01", "n": "10"]))
        XCTAssertEqual(p.referencedColumns, ["day", "n"])
    }

    func testNullsFollowSQL() throws {
        XCTAssertFalse(try predicate("region = 'eu'").matches(["region": nil]))
        XCTAssertFalse(try predicate("region <> 'eu'").matches(["region": nil]))
        XCTAssertTrue(try predicate("region IS NULL").matches(["region": nil]))
        XCTAssertTrue(try predicate("region IS NOT NULL").matches(["region": "x"]))
        XCTAssertTrue(try predicate("region = 'eu' OR region IS NULL").matches(["region": nil]))
        XCTAssertFalse(try predicate("NOT region = 'eu'").matches(["region": nil]))
        XCTAssertFalse(try predicate("region NOT IN ('eu', NULL)").matches(["region": "us"]))
        XCTAssertTrue(try predicate("region NOT IN ('eu')").matches(["region": "us"]))
    }

    func testInListsQuotesAndKeywords() throws {
        let p = try predicate("\"region\" in ('it''s', 'b') and `ok` = TRUE and day = DATE '2024-02-29'")
        XCTAssertTrue(p.matches(["region": "it's", "ok": "true", "day": "2024-02-29"]))
        XCTAssertFalse(p.matches(["region": "it's", "ok": "false", "day": "2024-02-29"]))
        XCTAssertTrue(try predicate("n = -3").matches(["n": "-3"]))
        XCTAssertTrue(try predicate("(n > 1 OR n < -1) AND NOT (n = 5)").matches(["n": "7"]))
    }

    func testRowValuesMatchToo() throws {
        let p = try predicate("region = 'eu'")
        XCTAssertTrue(p.matches(values: ["region": .string("eu")]))
        XCTAssertFalse(p.matches(values: ["region": .null]))
    }

    func testErrorsNameTheProblemAndPosition() {
        func message(_ text: String) -> String {
            do { _ = try predicate(text); return "" } catch { return "\(error)" }
        }
        XCTAssertTrue(message("amount > 1").contains("'amount' is not a partition column (partition columns: region, day, n, ok)"))
        XCTAssertTrue(message("day = 'yesterday'").contains("'yesterday' is not a valid DATE for partition column 'day'"))
        XCTAssertTrue(message("region = 'eu").contains("unterminated quote"))
        XCTAssertTrue(message("region = 'eu' AND").contains("at character 18"))
        XCTAssertTrue(message("region = NULL").contains("IS NULL"))
        XCTAssertTrue(message("").contains("empty"))
        XCTAssertTrue(message("region ~ 'x'").contains("unexpected character '~'"))
        XCTAssertTrue(message("region = 'a' b").contains("unexpected 'b'"))
    }
}
