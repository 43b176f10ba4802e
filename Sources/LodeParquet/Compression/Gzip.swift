import CZlib

/// GZIP pages through the system zlib: a gzip wrapper on write, as parquet-java and Arrow
/// write it; gzip or zlib wrappers on read, including several concatenated gzip members.
enum Gzip {
    /// zlib's default level (6), which parquet-java uses.
    static let defaultLevel = Int(Z_DEFAULT_COMPRESSION)

    /// Compresses `input` into one gzip member at `level` (0...9, or -1 for zlib's default).
    static func compress(_ input: UnsafeRawBufferPointer, level: Int = defaultLevel) throws -> [UInt8] {
        guard level == -1 || (0...9).contains(level) else {
            throw ParquetError(.invalidArgument, "gzip compression level \(level) is outside 0...9")
        }
        guard input.count <= Int(UInt32.max) else {
            throw ParquetError(.invalidArgument, "gzip cannot compress \(input.count) bytes in one page")
        }
        var stream = z_stream()
        let status = deflateInit2_(
            &stream, Int32(level), Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
            zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw error("deflateInit2 failed", status, stream) }
        defer { deflateEnd(&stream) }

        let bound = Int(deflateBound(&stream, uLong(input.count)))
        var empty: UInt8 = 0
        return try withUnsafeMutablePointer(to: &empty) { emptyInput in
            try [UInt8](unsafeUninitializedCapacity: bound) { output, count in
                stream.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self)) } ?? emptyInput
                stream.avail_in = uInt(input.count)
                stream.next_out = output.baseAddress
                stream.avail_out = uInt(output.count)
                let status = deflate(&stream, Z_FINISH)
                guard status == Z_STREAM_END else { throw error("deflate did not finish", status, stream) }
                count = Int(stream.total_out)
            }
        }
    }

    /// Decompresses gzip or zlib data that must expand to exactly `uncompressedSize` bytes.
    static func decompress(_ input: UnsafeRawBufferPointer, uncompressedSize: Int) throws -> [UInt8] {
        guard input.count <= Int(UInt32.max) else {
            throw ParquetError(.invalidArgument, "gzip cannot decompress \(input.count) bytes in one page")
        }
        guard let inputStart = input.baseAddress, !input.isEmpty else {
            throw ParquetError(.corruptData, "gzip page is empty")
        }
        var stream = z_stream()
        // 15 + 32: a 32K window, gzip or zlib header detected automatically.
        let status = inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw error("inflateInit2 failed", status, stream) }
        defer { inflateEnd(&stream) }

        // One spare byte of room shows when the data expands to more than it should.
        return try [UInt8](unsafeUninitializedCapacity: uncompressedSize + 1) { output, count in
            guard let outputStart = output.baseAddress else { return }
            stream.next_in = UnsafeMutablePointer(mutating: inputStart.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = outputStart
            stream.avail_out = uInt(uncompressedSize + 1)
            var produced = 0
            while true {
                let status = inflate(&stream, Z_NO_FLUSH)
                produced = uncompressedSize + 1 - Int(stream.avail_out)
                guard produced <= uncompressedSize else {
                    throw ParquetError(.corruptData, "gzip page expands to more than the \(uncompressedSize) bytes its header says")
                }
                switch status {
                case Z_OK:
                    continue
                case Z_STREAM_END:
                    // Another member may follow; bytes after the expected output are ignored.
                    if stream.avail_in > 0 && produced < uncompressedSize {
                        let reset = inflateReset(&stream)
                        guard reset == Z_OK else { throw error("inflateReset failed", reset, stream) }
                        continue
                    }
                case Z_BUF_ERROR:
                    throw ParquetError(.corruptData, "gzip page is truncated after \(produced) of \(uncompressedSize) bytes")
                default:
                    throw error("gzip page does not inflate", status, stream)
                }
                break
            }
            guard produced == uncompressedSize else {
                throw ParquetError(.corruptData, "gzip page expands to \(produced) bytes, its header says \(uncompressedSize)")
            }
            count = produced
        }
    }

    private static func error(_ what: String, _ status: Int32, _ stream: z_stream) -> ParquetError {
        let detail = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
        let kind: ParquetError.Kind = status == Z_DATA_ERROR || status == Z_NEED_DICT ? .corruptData : .io
        return ParquetError(kind, "\(what): \(detail)")
    }
}
