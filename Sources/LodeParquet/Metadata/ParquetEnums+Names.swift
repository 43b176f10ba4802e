// Names of the Parquet enumerations as parquet.thrift spells them, for reports and errors.

extension PhysicalType: CustomStringConvertible {
    public var description: String {
        let names = ["BOOLEAN", "INT32", "INT64", "INT96", "FLOAT", "DOUBLE", "BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"]
        return names.indices.contains(Int(rawValue)) ? names[Int(rawValue)] : "TYPE(\(rawValue))"
    }
}

extension Encoding: CustomStringConvertible {
    public var description: String {
        let names = ["PLAIN", "GROUP_VAR_INT", "PLAIN_DICTIONARY", "RLE", "BIT_PACKED", "DELTA_BINARY_PACKED",
                     "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY", "RLE_DICTIONARY", "BYTE_STREAM_SPLIT"]
        return names.indices.contains(Int(rawValue)) ? names[Int(rawValue)] : "ENCODING(\(rawValue))"
    }
}

extension CompressionCodec: CustomStringConvertible {
    public var description: String {
        let names = ["UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW"]
        return names.indices.contains(Int(rawValue)) ? names[Int(rawValue)] : "CODEC(\(rawValue))"
    }

    /// The codec named `name` (case-insensitive; `none` means uncompressed).
    public init?(name: String) {
        switch name.lowercased() {
        case "none", "uncompressed": self = .uncompressed
        case "snappy": self = .snappy
        case "gzip": self = .gzip
        case "zstd": self = .zstd
        case "lz4_raw", "lz4raw": self = .lz4Raw
        case "brotli": self = .brotli
        case "lzo": self = .lzo
        case "lz4": self = .lz4
        default: return nil
        }
    }
}

extension PageType: CustomStringConvertible {
    public var description: String {
        let names = ["DATA_PAGE", "INDEX_PAGE", "DICTIONARY_PAGE", "DATA_PAGE_V2"]
        return names.indices.contains(Int(rawValue)) ? names[Int(rawValue)] : "PAGE(\(rawValue))"
    }
}
