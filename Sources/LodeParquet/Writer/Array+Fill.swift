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
}
