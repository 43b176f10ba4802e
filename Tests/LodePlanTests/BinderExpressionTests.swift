import XCTest
import LodeCore
import LodeSQL
@testable import LodePlan

final class BinderExpressionTests: XCTestCase {
    /// The bound select-list expressions of `select <list> from t`.
    func expressions(_ list: String) throws -> [BoundExpression] {
        guard case .project(let project) = try bind("select \(list) from t") else {
            throw PlanError(.internal, "expected a projection")
        }
        return project.expressions
    }

    func column(_ plan: LogicalPlan, _ name: String) -> BoundExpression? {
        plan.scans.first?.columns.first { $0.name == name }.map { .column($0.id, $0.type) }
    }

    func testBetweenIsTwoComparisons() throws {
        let value = try expressions("a between 1 and 3, a not between 1 and 3")
        guard case .call("and", let args, .boolean) = value[0] else { return XCTFail("\(value[0])") }
        guard case .call(">=", _, _) = args[0], case .call("<=", _, _) = args[1] else { return XCTFail() }
        guard case .call("not", let negated, .boolean) = value[1], case .call("and", _, _) = negated[0] else { return XCTFail() }
    }

    func testLikeAndNotLike() throws {
        let value = try expressions("b like 'a%', b not ilike 'a%' escape '!'")
        guard case .call("like", let args, .boolean) = value[0] else { return XCTFail() }
        XCTAssertEqual(args.count, 2)
        guard case .call("not", let inner, _) = value[1], case .call("ilike", let three, _) = inner[0] else { return XCTFail() }
        XCTAssertEqual(three.count, 3)
    }

    func testInListCastsToTheCommonType() throws {
        let value = try expressions("a in (1, 2.5), a not in (1, 2)")
        guard case .call("in", let args, .boolean) = value[0] else { return XCTFail() }
        XCTAssertEqual(args.map(\.type), Array(repeating: .decimal(precision: 11, scale: 1), count: 3))
        guard case .call("not", let inner, _) = value[1], case .call("in", let plain, _) = inner[0] else { return XCTFail() }
        XCTAssertEqual(plain.map(\.type), [.int32, .int32, .int32])
    }

    func testSimpleCaseBecomesEqualityTests() throws {
        let value = try expressions("case a when 1 then 'x' when 2 then 'y' else 'z' end, case when a > 1 then c else 0 end")
        guard case .caseWhen(let arms, let otherwise, .string) = value[0] else { return XCTFail() }
        XCTAssertEqual(arms.count, 2)
        guard case .call("=", _, .boolean) = arms[0].condition else { return XCTFail() }
        XCTAssertEqual(otherwise, .literal(.string("z"), .string))
        guard case .caseWhen(let searched, let zero, .decimal(15, 2)) = value[1] else { return XCTFail("\(value[1])") }
        XCTAssertEqual(searched[0].result.type, .decimal(precision: 15, scale: 2))
        XCTAssertEqual(zero, .cast(.literal(.int(0), .int32), to: .decimal(precision: 15, scale: 2), isTry: false))
    }

    func testCasts() throws {
        let value = try expressions("cast(a as bigint), try_cast(b as int), a::double, cast(a as integer), b::decimal(10,2)")
        XCTAssertEqual(value[0].type, .int64)
        guard case .cast(_, .int32, true) = value[1] else { return XCTFail() }
        XCTAssertEqual(value[2].type, .float64)
        guard case .column = value[3] else { return XCTFail("a cast to its own type is dropped") }
        XCTAssertEqual(value[4].type, .decimal(precision: 10, scale: 2))
    }

    func testExtractSubstringConcatAndNegate() throws {
        let value = try expressions("extract(year from d), substring(b from 2 for 3), substring(b from 2), b || 'x', -a, -5, +a")
        guard case .call("date_part", let part, .int64) = value[0] else { return XCTFail() }
        XCTAssertEqual(part[0], .literal(.string("year"), .string))
        guard case .call("substring", let sub, .string) = value[1] else { return XCTFail() }
        XCTAssertEqual(sub.count, 3)
        guard case .call("substring", let from, .string) = value[2] else { return XCTFail() }
        XCTAssertEqual(from.count, 2)
        guard case .call("||", _, .string) = value[3] else { return XCTFail() }
        guard case .call("negate", _, .int32) = value[4] else { return XCTFail() }
        XCTAssertEqual(value[5], .literal(.int(-5), .int32))
        guard case .column = value[6] else { return XCTFail() }
    }

    func testIntervalArithmetic() throws {
        let plan = try bind("select d + interval '1' month, d - interval '2 days 3 hours', interval '1 year' + d from t")
        guard case .project(let project) = plan else { return XCTFail() }
        let d = try XCTUnwrap(column(plan, "d"))
        XCTAssertEqual(project.expressions[0], .call("add_interval", [
            .cast(d, to: .timestampNTZ, isTry: false), .literal(.int(1), .int32), .literal(.int(0), .int32), .literal(.int(0), .int64),
        ], .timestampNTZ))
        XCTAssertEqual(project.expressions[1], .call("add_interval", [
            .cast(d, to: .timestampNTZ, isTry: false), .literal(.int(0), .int32), .literal(.int(-2), .int32),
            .literal(.int(-3 * 3_600_000_000), .int64),
        ], .timestampNTZ))
        guard case .call("add_interval", let args, _) = project.expressions[2] else { return XCTFail() }
        XCTAssertEqual(args[1], .literal(.int(12), .int32))
        let events = try bind("select ts - interval '1' second from silver.events")
        XCTAssertEqual(events.columns[0].type, .timestampUTC)
    }

