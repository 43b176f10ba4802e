// Enumerations of the Parquet format (apache/parquet-format `parquet.thrift`).
// Each is a struct over its Thrift i32 so that values written by newer writers
// survive decoding and can be reported by number.

/// Physical storage type of a leaf column.
public struct PhysicalType: RawRepresentable, Hashable, Sendable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let boolean = PhysicalType(rawValue: 0)
    public static let int32 = PhysicalType(rawValue: 1)
    public static let int64 = PhysicalType(rawValue: 2)
    public static let int96 = PhysicalType(rawValue: 3)
    public static let float = PhysicalType(rawValue: 4)
    public static let double = PhysicalType(rawValue: 5)
    public static let byteArray = PhysicalType(rawValue: 6)
    public static let fixedLenByteArray = PhysicalType(rawValue: 7)
}

/// Legacy annotation of a schema element, superseded by ``LogicalType``.
public struct ConvertedType: RawRepresentable, Hashable, Sendable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let utf8 = ConvertedType(rawValue: 0)
    public static let map = ConvertedType(rawValue: 1)
    public static let mapKeyValue = ConvertedType(rawValue: 2)
    public static let list = ConvertedType(rawValue: 3)
    public static let `enum` = ConvertedType(rawValue: 4)
    public static let decimal = ConvertedType(rawValue: 5)
    public static let date = ConvertedType(rawValue: 6)
    public static let timeMillis = ConvertedType(rawValue: 7)
    public static let timeMicros = ConvertedType(rawValue: 8)
    public static let timestampMillis = ConvertedType(rawValue: 9)
    public static let timestampMicros = ConvertedType(rawValue: 10)
    public static let uint8 = ConvertedType(rawValue: 11)
    public static let uint16 = ConvertedType(rawValue: 12)
    public static let uint32 = ConvertedType(rawValue: 13)
    public static let uint64 = ConvertedType(rawValue: 14)
    public static let int8 = ConvertedType(rawValue: 15)
    public static let int16 = ConvertedType(rawValue: 16)
    public static let int32 = ConvertedType(rawValue: 17)
    public static let int64 = ConvertedType(rawValue: 18)
    public static let json = ConvertedType(rawValue: 19)
    public static let bson = ConvertedType(rawValue: 20)
    public static let interval = ConvertedType(rawValue: 21)
}

public struct FieldRepetitionType: RawRepresentable, Hashable, Sendable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let required = FieldRepetitionType(rawValue: 0)
    public static let optional = FieldRepetitionType(rawValue: 1)
    public static let repeated = FieldRepetitionType(rawValue: 2)
}

public struct Encoding: RawRepresentable, Hashable, Sendable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let plain = Encoding(rawValue: 0)
    public static let plainDictionary = Encoding(rawValue: 2)
    public static let rle = Encoding(rawValue: 3)
    public static let bitPacked = Encoding(rawValue: 4)
    public static let deltaBinaryPacked = Encoding(rawValue: 5)
    public static let deltaLengthByteArray = Encoding(rawValue: 6)
    public static let deltaByteArray = Encoding(rawValue: 7)
    public static let rleDictionary = Encoding(rawValue: 8)
    public static let byteStreamSplit = Encoding(rawValue: 9)
}

public struct CompressionCodec: RawRepresentable, Hashable, Sendable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let uncompressed = CompressionCodec(rawValue: 0)
    public static let snappy = CompressionCodec(rawValue: 1)
    public static let gzip = CompressionCodec(rawValue: 2)
    public static let lzo = CompressionCodec(rawValue: 3)
    public static let brotli = CompressionCodec(rawValue: 4)
    public static let lz4 = CompressionCodec(rawValue: 5)
    public static let zstd = CompressionCodec(rawValue: 6)
    public static let lz4Raw = CompressionCodec(rawValue: 7)
}

public struct PageType: RawRepresentable, Hashable, Sendable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let dataPage = PageType(rawValue: 0)
    public static let indexPage = PageType(rawValue: 1)
    public static let dictionaryPage = PageType(rawValue: 2)
    public static let dataPageV2 = PageType(rawValue: 3)
}
