import Foundation
import LodeCore
import LodeDelta
import LodeExecution
import LodePlan
import LodeSQL

/// Runs SQL over a lake: queries, EXPLAIN, DDL and DML into Delta tables, COPY to files.
///
/// ```swift
/// let session = try Session(lakeRoot: "/data/lake")
/// try session.execute("CREATE TABLE silver.orders (id BIGINT NOT NULL, amount DECIMAL(10,2))")
/// try session.execute("INSERT INTO silver.orders VALUES (1, 9.99), (2, 20)")
/// let result = try session.execute("SELECT sum(amount) FROM silver.orders")
/// print(ResultRenderer(format: .table).render(result))
/// ```
///
/// `layer.table` names the Delta table in the folder `<lake>/<layer>/<table>`. Every
/// statement runs on its own execution context, so a failed statement (bad SQL, an
/// unknown name, a division by zero, the memory limit) leaves the session usable.
/// A session runs one statement at a time.
public final class Session {
    public let options: SessionOptions
    /// The lake's folder, `nil` when the session only reads files.
    public let lakeRoot: String?
    /// Resolves table names and table functions for queries.
    public let catalog: LakeCatalog

    public init(lakeRoot: String?, options: SessionOptions = .init()) throws {
        if let lakeRoot {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: lakeRoot, isDirectory: &isFolder), isFolder.boolValue else {
                throw EngineError(.invalidArgument, "the lake root \(lakeRoot) is not a folder")
            }
        }
        self.lakeRoot = lakeRoot.map { $0.hasSuffix("/") && $0.count > 1 ? String($0.dropLast()) : $0 }
        self.options = options
        self.catalog = LakeCatalog(lakeRoot: self.lakeRoot)
    }

    /// Runs one statement; a query returns its rows, DDL and DML a one-row `Count`.
    @discardableResult
    public func execute(_ sql: String) throws -> QueryResult {
        try execute(statement: try SQL.parseStatement(sql))
    }

    /// Runs `;`-separated statements in order, returning the last one's result
    /// (an empty result for an empty script). Stops at the first error.
    @discardableResult
    public func executeScript(_ sql: String) throws -> QueryResult {
        var last = QueryResult.empty
        for statement in try SQL.parseScript(sql) { last = try execute(statement: statement) }
        return last
    }

    /// Runs a parsed statement. Errors are ``EngineError``, `PlanError`, `ExecutionError`
    /// or `SQLError`; errors of the layers below (a Delta conflict, a file that does not
    /// parse) arrive as ``EngineError``s carrying their message.
    @discardableResult
    public func execute(statement: Statement) throws -> QueryResult {
        do {
            return try run(statement)
        } catch let error as EngineError {
            throw error
        } catch let error as PlanError {
            throw error
        } catch let error as ExecutionError {
            throw error
        } catch let error as SQLError {
            throw error
        } catch let error as DeltaError {
            let kind: EngineError.Kind = error.kind == .io ? .io : error.kind == .corruptLog ? .badData : .invalidArgument
            throw EngineError(kind, error.description)
        } catch let error as CocoaError {
            throw EngineError(.io, error.localizedDescription)
        } catch {
            throw EngineError(.invalidArgument, "\(error)")
        }
    }

    private func run(_ statement: Statement) throws -> QueryResult {
        switch statement {
        case .query(let query): return try runQuery(query)
        case .explain(let inner, let analyze): return try explain(inner, analyze: analyze)
        case .createTable(let node): return try createTable(node)
        case .insert(let node): return try insert(node)
        case .delete(let node): return try delete(node)
        case .update(let node): return try update(node)
        case .merge(let node): return try merge(node)
        case .dropTable(let node): return try dropTable(node)
        case .copy(let node): return try copy(node)
        }
    }
}
