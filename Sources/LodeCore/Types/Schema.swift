/// An ordered list of top-level fields describing a ``RecordBatch`` or a table.
public struct Schema: Hashable, Sendable {
    public var fields: [Field]
    public var metadata: [String: String]

    public init(_ fields: [Field], metadata: [String: String] = [:]) {
        self.fields = fields
        self.metadata = metadata
    }

    public var count: Int { fields.count }
    public var names: [String] { fields.map(\.name) }

    /// The index of the field named `name`, compared exactly first and then
    /// case-insensitively, as SQL identifiers are.
    public func index(of name: String) -> Int? {
        if let i = fields.firstIndex(where: { $0.name == name }) { return i }
        let lowered = name.lowercased()
        return fields.firstIndex { $0.name.lowercased() == lowered }
    }

    public func field(named name: String) -> Field? { index(of: name).map { fields[$0] } }

    /// A schema holding only the fields at `indices`, in that order.
    public func project(_ indices: [Int]) -> Schema {
        Schema(indices.map { fields[$0] }, metadata: metadata)
    }
}

extension Schema: CustomStringConvertible {
    public var description: String { fields.map(\.description).joined(separator: "\n") }
}
