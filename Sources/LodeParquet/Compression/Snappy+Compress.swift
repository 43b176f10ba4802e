extension Snappy {
    /// Input is compressed in independent blocks of this size, so every offset fits a
    /// 16-bit hash table entry and a two-byte copy.
    static let blockSize = 1 << 16
    /// The most hash table entries a block uses.
    static let maxHashTableBits = 15
    /// Blocks shorter than this are stored as one literal; the match finder also stops
    /// this far before a block's end, so its 8- and 16-byte loads stay inside the input.
    static let inputMargin = 15

    /// Compresses `input` into a raw Snappy block.
    static func compress(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        guard input.count <= maxUncompressedLength else {
            throw ParquetError(.invalidArgument, "snappy cannot compress \(input.count) bytes; the format stops at \(maxUncompressedLength)")
        }
        // Short literals are written with one 16-byte store and copies with a 4-byte
        // one, so keep 16 bytes of room past the bound.
        let capacity = maxCompressedLength(input.count) + 16
        return [UInt8](unsafeUninitializedCapacity: capacity) { output, count in
            guard let outputBase = output.baseAddress else { return }
            let start = UnsafeMutableRawPointer(outputBase)
            var op = writeLengthPreamble(UInt32(input.count), to: start)
            if let source = input.baseAddress, input.count > 0 {
                let table = UnsafeMutablePointer<UInt16>.allocate(capacity: 1 << maxHashTableBits)
                defer { table.deallocate() }
                var position = 0
                while position < input.count {
                    let length = min(input.count - position, blockSize)
                    var bits = 8
                    while bits < maxHashTableBits && (1 << bits) < length { bits += 1 }
                    table.update(repeating: 0, count: 1 << bits)
                    op = compressBlock(source + position, length, to: op, table: table, tableBits: bits)
                    position += length
                }
            }
            count = op - start
        }
    }

    /// The hash table slot of four input bytes: a multiplicative hash, top bits kept.
    @inline(__always)
    static func hash(_ bytes: UInt32, _ shift: UInt32) -> Int {
        Int(truncatingIfNeeded: (bytes &* 0x1E35_A7BD) &>> shift)
    }

    /// Compresses one block of at most ``blockSize`` bytes and returns the output byte
    /// after it. `table` holds `1 << tableBits` zeroed entries.
    static func compressBlock(
        _ input: UnsafeRawPointer, _ length: Int, to output: UnsafeMutableRawPointer,
        table: UnsafeMutablePointer<UInt16>, tableBits: Int
    ) -> UnsafeMutableRawPointer {
        var op = output
        let inputEnd = input + length
        var nextEmit = input
        if length >= inputMargin {
            let shift = UInt32(32 - tableBits)
            let inputLimit = inputEnd - inputMargin
            var ip = input + 1
            scan: while true {
                var candidate = input
                var found = false
                // Right after a copy the next match is often close: try the next 16
                // positions one by one, four from each 8-byte load.
                var skip: Int = 32
                if inputLimit - ip >= 16 {
                    let base = ip - input
                    probe: for group in 0..<4 {
                        var data = LZ77.load64(ip + 4 &* group)
                        for index in 0..<4 {
                            let bytes = UInt32(truncatingIfNeeded: data)
                            let h = hash(bytes, shift)
                            candidate = input + Int(table[h])
                            table[h] = UInt16(truncatingIfNeeded: base &+ 4 &* group &+ index)
                            if LZ77.load32(candidate) == bytes {
                                ip += 4 &* group &+ index
                                found = true
                                break probe
                            }
                            data &>>= 8
                        }
                    }
                    if !found {
                        ip += 16
                        skip &+= 16
                    }
                }
                // Then step further the longer no match is found, so incompressible
                // data is skipped quickly.
                if !found {
                    var bytes = LZ77.load32(ip)
                    while true {
                        let h = hash(bytes, shift)
                        let step = skip &>> 5
                        skip &+= step
                        let nextIp = ip + step
                        if nextIp > inputLimit { break scan }
                        candidate = input + Int(table[h])
                        table[h] = UInt16(truncatingIfNeeded: ip - input)
                        if LZ77.load32(candidate) == bytes { break }
                        bytes = LZ77.load32(nextIp)
                        ip = nextIp
                    }
                }

                op = emitLiteral(nextEmit, ip - nextEmit, to: op, fast: true)

                // Emit copies for as long as the position right after one starts another.
                repeat {
                    let matchStart = ip
                    let matched = 4 &+ LZ77.matchLength(candidate + 4, ip + 4, inputEnd)
                    ip += matched
                    op = emitCopy(offset: matchStart - candidate, length: matched, to: op)
                    nextEmit = ip
                    if ip >= inputLimit { break scan }
                    let word = LZ77.load64(ip - 1)
                    table[hash(UInt32(truncatingIfNeeded: word), shift)] = UInt16(truncatingIfNeeded: ip - 1 - input)
                    let h = hash(UInt32(truncatingIfNeeded: word &>> 8), shift)
                    candidate = input + Int(table[h])
                    table[h] = UInt16(truncatingIfNeeded: ip - input)
                } while LZ77.load32(ip) == LZ77.load32(candidate)
                ip += 1
            }
        }
        if nextEmit < inputEnd {
            op = emitLiteral(nextEmit, inputEnd - nextEmit, to: op, fast: false)
        }
        return op
    }

    /// Writes a literal of `length` (≥ 1) bytes from `source`. With `fast`, a literal of
    /// at most 16 bytes is copied with one 16-byte move, which may read up to 15 bytes
    /// past it in the input and write as far past it in the output.
    @inline(__always)
    static func emitLiteral(
        _ source: UnsafeRawPointer, _ length: Int, to output: UnsafeMutableRawPointer, fast: Bool
    ) -> UnsafeMutableRawPointer {
        var op = output
        let n = length &- 1
        if n < 60 {
            op.storeBytes(of: UInt8(truncatingIfNeeded: n << 2), as: UInt8.self)
            op += 1
            if fast && length <= 16 {
                LZ77.copy16(source, op)
                return op + length
            }
        } else {
            var extraBytes = 1
            while extraBytes < 4 && n >> (8 * extraBytes) != 0 { extraBytes += 1 }
            op.storeBytes(of: UInt8(truncatingIfNeeded: (59 + extraBytes) << 2), as: UInt8.self)
            op += 1
            for index in 0..<extraBytes {
                op.storeBytes(of: UInt8(truncatingIfNeeded: n >> (8 * index)), toByteOffset: index, as: UInt8.self)
            }
            op += extraBytes
        }
        op.copyMemory(from: source, byteCount: length)
        return op + length
    }

    /// Writes copies of `length` (≥ 4) bytes from `offset` (< 65536) bytes back. May
    /// write up to 2 bytes past them.
    @inline(__always)
    static func emitCopy(offset: Int, length: Int, to output: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        var op = output
        var remaining = length
        if remaining <= 64 {
            // One 4-byte store of either form, chosen without a branch; the bytes past
            // the copy are overwritten by what follows.
            let isShort = remaining < 12 && offset < 2048
            let short = UInt32(truncatingIfNeeded: Int(copy1Tag) | (remaining &- 4) << 2 | (offset >> 8) << 5 | (offset & 0xFF) << 8)
            let long = UInt32(truncatingIfNeeded: Int(copy2Tag) | (remaining &- 1) << 2 | offset << 8)
            op.storeBytes(of: (isShort ? short : long).littleEndian, as: UInt32.self)
            return op + (isShort ? 2 : 3)
        }
        // Long matches become 64-byte copies, keeping at least 4 bytes for the last one.
        while remaining >= 68 {
            op = emitTwoByteOffsetCopy(offset: offset, length: 64, to: op)
            remaining &-= 64
        }
        if remaining > 64 {
            op = emitTwoByteOffsetCopy(offset: offset, length: 60, to: op)
            remaining &-= 60
        }
        if remaining < 12 && offset < 2048 {
            return emitShortCopy(offset: offset, length: remaining, to: op)
        }
        return emitTwoByteOffsetCopy(offset: offset, length: remaining, to: op)
    }

    /// A copy with a 1-byte offset: length 4...11, offset below 2048.
    @inline(__always)
    static func emitShortCopy(offset: Int, length: Int, to op: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        let tag = Int(copy1Tag) | (length &- 4) << 2 | (offset >> 8) << 5
        op.storeBytes(of: UInt8(truncatingIfNeeded: tag), as: UInt8.self)
        op.storeBytes(of: UInt8(truncatingIfNeeded: offset), toByteOffset: 1, as: UInt8.self)
        return op + 2
    }

    /// A copy with a 2-byte offset: length 1...64.
    @inline(__always)
    static func emitTwoByteOffsetCopy(offset: Int, length: Int, to op: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        op.storeBytes(of: UInt8(truncatingIfNeeded: Int(copy2Tag) | (length &- 1) << 2), as: UInt8.self)
        op.storeBytes(of: UInt16(truncatingIfNeeded: offset).littleEndian, toByteOffset: 1, as: UInt16.self)
        return op + 3
    }
}
