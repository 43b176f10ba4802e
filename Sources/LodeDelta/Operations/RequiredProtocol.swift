import LodeCore

/// The protocol a table Lode writes needs: `(1, 2)`, or `(3, 7)` listing the features
/// as Spark lists them when a column is a timestamp without time zone.
enum RequiredProtocol {
    static let ntzReaderFeatures = ["timestampNtz"]
    static let ntzWriterFeatures = ["appendOnly", "invariants", "timestampNtz"]

    static func forSchema(_ schema: Schema) -> ProtocolAction {
        if schema.fields.contains(where: { containsTimestampNTZ($0.type) }) {
            return ProtocolAction(minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ntzReaderFeatures,
                                  writerFeatures: ntzWriterFeatures)
        }
        return ProtocolAction(minReaderVersion: 1, minWriterVersion: 2)
    }

    /// The protocol after `current` takes a schema that may need more features;
    /// `nil` when `current` already covers it.
    static func upgrade(_ current: ProtocolAction, for schema: Schema) -> ProtocolAction? {
        let needed = forSchema(schema)
        guard needed.minWriterVersion == 7 else { return nil }
        if current.minReaderVersion >= 3, current.minWriterVersion >= 7,
           current.readerFeatures?.contains("timestampNtz") == true,
           current.writerFeatures?.contains("timestampNtz") == true {
            return nil
        }
        var upgraded = needed
        if current.minWriterVersion == 7 {
            upgraded.writerFeatures = Array(Set(current.writerFeatures ?? []).union(ntzWriterFeatures)).sorted()
        }
        if current.minReaderVersion == 3 {
            upgraded.readerFeatures = Array(Set(current.readerFeatures ?? []).union(ntzReaderFeatures)).sorted()
        }
        return upgraded
    }

    static func containsTimestampNTZ(_ type: DataType) -> Bool {
        switch type {
        case .timestamp(_, utc: false): return true
        case .struct(let fields): return fields.contains { containsTimestampNTZ($0.type) }
        case .list(let item): return containsTimestampNTZ(item.type)
        case .map(let k, let v): return containsTimestampNTZ(k.type) || containsTimestampNTZ(v.type)
        default: return false
        }
    }
}
