#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Array where Element: FixedWidthInteger {
    /// Appends `count` copies of `value` as one bulk fill.
    ///
    /// Encoders grow their output with this and then write through a pointer; unlike
    /// `append(contentsOf: repeatElement(...))` it stays a `memset` and a `memcpy` even
    /// in unoptimized builds.
    @inline(__always)
    mutating func appendFilled(_ value: Element, count: Int) {
        guard count > 0 else { return }
        withUnsafeTemporaryAllocation(of: Element.self, capacity: count) { buffer in
            let start = buffer.baseAddress!
            if value == 0 || Element.bitWidth == 8 {
                memset(start, Int32(truncatingIfNeeded: value), count * MemoryLayout<Element>.stride)
            } else {
                start.initialize(repeating: value, count: count)
            }
            append(contentsOf: UnsafeBufferPointer(start: start, count: count))
        }
    }

    /// Appends what `write` stores through a pointer to room for `capacity` elements,
    /// given uninitialized, and returns how many it wrote (at most `capacity`).
    ///
    /// Unlike ``appendFilled(_:count:)`` followed by writes, the room is never zeroed
    /// and only the written elements are copied, so a generous `capacity` costs nothing.
    @inline(__always)
    mutating func appendWritten(capacity: Int, _ write: (UnsafeMutablePointer<Element>) -> Int) {
        guard capacity > 0 else { return }
        withUnsafeTemporaryAllocation(of: Element.self, capacity: capacity) { buffer in
            let start = buffer.baseAddress!
            let written = write(start)
            precondition(written >= 0 && written <= capacity, "wrote \(written) elements into room for \(capacity)")
            append(contentsOf: UnsafeBufferPointer(start: start, count: written))
        }
    }
}
