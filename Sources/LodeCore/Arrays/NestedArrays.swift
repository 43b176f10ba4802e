/// A column of structs: one child array per field, all of the same length.
public struct StructArray: ColumnArray {
    public let dataType: DataType
    public var children: [any ColumnArray]
    public var validity: Bitmap?
    public let count: Int

    public init(_ dataType: DataType, children: [any ColumnArray], count: Int, validity: Bitmap? = nil) {
        guard case .struct(let fields) = dataType else { preconditionFailure("StructArray needs a struct type") }
        precondition(fields.count == children.count, "one child per field")
        precondition(children.allSatisfy { $0.count == count }, "children must have the struct's length")
        self.dataType = dataType
        self.children = children
        self.count = count
        self.validity = normalized(validity)
    }

    public func value(at index: Int) -> Value {
        isNull(index) ? .null : .struct(children.map { $0.value(at: index) })
    }

    public func slice(_ range: Range<Int>) -> any ColumnArray {
        StructArray(dataType, children: children.map { $0.slice(range) }, count: range.count,
                    validity: validity?.slice(range))
    }
}

/// A column of lists (``DataType/list(_:)``) or maps (``DataType/map(key:value:)``).
///
/// Row `i` holds child rows `offsets[i] ..< offsets[i + 1]`. For a map the child is a
/// ``StructArray`` with two fields, key and value.
public struct ListArray: ColumnArray {
    public let dataType: DataType
    public var offsets: [Int32]
    public var child: any ColumnArray
    public var validity: Bitmap?

    public init(_ dataType: DataType, offsets: [Int32], child: any ColumnArray, validity: Bitmap? = nil) {
        switch dataType {
        case .list: break
        case .map: precondition(child is StructArray, "a map's child is a key/value struct")
        default: preconditionFailure("ListArray needs a list or map type")
        }
        precondition(!offsets.isEmpty && Int(offsets.last!) <= child.count, "offsets exceed the child")
        self.dataType = dataType
        self.offsets = offsets
        self.child = child
        self.validity = normalized(validity)
    }

    public var count: Int { offsets.count - 1 }

    public func value(at index: Int) -> Value {
        if isNull(index) { return .null }
        let range = Int(offsets[index])..<Int(offsets[index + 1])
        if case .map = dataType, let entries = child as? StructArray {
            return .map(keys: range.map { entries.children[0].value(at: $0) },
                        values: range.map { entries.children[1].value(at: $0) })
        }
        return .list(range.map { child.value(at: $0) })
    }

    public func slice(_ range: Range<Int>) -> any ColumnArray {
        let start = Int(offsets[range.lowerBound]), end = Int(offsets[range.upperBound])
        let newOffsets = offsets[range.lowerBound...range.upperBound].map { $0 - Int32(start) }
        return ListArray(dataType, offsets: newOffsets, child: child.slice(start..<end),
                         validity: validity?.slice(range))
    }
}
