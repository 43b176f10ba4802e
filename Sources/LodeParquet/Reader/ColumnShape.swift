import LodeCore

/// How one Lode column (a top-level field or a part of one) is rebuilt from the
/// levels and values of the leaf columns below it.
///
/// Every node knows three levels: a level entry is one of the node's *slots* when
/// its repetition level is at most ``repetitionDepth`` (it does not continue a list
/// inside the node) and its definition level is at least ``ancestorDefinition`` (the
/// enclosing list element exists); the slot is non-null when the definition level
/// reaches ``definedAt``.
final class ColumnShape: Sendable {
    enum Kind: Sendable {
        case leaf(LeafDescriptor)
        case structure([ColumnShape])
        /// A list or map; elements exist from definition level `elementDefinedAt`.
        case list(element: ColumnShape, elementDefinedAt: Int)
    }

    let kind: Kind
    let type: DataType
    let definedAt: Int
    let ancestorDefinition: Int
    let repetitionDepth: Int
    /// The leaf whose levels give this node's slots and validity.
    let firstLeaf: Int
    /// All leaf indices below this node.
    let leaves: Range<Int>

    init(_ kind: Kind, type: DataType, definedAt: Int, ancestorDefinition: Int, repetitionDepth: Int, leaves: Range<Int>) {
        self.kind = kind
        self.type = type
        self.definedAt = definedAt
        self.ancestorDefinition = ancestorDefinition
        self.repetitionDepth = repetitionDepth
        self.firstLeaf = leaves.lowerBound
        self.leaves = leaves
    }

    /// The leaf descriptors below this node, in column order.
    var leafDescriptors: [LeafDescriptor] {
        switch kind {
        case .leaf(let leaf): return [leaf]
        case .structure(let children): return children.flatMap(\.leafDescriptors)
        case .list(let element, _): return element.leafDescriptors
        }
    }
}