    func testTypedLiterals() throws {
        let value = try expressions("date '2024-01-31', timestamp '1970-01-01 00:00:01', timestamptz '1970-01-01 00:00:00+01'")
        XCTAssertEqual(value[0], .literal(.date(Int32(Temporal.days(year: 2024, month: 1, day: 31))), .date))
        XCTAssertEqual(value[1], .literal(.timestamp(1_000_000, .microsecond, utc: false), .timestampNTZ))
        XCTAssertEqual(value[2], .literal(.timestamp(-3_600_000_000, .microsecond, utc: true), .timestampUTC))
    }

    func testIsPredicates() throws {
        let value = try expressions("a is null, a is not null, a is not distinct from 1, a is distinct from 1, (a > 1) is true, (a > 1) is not false")
        let names = value.compactMap { if case .call(let name, _, .boolean) = $0 { return name } else { return nil } }
        XCTAssertEqual(names, ["is_null", "is_not_null", "is_not_distinct_from", "is_distinct_from", "is_not_distinct_from", "is_distinct_from"])
        guard case .call(_, let args, _) = value[4] else { return XCTFail() }
        XCTAssertEqual(args[1], .literal(.boolean(true), .boolean))
    }

    func testDateComparedWithStringCastsTheString() throws {
        let plan = try bind("select a from t where d >= '2024-01-01'")
        guard case .call(">=", let args, _) = plan.filters[0].predicate else { return XCTFail() }
        XCTAssertEqual(args[1], .cast(.literal(.string("2024-01-01"), .string), to: .date, isTry: false))
    }

    func testSubqueries() throws {
        let plan = try bind("""
            select a, (select max(x) from u) from t
            where exists (select 1 from u where u.a = t.a) and a in (select x from u) and b not in (select y from u where x = c)
            """)
        guard case .project(let project) = plan, case .subquery(let scalar) = project.expressions[1] else { return XCTFail() }
        XCTAssertEqual(scalar.kind, .scalar)
        XCTAssertEqual(scalar.type, .int64)
        XCTAssertTrue(scalar.outerColumns.isEmpty)
        var kinds: [String] = []
        var outer: [[String]] = []
        plan.filters[0].predicate.forEachSubquery { subquery in
            switch subquery.kind {
            case .scalar: kinds.append("scalar")
            case .exists: kinds.append("exists")
            case .inSubquery(let value):
                kinds.append("in")
                XCTAssertEqual(value.type, subquery.plan.columns[0].type)
            }
            outer.append(subquery.outerColumns.map(\.name))
        }
        XCTAssertEqual(kinds, ["exists", "in", "in"])
        XCTAssertEqual(outer, [["a"], [], ["c"]])
    }

    func testListLiteral() throws {
        let value = try expressions("[1, 2, a]")
        guard case .call("list_value", let args, .list) = value[0] else { return XCTFail() }
        XCTAssertEqual(args.count, 3)
    }

    func testResolveType() throws {
        let cases: [(String, DataType)] = [
            ("INTEGER", .int32), ("BIGINT", .int64), ("DECIMAL(15,2)", .decimal(precision: 15, scale: 2)),
            ("DECIMAL", .decimal(precision: 18, scale: 3)), ("NUMERIC(10)", .decimal(precision: 10, scale: 0)),
            ("VARCHAR(20)", .string), ("TEXT", .string), ("DOUBLE PRECISION", .float64), ("REAL", .float32),
            ("TIMESTAMP", .timestampNTZ), ("TIMESTAMPTZ", .timestampUTC), ("TIMESTAMP WITH TIME ZONE", .timestampUTC),
            ("DATE", .date), ("BOOLEAN", .boolean), ("BLOB", .binary), ("INT[]", .list(Field("element", .int32))),
            ("STRUCT(a INT, b VARCHAR)", .struct([Field("a", .int32), Field("b", .string)])),
            ("MAP(VARCHAR, INT)", .map(key: Field("key", .string, nullable: false), value: Field("value", .int32))),
        ]
        for (text, type) in cases {
            guard case .cast(_, let name, _) = try SQL.parseExpression("x::\(text)") else { return XCTFail(text) }
            XCTAssertEqual(try Binder.resolveType(name), type, text)
        }
        XCTAssertThrowsError(try Binder.resolveType(.named("decimal", parameters: ["2", "3"])))
        XCTAssertThrowsError(try Binder.resolveType(.named("wat")))
    }

    func testIdentifierLocationIsNotPartOfEquality() throws {
        let parsed = try SQL.parseExpression("  total")
        guard case .column(let name) = parsed else { return XCTFail() }
        XCTAssertEqual(name.parts[0].location, SourceLocation(line: 1, column: 3, offset: 2))
        XCTAssertEqual(parsed, .column(QualifiedName([Identifier("total")])))
        XCTAssertEqual(Set([Identifier("a", location: SourceLocation(line: 1, column: 1, offset: 0)), Identifier("a")]).count, 1)
    }
}
