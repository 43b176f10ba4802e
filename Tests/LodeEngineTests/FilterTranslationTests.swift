import LodeCore
import LodeParquet
import LodePlan
import XCTest
@testable import LodeEngine

final class FilterTranslationTests: XCTestCase {
    private let schema = Schema([Field("id", .int64), Field("qty", .int32), Field("day", .date), Field("name", .string),
                                 Field("flag", .boolean), Field("at", .timestamp(.microsecond, utc: false))])
    private let id = SourceTesting.column(0, .int64)
    private let qty = SourceTesting.column(1, .int32)
    private let day = SourceTesting.column(2, .date)
    private let label = SourceTesting.column(3, .string)
    private let at = SourceTesting.column(5, .timestamp(.microsecond, utc: false))

    private func translate(_ filters: BoundExpression...) -> ParquetPredicate? {
        FilterTranslation(request: SourceTesting.request(Array(0..<6), filters: filters), schema: schema).predicate()
    }

    private func int(_ v: Int64, _ type: DataType = .int64) -> BoundExpression { .literal(.int(v), type) }
    private func call(_ name: String, _ args: BoundExpression...) -> BoundExpression { .call(name, args, .boolean) }

    func testComparisonsEitherWayRound() {
        XCTAssertEqual(translate(call("=", id, int(5))), .compare(column: "id", .equal, .int(5)))
        XCTAssertEqual(translate(call("<", int(5), id)), .compare(column: "id", .greater, .int(5)))
        XCTAssertEqual(translate(call(">=", int(5), id)), .compare(column: "id", .lessOrEqual, .int(5)))
        XCTAssertEqual(translate(call("<>", label, .literal(.string("x"), .string))), .compare(column: "name", .notEqual, .string("x")))
        XCTAssertNil(translate(call("=", id, SourceTesting.column(1, .int64))))
        XCTAssertNil(translate(call("like", label, .literal(.string("a%"), .string))))
    }

    func testConjunctsAreAndedAndUntranslatableOnesDropped() {
        let like = call("like", label, .literal(.string("a%"), .string))
        XCTAssertEqual(translate(call(">", id, int(1)), like, call("<", id, int(9))),
                       .and([.compare(column: "id", .greater, .int(1)), .compare(column: "id", .less, .int(9))]))
        XCTAssertEqual(translate(call("and", call(">", id, int(1)), like)), .compare(column: "id", .greater, .int(1)))
        XCTAssertNil(translate(call("or", call(">", id, int(1)), like)))
        XCTAssertEqual(translate(call("or", call(">", id, int(1)), call("is_null", id))),
                       .or([.compare(column: "id", .greater, .int(1)), .isNull("id")]))
        // Under NOT nothing may be dropped.
        XCTAssertNil(translate(call("not", call("and", call(">", id, int(1)), like))))
        XCTAssertEqual(translate(call("not", call("is_not_null", qty))), .not(.isNotNull("qty")))
    }

    func testInBecomesAnOrOfEquals() {
        XCTAssertEqual(translate(.call("in", [id, int(1), int(2)], .boolean)),
                       .or([.compare(column: "id", .equal, .int(1)), .compare(column: "id", .equal, .int(2))]))
        XCTAssertNil(translate(.call("in", [id, int(1), qty], .boolean)))
    }

    func testOnlyOrderPreservingCastsOfTheColumnTranslate() {
        let wide = BoundExpression.cast(qty, to: .int64, isTry: false)
        XCTAssertEqual(translate(call("=", wide, int(3))), .compare(column: "qty", .equal, .int(3)))
        let decimal = BoundExpression.cast(qty, to: .decimal(precision: 12, scale: 2), isTry: false)
        let literal = BoundExpression.literal(.decimal(Decimal128(150, precision: 12, scale: 2)), .decimal(precision: 12, scale: 2))
        XCTAssertNotNil(translate(call("<", decimal, literal)))
        XCTAssertNil(translate(call("=", BoundExpression.cast(id, to: .int32, isTry: false), int(3, .int32))))
        XCTAssertNil(translate(call("=", BoundExpression.cast(at, to: .date, isTry: false), .literal(.date(3), .date))))
        XCTAssertNil(translate(call("=", BoundExpression.cast(id, to: .string, isTry: false), .literal(.string("3"), .string))))
        let dayAsTimestamp = BoundExpression.cast(day, to: .timestamp(.microsecond, utc: false), isTry: false)
        XCTAssertEqual(translate(call(">=", dayAsTimestamp, .literal(.timestamp(0, .microsecond, utc: false), .timestamp(.microsecond, utc: false)))),
                       .compare(column: "day", .greaterOrEqual, .timestamp(0, .microsecond, utc: false)))
    }

    func testCastLiteralsKeepTheirValue() {
        let text = BoundExpression.cast(.literal(.string("2024-01-31"), .string), to: .date, isTry: false)
        XCTAssertEqual(translate(call("=", day, text)), .compare(column: "day", .equal, .date(Int32(Temporal.days(year: 2024, month: 1, day: 31)))))
        XCTAssertEqual(translate(call("<", id, .cast(int(7, .int32), to: .int64, isTry: false))), .compare(column: "id", .less, .int(7)))
        let rounded = BoundExpression.cast(.literal(.decimal(Decimal128(155, precision: 4, scale: 2)), .decimal(precision: 4, scale: 2)),
                                           to: .decimal(precision: 4, scale: 1), isTry: false)
        XCTAssertNil(translate(call("<", .cast(qty, to: .decimal(precision: 4, scale: 1), isTry: false), rounded)))
    }

    func testBooleanColumnsAndUnknownColumns() {
        XCTAssertEqual(translate(SourceTesting.column(4, .boolean)), .compare(column: "flag", .equal, .boolean(true)))
        XCTAssertNil(translate(call("=", SourceTesting.column(42, .int64), int(1))))
    }

    /// Pruned scans of the sorted fixture keep every row the filter keeps.
    func testPruningNeverLosesMatchingRows() throws {
        let source = try ParquetSource(paths: [SourceTesting.fixture("parquet/sorted.parquet")])
        let id = SourceTesting.column(0, .int64)
        let qty = SourceTesting.column(4, .int32)
        let cases: [(BoundExpression, (Int64, Int64?) -> Bool)] = [
            (call("or", call("<", id, int(10)), call(">", id, int(3990))), { i, _ in i < 10 || i > 3990 }),
            (call("not", call("<", id, int(3000))), { i, _ in !(i < 3000) }),
            (.call("in", [id, int(5), int(2500), int(9999)], .boolean), { i, _ in [5, 2500].contains(i) }),
            (call("is_null", qty), { _, q in q == nil }),
            (call("<>", id, int(1)), { i, _ in i != 1 }),
        ]
        for (filter, expected) in cases {
            source.metrics.reset()
            let rows = try SourceTesting.rows(source, SourceTesting.request([0, 4], filters: [filter], partitions: 2))
            let kept = rows.compactMap { row -> Int64? in
                guard case .int(let i) = row[0] else { return nil }
                let q: Int64? = { if case .int(let v) = row[1] { return v } else { return nil } }()
                return expected(i, q) ? i : nil
            }
            let all = (0..<4000).filter { i in expected(Int64(i), i % 7 == 0 ? nil : Int64(i % 50)) }
            XCTAssertEqual(kept.sorted(), all.map(Int64.init), "\(filter)")
        }
        source.metrics.reset()
        _ = try SourceTesting.rows(source, SourceTesting.request([0], filters: [cases[0].0]))
        XCTAssertEqual(source.metrics.rowGroupsRead, 2)
    }
}
