import Foundation
import LodeDelta
import LodeSQL

/// A Delta table of the lake named `layer.table`.
struct LakeTable {
    /// `layer.table`, as errors show it.
    let name: String
    /// The table's folder: `<lake>/<layer>/<table>`.
    let path: String
    let delta: DeltaTable

    func exists() throws -> Bool { try delta.exists() }

    /// The latest snapshot; an error naming the table when there is none.
    func snapshot() throws -> Snapshot {
        guard try exists() else { throw EngineError(.invalidArgument, "table \(name) does not exist") }
        return try delta.snapshot()
    }
}

extension Session {
    /// The lake table `name` (`layer.table`) names, existing or not.
    func lakeTable(_ name: QualifiedName) throws -> LakeTable {
        guard let lakeRoot else {
            throw EngineError(.invalidArgument, "no lake: table \(name.sql) needs a lake root (--lake DIR)")
        }
        let parts = name.parts.map(\.name)
        guard parts.count == 2 else {
            throw EngineError(.invalidArgument, "table name \(name.sql) must be layer.table (e.g. silver.orders)")
        }
        for part in parts where part.isEmpty || part.hasPrefix(".") || part.contains("/") || part.contains("\\") {
            throw EngineError(.invalidArgument, "'\(part)' cannot name a folder of the lake")
        }
        let layer = Self.folder(in: lakeRoot, named: parts[0])
        let table = Self.folder(in: lakeRoot + "/" + layer, named: parts[1])
        let path = lakeRoot + "/" + layer + "/" + table
        return LakeTable(name: layer + "." + table, path: path, delta: DeltaTable(path: path))
    }

    /// The entry of `parent` named `name` exactly, else ignoring case, else `name` itself
    /// (the catalog resolves names the same way).
    private static func folder(in parent: String, named name: String) -> String {
        let files = FileManager.default
        if files.fileExists(atPath: parent + "/" + name) { return name }
        let lowered = name.lowercased()
        let names = (try? files.contentsOfDirectory(atPath: parent)) ?? []
        return names.sorted().first { $0.lowercased() == lowered } ?? name
    }
}
