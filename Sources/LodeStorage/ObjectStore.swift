/// Where table files live: a flat namespace of paths with whole and ranged reads and
/// atomic creation. Delta Lake commits rely on ``putIfAbsent(_:data:)``.
public protocol ObjectStore: Sendable {
    /// Paths of every object whose path starts with `prefix`, sorted.
    func list(prefix: String) throws -> [ObjectMeta]
    func get(_ path: String) throws -> [UInt8]
    func get(_ path: String, range: Range<Int>) throws -> [UInt8]
    func head(_ path: String) throws -> ObjectMeta
    func put(_ path: String, data: [UInt8]) throws
    /// Creates `path` only if nothing is there, atomically against other writers;
    /// throws ``StorageError/Kind/alreadyExists`` otherwise.
    func putIfAbsent(_ path: String, data: [UInt8]) throws
    func delete(_ path: String) throws
}

/// An object's path, size and modification time.
public struct ObjectMeta: Hashable, Sendable {
    public var path: String
    public var size: Int
    /// Milliseconds since the epoch.
    public var lastModified: Int64

    public init(path: String, size: Int, lastModified: Int64) {
        self.path = path
        self.size = size
        self.lastModified = lastModified
    }
}
