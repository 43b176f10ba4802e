/// Decodes BYTE_STREAM_SPLIT: byte `k` of value `i` is at `k * count + i`.
enum ByteStreamSplitDecoder {
    /// Reassembles `count` values of `width` bytes from `bytes`, which must hold
    /// exactly `count * width` bytes, into `out`.
    static func decode(_ bytes: UnsafeRawBufferPointer, count: Int, width: Int, into out: UnsafeMutableRawPointer) throws {
        guard width > 0, bytes.count == count * width else {
            throw ParquetError(.corruptData, "BYTE_STREAM_SPLIT data holds \(bytes.count) bytes, \(count) values of \(width) bytes need \(count * width)")
        }
        guard let source = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let target = out.assumingMemoryBound(to: UInt8.self)
        for k in 0..<width {
            let stream = source + k * count
            var destination = target + k
            for i in 0..<count {
                destination.pointee = stream[i]
                destination += width
            }
        }
    }
}
