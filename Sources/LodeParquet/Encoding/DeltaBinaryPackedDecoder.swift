/// Decodes DELTA_BINARY_PACKED integers: a header (block size, miniblocks per
/// block, value count, first value), then blocks of a zigzag minimum delta, one
/// bit width per miniblock and the bit-packed deltas. Arithmetic wraps, so INT32
/// columns decode through the same 64-bit path and truncate.
struct DeltaBinaryPackedDecoder {
    private var cursor: DecodeCursor
    /// Number of values the header announces.
    let totalCount: Int
    private let valuesPerMiniblock: Int
    private let miniblocksPerBlock: Int
    private var previous: Int64
    private var produced = 0
    private var scratch: [UInt64]

    /// Reads the header; `maxCount` bounds the value count the data may announce.
    init(_ bytes: UnsafeRawBufferPointer, maxCount: Int) throws {
        cursor = DecodeCursor(bytes)
        let blockSize = try cursor.readCount("DELTA_BINARY_PACKED block size", limit: 1 << 20)
        let miniblocks = try cursor.readCount("DELTA_BINARY_PACKED miniblock count", limit: 1 << 16)
        totalCount = try cursor.readCount("DELTA_BINARY_PACKED value count")
        previous = try cursor.readZigzag()
        guard blockSize > 0, blockSize % 128 == 0, miniblocks > 0, blockSize % miniblocks == 0,
              (blockSize / miniblocks) % 32 == 0 else {
            throw ParquetError(.corruptData,
                               "DELTA_BINARY_PACKED block size \(blockSize) with \(miniblocks) miniblocks is invalid")
        }
        guard totalCount <= maxCount else {
            throw ParquetError(.corruptData, "DELTA_BINARY_PACKED announces \(totalCount) values, at most \(maxCount) expected")
        }
        valuesPerMiniblock = blockSize / miniblocks
        miniblocksPerBlock = miniblocks
        scratch = [UInt64](repeating: 0, count: valuesPerMiniblock)
    }

    /// Decodes all announced values into `out`, truncating each to `T`; afterwards
    /// ``consumedBytes`` tells where the encoded data ended.
    mutating func decodeAll<T: FixedWidthInteger>(into out: UnsafeMutablePointer<T>) throws {
        guard totalCount > 0 else { return }
        out[0] = T(truncatingIfNeeded: previous)
        produced = 1
        var value = previous
        while produced < totalCount {
            let minDelta = try cursor.readZigzag()
            let widths = try cursor.readBytes(miniblocksPerBlock)
            for m in 0..<miniblocksPerBlock where produced < totalCount {
                let width = Int(widths[m])
                guard width <= 64 else {
                    throw ParquetError(.corruptData, "DELTA_BINARY_PACKED bit width \(width) exceeds 64")
                }
                let n = min(valuesPerMiniblock, totalCount - produced)
                // The last miniblock should be padded to full size; accept it cut after its values.
                let full = valuesPerMiniblock / 8 * width
                let needed = (n * width + 7) / 8
                guard cursor.remaining >= needed else { throw DecodeCursor.truncated("a DELTA_BINARY_PACKED miniblock") }
                let packed = try cursor.readBytes(min(full, cursor.remaining))
                scratch.withUnsafeMutableBufferPointer { deltas in
                    guard let base = deltas.baseAddress else { return }
                    BitUnpackDecoder.unpack(packed, bitWidth: width, count: n, into: base)
                    for i in 0..<n {
                        value = value &+ minDelta &+ Int64(bitPattern: base[i])
                        out[produced + i] = T(truncatingIfNeeded: value)
                    }
                }
                produced += n
            }
        }
    }

    /// Bytes consumed from the start of the input once every value is decoded.
    var consumedBytes: Int { cursor.position }

    /// Decodes a whole DELTA_BINARY_PACKED run at the start of `bytes` into a new array;
    /// returns the values and the bytes they took.
    static func decode<T: FixedWidthInteger>(_ bytes: UnsafeRawBufferPointer, maxCount: Int,
                                             as: T.Type = T.self) throws -> (values: [T], consumed: Int) {
        var decoder = try DeltaBinaryPackedDecoder(bytes, maxCount: maxCount)
        let values = try [T](unsafeUninitializedCapacity: decoder.totalCount) { buffer, initialized in
            if let base = buffer.baseAddress { try decoder.decodeAll(into: base) }
            initialized = decoder.totalCount
        }
        return (values, decoder.consumedBytes)
    }
}
