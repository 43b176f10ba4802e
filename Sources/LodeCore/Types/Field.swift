/// A named, typed column of a ``Schema`` or a child of a nested type.
public struct Field: Hashable, Sendable {
    public var name: String
    public var type: DataType
    public var nullable: Bool
    /// Free-form key/value metadata (descriptions, tags such as `pii`).
    public var metadata: [String: String]

    public init(_ name: String, _ type: DataType, nullable: Bool = true, metadata: [String: String] = [:]) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.metadata = metadata
    }
}

extension Field: CustomStringConvertible {
    public var description: String { "\(name) \(type)\(nullable ? "" : " NOT NULL")" }
}
