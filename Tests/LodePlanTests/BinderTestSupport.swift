import Foundation
import XCTest
import LodeCore
import LodeSQL
@testable import LodePlan

/// A table known only by its schema; binding never scans.
final class SchemaTable: TableSource, @unchecked Sendable {
    let displayName: String
    let schema: Schema
    var estimatedRowCount: Int? { nil }
    /// The version or function arguments it was opened with.
    let openedWith: String

    init(_ name: String, _ fields: [Field], openedWith: String = "") {
        displayName = name
        schema = Schema(fields)
        self.openedWith = openedWith
    }

    struct NotScannable: Error {}

    func scan(_ request: ScanRequest) throws -> [any BatchStream] { throw NotScannable() }
}

/// An in-memory catalog of schemas, with a `read_parquet` and a `delta_scan` table function.
struct SchemaCatalog: Catalog, TableListing {
    let tables: [String: [Field]]

    func table(_ name: [String], version: TableVersion?) throws -> (any TableSource)? {
        let key = name.joined(separator: ".")
        guard let fields = tables[key] ?? tables[name.last ?? ""] else { return nil }
        return SchemaTable(key, fields, openedWith: version.map { "\($0)" } ?? "")
    }

    func tableFunction(_ name: String, positional: [Value], named: [String: Value]) throws -> (any TableSource)? {
        guard name == "read_parquet" || name == "delta_scan" else { return nil }
        let args = positional.map(\.description) + named.keys.sorted().map { "\($0)=\(named[$0]!)" }
        return SchemaTable("\(name)", [Field("a", .int64), Field("b", .string)], openedWith: args.joined(separator: ","))
    }

    func tableNames() -> [[String]] { tables.keys.sorted().map { $0.split(separator: ".").map(String.init) } }

    static let money = DataType.decimal(precision: 15, scale: 2)

    /// The TPC-H schema with keys BIGINT, money DECIMAL(15,2), dates DATE and text VARCHAR.
    static let tpch = SchemaCatalog(tables: [
        "nation": [Field("n_nationkey", .int64), Field("n_name", .string), Field("n_regionkey", .int64), Field("n_comment", .string)],
        "region": [Field("r_regionkey", .int64), Field("r_name", .string), Field("r_comment", .string)],
        "part": [Field("p_partkey", .int64), Field("p_name", .string), Field("p_mfgr", .string), Field("p_brand", .string),
                 Field("p_type", .string), Field("p_size", .int32), Field("p_container", .string), Field("p_retailprice", money),
                 Field("p_comment", .string)],
        "supplier": [Field("s_suppkey", .int64), Field("s_name", .string), Field("s_address", .string), Field("s_nationkey", .int64),
                     Field("s_phone", .string), Field("s_acctbal", money), Field("s_comment", .string)],
        "partsupp": [Field("ps_partkey", .int64), Field("ps_suppkey", .int64), Field("ps_availqty", .int32),
                     Field("ps_supplycost", money), Field("ps_comment", .string)],
        "customer": [Field("c_custkey", .int64), Field("c_name", .string), Field("c_address", .string), Field("c_nationkey", .int64),
                     Field("c_phone", .string), Field("c_acctbal", money), Field("c_mktsegment", .string), Field("c_comment", .string)],
        "orders": [Field("o_orderkey", .int64), Field("o_custkey", .int64), Field("o_orderstatus", .string), Field("o_totalprice", money),
                   Field("o_orderdate", .date), Field("o_orderpriority", .string), Field("o_clerk", .string),
                   Field("o_shippriority", .int32), Field("o_comment", .string)],
        "lineitem": [Field("l_orderkey", .int64), Field("l_partkey", .int64), Field("l_suppkey", .int64), Field("l_linenumber", .int32),
                     Field("l_quantity", money), Field("l_extendedprice", money), Field("l_discount", money), Field("l_tax", money),
                     Field("l_returnflag", .string), Field("l_linestatus", .string), Field("l_shipdate", .date),
                     Field("l_commitdate", .date), Field("l_receiptdate", .date), Field("l_shipinstruct", .string),
                     Field("l_shipmode", .string), Field("l_comment", .string)],
        "t": [Field("a", .int32), Field("b", .string), Field("c", money), Field("d", .date), Field("e", .float64)],
        "u": [Field("a", .int32), Field("x", .int64), Field("y", .string)],
        "silver.events": [Field("id", .int64), Field("ts", .timestampUTC)],
    ])
}

