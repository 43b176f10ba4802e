extension LZ4Raw {
    /// Decompresses one LZ4 block that must expand to exactly `uncompressedSize` bytes.
    /// Every sequence is checked against the input and output bounds; a corrupt block
    /// throws ``ParquetError/Kind/corruptData``.
    static func decompress(_ input: UnsafeRawBufferPointer, uncompressedSize: Int) throws -> [UInt8] {
        guard let inputStart = input.baseAddress, !input.isEmpty else {
            throw ParquetError(.corruptData, "LZ4_RAW page is empty")
        }
        if uncompressedSize == 0 {
            guard input.count == 1 && input[0] == 0 else {
                throw ParquetError(.corruptData, "LZ4_RAW page of length 0 holds \(input.count) bytes other than one empty token")
            }
            return []
        }
        return try [UInt8](unsafeUninitializedCapacity: uncompressedSize) { output, count in
            guard let outputStart = output.baseAddress else { return }
            let written = decompressSequences(inputStart, input.count, to: UnsafeMutableRawPointer(outputStart), uncompressedSize)
            guard written == uncompressedSize else {
                if written < 0 {
                    throw ParquetError(.corruptData, "LZ4_RAW sequence at byte \(-written - 1) is corrupt or runs past the block")
                }
                throw ParquetError(.corruptData, "LZ4_RAW page expands to \(written) bytes, its header says \(uncompressedSize)")
            }
            count = written
        }
    }

    /// Decodes the sequences in `input` into `output`. Returns the number of bytes
    /// written, or `-1 - position` for the input position of a bad sequence.
    static func decompressSequences(
        _ input: UnsafeRawPointer, _ inputCount: Int, to output: UnsafeMutableRawPointer, _ outputCount: Int
    ) -> Int {
        var ip = input
        let inputEnd = input + inputCount
        var op = output
        let outputEnd = output + outputCount
        while true {
            let sequenceStart = ip
            let failure = -1 - (sequenceStart - input)
            guard ip < inputEnd else { return failure }
            let token = Int(ip.load(as: UInt8.self))
            ip += 1

            var literalLength = token &>> 4
            if literalLength == 15 {
                guard let extra = readLengthExtension(&ip, inputEnd) else { return failure }
                literalLength &+= extra
            }
            let inputLeft = inputEnd - ip
            let outputLeft = outputEnd - op
            guard literalLength <= inputLeft && literalLength <= outputLeft else { return failure }
            if literalLength <= 16 && inputLeft >= 16 && outputLeft >= 16 {
                LZ77.copy16(ip, op)
            } else {
                op.copyMemory(from: ip, byteCount: literalLength)
            }
            ip += literalLength
            op += literalLength
            // The last sequence ends after its literals.
            if ip == inputEnd { break }

            guard inputEnd - ip >= 2 else { return failure }
            let offset = Int(UInt16(littleEndian: ip.loadUnaligned(as: UInt16.self)))
            ip += 2
            var matchLength = token & 15
            if matchLength == 15 {
                guard let extra = readLengthExtension(&ip, inputEnd) else { return failure }
                matchLength &+= extra
            }
            matchLength &+= minMatch
            guard offset > 0 && offset <= op - output && matchLength <= outputEnd - op else { return failure }
            LZ77.copyMatch(from: UnsafeRawPointer(op - offset), to: op, length: matchLength, outputEnd: outputEnd)
            op += matchLength
        }
        return op - output
    }

    /// Reads a length extension (bytes adding 255 while they are 255), or `nil` when the
    /// input ends inside it.
    @inline(__always)
    static func readLengthExtension(_ ip: inout UnsafeRawPointer, _ inputEnd: UnsafeRawPointer) -> Int? {
        var value = 0
        while ip < inputEnd {
            let byte = ip.load(as: UInt8.self)
            ip += 1
            value &+= Int(byte)
            if byte != 255 { return value }
        }
        return nil
    }
}
