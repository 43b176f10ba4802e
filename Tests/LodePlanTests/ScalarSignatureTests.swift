import XCTest
import LodeCore
@testable import LodePlan

/// Scalar result types compared with DuckDB 2.0.1's `typeof(...)` for the same calls.
final class ScalarSignatureTests: XCTestCase {
    func returnType(_ name: String, _ args: [DataType]) throws -> DataType {
        try FunctionRegistry.resolveScalar(name, arguments: args).returnType
    }

    func testResultTypesMatchDuckDB() throws {
        let d = { (p: Int, s: Int) in DataType.decimal(precision: p, scale: s) }
        XCTAssertEqual(try returnType("*", [d(10, 2), d(10, 2)]), d(18, 4))
        XCTAssertEqual(try returnType("*", [d(18, 2), d(18, 4)]), d(18, 6))
        XCTAssertEqual(try returnType("*", [d(20, 2), d(5, 1)]), d(25, 3))
        XCTAssertEqual(try returnType("*", [.int32, d(2, 1)]), d(12, 1))
        XCTAssertEqual(try returnType("+", [d(10, 2), d(12, 3)]), d(13, 3))
        XCTAssertEqual(try returnType("-", [d(10, 2), .int32]), d(13, 2))
        XCTAssertEqual(try returnType("%", [d(2, 1), .int32]), d(11, 1))
        XCTAssertEqual(try returnType("/", [.int32, .int32]), .float64)
        XCTAssertEqual(try returnType("//", [.int64, .int32]), .int64)
        XCTAssertEqual(try returnType("//", [.float64, .int32]), .float64)
        XCTAssertEqual(try returnType("*", [.int8, .int16]), .int16)
        XCTAssertEqual(try returnType("+", [.int32, .int64]), .int64)
        XCTAssertEqual(try returnType("-", [.date, .date]), .int64)
        XCTAssertEqual(try returnType("+", [.date, .int32]), .date)
        XCTAssertEqual(try returnType("negate", [d(5, 2)]), d(5, 2))
        XCTAssertEqual(try returnType("ceil", [d(5, 2)]), d(5, 0))
        XCTAssertEqual(try returnType("ceil", [.int32]), .float64)
        XCTAssertEqual(try returnType("trunc", [.int32]), .int32)
        XCTAssertEqual(try returnType("round", [d(4, 2)]), d(4, 0))
        XCTAssertEqual(try returnType("round", [.float32]), .float32)
        XCTAssertEqual(try returnType("abs", [.int64]), .int64)
        XCTAssertEqual(try returnType("sign", [.float64]), .int8)
        XCTAssertEqual(try returnType("sqrt", [.int32]), .float64)
        XCTAssertEqual(try returnType("mod", [.int32, .int32]), .int32)
        XCTAssertEqual(try returnType("greatest", [.int8, .int64]), .int64)
        XCTAssertEqual(try returnType("coalesce", [.int32, d(2, 1)]), d(11, 1))
        XCTAssertEqual(try returnType("ifnull", [.int32, .int64]), .int64)
        XCTAssertEqual(try returnType("strlen", [.string]), .int64)
        XCTAssertEqual(try returnType("len", [.string]), .int64)
        XCTAssertEqual(try returnType("strpos", [.string, .string]), .int64)
        XCTAssertEqual(try returnType("substr", [.string, .int32, .int32]), .string)
        XCTAssertEqual(try returnType("date_trunc", [.string, .date]), .timestampNTZ)
        XCTAssertEqual(try returnType("date_trunc", [.string, .timestampUTC]), .timestampUTC)
        XCTAssertEqual(try returnType("extract", [.string, .date]), .int64)
        XCTAssertEqual(try returnType("datediff", [.string, .date, .date]), .int64)
        XCTAssertEqual(try returnType("now", []), .timestampUTC)
        XCTAssertEqual(try returnType("current_date", []), .date)
        XCTAssertEqual(try returnType("to_timestamp", [.int32]), .timestampUTC)
        XCTAssertEqual(try returnType("epoch_ms", [.int64]), .timestampNTZ)
        XCTAssertEqual(try returnType("epoch_ms", [.timestampNTZ]), .int64)
        XCTAssertEqual(try returnType("make_date", [.int32, .int32, .int32]), .date)
        XCTAssertEqual(try returnType("<", [.timestampNTZ, .date]), .boolean)
    }

    func testArgumentsAreCastToTheSignature() throws {
        let compare = try FunctionRegistry.resolveScalar("<=", arguments: [.date, .string])
        XCTAssertEqual(compare.argumentTypes, [.date, .date])
        let interval = try FunctionRegistry.resolveScalar("add_interval", arguments: [.timestampNTZ, .int32, .int32, .int64])
        XCTAssertEqual(interval.returnType, .timestampNTZ)
        let inList = try FunctionRegistry.resolveScalar("in", arguments: [.int32, .int64, .int32])
        XCTAssertEqual(inList.argumentTypes, [.int64, .int64, .int64])
    }

    func testMismatchesAreTypeErrors() {
        XCTAssertThrowsError(try FunctionRegistry.resolveScalar("+", arguments: [.boolean, .int32])) { error in
            XCTAssertEqual((error as? PlanError)?.kind, .type)
        }
        XCTAssertThrowsError(try FunctionRegistry.resolveScalar("lower", arguments: [.string, .string]))
        XCTAssertThrowsError(try FunctionRegistry.resolveScalar("sqrt", arguments: [.date]))
        XCTAssertThrowsError(try FunctionRegistry.resolveScalar("no_such_function", arguments: [])) { error in
            XCTAssertEqual((error as? PlanError)?.kind, .binding)
        }
    }
}
