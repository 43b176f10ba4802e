import XCTest
import LodeCore
@testable import LodePlan

final class TypeCoercionTests: XCTestCase {
    func testDecimalsMeetAtTheWiderScaleAndIntegerPart() {
        XCTAssertEqual(TypeCoercion.commonType(.decimal(precision: 15, scale: 2), .decimal(precision: 3, scale: 2)),
                       .decimal(precision: 15, scale: 2))
        XCTAssertEqual(TypeCoercion.commonType(.decimal(precision: 5, scale: 1), .decimal(precision: 4, scale: 3)),
                       .decimal(precision: 7, scale: 3))
        XCTAssertEqual(TypeCoercion.commonType(.int32, .decimal(precision: 4, scale: 2)), .decimal(precision: 12, scale: 2))
        XCTAssertEqual(TypeCoercion.commonType(.int32, .float64), .float64)
        XCTAssertEqual(TypeCoercion.commonType(.date, .string), .date)
        XCTAssertNil(TypeCoercion.commonType(.date, .boolean))
    }

    func testUnknownFunctionSuggestsTheClosestName() {
        XCTAssertThrowsError(try FunctionRegistry.resolveAggregate("cout", arguments: [.int32])) { error in
            XCTAssertTrue("\(error)".contains("did you mean count?"), "\(error)")
        }
    }
}
