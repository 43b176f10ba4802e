extension Snappy {
    /// Decompresses a raw Snappy block that must expand to exactly `uncompressedSize`
    /// bytes. Every element is checked against the input and output bounds; a corrupt
    /// block throws ``ParquetError/Kind/corruptData``.
    static func decompress(_ input: UnsafeRawBufferPointer, uncompressedSize: Int) throws -> [UInt8] {
        guard let (length, preambleSize) = readLengthPreamble(input) else {
            throw ParquetError(.corruptData, "snappy block has no valid length preamble")
        }
        guard length == uncompressedSize else {
            throw ParquetError(.corruptData, "snappy block decompresses to \(length) bytes, page header says \(uncompressedSize)")
        }
        let body = UnsafeRawBufferPointer(rebasing: input[preambleSize...])
        if length == 0 {
            guard body.isEmpty else {
                throw ParquetError(.corruptData, "snappy block of length 0 has \(body.count) bytes of elements")
            }
            return []
        }
        guard let bodyStart = body.baseAddress, !body.isEmpty else {
            throw ParquetError(.corruptData, "snappy block of length \(length) has no elements")
        }
        return try [UInt8](unsafeUninitializedCapacity: length) { output, count in
            guard let outputStart = output.baseAddress else { return }
            let written = decompressElements(bodyStart, body.count, to: UnsafeMutableRawPointer(outputStart), length)
            guard written == length else {
                if written < 0 {
                    throw ParquetError(.corruptData, "snappy element at byte \(preambleSize - written - 1) is corrupt or runs past the block")
                }
                throw ParquetError(.corruptData, "snappy block expands to \(written) bytes, its preamble says \(length)")
            }
            count = length
        }
    }

    /// Decodes the elements in `input` into `output`. Returns the number of bytes
    /// written, or `-1 - position` for the input position of a bad element.
    static func decompressElements(
        _ input: UnsafeRawPointer, _ inputCount: Int, to output: UnsafeMutableRawPointer, _ outputCount: Int
    ) -> Int {
        var ip = input
        let inputEnd = input + inputCount
        var op = output
        let outputEnd = output + outputCount
        while ip < inputEnd {
            let elementStart = ip
            let tag = ip.load(as: UInt8.self)
            ip += 1
            let kind = tag & 3
            if kind == literalTag {
                var length = Int(tag &>> 2) &+ 1
                if length > 60 {
                    let extraBytes = length &- 60
                    guard inputEnd - ip >= extraBytes else { return -1 - (elementStart - input) }
                    var value = 0
                    for index in 0..<extraBytes {
                        value |= Int(ip.load(fromByteOffset: index, as: UInt8.self)) << (8 &* index)
                    }
                    ip += extraBytes
                    length = value &+ 1
                }
                let inputLeft = inputEnd - ip
                let outputLeft = outputEnd - op
                guard length <= inputLeft && length <= outputLeft else { return -1 - (elementStart - input) }
                if length <= 16 && inputLeft >= 16 && outputLeft >= 16 {
                    copy16(ip, op)
                } else {
                    op.copyMemory(from: ip, byteCount: length)
                }
                ip += length
                op += length
                continue
            }

            let length: Int
            let offset: Int
            if kind == copy1Tag {
                guard ip < inputEnd else { return -1 - (elementStart - input) }
                length = 4 &+ Int((tag &>> 2) & 7)
                offset = Int(tag &>> 5) << 8 | Int(ip.load(as: UInt8.self))
                ip += 1
            } else if kind == copy2Tag {
                guard inputEnd - ip >= 2 else { return -1 - (elementStart - input) }
                length = 1 &+ Int(tag &>> 2)
                offset = Int(UInt16(littleEndian: ip.loadUnaligned(as: UInt16.self)))
                ip += 2
            } else {
                guard inputEnd - ip >= 4 else { return -1 - (elementStart - input) }
                length = 1 &+ Int(tag &>> 2)
                offset = Int(load32(ip))
                ip += 4
            }
            guard offset > 0 && offset <= op - output && length <= outputEnd - op else {
                return -1 - (elementStart - input)
            }
            copyMatch(from: UnsafeRawPointer(op - offset), to: op, length: length, outputEnd: outputEnd)
            op += length
        }
        return op - output
    }

    /// Copies `length` bytes from `source` to `destination`, `destination - source` bytes
    /// later in the same buffer; the ranges may overlap, so bytes written earlier in the
    /// copy are read again. `destination + length` is at most `outputEnd`.
    @inline(__always)
    static func copyMatch(
        from source: UnsafeRawPointer, to destination: UnsafeMutableRawPointer, length: Int,
        outputEnd: UnsafeMutableRawPointer
    ) {
        let offset = UnsafeRawPointer(destination) - source
        // Fast paths may write up to 16 bytes past the copy; only take them with that room.
        if outputEnd - destination >= length &+ 16 {
            if offset >= 8 {
                if length <= 16 {
                    copy8(source, destination)
                    copy8(source + 8, destination + 8)
                    return
                }
                var done = 0
                while done < length {
                    copy8(source + done, destination + done)
                    done &+= 8
                }
                return
            }
            // A short offset repeats a pattern: copy it onto itself, doubling the distance
            // between reader and writer until 8-byte moves no longer overlap.
            var op = destination
            let end = destination + length
            var distance = offset
            while distance < 8 {
                copy8(source, op)
                op += distance
                distance &+= distance
                if op >= end { return }
            }
            var from = source
            while op < end {
                copy8(from, op)
                from += 8
                op += 8
            }
            return
        }
        for index in 0..<length {
            destination.storeBytes(of: source.load(fromByteOffset: index, as: UInt8.self), toByteOffset: index, as: UInt8.self)
        }
    }
}
