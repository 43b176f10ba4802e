/// Byte moves shared by the LZ77-family codecs (Snappy, LZ4): unaligned little-endian
/// loads, 8- and 16-byte moves, back-reference copies that may overlap, match lengths.
enum LZ77 {
    /// The four bytes at `pointer`, little-endian, without alignment.
    @inline(__always)
    static func load32(_ pointer: UnsafeRawPointer) -> UInt32 {
        UInt32(littleEndian: pointer.loadUnaligned(as: UInt32.self))
    }

    /// The eight bytes at `pointer`, little-endian, without alignment.
    @inline(__always)
    static func load64(_ pointer: UnsafeRawPointer) -> UInt64 {
        UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self))
    }

    /// Copies eight bytes from `source` to `destination`, without alignment.
    @inline(__always)
    static func copy8(_ source: UnsafeRawPointer, _ destination: UnsafeMutableRawPointer) {
        destination.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
    }

    /// Copies sixteen bytes from `source` to `destination`, without alignment.
    @inline(__always)
    static func copy16(_ source: UnsafeRawPointer, _ destination: UnsafeMutableRawPointer) {
        let low = source.loadUnaligned(as: UInt64.self)
        let high = source.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        destination.storeBytes(of: low, as: UInt64.self)
        destination.storeBytes(of: high, toByteOffset: 8, as: UInt64.self)
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

    /// How many bytes at `earlier` equal those at `later`, reading no further than `end`
    /// (`earlier` < `later`).
    @inline(__always)
    static func matchLength(_ earlier: UnsafeRawPointer, _ later: UnsafeRawPointer, _ end: UnsafeRawPointer) -> Int {
        var matched = 0
        let available = end - later
        while matched &+ 8 <= available {
            let difference = load64(later + matched) ^ load64(earlier + matched)
            if difference != 0 {
                return matched &+ difference.trailingZeroBitCount &>> 3
            }
            matched &+= 8
        }
        while matched < available && later.load(fromByteOffset: matched, as: UInt8.self) == earlier.load(fromByteOffset: matched, as: UInt8.self) {
            matched &+= 1
        }
        return matched
    }
}
