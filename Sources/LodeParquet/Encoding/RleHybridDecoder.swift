/// Decodes the RLE/bit-packed hybrid encoding used for repetition and definition
/// levels, dictionary indices and RLE booleans.
///
/// The input holds runs, each either one value repeated (`header = count << 1`) or
/// groups of eight bit-packed values (`header = groups << 1 | 1`). A bit-packed run
/// cut short by the end of the data yields the values its bytes hold.
struct RleHybridDecoder {
    private var cursor: DecodeCursor
    let bitWidth: Int
    private let valueByteCount: Int
    private var repeatRemaining = 0
    private var repeatValue: UInt64 = 0
    private var packedRemaining = 0
    private var packedBytes = UnsafeRawBufferPointer(start: nil, count: 0)
    private var packedBit = 0

    /// A decoder over `bytes` (without any length prefix) for values of `bitWidth` bits (0...64).
    init(_ bytes: UnsafeRawBufferPointer, bitWidth: Int) throws {
        guard (0...64).contains(bitWidth) else {
            throw ParquetError(.corruptData, "RLE bit width \(bitWidth) is out of range")
        }
        cursor = DecodeCursor(bytes)
        self.bitWidth = bitWidth
        valueByteCount = (bitWidth + 7) / 8
    }

    /// One run: `count` values that are all `value` (`packed == false`), or `count`
    /// bit-packed values to take with ``unpack(into:count:)``.
    struct Run {
        var value: UInt64
        var count: Int
        var packed: Bool
    }

    /// The rest of the current run, or of the next one, limited to `limit` values.
    /// Repeated values are consumed by this call; packed values by ``unpack(into:count:)``.
    mutating func nextRun(limit: Int) throws -> Run {
        while repeatRemaining == 0 && packedRemaining == 0 { try readRunHeader() }
        if repeatRemaining > 0 {
            let n = min(repeatRemaining, limit)
            repeatRemaining -= n
            return Run(value: repeatValue, count: n, packed: false)
        }
        return Run(value: 0, count: min(packedRemaining, limit), packed: true)
    }

    /// Unpacks `count` values of the current bit-packed run (at most what
    /// ``nextRun(limit:)`` reported).
    @inline(__always)
    mutating func unpack<T: FixedWidthInteger>(into out: UnsafeMutablePointer<T>, count: Int) {
        precondition(count <= packedRemaining, "unpack beyond the bit-packed run")
        BitUnpackDecoder.unpack(packedBytes, startBit: packedBit, bitWidth: bitWidth, count: count, into: out)
        packedBit += count * bitWidth
        packedRemaining -= count
    }

    /// Decodes exactly `count` values into `out`; throws if the data ends first.
    mutating func decode<T: FixedWidthInteger>(into out: UnsafeMutablePointer<T>, count: Int) throws {
        var filled = 0
        while filled < count {
            let run = try nextRun(limit: count - filled)
            if run.packed {
                unpack(into: out + filled, count: run.count)
            } else {
                (out + filled).initialize(repeating: T(truncatingIfNeeded: run.value), count: run.count)
            }
            filled += run.count
        }
    }

    /// Decodes exactly `count` values into a new array.
    mutating func decode<T: FixedWidthInteger>(count: Int, as: T.Type = T.self) throws -> [T] {
        try [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress { try decode(into: base, count: count) }
            initialized = count
        }
    }

    private mutating func readRunHeader() throws {
        guard !cursor.isAtEnd else { throw ParquetError(.corruptData, "RLE data ends before all values were read") }
        let header = try cursor.readVarint()
        if header & 1 == 1 {
            let groups = header >> 1
            guard groups <= UInt64(Int32.max) / 8 else {
                throw ParquetError(.corruptData, "RLE bit-packed run of \(groups) groups is too long")
            }
            let values = Int(groups) * 8
            let needed = Int(groups) * bitWidth
            let available = min(needed, cursor.remaining)
            packedBytes = try cursor.readBytes(available)
            packedBit = 0
            packedRemaining = bitWidth == 0 ? values : min(values, available * 8 / bitWidth)
            if packedRemaining == 0 && values > 0 {
                throw ParquetError(.corruptData, "RLE data ends inside a bit-packed run")
            }
        } else {
            let count = header >> 1
            guard count <= UInt64(Int32.max) else {
                throw ParquetError(.corruptData, "RLE run of \(count) values is too long")
            }
            var value: UInt64 = 0
            for i in 0..<valueByteCount {
                value |= UInt64(try cursor.readByte()) << UInt64(8 * i)
            }
            guard value & ~BitUnpackDecoder.mask(bitWidth) == 0 else {
                throw ParquetError(.corruptData, "RLE run value \(value) does not fit \(bitWidth) bits")
            }
            repeatValue = value
            repeatRemaining = Int(count)
        }
    }
}
