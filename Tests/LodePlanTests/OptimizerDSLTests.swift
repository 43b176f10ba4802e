import XCTest
import LodeCore
@testable import LodePlan

/// A table with a schema and a row estimate, for plans built by hand.
final class FakeTable: TableSource, @unchecked Sendable {
    let displayName: String
    let schema: Schema
    let estimatedRowCount: Int?
    /// Distinct-value counts by column name, as a source's statistics would give them.
    var distinct: [String: Int] = [:]

    init(_ name: String, _ columns: [(String, DataType)], rows: Int?, distinct: [String: Int] = [:]) {
        displayName = name
        schema = Schema(columns.map { Field($0.0, $0.1) })
        estimatedRowCount = rows
        self.distinct = distinct
    }

    func scan(_ request: ScanRequest) throws -> [any BatchStream] { [] }
    func distinctCount(ofColumn index: Int) -> Int? { distinct[schema.fields[index].name] }
}

/// Folds `+`, `*`, `=`, `/` on integers; throws on division by zero.
struct FakeEvaluator: ConstantEvaluator {
    struct DivisionByZero: Error {}

    func evaluate(_ e: BoundExpression) throws -> Value {
        switch e {
        case .literal(let v, _): return v
        case .call(let name, let args, _) where args.count == 2:
            guard case .int(let a) = try evaluate(args[0]), case .int(let b) = try evaluate(args[1]) else { return .null }
            switch name {
            case "+": return .int(a + b)
            case "*": return .int(a * b)
            case "=": return .boolean(a == b)
            case "/": if b == 0 { throw DivisionByZero() } else { return .int(a / b) }
            default: return .null
            }
        default: return .null
        }
    }
}

/// Builds logical plans for optimizer tests, handing out ids from 0 in creation order.
final class PlanDSL {
    let ids = ColumnIDGenerator()

    func context(evaluator: (any ConstantEvaluator)? = nil) -> OptimizerContext {
        OptimizerContext(ids: ids, evaluator: evaluator)
    }

    /// A scan of every column of `table`.
    func scan(_ table: FakeTable) -> LogicalPlan {
        let columns = table.schema.fields.map { PlanColumn(id: ids.next(), name: $0.name, type: $0.type) }
        return .scan(Scan(source: table, columns: columns, sourceIndices: Array(columns.indices)))
    }

    func scan(_ name: String, _ columns: [String], rows: Int? = 1000, type: DataType = .int32) -> LogicalPlan {
        scan(FakeTable(name, columns.map { ($0, type) }, rows: rows))
    }

    func filter(_ input: LogicalPlan, _ predicate: BoundExpression) -> LogicalPlan {
        .filter(Filter(input: input, predicate: predicate))
    }

    /// Projects `outputs`: a plain column keeps its id, anything else gets a new one.
    func project(_ input: LogicalPlan, _ outputs: [(String, BoundExpression)]) -> LogicalPlan {
        let columns = outputs.map { name, e -> PlanColumn in
            if case .column(let id, let type) = e { return PlanColumn(id: id, name: name, type: type) }
            return PlanColumn(id: ids.next(), name: name, type: e.type)
        }
        return .project(Project(input: input, expressions: outputs.map(\.1), columns: columns))
    }

    func project(_ input: LogicalPlan, _ names: [String]) -> LogicalPlan {
        project(input, names.map { ($0, col(input, $0)) })
    }

    func join(_ kind: JoinKind = .inner, _ left: LogicalPlan, _ right: LogicalPlan, _ condition: BoundExpression? = nil) -> LogicalPlan {
        .join(Join(kind: kind, left: left, right: right, condition: condition))
    }

    /// Comma joins: a left-deep tree of cross products.
    func cross(_ inputs: LogicalPlan...) -> LogicalPlan {
        inputs.dropFirst().reduce(inputs[0]) { join(.inner, $0, $1) }
    }

