import LodeCore

extension ColumnShape {
    /// The shape and Lode field of a top-level schema node.
    ///
    /// LIST and MAP groups are resolved by structure, following the
    /// backward-compatibility rules of the Parquet format: 2-level lists (a repeated
    /// primitive, a repeated group of several fields, or a repeated group named
    /// `array` or `<name>_tuple`) hold required elements; a repeated field outside a
    /// LIST or MAP group is a required list of required elements; MAP_KEY_VALUE outside
    /// a MAP group reads as MAP. List elements are named `element`, map entries `key`
    /// and `value`.
    static func topLevel(_ node: SchemaNode) throws -> (ColumnShape, Field) {
        let shape = try build(node, asElement: false, ancestorDefinition: 0, repetitionDepth: 0)
        return (shape, Field(node.name, shape.type, nullable: node.isOptional))
    }

    private static func build(_ node: SchemaNode, asElement: Bool, ancestorDefinition: Int,
                              repetitionDepth: Int) throws -> ColumnShape {
        if node.isRepeated && !asElement {
            // A bare repeated field: a required list of required elements.
            let element = try build(node, asElement: true, ancestorDefinition: node.maxDefinitionLevel,
                                    repetitionDepth: node.maxRepetitionLevel)
            return ColumnShape(.list(element: element, elementDefinedAt: node.maxDefinitionLevel),
                               type: .list(Field("element", element.type, nullable: false)),
                               definedAt: node.maxDefinitionLevel - 1, ancestorDefinition: ancestorDefinition,
                               repetitionDepth: repetitionDepth, leaves: node.leaves)
        }
        let definedAt = node.maxDefinitionLevel
        if node.isLeaf {
            let (type, conversion) = try LeafDescriptor.resolveType(node.element)
            let typeLength = Int(node.element.typeLength ?? 0)
            if node.element.type == .fixedLenByteArray {
                guard typeLength > 0, typeLength <= 1 << 20 else {
                    throw ParquetError(.corruptMetadata, "FIXED_LEN_BYTE_ARRAY column '\(node.name)' has length \(typeLength)")
                }
            }
            let leaf = LeafDescriptor(index: node.leaves.lowerBound, path: node.path,
                                      physicalType: node.element.type ?? .int32, typeLength: typeLength,
                                      maxDefinitionLevel: node.maxDefinitionLevel,
                                      maxRepetitionLevel: node.maxRepetitionLevel, type: type, conversion: conversion)
            return ColumnShape(.leaf(leaf), type: type, definedAt: definedAt, ancestorDefinition: ancestorDefinition,
                               repetitionDepth: repetitionDepth, leaves: node.leaves)
        }
        if isList(node) { return try list(node, ancestorDefinition: ancestorDefinition, repetitionDepth: repetitionDepth) }
        if isMap(node) { return try map(node, ancestorDefinition: ancestorDefinition, repetitionDepth: repetitionDepth) }
        let children = try node.children.map {
            try build($0, asElement: false, ancestorDefinition: ancestorDefinition, repetitionDepth: repetitionDepth)
        }
        let fields = zip(node.children, children).map { Field($0.name, $1.type, nullable: $0.isOptional) }
        return ColumnShape(.structure(children), type: .struct(fields), definedAt: definedAt,
                           ancestorDefinition: ancestorDefinition, repetitionDepth: repetitionDepth, leaves: node.leaves)
    }

    private static func isList(_ node: SchemaNode) -> Bool {
        node.element.logicalType == .list || node.element.convertedType == .list
    }

    private static func isMap(_ node: SchemaNode) -> Bool {
        node.element.logicalType == .map || node.element.convertedType == .map
            || node.element.convertedType == .mapKeyValue
    }

    private static func list(_ node: SchemaNode, ancestorDefinition: Int, repetitionDepth: Int) throws -> ColumnShape {
        guard node.children.count == 1, let repeated = node.children.first, repeated.isRepeated else {
            throw ParquetError(.unsupported, "LIST group '\(node.name)' must hold exactly one repeated field",
                               column: node.path.joined(separator: "."))
        }
        let elementNode: SchemaNode
        let elementIsRepeatedNode: Bool
        if repeated.isLeaf || repeated.children.count > 1 || repeated.children[0].isRepeated
            || repeated.name == "array" || repeated.name == node.name + "_tuple" {
            elementNode = repeated
            elementIsRepeatedNode = true
        } else {
            elementNode = repeated.children[0]
            elementIsRepeatedNode = false
        }
        let element = try build(elementNode, asElement: elementIsRepeatedNode,
                                ancestorDefinition: repeated.maxDefinitionLevel,
                                repetitionDepth: repeated.maxRepetitionLevel)
        let nullable = !elementIsRepeatedNode && elementNode.isOptional
        return ColumnShape(.list(element: element, elementDefinedAt: repeated.maxDefinitionLevel),
                           type: .list(Field("element", element.type, nullable: nullable)),
                           definedAt: node.maxDefinitionLevel, ancestorDefinition: ancestorDefinition,
                           repetitionDepth: repetitionDepth, leaves: node.leaves)
    }

    private static func map(_ node: SchemaNode, ancestorDefinition: Int, repetitionDepth: Int) throws -> ColumnShape {
        guard node.children.count == 1, let entries = node.children.first, entries.isRepeated, !entries.isLeaf,
              entries.children.count <= 2 else {
            throw ParquetError(.unsupported, "MAP group '\(node.name)' must hold one repeated group of key and value",
                               column: node.path.joined(separator: "."))
        }
        let entryDefinition = entries.maxDefinitionLevel, entryDepth = entries.maxRepetitionLevel
        let children = try entries.children.map {
            try build($0, asElement: false, ancestorDefinition: entryDefinition, repetitionDepth: entryDepth)
        }
        if children.count == 1 {
            // Keys without values: a list of the keys.
            return ColumnShape(.list(element: children[0], elementDefinedAt: entryDefinition),
                               type: .list(Field("element", children[0].type, nullable: entries.children[0].isOptional)),
                               definedAt: node.maxDefinitionLevel, ancestorDefinition: ancestorDefinition,
                               repetitionDepth: repetitionDepth, leaves: node.leaves)
        }
        let key = Field("key", children[0].type, nullable: false)
        let value = Field("value", children[1].type, nullable: entries.children[1].isOptional)
        let entry = ColumnShape(.structure(children), type: .struct([key, value]), definedAt: entryDefinition,
                                ancestorDefinition: entryDefinition, repetitionDepth: entryDepth, leaves: entries.leaves)
        return ColumnShape(.list(element: entry, elementDefinedAt: entryDefinition), type: .map(key: key, value: value),
                           definedAt: node.maxDefinitionLevel, ancestorDefinition: ancestorDefinition,
                           repetitionDepth: repetitionDepth, leaves: node.leaves)
    }
}
