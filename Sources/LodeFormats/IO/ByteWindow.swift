#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable window onto the bytes of a file, filled in chunks.
///
/// Readers tokenize the bytes in place; ``fill()`` appends the next chunk at the end
/// without moving what is already there (offsets stay valid), and
/// ``discard(upTo:)`` drops the consumed prefix between batches, so memory stays
/// bounded by a batch plus a chunk however large the file is.
final class ByteWindow {
    private(set) var base: UnsafeMutablePointer<UInt8>
    /// Valid bytes from ``base``.
    private(set) var count = 0
    private var capacity: Int
    /// True once the source has no more bytes.
    private(set) var isExhausted = false
    /// Bytes dropped by ``discard(upTo:)`` so far: the file offset of ``base``.
    private(set) var discarded = 0
    let path: String?
    private var descriptor: Int32 = -1
    private let chunkSize: Int

    /// A window over the file at `path`.
    init(path: String, chunkSize: Int) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw FormatError(.io, "cannot open for reading: \(String(cString: strerror(errno)))", file: path)
        }
        self.path = path
        self.descriptor = descriptor
        self.chunkSize = max(chunkSize, 4096)
        capacity = self.chunkSize
        base = .allocate(capacity: capacity)
    }

    /// A window over bytes already in memory.
    init(bytes: [UInt8]) {
        path = nil
        chunkSize = max(bytes.count, 1)
        capacity = chunkSize
        base = .allocate(capacity: capacity)
        bytes.withUnsafeBufferPointer { source in
            if let start = source.baseAddress { base.update(from: start, count: source.count) }
        }
        count = bytes.count
        isExhausted = true
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        base.deallocate()
    }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Appends the next chunk; returns the number of bytes added, 0 at end of input.
    @discardableResult
    func fill() throws -> Int {
        guard !isExhausted else { return 0 }
        if capacity - count < chunkSize { grow(to: count + chunkSize) }
        while true {
            let n = read(descriptor, base + count, capacity - count)
            if n > 0 {
                count += n
                return n
            }
            if n == 0 {
                isExhausted = true
                close(descriptor)
                descriptor = -1
                return 0
            }
            if errno == EINTR { continue }
            throw FormatError(.io, "read failed: \(String(cString: strerror(errno)))", file: path)
        }
    }

    /// Drops the first `offset` bytes; later bytes move to the start.
    func discard(upTo offset: Int) {
        let offset = min(max(offset, 0), count)
        guard offset > 0 else { return }
        let remaining = count - offset
        if remaining > 0 { (base).update(from: base + offset, count: remaining) }
        count = remaining
        discarded += offset
        if capacity > 4 * chunkSize && count < chunkSize { shrink() }
    }

    private func grow(to minimum: Int) {
        var newCapacity = capacity
        while newCapacity < minimum { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    private func shrink() {
        let newCapacity = max(chunkSize * 2, count)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
