/// Page compression and decompression for each ``CompressionCodec``.
enum Codec {
    /// Compresses `input` with `codec`.
    static func compress(_ codec: CompressionCodec, _ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        switch codec {
        case .uncompressed: return Array(input)
        default: throw ParquetError(.unsupported, "compression codec \(codec.rawValue) is not available yet")
        }
    }

    /// Decompresses `input`, which must expand to exactly `uncompressedSize` bytes.
    static func decompress(_ codec: CompressionCodec, _ input: UnsafeRawBufferPointer, uncompressedSize: Int) throws -> [UInt8] {
        switch codec {
        case .uncompressed:
            guard input.count == uncompressedSize else {
                throw ParquetError(.corruptData, "uncompressed page holds \(input.count) bytes, header says \(uncompressedSize)")
            }
            return Array(input)
        default: throw ParquetError(.unsupported, "compression codec \(codec.rawValue) is not available yet")
        }
    }
}
