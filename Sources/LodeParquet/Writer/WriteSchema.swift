import LodeCore

/// A Lode ``Schema`` translated for writing: the flattened Parquet schema elements of
/// the footer and one ``LeafColumn`` per column chunk.
///
/// Nullable fields are OPTIONAL, others REQUIRED. Structs become groups; lists the
/// three-level `LIST` form (`<name> (LIST) { repeated group list { element } }`);
/// maps `<name> (MAP) { repeated group key_value { required key; value } }`.
struct WriteSchema {
    var elements: [SchemaElement]
    var leaves: [LeafColumn]

    init(_ schema: Schema) throws {
        guard !schema.fields.isEmpty else {
            throw ParquetError(.invalidArgument, "a Parquet file needs at least one column")
        }
        var root = SchemaElement(name: "schema")
        root.numChildren = Int32(schema.fields.count)
        elements = [root]
        leaves = []
        for (index, field) in schema.fields.enumerated() {
            try visit(field, name: field.name, fieldIndex: index, path: [], steps: [], definition: 0, repetition: 0)
        }
    }

    private mutating func visit(_ field: Field, name: String, fieldIndex: Int, path: [String], steps: [LevelStep],
                                definition: Int, repetition: Int) throws {
        let path = path + [name]
        var steps = steps + [field.nullable ? .nullable : .required]
        var definition = definition + (field.nullable ? 1 : 0)
        var element = SchemaElement(name: name)
        element.repetitionType = field.nullable ? .optional : .required
        switch field.type {
        case .struct(let children):
            guard !children.isEmpty else {
                throw ParquetError(.unsupported, "a struct without fields cannot be stored in Parquet",
                                   column: path.joined(separator: "."))
            }
            element.numChildren = Int32(children.count)
            elements.append(element)
            for (i, child) in children.enumerated() {
                try visit(child, name: child.name, fieldIndex: fieldIndex, path: path, steps: steps + [.child(i)],
                          definition: definition, repetition: repetition)
            }
        case .list(let item):
            element.numChildren = 1
            element.logicalType = .list
            element.convertedType = .list
            elements.append(element)
            var group = SchemaElement(name: "list")
            group.repetitionType = .repeated
            group.numChildren = 1
            elements.append(group)
            steps.append(.repeated(level: repetition + 1))
            definition += 1
            try visit(item, name: "element", fieldIndex: fieldIndex, path: path + ["list"], steps: steps,
                      definition: definition, repetition: repetition + 1)
        case .map(let key, let value):
            element.numChildren = 1
            element.logicalType = .map
            element.convertedType = .map
            elements.append(element)
            var group = SchemaElement(name: "key_value")
            group.repetitionType = .repeated
            group.numChildren = 2
            elements.append(group)
            steps.append(.repeated(level: repetition + 1))
            definition += 1
            var requiredKey = key
            requiredKey.nullable = false
            try visit(requiredKey, name: "key", fieldIndex: fieldIndex, path: path + ["key_value"],
                      steps: steps + [.child(0)], definition: definition, repetition: repetition + 1)
            try visit(value, name: "value", fieldIndex: fieldIndex, path: path + ["key_value"],
                      steps: steps + [.child(1)], definition: definition, repetition: repetition + 1)
        default:
            let storage = try LeafStorage(field.type, column: path.joined(separator: "."))
            element.type = storage.physicalType
            element.typeLength = storage.typeLength.map { Int32($0) }
            element.logicalType = storage.logicalType
            element.convertedType = storage.convertedType
            if case .decimal(let precision, let scale) = field.type {
                element.precision = Int32(precision)
                element.scale = Int32(scale)
            }
            elements.append(element)
            leaves.append(LeafColumn(fieldIndex: fieldIndex, path: path, dataType: field.type, storage: storage,
                                     maxDefinitionLevel: definition, maxRepetitionLevel: repetition, steps: steps))
        }
    }
}

