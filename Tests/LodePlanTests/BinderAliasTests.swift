import XCTest
import LodeCore
@testable import LodePlan

final class BinderAliasTests: XCTestCase {
    func testQualifyHavingAndWhereMayUseSelectAliases() throws {
        let qualified = try bind("select a, row_number() over (partition by b order by e) as rn from t qualify rn = 1")
        XCTAssertEqual(qualified.spine, "project filter window scan")
        XCTAssertEqual(qualified.windows.first?.functions.count, 1)
        let having = try bind("select a, count(*) as n from t group by a having n > 1")
        XCTAssertEqual(having.aggregates.first?.aggregates.count, 1)
        XCTAssertEqual(try bind("select a + 1 as k from t where k > 2").spine, "project filter scan")
        XCTAssertEqual(try bind("select b as a from t where a > 1").filters.count, 1)
        XCTAssertEqual(bindingError("select count(*) as n from t where n > 1")?.message, "aggregate functions are not allowed in WHERE")
        XCTAssertEqual(bindingError("select k + 1 as k from t where k > 1")?.kind, .binding)
    }
}
