/// One element of a file's schema tree, with the levels its values carry.
///
/// Parquet stores the schema as a depth-first list in which groups announce their
/// number of children; this type rebuilds the tree and computes, for every node,
/// the definition level at which it is present and its repetition level.
final class SchemaNode {
    let element: SchemaElement
    let children: [SchemaNode]
    /// Number of optional or repeated nodes from the root down to and including this one.
    let maxDefinitionLevel: Int
    /// Number of repeated nodes from the root down to and including this one.
    let maxRepetitionLevel: Int
    /// The leaf columns (column chunk indices) below this node.
    let leaves: Range<Int>
    /// Names from the top-level field down to this node.
    let path: [String]

    private init(element: SchemaElement, children: [SchemaNode], maxDefinitionLevel: Int,
                 maxRepetitionLevel: Int, leaves: Range<Int>, path: [String]) {
        self.element = element
        self.children = children
        self.maxDefinitionLevel = maxDefinitionLevel
        self.maxRepetitionLevel = maxRepetitionLevel
        self.leaves = leaves
        self.path = path
    }

    var name: String { element.name }
    var isLeaf: Bool { children.isEmpty }
    var repetition: FieldRepetitionType { element.repetitionType ?? .required }
    var isRepeated: Bool { repetition == .repeated }
    var isOptional: Bool { repetition == .optional }

    /// Deepest nesting Lode reads; levels are kept in bytes.
    static let maxDepth = 64

    /// The tree of `elements`, whose first element is the root.
    static func tree(_ elements: [SchemaElement]) throws -> SchemaNode {
        guard let rootElement = elements.first else {
            throw ParquetError(.corruptMetadata, "the schema has no elements")
        }
        var next = 1
        var leafCount = 0
        let rootChildren = try children(of: rootElement, elements, &next, &leafCount, definition: 0, repetition: 0,
                                        path: [], depth: 1)
        guard next == elements.count else {
            throw ParquetError(.corruptMetadata, "the schema lists \(elements.count) elements but its tree uses \(next)")
        }
        guard !rootChildren.isEmpty else { throw ParquetError(.corruptMetadata, "the schema has no columns") }
        return SchemaNode(element: rootElement, children: rootChildren, maxDefinitionLevel: 0, maxRepetitionLevel: 0,
                          leaves: 0..<leafCount, path: [])
    }

    private static func children(of parent: SchemaElement, _ elements: [SchemaElement], _ next: inout Int,
                                 _ leafCount: inout Int, definition: Int, repetition: Int, path: [String],
                                 depth: Int) throws -> [SchemaNode] {
        let count = Int(parent.numChildren ?? 0)
        guard count >= 0, count <= elements.count - next else {
            throw ParquetError(.corruptMetadata, "schema element '\(parent.name)' claims \(count) children")
        }
        guard depth <= maxDepth else {
            throw ParquetError(.unsupported, "schema nesting deeper than \(maxDepth) levels")
        }
        var nodes: [SchemaNode] = []
        nodes.reserveCapacity(count)
        for _ in 0..<count {
            guard next < elements.count else {
                throw ParquetError(.corruptMetadata, "schema element '\(parent.name)' has fewer children than it claims")
            }
            let element = elements[next]
            next += 1
            let repetitionType = element.repetitionType ?? .required
            guard repetitionType == .required || repetitionType == .optional || repetitionType == .repeated else {
                throw ParquetError(.corruptMetadata, "schema element '\(element.name)' has repetition \(repetitionType.rawValue)")
            }
            let def = definition + (repetitionType == .required ? 0 : 1)
            let rep = repetition + (repetitionType == .repeated ? 1 : 0)
            let childPath = path + [element.name]
            let firstLeaf = leafCount
            var grandchildren: [SchemaNode] = []
            if let n = element.numChildren, n > 0 {
                grandchildren = try children(of: element, elements, &next, &leafCount, definition: def, repetition: rep,
                                             path: childPath, depth: depth + 1)
            } else if element.type == nil {
                throw ParquetError(.unsupported, "schema group '\(element.name)' has no fields")
            } else {
                leafCount += 1
            }
            nodes.append(SchemaNode(element: element, children: grandchildren, maxDefinitionLevel: def,
                                    maxRepetitionLevel: rep, leaves: firstLeaf..<leafCount, path: childPath))
        }
        return nodes
    }
}
