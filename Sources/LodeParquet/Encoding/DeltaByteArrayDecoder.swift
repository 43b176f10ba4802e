/// Decoders for DELTA_LENGTH_BYTE_ARRAY (delta-packed lengths, then the bytes back
/// to back) and DELTA_BYTE_ARRAY (delta-packed prefix lengths shared with the
/// previous value, then the suffixes as DELTA_LENGTH_BYTE_ARRAY).
enum DeltaByteArrayDecoder {
    /// Decodes `count` DELTA_LENGTH_BYTE_ARRAY values, appending bytes to `data` and
    /// end offsets to `ends`; returns the bytes consumed.
    static func decodeLengthPrefixed(_ bytes: UnsafeRawBufferPointer, count: Int, ends: UnsafeMutablePointer<Int32>,
                                     data: inout [UInt8]) throws -> Int {
        let (lengths, consumed) = try DeltaBinaryPackedDecoder.decode(bytes, maxCount: count, as: Int32.self)
        guard lengths.count == count else {
            throw ParquetError(.corruptData, "DELTA_LENGTH_BYTE_ARRAY holds \(lengths.count) lengths, expected \(count)")
        }
        var position = consumed
        var end = data.count
        var total = 0
        for length in lengths {
            guard length >= 0 else { throw ParquetError(.corruptData, "negative byte array length \(length)") }
            total += Int(length)
        }
        guard total <= bytes.count - consumed else {
            throw ParquetError(.corruptData, "DELTA_LENGTH_BYTE_ARRAY values need \(total) bytes, \(bytes.count - consumed) remain")
        }
        guard data.count + total <= Int(Int32.max) else { throw PlainDecoder.tooLarge() }
        data.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[position..<(position + total)]))
        for i in 0..<count {
            end += Int(lengths[i])
            ends[i] = Int32(end)
        }
        position += total
        return position
    }

    /// Decodes `count` DELTA_BYTE_ARRAY values, appending bytes to `data` and end
    /// offsets to `ends`; `fixedWidth`, when given, is the length every value must have.
    static func decodeIncremental(_ bytes: UnsafeRawBufferPointer, count: Int, fixedWidth: Int? = nil,
                                  ends: UnsafeMutablePointer<Int32>, data: inout [UInt8]) throws -> Int {
        let (prefixes, prefixBytes) = try DeltaBinaryPackedDecoder.decode(bytes, maxCount: count, as: Int32.self)
        guard prefixes.count == count else {
            throw ParquetError(.corruptData, "DELTA_BYTE_ARRAY holds \(prefixes.count) prefix lengths, expected \(count)")
        }
        let rest = UnsafeRawBufferPointer(rebasing: bytes[prefixBytes...])
        let (suffixLengths, suffixBytes) = try DeltaBinaryPackedDecoder.decode(rest, maxCount: count, as: Int32.self)
        guard suffixLengths.count == count else {
            throw ParquetError(.corruptData, "DELTA_BYTE_ARRAY holds \(suffixLengths.count) suffix lengths, expected \(count)")
        }
        var position = suffixBytes
        var previousStart = data.count, previousLength = 0
        for i in 0..<count {
            let prefix = Int(prefixes[i]), suffix = Int(suffixLengths[i])
            guard prefix >= 0, suffix >= 0, prefix <= previousLength else {
                throw ParquetError(.corruptData, "DELTA_BYTE_ARRAY prefix \(prefix) exceeds the previous value's \(previousLength) bytes")
            }
            guard suffix <= rest.count - position else {
                throw ParquetError(.corruptData, "DELTA_BYTE_ARRAY suffix of \(suffix) bytes runs past the page end")
            }
            let start = data.count
            guard start + prefix + suffix <= Int(Int32.max) else { throw PlainDecoder.tooLarge() }
            if let fixedWidth, prefix + suffix != fixedWidth {
                throw ParquetError(.corruptData, "DELTA_BYTE_ARRAY value has \(prefix + suffix) bytes, column width is \(fixedWidth)")
            }
            if prefix > 0 {
                PlainDecoder.appendZeros(&data, prefix)
                data.withUnsafeMutableBufferPointer { buffer in
                    for k in 0..<prefix { buffer[start + k] = buffer[previousStart + k] }
                }
            }
            data.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest[position..<(position + suffix)]))
            position += suffix
            previousStart = start
            previousLength = prefix + suffix
            ends[i] = Int32(data.count)
        }
        return prefixBytes + position
    }
}
