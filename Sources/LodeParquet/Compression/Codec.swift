/// Page compression and decompression for each ``CompressionCodec``.
///
/// SNAPPY and LZ4_RAW are pure Swift (`Snappy`, `LZ4Raw`), GZIP uses the system zlib
/// (`Gzip`), ZSTD the system libzstd loaded at run time (`Zstd`). LZO, BROTLI and the
/// deprecated Hadoop-framed LZ4 are not supported.
enum Codec {
    /// Compresses `input` with `codec`. `level` applies to GZIP (0...9, default 6) and
    /// ZSTD (default 1); `nil` takes the codec's default and other codecs ignore it.
    static func compress(_ codec: CompressionCodec, _ input: UnsafeRawBufferPointer, level: Int? = nil) throws -> [UInt8] {
        switch codec {
        case .uncompressed: return Array(input)
        case .snappy: return try Snappy.compress(input)
        case .gzip: return try Gzip.compress(input, level: level ?? Gzip.defaultLevel)
        case .zstd: return try Zstd.compress(input, level: level ?? Zstd.defaultLevel)
        case .lz4Raw: return try LZ4Raw.compress(input)
        default: throw unsupported(codec)
        }
    }

    /// Decompresses `input`, which must expand to exactly `uncompressedSize` bytes.
    static func decompress(_ codec: CompressionCodec, _ input: UnsafeRawBufferPointer, uncompressedSize: Int) throws -> [UInt8] {
        guard uncompressedSize >= 0 else {
            throw ParquetError(.corruptData, "page header gives a negative uncompressed size \(uncompressedSize)")
        }
        switch codec {
        case .uncompressed:
            guard input.count == uncompressedSize else {
                throw ParquetError(.corruptData, "uncompressed page holds \(input.count) bytes, header says \(uncompressedSize)")
            }
            return Array(input)
        case .snappy: return try Snappy.decompress(input, uncompressedSize: uncompressedSize)
        case .gzip: return try Gzip.decompress(input, uncompressedSize: uncompressedSize)
        case .zstd: return try Zstd.decompress(input, uncompressedSize: uncompressedSize)
        case .lz4Raw: return try LZ4Raw.decompress(input, uncompressedSize: uncompressedSize)
        default: throw unsupported(codec)
        }
    }

    /// The codec's name as parquet.thrift spells it.
    static func name(of codec: CompressionCodec) -> String {
        switch codec {
        case .uncompressed: return "UNCOMPRESSED"
        case .snappy: return "SNAPPY"
        case .gzip: return "GZIP"
        case .lzo: return "LZO"
        case .brotli: return "BROTLI"
        case .lz4: return "LZ4"
        case .zstd: return "ZSTD"
        case .lz4Raw: return "LZ4_RAW"
        default: return "codec \(codec.rawValue)"
        }
    }

    private static func unsupported(_ codec: CompressionCodec) -> ParquetError {
        ParquetError(.unsupported, "\(name(of: codec)) compression is not supported")
    }
}
