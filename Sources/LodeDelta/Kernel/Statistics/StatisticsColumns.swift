import LodeCore

/// Which columns get statistics when writing, as Spark decides it.
///
/// `delta.dataSkippingStatsColumns` (comma-separated column paths) wins when set;
/// otherwise the first `delta.dataSkippingNumIndexedCols` leaf columns in schema
/// order (32 by default, -1 for all), struct fields counted one by one and a list or
/// map counting as one column.
public struct StatisticsColumns: Sendable {
    /// Dotted paths of the leaf columns to collect statistics for.
    public let paths: Set<String>

    public static let defaultIndexedColumns = 32

    public init(schema: Schema, properties: [String: String]) {
        var leaves: [String] = []
        func visit(_ fields: [Field], _ prefix: String) {
            for field in fields {
                if case .struct(let children) = field.type {
                    visit(children, prefix + field.name + ".")
                } else {
                    leaves.append(prefix + field.name)
                }
            }
        }
        visit(schema.fields, "")
        if let list = properties["delta.dataSkippingStatsColumns"], !list.trimmingSpaces.isEmpty {
            let wanted = list.split(separator: ",").map { part in
                String(part).trimmingSpaces.replacingBackticks.lowercased()
            }
            paths = Set(leaves.filter { leaf in
                let lowered = leaf.lowercased()
                return wanted.contains { lowered == $0 || lowered.hasPrefix($0 + ".") }
            })
            return
        }
        let count = properties["delta.dataSkippingNumIndexedCols"].flatMap { Int($0.trimmingSpaces) }
            ?? Self.defaultIndexedColumns
        paths = Set(count < 0 ? leaves : Array(leaves.prefix(count)))
    }

    public init(paths: Set<String>) { self.paths = paths }

    public func contains(_ path: String) -> Bool { paths.contains(path) }
}

extension String {
    var replacingBackticks: String { String(filter { $0 != "`" }) }
}
