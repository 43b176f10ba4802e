import Foundation
import XCTest
import LodeCore
import LodeSQL
@testable import LodePlan

final class BinderTPCHTests: XCTestCase {
    /// `<repo>/../shared/tpch`, found from this file's path.
    static var queryFolder: String {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/../shared/tpch"
    }

    static func loadQuery(_ number: Int) throws -> String {
        let path = queryFolder + "/" + (number < 10 ? "q0\(number).sql" : "q\(number).sql")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PlanError(.internal, "TPC-H query \(path) is missing: expected <repo>/../shared/tpch/q01.sql ... q22.sql")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Output names and types as DuckDB reports them for the same schema (Q12's sums of
    /// integers are BIGINT where DuckDB says HUGEINT: a deliberate difference).
    static let expected: [Int: [String]] = [
        1: ["l_returnflag VARCHAR", "l_linestatus VARCHAR", "sum_qty DECIMAL(38,2)", "sum_base_price DECIMAL(38,2)",
            "sum_disc_price DECIMAL(38,4)", "sum_charge DECIMAL(38,6)", "avg_qty DOUBLE", "avg_price DOUBLE", "avg_disc DOUBLE",
            "count_order BIGINT"],
        2: ["s_acctbal DECIMAL(15,2)", "s_name VARCHAR", "n_name VARCHAR", "p_partkey BIGINT", "p_mfgr VARCHAR",
            "s_address VARCHAR", "s_phone VARCHAR", "s_comment VARCHAR"],
        3: ["l_orderkey BIGINT", "revenue DECIMAL(38,4)", "o_orderdate DATE", "o_shippriority INT"],
        4: ["o_orderpriority VARCHAR", "order_count BIGINT"],
        5: ["n_name VARCHAR", "revenue DECIMAL(38,4)"],
        6: ["revenue DECIMAL(38,4)"],
        7: ["supp_nation VARCHAR", "cust_nation VARCHAR", "l_year BIGINT", "revenue DECIMAL(38,4)"],
        8: ["o_year BIGINT", "mkt_share DOUBLE"],
        9: ["nation VARCHAR", "o_year BIGINT", "sum_profit DECIMAL(38,4)"],
        10: ["c_custkey BIGINT", "c_name VARCHAR", "revenue DECIMAL(38,4)", "c_acctbal DECIMAL(15,2)", "n_name VARCHAR",
             "c_address VARCHAR", "c_phone VARCHAR", "c_comment VARCHAR"],
        11: ["ps_partkey BIGINT", "value DECIMAL(38,2)"],
        12: ["l_shipmode VARCHAR", "high_line_count BIGINT", "low_line_count BIGINT"],
        13: ["c_count BIGINT", "custdist BIGINT"],
        14: ["promo_revenue DOUBLE"],
        15: ["s_suppkey BIGINT", "s_name VARCHAR", "s_address VARCHAR", "s_phone VARCHAR", "total_revenue DECIMAL(38,4)"],
        16: ["p_brand VARCHAR", "p_type VARCHAR", "p_size INT", "supplier_cnt BIGINT"],
        17: ["avg_yearly DOUBLE"],
        18: ["c_name VARCHAR", "c_custkey BIGINT", "o_orderkey BIGINT", "o_orderdate DATE", "o_totalprice DECIMAL(15,2)",
             "sum(l_quantity) DECIMAL(38,2)"],
        19: ["revenue DECIMAL(38,4)"],
        20: ["s_name VARCHAR", "s_address VARCHAR"],
        21: ["s_name VARCHAR", "numwait BIGINT"],
        22: ["cntrycode VARCHAR", "numcust BIGINT", "totacctbal DECIMAL(38,2)"],
    ]

    func testAllTwentyTwoQueriesBindWithDuckDBNamesAndTypes() throws {
        for number in 1...22 {
            let sql = try Self.loadQuery(number)
            do {
                let plan = try bind(sql)
                XCTAssertEqual(outputs(plan), Self.expected[number], "Q\(number)")
            } catch {
                XCTFail("Q\(number): \(error)")
            }
        }
    }

    func testQ1GroupsFiltersAndSorts() throws {
        let plan = try bind(try Self.loadQuery(1))
        XCTAssertEqual(plan.spine, "sort project aggregate filter scan")
        let aggregate = try XCTUnwrap(plan.aggregates.first)
        XCTAssertEqual(aggregate.groupColumns.map(\.name), ["l_returnflag", "l_linestatus"])
        XCTAssertEqual(aggregate.aggregates.map(\.name), ["sum", "sum", "sum", "sum", "avg", "avg", "avg", "count_star"])
        let filter = try XCTUnwrap(plan.filters.first)
        guard case .call("<=", let args, .boolean) = filter.predicate, case .call("add_interval", let interval, .timestampNTZ) = args[1] else {
            return XCTFail("\(filter.predicate)")
        }
        XCTAssertEqual(args[0].type, .timestampNTZ)
        XCTAssertEqual(interval[0], .cast(.literal(.date(Int32(Temporal.days(year: 1998, month: 12, day: 1))), .date), to: .timestampNTZ, isTry: false))
        XCTAssertEqual(Array(interval.dropFirst()), [.literal(.int(0), .int32), .literal(.int(-90), .int32), .literal(.int(0), .int64)])
        let sort = try XCTUnwrap(plan.sorts.first)
        XCTAssertEqual(sort.keys.map(\.ascending), [true, true])
        XCTAssertEqual(sort.keys.map(\.nullsFirst), [false, false])
    }

    func testQ15BindsTheCommonTableTwiceWithFreshIDs() throws {
        let plan = try bind(try Self.loadQuery(15))
        var scans = plan.scans.map(\.source.displayName)
        var subqueryScans: [String] = []
        var lineitemIDs: [[ColumnID]] = plan.scans.filter { $0.source.displayName == "lineitem" }.map { $0.columns.map(\.id) }
        for filter in plan.filters {
            filter.predicate.forEachSubquery { subquery in
                subqueryScans += subquery.plan.scans.map(\.source.displayName)
                lineitemIDs += subquery.plan.scans.filter { $0.source.displayName == "lineitem" }.map { $0.columns.map(\.id) }
                XCTAssertTrue(subquery.outerColumns.isEmpty)
            }
        }
        scans += subqueryScans
        XCTAssertEqual(scans.sorted(), ["lineitem", "lineitem", "supplier"])
        XCTAssertEqual(lineitemIDs.count, 2)
        XCTAssertTrue(Set(lineitemIDs[0]).isDisjoint(with: lineitemIDs[1]))
    }

    func testQ17CorrelatedSubqueryListsTheOuterColumn() throws {
        let plan = try bind(try Self.loadQuery(17))
        var outer: [[String]] = []
        for filter in plan.filters { filter.predicate.forEachSubquery { outer.append($0.outerColumns.map(\.name)) } }
        XCTAssertEqual(outer, [["p_partkey"]])
        let partKey = try XCTUnwrap(plan.scans.first { $0.source.displayName == "part" }?.columns.first)
        var subqueryOuter: [ColumnID] = []
        for filter in plan.filters { filter.predicate.forEachSubquery { subqueryOuter += $0.outerColumns.map(\.id) } }
        XCTAssertEqual(subqueryOuter, [partKey.id])
    }
}

extension BoundExpression {
    /// Calls `body` on each subquery in the expression (not inside other subqueries).
    func forEachSubquery(_ body: (BoundSubquery) -> Void) {
        switch self {
        case .column, .literal: break
        case .cast(let inner, _, _): inner.forEachSubquery(body)
        case .call(_, let args, _): for arg in args { arg.forEachSubquery(body) }
        case .caseWhen(let branches, let otherwise, _):
            for branch in branches {
                branch.condition.forEachSubquery(body)
                branch.result.forEachSubquery(body)
            }
            otherwise?.forEachSubquery(body)
        case .subquery(let subquery): body(subquery)
        }
    }
}