/// Signatures the shared registry does not know yet, with the contract's result types, so
/// that the binder can be tested on whole queries. The registry is consulted first.
enum StubFunctions {
    static let lookup = FunctionLookup(
        kind: { name in
            if let kind = FunctionRegistry.kind(of: name) { return kind }
            if aggregates.contains(name) { return .aggregate }
            if windows.contains(name) { return .window }
            return scalars.contains(name) ? .scalar : nil
        },
        scalar: { name, args in
            if FunctionRegistry.kind(of: name) == .scalar { return try FunctionRegistry.resolveScalar(name, arguments: args) }
            return try scalar(name, args)
        },
        aggregate: { name, args, distinct in
            if FunctionRegistry.kind(of: name) == .aggregate { return try FunctionRegistry.resolveAggregate(name, arguments: args, isDistinct: distinct) }
            return try aggregate(name, args)
        },
        window: { name, args in
            if FunctionRegistry.kind(of: name) != nil { return try FunctionRegistry.resolveWindow(name, arguments: args) }
            if aggregates.contains(name) { return try aggregate(name, args) }
            guard windows.contains(name) else { throw FunctionRegistry.unknownFunction(name) }
            return ResolvedFunction(name: name, argumentTypes: args, returnType: name == "lag" ? (args.first ?? .int64) : .int64)
        })

    static let scalars: Set<String> = ["+", "-", "*", "/", "//", "%", "negate", "like", "ilike", "substring", "date_part", "in",
                                       "coalesce", "concat", "list_value", "upper"]
    static let aggregates: Set<String> = ["sum", "avg"]
    static let windows: Set<String> = ["rank", "lag"]

    static func scalar(_ name: String, _ args: [DataType]) throws -> ResolvedFunction {
        switch name {
        case "+", "-", "*", "%", "//": return try arithmetic(name, args)
        case "/": return ResolvedFunction(name: name, argumentTypes: [.float64, .float64], returnType: .float64)
        case "negate": return ResolvedFunction(name: name, argumentTypes: args, returnType: args.first ?? .int32)
        case "like", "ilike": return ResolvedFunction(name: name, argumentTypes: args.map { _ in .string }, returnType: .boolean)
        case "substring": return ResolvedFunction(name: name, argumentTypes: [.string] + args.dropFirst().map { _ in .int64 }, returnType: .string)
        case "date_part": return ResolvedFunction(name: name, argumentTypes: args, returnType: .int64)
        case "in": return ResolvedFunction(name: name, argumentTypes: args, returnType: .boolean)
        case "coalesce":
            let common = args.dropFirst().reduce(args.first ?? .int32) { TypeCoercion.commonType($0, $1) ?? $0 }
            return ResolvedFunction(name: name, argumentTypes: args.map { _ in common }, returnType: common)
        case "concat", "upper": return ResolvedFunction(name: name, argumentTypes: args.map { _ in .string }, returnType: .string)
        case "list_value": return ResolvedFunction(name: name, argumentTypes: args, returnType: .list(Field("element", args.first ?? .int32)))
        default: throw FunctionRegistry.unknownFunction(name)
        }
    }

    static func arithmetic(_ name: String, _ args: [DataType]) throws -> ResolvedFunction {
        guard args.count == 2, let common = TypeCoercion.commonType(args[0], args[1]), common.isNumeric else {
            throw PlanError(.type, "no operator \(name) for \(args.map(\.description).joined(separator: " and "))")
        }
        guard case .decimal = common else { return ResolvedFunction(name: name, argumentTypes: [common, common], returnType: common) }
        let a = args[0].isInteger ? TypeCoercion.integerAsDecimal(args[0]) : args[0]
        let b = args[1].isInteger ? TypeCoercion.integerAsDecimal(args[1]) : args[1]
        guard case .decimal(let p1, let s1) = a, case .decimal(let p2, let s2) = b else {
            return ResolvedFunction(name: name, argumentTypes: [common, common], returnType: common)
        }
        if name == "*" {
            let precision = p1 <= 18 && p2 <= 18 ? min(18, p1 + p2) : min(38, p1 + p2)
            return ResolvedFunction(name: name, argumentTypes: [a, b], returnType: .decimal(precision: precision, scale: s1 + s2))
        }
        let scale = max(s1, s2)
        return ResolvedFunction(name: name, argumentTypes: [a, b],
                                returnType: .decimal(precision: min(38, max(p1 - s1, p2 - s2) + scale + 1), scale: scale))
    }

