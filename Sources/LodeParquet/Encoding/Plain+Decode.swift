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
        var position = 0
        let total = bytes.count
        var end = data.count
        // The values' bytes are at most the page's bytes, so one reservation suffices.
        data.reserveCapacity(data.count + total - 4 * count)
        for i in 0..<count {
            guard position + 4 <= total else { throw DecodeCursor.truncated("a byte array length") }
            let length = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
            position += 4
            guard length <= total - position else {
                throw ParquetError(.corruptData, "byte array of \(length) bytes runs past the page end")
            }
            data.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[position..<(position + length)]))
            position += length
            end += length
            guard end <= Int(Int32.max) else { throw tooLarge() }
            ends[i] = Int32(end)
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

    static func tooLarge() -> ParquetError {
        ParquetError(.unsupported, "a column chunk holds more than 2 GiB of byte arrays")
    }
}
