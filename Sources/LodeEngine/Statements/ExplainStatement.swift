import Foundation
import LodeCore
import LodeExecution
import LodeSQL

extension Session {
    /// `EXPLAIN statement`: the optimized logical plan and the physical operator tree of
    /// the statement's query (for INSERT and CREATE TABLE AS, the query that produces the
    /// rows), one line per row. `EXPLAIN ANALYZE` also runs it and adds the time, rows and
    /// peak memory.
    func explain(_ statement: Statement, analyze: Bool) throws -> QueryResult {
        let query: Query
        switch statement {
        case .query(let q): query = q
        case .insert(let insert): query = insert.source
        case .createTable(let create) where create.query != nil: query = create.query ?? Query(body: .values([]))
        case .copy(let copy):
            guard case .query(let q) = copy.source else { fallthrough }
            query = q
        default:
            throw EngineError(.invalidArgument, "EXPLAIN shows queries, INSERT, CREATE TABLE AS and COPY (query); "
                              + "not \(statement.sql.prefix(40))")
        }
        let prepared = try prepare(query)
        var lines = ["Logical plan:"] + prepared.logical.explain().split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        lines += ["Physical plan:"] + prepared.physical.explain().split(separator: "\n").map { "  " + $0 }
        if analyze {
            let started = Date()
            let result = try prepared.collect()
            let seconds = Date().timeIntervalSince(started)
            lines += ["Execution:",
                      "  rows: \(result.rowCount)",
                      "  time: " + String(format: "%.3f s", seconds),
                      "  peak memory reserved: \(formatBytes(prepared.context.memory.peakReserved))"]
        }
        return .lines(lines, column: "explain")
    }
}
