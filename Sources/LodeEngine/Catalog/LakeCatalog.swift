import Foundation
import LodeCore
import LodePlan
import LodeSQL

/// Resolves the table names of a query: `layer.table` to the Delta table at
/// `<lakeRoot>/<layer>/<table>`, registered names to their sources, and the table
/// functions `read_parquet`, `read_csv`, `read_json`, `read_ndjson` and `delta_scan`.
///
/// ```swift
/// let catalog = LakeCatalog(lakeRoot: "/data/lake")
/// let orders = try catalog.table(["silver", "orders"], version: .version(3))
/// catalog.register("recent", MemorySource(name: "recent", batches: batches, schema: schema))
/// ```
///
/// Names match exactly, then case-insensitively. A name of one part must be
/// registered: otherwise the error lists the lake's layers.
public final class LakeCatalog: Catalog, @unchecked Sendable {
    public let lakeRoot: String?
    public let options: ScanOptions
    private let lock = NSLock()
    private var registered: [String: any TableSource] = [:]
    private var views: [String: Query] = [:]

    public init(lakeRoot: String?, options: ScanOptions = .init()) {
        self.lakeRoot = lakeRoot
        self.options = options
    }

    /// Makes `name` (`recent`, `staging.orders`) resolve to `source`, replacing any
    /// earlier source of that name; registered names win over the lake.
    public func register(_ name: String, _ source: any TableSource) {
        lock.withLock { registered[name.lowercased()] = source }
    }

    /// Makes `name` a view of `query` for this catalog only, replacing an earlier one.
    public func registerView(_ name: String, _ query: Query) {
        lock.withLock { views[name.lowercased()] = query }
    }

    /// The file that keeps the lake's view `layer.name`: `<lake>/_lode/views/<layer>/<name>.sql`.
    public static func viewFile(lakeRoot: String, layer: String, name: String) -> String {
        "\(lakeRoot)/_lode/views/\(layer.lowercased())/\(name.lowercased()).sql"
    }

    /// A registered view, else the lake's view file for a `layer.name`.
    public func view(_ name: [String]) throws -> Query? {
        let key = name.joined(separator: ".").lowercased()
        if let query = lock.withLock({ views[key] }) { return query }
        guard let lakeRoot, name.count == 2, lock.withLock({ registered[key] }) == nil else { return nil }
        let file = Self.viewFile(lakeRoot: lakeRoot, layer: name[0], name: name[1])
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        guard let text = String(data: data, encoding: .utf8), case .query(let query) = try SQL.parseStatement(text) else {
            throw EngineError(.badData, "the view file \(file) does not hold one query")
        }
        return query
    }

    /// Forgets a registered name.
    public func unregister(_ name: String) {
        lock.withLock {
            _ = registered.removeValue(forKey: name.lowercased())
            _ = views.removeValue(forKey: name.lowercased())
        }
    }

    public func table(_ name: [String], version: TableVersion?) throws -> (any TableSource)? {
        let key = name.joined(separator: ".").lowercased()
        if let source = lock.withLock({ registered[key] }) {
            if version != nil, !(source is DeltaSource) {
                throw EngineError(.invalidArgument, "\(name.joined(separator: ".")) is not a Delta table: VERSION/TIMESTAMP AS OF needs one")
            }
            return source
        }
        guard let lakeRoot else { return nil }
        switch name.count {
        case 1:
            let layers = self.layers()
            throw EngineError(.invalidArgument, "table '\(name[0])' needs its layer, as in layer.\(name[0])"
                              + (layers.isEmpty ? "; the lake at \(lakeRoot) has no layers yet"
                                                : "; the lake's layers are \(layers.joined(separator: ", "))"))
        case 2:
            guard let layer = Self.entry(lakeRoot, name[0]), let table = Self.entry(lakeRoot + "/" + layer, name[1]) else {
                return nil
            }
            return try DeltaSource(path: lakeRoot + "/" + layer + "/" + table, version: version,
                                   displayName: layer + "." + table)
        default:
            return nil
        }
    }

    /// The lake's layers: its folders, sorted.
    public func layers() -> [String] {
        guard let lakeRoot, let names = try? FileManager.default.contentsOfDirectory(atPath: lakeRoot) else { return [] }
        return names.filter { !$0.hasPrefix(".") && !$0.hasPrefix("_") && Self.isFolder(lakeRoot + "/" + $0) }.sorted()
    }

    /// The folder in `parent` named `name`, exactly or else ignoring case.
    private static func entry(_ parent: String, _ name: String) -> String? {
        guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else { return nil }
        if isFolder(parent + "/" + name) { return name }
        let lowered = name.lowercased()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        return names.sorted().first { $0.lowercased() == lowered && isFolder(parent + "/" + $0) }
    }

    private static func isFolder(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
