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
        // While at least 21 input bytes remain, a tag, its up to 4 trailing bytes and a
        // short literal's 16-byte load all stay inside the input, so elements decode
        // with one table lookup and few branches. An element that fails a check leaves
        // this loop at its tag, and the checked loop below reports it.
        if inputCount > fastInputMargin {
            let fastEnd = inputEnd - fastInputMargin
            tagTable.withUnsafeBufferPointer { table in
                let table = table.baseAddress.unsafelyUnwrapped
                while ip < fastEnd {
                    let tag = ip.load(as: UInt8.self)
                    let entry = table[Int(tag)]
                    let trailerSize = Int(truncatingIfNeeded: (entry &>> 11) & 7)
                    let trailer = Int(LZ77.load32(ip + 1) & UInt32(truncatingIfNeeded: entry &>> 32))
                    let afterTag = ip + (1 &+ trailerSize)
                    // All ones for a literal, zero for a copy.
                    let literalMask = (Int(tag & 3) &- 1) &>> 63
                    let length = Int(truncatingIfNeeded: entry & 0xFF) &+ (trailer & literalMask)
                    let offset = Int(truncatingIfNeeded: entry & 0x700) | trailer
                    let written = op - output
                    let outputLeft = outputEnd - op
                    // Short literals and short copies from 8 or more bytes back share one
                    // path of two 8-byte moves, chosen by one branch on the sign of
                    // four bounds: length ≤ 16, 16 bytes of room, and for a copy (a
                    // literal counts as offset 8) 8 ≤ offset ≤ bytes written.
                    let checkedOffset = offset | (literalMask & 8)
                    let bounds = (16 &- length) | (outputLeft &- 16) | (checkedOffset &- 8) | (written &- checkedOffset)
                    let copySource = Int(bitPattern: op) &- offset
                    let source = copySource ^ ((copySource ^ Int(bitPattern: afterTag)) & literalMask)
                    if bounds >= 0 {
                        let from = UnsafeRawPointer(bitPattern: source).unsafelyUnwrapped
                        LZ77.copy8(from, op)
                        LZ77.copy8(from + 8, op + 8)
                        ip = afterTag + (length & literalMask)
                        op += length
                        continue
                    }
                    if literalMask != 0 {
                        guard length <= inputEnd - afterTag && length <= outputLeft else { return }
                        op.copyMemory(from: afterTag, byteCount: length)
                        ip = afterTag + length
                    } else {
                        guard UInt(bitPattern: offset &- 1) < UInt(bitPattern: written) && length <= outputLeft else { return }
                        LZ77.copyMatch(from: UnsafeRawPointer(op - offset), to: op, length: length, outputEnd: outputEnd)
                        ip = afterTag
                    }
                    op += length
                }
            }
        }
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
                    LZ77.copy16(ip, op)
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
                offset = Int(LZ77.load32(ip))
                ip += 4
            }
            guard offset > 0 && offset <= op - output && length <= outputEnd - op else {
                return -1 - (elementStart - input)
            }
            LZ77.copyMatch(from: UnsafeRawPointer(op - offset), to: op, length: length, outputEnd: outputEnd)
            op += length
        }
        return op - output
    }

    /// Input bytes the table-driven loop keeps in reserve: tag, trailer and 16-byte load.
    static let fastInputMargin = 21

    /// For each tag byte: bits 0-7 the length (for a literal longer than 60 bytes, 1, to
    /// which its trailer adds), bits 8-10 the high offset bits of a 1-byte-offset copy,
    /// bits 11-13 how many bytes follow the tag, bits 32-63 a mask of that many bytes.
    static let tagTable: [UInt64] = (0..<256).map { tag in
        let upper = UInt64(tag >> 2)
        let fields: UInt64
        switch UInt8(tag) & 3 {
        case literalTag where upper < 60: fields = upper + 1
        case literalTag: fields = 1 | (upper - 59) << 11
        case copy1Tag: fields = (4 + upper & 7) | UInt64(tag >> 5) << 8 | 1 << 11
        case copy2Tag: fields = (upper + 1) | 2 << 11
        default: fields = (upper + 1) | 4 << 11
        }
        let trailerSize = fields >> 11
        return fields | ((1 << (8 * trailerSize)) - 1) << 32
    }
}
