import Foundation
import LodeDelta
import LodeEngine

/// The tables a model reads, as versions: what decides whether a model has anything
/// new, and what an incremental run reads of them.
struct UpstreamTables {
    let context: ModelRunContext

    /// The current Delta version of every table `model` reads, looking through views to
    /// the tables they read (a view itself counts by the digest of its definition); -1
    /// for a table that does not exist (yet).
    func versions(of model: ModelDefinition) throws -> [String: Int64] {
        let views = Dictionary(context.project.models.filter { $0.kind == .view }.map { ($0.tableName.lowercased(), $0) },
                               uniquingKeysWith: { a, _ in a })
        var result: [String: Int64] = [:]
        var pending = model.dependencies
        var seen = Set<String>()
        while let table = pending.popLast() {
            guard seen.insert(table.lowercased()).inserted else { continue }
            if let view = views[table.lowercased()] {
                result["view " + view.tableName] = Int64(bitPattern: UInt64(view.fingerprint, radix: 16) ?? 0)
                pending += view.dependencies
                continue
            }
            let delta = DeltaTable(path: context.tablePath(table))
            result[table] = try delta.exists() ? try delta.latestVersion() : -1
        }
        return result
    }

    /// The rows of `table` added after version `since`, as of version `now`: the data
    /// files of `now` that `since` did not have. Everything when `since` is unknown or
    /// the table was recreated since.
    func newRows(of table: String, since: Int64?, now: Int64?) throws -> DeltaSource {
        let path = context.tablePath(table)
        let delta = DeltaTable(path: path)
        let current = try now.map { try delta.snapshot(version: $0) } ?? delta.snapshot()
        guard let since, since >= 0, since <= current.version, let earlier = try? delta.snapshot(version: since) else {
            return DeltaSource(snapshot: current, path: path, displayName: table)
        }
        let known = Set(earlier.files.map(\.path))
        return DeltaSource(snapshot: try current.keeping { !known.contains($0.path) }, path: path, displayName: table)
    }
}
