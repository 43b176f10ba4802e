import LodeCore
import LodeStorage

/// The `_last_checkpoint` hint: the version (and part count) of a recent checkpoint.
///
/// It is only a hint: it may be stale, missing, name a deleted checkpoint or carry
/// keys Lode does not know. Lode lists the log and uses every checkpoint the listing
/// shows, so a bad hint never changes what is read.
struct LastCheckpoint: Hashable, Sendable {
    var version: Int64
    var size: Int64?
    var parts: Int?

    /// The hint, or `nil` when the file is absent or does not parse.
    static func read(store: any ObjectStore, paths: DeltaLogPaths) -> LastCheckpoint? {
        guard let bytes = try? store.get(paths.lastCheckpoint), let json = try? JSONValue.parse(bytes),
              let version = json["version"]?.int64Value, version >= 0 else { return nil }
        return LastCheckpoint(version: version, size: json["size"]?.int64Value,
                              parts: json["parts"]?.int64Value.flatMap { Int(exactly: $0) })
    }
}
