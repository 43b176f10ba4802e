import LodeCore

/// The identity of one column inside a plan, stable while rules rewrite the tree.
///
/// Every operator that produces a new value (a scan column, a projection, an aggregate,
/// a window function) gives it a fresh id; operators that pass a column through keep its id.
public struct ColumnID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let raw: Int

    public init(_ raw: Int) { self.raw = raw }

    public static func < (a: ColumnID, b: ColumnID) -> Bool { a.raw < b.raw }

    public var description: String { "#\(raw)" }
}

/// Hands out fresh ``ColumnID``s for one statement; shared by the binder and the optimizer.
public final class ColumnIDGenerator: @unchecked Sendable {
    private var nextRaw: Int

    public init(startingAt raw: Int = 0) { nextRaw = raw }

    public func next() -> ColumnID {
        defer { nextRaw += 1 }
        return ColumnID(nextRaw)
    }
}

/// One output column of a plan node: its id, display name and type.
public struct PlanColumn: Hashable, Sendable, CustomStringConvertible {
    public var id: ColumnID
    /// The name a user sees (`revenue`, `l_quantity`), used for result schemas and EXPLAIN.
    public var name: String
    public var type: DataType
    public var nullable: Bool

    public init(id: ColumnID, name: String, type: DataType, nullable: Bool = true) {
        self.id = id
        self.name = name
        self.type = type
        self.nullable = nullable
    }

    public var field: Field { Field(name, type, nullable: nullable) }

    public var description: String { "\(name)\(id)" }
}