    static func aggregate(_ name: String, _ args: [DataType]) throws -> ResolvedFunction {
        guard args.count == 1, let arg = args.first else { throw PlanError(.type, "\(name) takes one argument") }
        if name == "avg" { return ResolvedFunction(name: name, argumentTypes: args, returnType: .float64) }
        switch arg {
        case .decimal(_, let scale): return ResolvedFunction(name: name, argumentTypes: args, returnType: .decimal(precision: 38, scale: scale))
        case _ where arg.isInteger: return ResolvedFunction(name: name, argumentTypes: args, returnType: .int64)
        case .float32, .float64: return ResolvedFunction(name: name, argumentTypes: args, returnType: .float64)
        default: throw PlanError(.type, "\(name) does not take \(arg)")
        }
    }
}

extension XCTestCase {
    /// A binder over the TPC-H catalog with the stub functions.
    func makeBinder(_ catalog: SchemaCatalog = .tpch, ids: ColumnIDGenerator = ColumnIDGenerator()) -> Binder {
        var binder = Binder(catalog: catalog, ids: ids)
        binder.functions = StubFunctions.lookup
        return binder
    }

    /// Parses and binds one query.
    func bind(_ sql: String, catalog: SchemaCatalog = .tpch) throws -> LogicalPlan {
        guard case .query(let query) = try SQL.parseStatement(sql) else {
            throw PlanError(.internal, "not a query: \(sql)")
        }
        return try makeBinder(catalog).bind(query)
    }

    /// The error binding `sql` throws, failing the test when it binds.
    func bindingError(_ sql: String, file: StaticString = #filePath, line: UInt = #line) -> PlanError? {
        do {
            _ = try bind(sql)
            XCTFail("expected an error binding \(sql)", file: file, line: line)
        } catch let error as PlanError {
            return error
        } catch {
            XCTFail("expected a PlanError, got \(error)", file: file, line: line)
        }
        return nil
    }

    /// `name TYPE` for each output column.
    func outputs(_ plan: LogicalPlan) -> [String] {
        plan.columns.map { "\($0.name) \($0.type)" }
    }
}

extension LogicalPlan {
    /// The first node, depth first, for which `match` returns a value.
    func first<T>(_ match: (LogicalPlan) -> T?) -> T? {
        if let found = match(self) { return found }
        for child in children {
            if let found = child.first(match) { return found }
        }
        return nil
    }

    /// Every node, depth first, for which `match` returns a value.
    func all<T>(_ match: (LogicalPlan) -> T?) -> [T] {
        var found: [T] = []
        if let value = match(self) { found.append(value) }
        for child in children { found += child.all(match) }
        return found
    }

    var scans: [Scan] { all { if case .scan(let s) = $0 { return s } else { return nil } } }
    var filters: [Filter] { all { if case .filter(let f) = $0 { return f } else { return nil } } }
    var joins: [Join] { all { if case .join(let j) = $0 { return j } else { return nil } } }
    var aggregates: [Aggregate] { all { if case .aggregate(let a) = $0 { return a } else { return nil } } }
    var windows: [Window] { all { if case .window(let w) = $0 { return w } else { return nil } } }
    var sorts: [Sort] { all { if case .sort(let s) = $0 { return s } else { return nil } } }
    var projects: [Project] { all { if case .project(let p) = $0 { return p } else { return nil } } }

    /// The operator names from the root down the first child: `project sort aggregate filter scan`.
    var spine: String {
        var names: [String] = []
        var node: LogicalPlan? = self
        while let current = node {
            switch current {
            case .scan: names.append("scan")
            case .values: names.append("values")
            case .filter: names.append("filter")
            case .project: names.append("project")
            case .aggregate: names.append("aggregate")
            case .join: names.append("join")
            case .sort: names.append("sort")
            case .limit: names.append("limit")
            case .window: names.append("window")
            case .setOperation: names.append("set")
            }
            node = current.children.first
        }
        return names.joined(separator: " ")
    }
}