    func aggregate(_ input: LogicalPlan, groups: [String], _ aggregates: [(String, String, [BoundExpression])]) -> LogicalPlan {
        let groupExpressions = groups.map { col(input, $0) }
        let groupColumns = zip(groups, groupExpressions).map { PlanColumn(id: ids.next(), name: $0, type: $1.type) }
        let calls = aggregates.map { _, name, args in
            AggregateCall(name: name, arguments: args, type: name.hasPrefix("count") ? .int64 : (args.first?.type ?? .int64))
        }
        let columns = zip(aggregates, calls).map { PlanColumn(id: ids.next(), name: $0.0, type: $1.type) }
        return .aggregate(Aggregate(input: input, groups: groupExpressions, groupColumns: groupColumns, aggregates: calls,
                                    aggregateColumns: columns))
    }

    func sort(_ input: LogicalPlan, _ names: [String], limit: Int? = nil) -> LogicalPlan {
        .sort(Sort(input: input, keys: names.map { SortKey(col(input, $0)) }, limit: limit))
    }

    func limit(_ input: LogicalPlan, _ count: Int?, offset: Int = 0) -> LogicalPlan {
        .limit(Limit(input: input, limit: count, offset: offset))
    }

    func subquery(_ kind: BoundSubquery.Kind, _ plan: LogicalPlan, outer: [PlanColumn] = []) -> BoundExpression {
        let type: DataType
        if case .scalar = kind { type = plan.columns.first?.type ?? .int32 } else { type = .boolean }
        return .subquery(BoundSubquery(kind: kind, plan: plan, outerColumns: outer, type: type))
    }
}

/// The column of `plan` named `name` (the last one when several share it).
func col(_ plan: LogicalPlan, _ name: String) -> BoundExpression {
    column(plan, name).reference
}

func column(_ plan: LogicalPlan, _ name: String) -> PlanColumn {
    guard let c = plan.columns.last(where: { $0.name == name }) else {
        XCTFail("no column \(name) in \(plan.columns)")
        return PlanColumn(id: ColumnID(-1), name: name, type: .int32)
    }
    return c
}

func lit(_ v: Int) -> BoundExpression { .literal(.int(Int64(v)), .int32) }
func str(_ s: String) -> BoundExpression { .literal(.string(s), .string) }
func call(_ name: String, _ args: BoundExpression...) -> BoundExpression {
    let type: DataType = ["+", "-", "*", "/"].contains(name) ? (args.first?.type ?? .int32) : .boolean
    return .call(name, args, type)
}
func eq(_ a: BoundExpression, _ b: BoundExpression) -> BoundExpression { .call("=", [a, b], .boolean) }
func and(_ parts: BoundExpression...) -> BoundExpression { BoundExpression.conjunction(parts) ?? .trueLiteral }
func and(_ parts: [BoundExpression]) -> BoundExpression { BoundExpression.conjunction(parts) ?? .trueLiteral }
func not(_ e: BoundExpression) -> BoundExpression { .call("not", [e], .boolean) }

/// Runs `rules` and compares the explained plan line by line.
func assertOptimized(_ plan: LogicalPlan, _ rules: [any OptimizerRule], _ dsl: PlanDSL, evaluator: (any ConstantEvaluator)? = nil,
                     _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
    do {
        let optimized = try Optimizer(rules: rules).optimize(plan, context: dsl.context(evaluator: evaluator))
        let actual = optimized.explain()
        XCTAssertEqual(actual, expected, "\n--- actual ---\n\(actual)\n--- expected ---\n\(expected)", file: file, line: line)
    } catch {
        XCTFail("optimizing threw \(error)", file: file, line: line)
    }
}

final class OptimizerDSLTests: XCTestCase {
    func testIdsFollowCreationOrderAndColumnsResolveByName() {
        let q = PlanDSL()
        let t = q.scan("t", ["a", "b"])
        let p = q.project(t, [("c", call("+", col(t, "a"), lit(1)))])
        XCTAssertEqual(t.columns.map(\.id), [ColumnID(0), ColumnID(1)])
        XCTAssertEqual(column(p, "c").id, ColumnID(2))
        XCTAssertEqual(col(t, "b"), .column(ColumnID(1), .int32))
    }
}
