/// LZ4_RAW: the LZ4 block format (no frame), as Parquet stores it.
///
/// A block is a run of sequences. Each opens with a token byte: the high nibble is the
/// literal length, the low nibble the match length minus 4, either extended by bytes
/// that add 255 while they are 255. Then come the literals, a 2-byte little-endian
/// offset (1...65535) and the match length's extension. The last sequence has literals
/// only; the last match starts at least 12 bytes before the end and the last 5 bytes are
/// literals.
enum LZ4Raw {
    static let minMatch = 4
    /// The last bytes of a block that are always literals.
    static let lastLiterals = 5
    /// A match starts at least this many bytes before the end of the block.
    static let matchStartMargin = 12
    static let maxOffset = 65_535
    static let hashBits = 14

    /// An upper bound on the compressed size of `length` input bytes, as liblz4's
    /// `LZ4_compressBound`.
    static func maxCompressedLength(_ length: Int) -> Int {
        length + length / 255 + 16
    }

    // MARK: Compression

    /// Compresses `input` into one LZ4 block.
    static func compress(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        guard input.count <= Int(Int32.max) else {
            throw ParquetError(.invalidArgument, "LZ4_RAW cannot compress \(input.count) bytes in one page")
        }
        // Short literals are moved 16 bytes at a time, so keep that much room.
        let capacity = maxCompressedLength(input.count) + 16
        return [UInt8](unsafeUninitializedCapacity: capacity) { output, count in
            guard let outputBase = output.baseAddress else { return }
            let start = UnsafeMutableRawPointer(outputBase)
            var op = start
            if let source = input.baseAddress, input.count > matchStartMargin {
                let table = UnsafeMutablePointer<UInt32>.allocate(capacity: 1 << hashBits)
                defer { table.deallocate() }
                table.initialize(repeating: 0, count: 1 << hashBits)
                op = compressBlock(source, input.count, to: op, table: table)
            } else if let source = input.baseAddress {
                op = emitSequence(
                    literals: source, literalLength: input.count, offset: 0, matchLength: 0,
                    inputEnd: source + input.count, to: op)
            } else {
                op.storeBytes(of: 0, as: UInt8.self)
                op += 1
            }
            count = op - start
        }
    }

    /// The hash table slot of four input bytes: a multiplicative hash, top bits kept.
    @inline(__always)
    static func hash(_ bytes: UInt32) -> Int {
        Int(truncatingIfNeeded: (bytes &* 2_654_435_761) &>> UInt32(32 - hashBits))
    }

    /// Compresses `length` (> 12) bytes with greedy matching; `table` is zeroed.
    static func compressBlock(
        _ input: UnsafeRawPointer, _ length: Int, to output: UnsafeMutableRawPointer,
        table: UnsafeMutablePointer<UInt32>
    ) -> UnsafeMutableRawPointer {
        var op = output
        let inputEnd = input + length
        let lastMatchStart = inputEnd - matchStartMargin
        let matchEndLimit = inputEnd - lastLiterals
        var anchor = input
        var ip = input + 1
        scan: while true {
            // Find a 4-byte match, stepping further the longer none is found.
            var candidate: UnsafeRawPointer
            var attempts = 1 << 6
            while true {
                if ip > lastMatchStart { break scan }
                let bytes = LZ77.load32(ip)
                let h = hash(bytes)
                candidate = input + Int(table[h])
                table[h] = UInt32(truncatingIfNeeded: ip - input)
                if ip - candidate <= maxOffset && LZ77.load32(candidate) == bytes { break }
                ip += attempts &>> 6
                attempts &+= 1
            }
            // Extend it backwards over bytes not yet emitted.
            while ip > anchor && candidate > input
                && (ip - 1).load(as: UInt8.self) == (candidate - 1).load(as: UInt8.self) {
                ip -= 1
                candidate -= 1
            }
            let matched = minMatch &+ LZ77.matchLength(candidate + minMatch, ip + minMatch, matchEndLimit)
            op = emitSequence(literals: anchor, literalLength: ip - anchor, offset: ip - candidate, matchLength: matched, inputEnd: inputEnd, to: op)
            ip += matched
            anchor = ip
            if ip > lastMatchStart { break }
            table[hash(LZ77.load32(ip - 2))] = UInt32(truncatingIfNeeded: ip - 2 - input)
        }
        return emitSequence(literals: anchor, literalLength: inputEnd - anchor, offset: 0, matchLength: 0, inputEnd: inputEnd, to: op)
    }

    /// Writes one sequence; with `matchLength` 0 it is the closing literals-only one.
    /// Literals are read no further than `inputEnd`.
    @inline(__always)
    static func emitSequence(
        literals: UnsafeRawPointer, literalLength: Int, offset: Int, matchLength: Int,
        inputEnd: UnsafeRawPointer, to output: UnsafeMutableRawPointer
    ) -> UnsafeMutableRawPointer {
        var op = output
        let token = op
        op += 1
        let literalCode = min(literalLength, 15)
        if literalLength >= 15 { op = writeLengthExtension(literalLength - 15, to: op) }
        if literalLength <= 16 && inputEnd - literals >= 16 {
            LZ77.copy16(literals, op)
        } else {
            op.copyMemory(from: literals, byteCount: literalLength)
        }
        op += literalLength
        guard matchLength > 0 else {
            token.storeBytes(of: UInt8(truncatingIfNeeded: literalCode << 4), as: UInt8.self)
            return op
        }
        op.storeBytes(of: UInt16(truncatingIfNeeded: offset).littleEndian, as: UInt16.self)
        op += 2
        let matchCode = min(matchLength - minMatch, 15)
        if matchLength - minMatch >= 15 { op = writeLengthExtension(matchLength - minMatch - 15, to: op) }
        token.storeBytes(of: UInt8(truncatingIfNeeded: literalCode << 4 | matchCode), as: UInt8.self)
        return op
    }

    /// Writes `value` as bytes of 255 and a final byte below 255.
    @inline(__always)
    static func writeLengthExtension(_ value: Int, to output: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        var op = output
        var remaining = value
        while remaining >= 255 {
            op.storeBytes(of: 255, as: UInt8.self)
            op += 1
            remaining -= 255
        }
        op.storeBytes(of: UInt8(truncatingIfNeeded: remaining), as: UInt8.self)
        return op + 1
    }
}
