import Foundation

/// Decoders for the PLAIN encoding: values back to back, little endian.
enum PlainDecoder {
    /// Copies `count` fixed-width little-endian values from `bytes` to `out`;
    /// returns the bytes consumed.
    @inline(__always)
    static func fixedWidth<T>(_ bytes: UnsafeRawBufferPointer, count: Int, into out: UnsafeMutablePointer<T>) throws -> Int {
        let size = count * MemoryLayout<T>.stride
        guard size <= bytes.count else {
            throw ParquetError(.corruptData, "PLAIN data holds \(bytes.count) bytes, \(count) values need \(size)")
        }
        if size > 0, let base = bytes.baseAddress { memcpy(out, base, size) }
        return size
    }

    /// Unpacks `count` bit-packed booleans; returns the bytes consumed.
    static func booleans(_ bytes: UnsafeRawBufferPointer, count: Int, into out: UnsafeMutablePointer<Bool>) throws -> Int {
        let size = (count + 7) / 8
        guard size <= bytes.count else {
            throw ParquetError(.corruptData, "PLAIN data holds \(bytes.count) bytes, \(count) booleans need \(size)")
        }
        BitUnpackDecoder.unpackBooleans(bytes, count: count, into: out)
        return size
    }

    /// Decodes `count` INT96 timestamps (nanoseconds of day, then Julian day) into
    /// microseconds since the epoch; returns the bytes consumed.
    static func int96(_ bytes: UnsafeRawBufferPointer, count: Int, into out: UnsafeMutablePointer<Int64>) throws -> Int {
        let size = count * 12
        guard size <= bytes.count else {
            throw ParquetError(.corruptData, "PLAIN data holds \(bytes.count) bytes, \(count) INT96 values need \(size)")
        }
        for i in 0..<count {
            let nanos = Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 12, as: Int64.self))
            let day = Int64(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 12 + 8, as: Int32.self)))
            out[i] = int96Micros(julianDay: day, nanosOfDay: nanos)
        }
        return size
    }

    /// Microseconds since 1970-01-01 of an INT96 value, wrapping on garbage input.
    @inline(__always)
    static func int96Micros(julianDay: Int64, nanosOfDay: Int64) -> Int64 {
        let micros = nanosOfDay >= 0 ? nanosOfDay / 1000 : (nanosOfDay - 999) / 1000
        return (julianDay &- 2_440_588) &* 86_400_000_000 &+ micros
    }

    /// Decodes `count` length-prefixed byte arrays, appending their bytes to `data`
    /// and their end offsets to `ends` (`ends[0]` is the end of the first value);
    /// returns the bytes consumed.
    static func byteArrays(_ bytes: UnsafeRawBufferPointer, count: Int, ends: UnsafeMutablePointer<Int32>,
                           data: inout [UInt8]) throws -> Int {
        guard count <= bytes.count / 4 else {
            throw ParquetError(.corruptData, "PLAIN data holds \(bytes.count) bytes, too few for \(count) byte arrays")
        }
        // First pass: check every length against the page and total them.
        let total = bytes.count
        var position = 0
        var valueBytes = 0
        for _ in 0..<count {
            guard position + 4 <= total else { throw DecodeCursor.truncated("a byte array length") }
            let length = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
            guard length <= total - position - 4 else {
                throw ParquetError(.corruptData, "byte array of \(length) bytes runs past the page end")
            }
            position += 4 + length
            valueBytes += length
        }
        let start = data.count
        guard start + valueBytes <= Int(Int32.max) else { throw tooLarge() }
        appendZeros(&data, valueBytes)
        // Second pass: copy the values.
        data.withUnsafeMutableBytes { target in
            guard let out = target.baseAddress, let source = bytes.baseAddress else { return }
            var position = 0
            var end = start
            for i in 0..<count {
                let length = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
                copySmall(out + end, source + position + 4, length)
                position += 4 + length
                end += length
                ends[i] = Int32(truncatingIfNeeded: end)
            }
        }
        return position
    }

    /// Copies `count` fixed-length byte arrays of `width` bytes; returns the bytes consumed.
    static func fixedBytes(_ bytes: UnsafeRawBufferPointer, count: Int, width: Int,
                           into out: UnsafeMutablePointer<UInt8>) throws -> Int {
        let size = count * width
        guard size <= bytes.count else {
            throw ParquetError(.corruptData, "PLAIN data holds \(bytes.count) bytes, \(count) values need \(size)")
        }
        if size > 0, let base = bytes.baseAddress { memcpy(out, base, size) }
        return size
    }

    /// Appends `count` zero bytes, growing the capacity geometrically.
    @inline(__always)
    static func appendZeros(_ data: inout [UInt8], _ count: Int) {
        let needed = data.count + count
        if data.capacity < needed { data.reserveCapacity(max(needed, data.capacity * 2)) }
        data.append(contentsOf: repeatElement(0, count: count))
    }

    static func tooLarge() -> ParquetError {
        ParquetError(.unsupported, "a column chunk holds more than 2 GiB of byte arrays")
    }
}

/// Copies `count` bytes; short values avoid the call into `memcpy`.
@inline(__always)
func copySmall(_ target: UnsafeMutableRawPointer, _ source: UnsafeRawPointer, _ count: Int) {
    if count <= 16 {
        for k in 0..<count { target.storeBytes(of: source.load(fromByteOffset: k, as: UInt8.self), toByteOffset: k, as: UInt8.self) }
    } else {
        memcpy(target, source, count)
    }
}
