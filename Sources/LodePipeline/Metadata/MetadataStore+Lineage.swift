import Foundation
import GRDB
import LodePlan

/// One lineage edge: `targetTable.targetColumn` is computed from `sourceTable.sourceColumn`.
/// Table-level edges leave both columns empty.
public struct LineageEdge: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var targetTable: String
    public var targetColumn: String
    public var sourceTable: String
    public var sourceColumn: String

    public init(targetTable: String, targetColumn: String = "", sourceTable: String, sourceColumn: String = "") {
        self.targetTable = targetTable
        self.targetColumn = targetColumn
        self.sourceTable = sourceTable
        self.sourceColumn = sourceColumn
    }

    /// Whether the edge links tables rather than columns.
    public var isTableLevel: Bool { targetColumn.isEmpty && sourceColumn.isEmpty }

    public static func < (a: LineageEdge, b: LineageEdge) -> Bool {
        (a.targetTable, a.targetColumn, a.sourceTable, a.sourceColumn) < (b.targetTable, b.targetColumn, b.sourceTable, b.sourceColumn)
    }

    public var description: String {
        func name(_ table: String, _ column: String) -> String { column.isEmpty ? table : "\(table).\(column)" }
        return "\(name(targetTable, targetColumn)) <- \(name(sourceTable, sourceColumn))"
    }
}

/// Which way to walk lineage from a table or column.
public enum LineageDirection: String, Sendable, CaseIterable {
    /// What feeds it: the tables and columns it is computed from, and theirs.
    case upstream
    /// What reads it: the tables and columns computed from it, and theirs.
    case downstream
}

extension ColumnLineage {
    /// The edges of the model writing `table`: one table-level edge per table read, and one
    /// edge per output column and source column it derives from.
    ///
    /// ```swift
    /// let edges = ColumnLineage(plan: plan).edges(target: "gold.daily_revenue")
    /// try store.replaceLineage(of: "gold.daily_revenue", edges: edges, runID: run.id)
    /// ```
    public func edges(target table: String) -> [LineageEdge] {
        var edges = tables.sorted().map { LineageEdge(targetTable: table, sourceTable: $0) }
        for (name, sources) in columns {
            edges += sources.sorted().map {
                LineageEdge(targetTable: table, targetColumn: name, sourceTable: $0.table, sourceColumn: $0.column)
            }
        }
        return edges
    }
}

extension MetadataStore {
    /// Replaces every lineage edge into `table` with `edges` (a model's edges are stored whole
    /// on each run). Edges naming another target table are stored as given.
    public func replaceLineage(of table: String, edges: [LineageEdge], runID: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM lineage_edges WHERE target_table = ?", arguments: [table])
            for edge in edges {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO lineage_edges (target_table, target_column, source_table, source_column, run_id)
                    VALUES (?, ?, ?, ?, ?)
                    """, arguments: [edge.targetTable, edge.targetColumn, edge.sourceTable, edge.sourceColumn, runID])
            }
        }
    }

    /// Binds `model`'s query against `catalog` and stores its table and column lineage in
    /// place of the model's earlier edges. The catalog must resolve the model's inputs to
    /// their published tables (named `layer.table`), not to subsets of new rows.
    ///
    /// ```swift
    /// try store.recordLineage(of: model, catalog: try Session(lakeRoot: lake).catalog, runID: run.id)
    /// ```
    public func recordLineage(of model: ModelDefinition, catalog: any Catalog, runID: String) throws {
        let plan: LogicalPlan
        do { plan = try Binder(catalog: catalog).bind(model.query) } catch {
            throw PipelineError(.model, "cannot trace the lineage of \(model.tableName): \(error)", file: model.file)
        }
        try replaceLineage(of: model.tableName, edges: ColumnLineage(plan: plan).edges(target: model.tableName), runID: runID)
    }

    /// The lineage of `table` (or of its `column`), walked transitively up to `depth` edges
    /// away, nearest first.
    ///
    /// Table lineage follows table-level edges (and tables linked only through column edges);
    /// column lineage follows column edges. Upstream edges lead from the node to what feeds
    /// it, downstream edges from what it feeds back to the node.
    ///
    /// ```swift
    /// try store.lineage(of: "gold.daily_revenue", direction: .upstream)
    /// // [gold.daily_revenue <- silver.orders, silver.orders <- bronze.orders]
    /// ```
    public func lineage(of table: String, column: String? = nil, direction: LineageDirection,
                        depth: Int = .max) throws -> [LineageEdge] {
        try read { db in
            var result: [LineageEdge] = []
            var seen: Set<LineageEdge> = []
            var expanded: Set<[String]> = [[table, column ?? ""]]
            var frontier: [(table: String, column: String?)] = [(table, column)]
            var level = 0
            while !frontier.isEmpty && level < depth {
                var next: [(table: String, column: String?)] = []
                for node in frontier {
                    for edge in try Self.edges(db, adjacentTo: node.table, column: node.column, direction: direction) {
                        guard seen.insert(edge).inserted else { continue }
                        result.append(edge)
                        let far = direction == .upstream ? (edge.sourceTable, edge.sourceColumn) : (edge.targetTable, edge.targetColumn)
                        if expanded.insert([far.0, far.1]).inserted { next.append((far.0, column == nil ? nil : far.1)) }
                    }
                }
                frontier = next
                level += 1
            }
            return result
        }
    }

    /// Every table named by a lineage edge, as a target or a source, sorted.
    public func lineageTables() throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT target_table FROM lineage_edges UNION SELECT source_table FROM lineage_edges ORDER BY 1")
        }
    }

    /// The edges one step from a table or column, sorted.
    static func edges(_ db: Database, adjacentTo table: String, column: String?,
                      direction: LineageDirection) throws -> [LineageEdge] {
        let (near, far) = direction == .upstream ? ("target", "source") : ("source", "target")
        if let column {
            return try Row.fetchAll(db, sql: """
                SELECT * FROM lineage_edges WHERE \(near)_table = ? AND \(near)_column = ? AND \(far)_column <> ''
                ORDER BY \(far)_table, \(far)_column
                """, arguments: [table, column]).map(edge)
        }
        return try Row.fetchAll(db, sql: """
            SELECT DISTINCT target_table, source_table FROM lineage_edges WHERE \(near)_table = ? ORDER BY \(far)_table
            """, arguments: [table]).map { LineageEdge(targetTable: $0["target_table"], sourceTable: $0["source_table"]) }
    }

    static func edge(_ row: Row) -> LineageEdge {
        LineageEdge(targetTable: row["target_table"], targetColumn: row["target_column"], sourceTable: row["source_table"],
                    sourceColumn: row["source_column"])
    }
}
