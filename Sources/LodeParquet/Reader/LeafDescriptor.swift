import LodeCore

/// A leaf column of the file: where its chunks are, how its values are stored and
/// which Lode type they become.
struct LeafDescriptor: Sendable {
    /// Index of the leaf's column chunk in every row group.
    let index: Int
    let path: [String]
    let physicalType: PhysicalType
    /// Byte width of a FIXED_LEN_BYTE_ARRAY value (0 for other types).
    let typeLength: Int
    let maxDefinitionLevel: Int
    let maxRepetitionLevel: Int
    /// The Lode type of the leaf's values.
    let type: DataType
    let conversion: LeafConversion

    /// The dotted path, as errors name the column.
    var name: String { path.joined(separator: ".") }
    /// Whether the leaf belongs to a group, so that its levels shape the group's arrays.
    var isNested: Bool { path.count > 1 }
}

/// How a leaf's physical values become its Lode type.
enum LeafConversion: Hashable, Sendable {
    /// The physical storage already is the Lode storage.
    case identity
    /// INT32 narrowed to Int8 or Int16, read as signed.
    case int32ToInt8, int32ToInt16
    /// Unsigned INT32 values widened: UINT_8 → Int16, UINT_16 → Int32, UINT_32 → Int64.
    case uint8ToInt16, uint16ToInt32, uint32ToInt64
    /// Unsigned INT64 kept as Int64; a value above `Int64.max` is an error.
    case uint64ToInt64
    /// Decimal unscaled values widened to Int128.
    case decimalFromInt32, decimalFromInt64
    /// Decimal unscaled values from big-endian two's complement bytes.
    case decimalFromBytes
    /// IEEE half-precision (FLOAT16) to Float.
    case float16ToFloat
    /// TIME values to Int64 microseconds since midnight.
    case timeMillisToMicros, timeNanosToMicros
    /// FIXED_LEN_BYTE_ARRAY to a binary column.
    case fixedToBinary
}