/// One column chunk of the file: a primitive leaf of the schema and the way from its
/// top-level field down to its values.
struct LeafColumn {
    /// Index of the top-level field that holds this leaf.
    let fieldIndex: Int
    /// Names from the top-level field down to the leaf, as in `path_in_schema`.
    let path: [String]
    let dataType: DataType
    let storage: LeafStorage
    let maxDefinitionLevel: Int
    let maxRepetitionLevel: Int
    /// The nodes from the top-level field down to the leaf.
    let steps: [LevelStep]

    /// The dotted path, for messages.
    var name: String { path.joined(separator: ".") }

    /// Whether the leaf is a top-level primitive field.
    var isFlat: Bool { steps.count == 1 }
}

/// One node on the way from a top-level field to a leaf.
enum LevelStep: Equatable {
    /// An OPTIONAL node: a null ends the value here, a value adds one definition level.
    case nullable
    /// A REQUIRED node: a null is an error.
    case required
    /// Into child `index` of a struct (or of a map's key/value entry).
    case child(Int)
    /// Into the elements of a list or map, each adding one definition level;
    /// `level` is the repetition level of the second and later elements.
    case repeated(level: Int)
}

/// How a primitive Lode type is stored: physical type and annotations.
struct LeafStorage: Equatable {
    var physicalType: PhysicalType
    /// Byte width for FIXED_LEN_BYTE_ARRAY.
    var typeLength: Int?
    var logicalType: LogicalType?
    var convertedType: ConvertedType?

    init(_ type: DataType, column: String) throws {
        typeLength = nil
        logicalType = nil
        convertedType = nil
        switch type {
        case .boolean: physicalType = .boolean
        case .int8:
            physicalType = .int32
            logicalType = .integer(bitWidth: 8, isSigned: true)
            convertedType = .int8
        case .int16:
            physicalType = .int32
            logicalType = .integer(bitWidth: 16, isSigned: true)
            convertedType = .int16
        case .int32: physicalType = .int32
        case .int64: physicalType = .int64
        case .float32: physicalType = .float
        case .float64: physicalType = .double
        case .decimal(let precision, let scale):
            guard (1...DataType.maxDecimalPrecision).contains(precision), (0...precision).contains(scale) else {
                throw ParquetError(.invalidArgument, "DECIMAL(\(precision),\(scale)) is not a valid decimal type", column: column)
            }
            if precision <= 9 {
                physicalType = .int32
            } else if precision <= 18 {
                physicalType = .int64
            } else {
                physicalType = .fixedLenByteArray
                typeLength = LeafStorage.decimalByteWidth(precision: precision)
            }
            logicalType = .decimal(scale: Int32(scale), precision: Int32(precision))
            convertedType = .decimal
        case .string:
            physicalType = .byteArray
            logicalType = .string
            convertedType = .utf8
        case .binary: physicalType = .byteArray
        case .date:
            physicalType = .int32
            logicalType = .date
            convertedType = .date
        case .timestamp(let unit, let utc):
            physicalType = .int64
            switch unit {
            case .millisecond:
                logicalType = .timestamp(isAdjustedToUTC: utc, unit: .millis)
                convertedType = utc ? .timestampMillis : nil
            case .microsecond:
                logicalType = .timestamp(isAdjustedToUTC: utc, unit: .micros)
                convertedType = utc ? .timestampMicros : nil
            case .nanosecond:
                logicalType = .timestamp(isAdjustedToUTC: utc, unit: .nanos)
            }
        case .struct, .list, .map:
            throw ParquetError(.unsupported, "nested type \(type) is not a leaf", column: column)
        }
    }

    /// The fewest bytes whose two's complement holds every decimal of `precision` digits.
    static func decimalByteWidth(precision: Int) -> Int {
        let largest = Decimal128.powerOfTen(precision) - 1
        for bytes in 1..<16 where largest <= (Int128(1) << (8 * bytes - 1)) - 1 {
            return bytes
        }
        return 16
    }
}
