import LodeCore
import XCTest
@testable import LodePlan

final class AggregateSignatureTests: XCTestCase {
    func resolve(_ name: String, _ args: [DataType]) throws -> ResolvedFunction {
        try FunctionRegistry.resolveAggregate(name, arguments: args)
    }

    func testResultTypesFollowDuckDBExceptIntegerSums() throws {
        XCTAssertEqual(try resolve("sum", [.int32]).returnType, .int64)
        XCTAssertEqual(try resolve("sum", [.decimal(precision: 15, scale: 2)]).returnType, .decimal(precision: 38, scale: 2))
        XCTAssertEqual(try resolve("sum", [.float32]).returnType, .float64)
        XCTAssertEqual(try resolve("avg", [.int64]).returnType, .float64)
        XCTAssertEqual(try resolve("avg", [.decimal(precision: 15, scale: 2)]).returnType, .float64)
        XCTAssertEqual(try resolve("count", [.string]).returnType, .int64)
        XCTAssertEqual(try resolve("count_star", []).returnType, .int64)
        XCTAssertEqual(try resolve("min", [.date]).returnType, .date)
        XCTAssertEqual(try resolve("max", [.string]).returnType, .string)
        XCTAssertEqual(try resolve("approx_count_distinct", [.string]).returnType, .int64)
        XCTAssertEqual(try resolve("first", [.timestampUTC]).returnType, .timestampUTC)
        XCTAssertEqual(try resolve("bool_or", [.boolean]).returnType, .boolean)
    }

    func testStatisticsCastTheirArgumentToDouble() throws {
        let resolved = try resolve("stddev_samp", [.int32])
        XCTAssertEqual(resolved.argumentTypes, [.float64])
        XCTAssertEqual(resolved.returnType, .float64)
    }

    func testAliasesResolveToTheCanonicalName() throws {
        XCTAssertEqual(try resolve("stddev", [.float64]).name, "stddev_samp")
        XCTAssertEqual(try resolve("variance", [.float64]).name, "var_samp")
        XCTAssertEqual(try resolve("arbitrary", [.int32]).name, "first")
        XCTAssertEqual(try resolve("mean", [.int32]).name, "avg")
        XCTAssertEqual(FunctionRegistry.kind(of: "var_samp"), .aggregate)
    }

    func testStringAggCastsToVarchar() throws {
        let resolved = try resolve("string_agg", [.int32, .string])
        XCTAssertEqual(resolved.argumentTypes, [.string, .string])
        XCTAssertEqual(resolved.returnType, .string)
    }

    func testBadTypesAreTypeErrors() {
        for (name, args) in [("sum", [DataType.string]), ("avg", [.date]), ("stddev_pop", [.string]),
                             ("bool_and", [.date]), ("sum", [.int32, .int32])] {
            XCTAssertThrowsError(try resolve(name, args), "\(name)") { error in
                XCTAssertEqual((error as? PlanError)?.kind, .type, "\(name)")
            }
        }
    }

    func testWindowSignatures() throws {
        XCTAssertEqual(try FunctionRegistry.resolveWindow("row_number", arguments: []).returnType, .int64)
        XCTAssertEqual(try FunctionRegistry.resolveWindow("percent_rank", arguments: []).returnType, .float64)
        XCTAssertEqual(try FunctionRegistry.resolveWindow("cume_dist", arguments: []).returnType, .float64)
        XCTAssertEqual(try FunctionRegistry.resolveWindow("ntile", arguments: [.int32]).argumentTypes, [.int64])
        let lag = try FunctionRegistry.resolveWindow("lag", arguments: [.int32, .int32, .int64])
        XCTAssertEqual(lag.argumentTypes, [.int64, .int64, .int64])
        XCTAssertEqual(lag.returnType, .int64)
        XCTAssertEqual(try FunctionRegistry.resolveWindow("lead", arguments: [.string]).returnType, .string)
        XCTAssertEqual(try FunctionRegistry.resolveWindow("nth_value", arguments: [.date, .int32]).returnType, .date)
        XCTAssertEqual(try FunctionRegistry.resolveWindow("sum", arguments: [.int32]).returnType, .int64)
    }
}
