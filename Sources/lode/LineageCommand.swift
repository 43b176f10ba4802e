import ArgumentParser
import Foundation
import LodeCore
import LodePipeline
import LodePlan

struct LineageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lineage",
        abstract: "Show where a table or column comes from, or what reads it.",
        discussion: """
        Prints the lineage recorded by the last run of each model as a tree: upstream (the \
        default) lists what feeds TABLE, down to the bronze sources; --downstream lists the \
        tables that read it. --column (or TABLE written layer.table.column) follows one column.
        """
    )

    enum Direction: String, EnumerableFlag {
        case upstream, downstream
    }

    @Argument(help: "The table, layer.table (or layer.table.column).") var table: String
    @Option(help: "Follow this column of the table.") var column: String?
    @Flag(help: "Which way to walk: what feeds the table (default) or what reads it.") var direction: Direction = .upstream
    @Option(help: "Follow at most this many steps.") var depth: Int?
    @Option(help: "The project folder (default: the current folder).") var project: String?
    @Option(help: "Output format: table (a tree) or json (one edge per line).") var format: HistoryFormat = .table

    func validate() throws {
        if let depth, depth < 1 { throw ValidationError("--depth must be at least 1") }
        let parts = table.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
            throw ValidationError("name the table layer.table (like gold.daily_revenue), not '\(table)'")
        }
        if parts.count == 3, column != nil { throw ValidationError("give the column either in TABLE or with --column, not both") }
    }

    func run() throws {
        let parts = table.split(separator: ".").map(String.init)
        let tableName = parts[0] + "." + parts[1]
        let columnName = column ?? (parts.count == 3 ? parts[2] : nil)
        let catalog = try ProjectCatalog.open(project: project)
        let walk: LineageDirection = direction == .upstream ? .upstream : .downstream
        let store = catalog.store
        let edges = try store?.lineage(of: tableName, column: columnName, direction: walk, depth: depth ?? .max) ?? []
        if edges.isEmpty {
            try explainEmpty(tableName, column: columnName, catalog: catalog, direction: walk)
            return
        }
        if format == .json {
            for edge in edges {
                let object: JSONObject = ["target_table": .string(edge.targetTable), "target_column": .string(edge.targetColumn),
                                          "source_table": .string(edge.sourceTable), "source_column": .string(edge.sourceColumn)]
                print(JSONValue.object(object).serialized())
            }
            return
        }
        print(LineageTree(edges: edges, direction: walk).render(root: LineageTree.Node(table: tableName, column: columnName ?? "")))
    }

    /// Explains why there is no lineage, or fails when the table or column is unknown.
    private func explainEmpty(_ table: String, column: String?, catalog: ProjectCatalog, direction: LineageDirection) throws {
        let recorded = try catalog.store?.lineageTables() ?? []
        let known = Set(recorded + catalog.config.sources.map(\.table)
            + ((try? Project.load(root: catalog.config.root).models.map(\.tableName)) ?? []))
        guard known.contains(table) else {
            let hint = closestName(to: table, in: known.sorted()).map { "; did you mean '\($0)'?" } ?? ""
            throw PipelineError(.run, "unknown table '\(table)' in the project \(catalog.config.name)\(hint)")
        }
        guard recorded.contains(table) else {
            throw PipelineError(.run, "no lineage recorded for \(table) yet: run the project first (lode run)")
        }
        let name = column.map { "\(table).\($0)" } ?? table
        if let column {
            let other: LineageDirection = direction == .upstream ? .downstream : .upstream
            let reverse = try catalog.store?.lineage(of: table, column: column, direction: other, depth: 1) ?? []
            guard !reverse.isEmpty else {
                throw PipelineError(.run, "no lineage recorded for column '\(column)' of \(table)")
            }
        }
        if format == .table {
            print(name)
            print(direction == .upstream ? "(nothing upstream: \(name) is read from source files)"
                                         : "(nothing downstream: no model reads \(name))")
        }
    }
}

/// Lineage edges drawn as a tree from one table or column.
struct LineageTree {
    struct Node: Hashable {
        var table: String
        var column: String

        var name: String { column.isEmpty ? table : "\(table).\(column)" }
    }

    var children: [Node: [Node]] = [:]

    init(edges: [LineageEdge], direction: LineageDirection) {
        for edge in edges {
            let target = Node(table: edge.targetTable, column: edge.targetColumn)
            let source = Node(table: edge.sourceTable, column: edge.sourceColumn)
            let (parent, child) = direction == .upstream ? (target, source) : (source, target)
            if !(children[parent]?.contains(child) ?? false) { children[parent, default: []].append(child) }
        }
    }

    /// The tree under `root`, one node per line with box-drawing branches; a node already on
    /// the path above (a cycle) is marked and not expanded again.
    func render(root: Node) -> String {
        var lines = [root.name]
        func draw(_ node: Node, prefix: String, path: Set<Node>) {
            let kids = children[node] ?? []
            for (index, child) in kids.enumerated() {
                let last = index == kids.count - 1
                let cycle = path.contains(child)
                lines.append(prefix + (last ? "└── " : "├── ") + child.name + (cycle ? " (cycle)" : ""))
                if !cycle { draw(child, prefix: prefix + (last ? "    " : "│   "), path: path.union([child])) }
            }
        }
        draw(root, prefix: "", path: [root])
        return lines.joined(separator: "\n")
    }
}
