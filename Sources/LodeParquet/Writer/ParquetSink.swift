#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a ``ParquetWriter`` sends the bytes of a file, in order.
///
/// The writer only appends; `position` must be the number of bytes accepted so far,
/// since the footer records the offset of every page.
public protocol ParquetSink {
    /// Appends `bytes`.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws
    /// Bytes written so far.
    var position: Int { get }
    /// Pushes out anything buffered; called once after the footer is written.
    mutating func flush() throws
}

extension ParquetSink {
    public mutating func flush() throws {}
}

/// A sink that keeps the file in memory, for small files and object stores that
/// take a whole body.
public final class ParquetMemorySink: ParquetSink {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws { self.bytes.append(contentsOf: bytes) }
    public var position: Int { bytes.count }
}

/// A sink writing a local file through a large buffer with POSIX `write`.
///
/// The file is created or truncated when the sink is opened. It holds partial content
/// until the writer is closed, so callers that publish files (Delta tables) write under
/// a temporary name and rename it once ``ParquetWriter/close()`` returns.
public final class ParquetFileSink: ParquetSink {
    public let path: String
    public private(set) var position = 0
    private var descriptor: Int32
    private var buffer: UnsafeMutableRawPointer
    private let capacity: Int
    private var buffered = 0

    /// Creates (or truncates) the file at `path`.
    public init(path: String, bufferSize: Int = 4 * 1024 * 1024) throws {
        self.path = path
        capacity = max(bufferSize, 4096)
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw ParquetError(.io, "cannot create the file: \(String(cString: strerror(errno)))", file: path)
        }
        buffer = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        if descriptor >= 0 { _ = closeDescriptor(descriptor) }
        buffer.deallocate()
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard descriptor >= 0 else { throw ParquetError(.io, "the file is already closed", file: path) }
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if buffered + bytes.count <= capacity {
            (buffer + buffered).copyMemory(from: source, byteCount: bytes.count)
            buffered += bytes.count
        } else {
            try flushBuffer()
            if bytes.count >= capacity {
                try writeAll(source, bytes.count)
            } else {
                buffer.copyMemory(from: source, byteCount: bytes.count)
                buffered = bytes.count
            }
        }
        position += bytes.count
    }

    public func flush() throws { try flushBuffer() }

    /// Flushes and closes the file; later writes throw.
    public func close() throws {
        guard descriptor >= 0 else { return }
        defer { descriptor = -1 }
        try flushBuffer()
        guard closeDescriptor(descriptor) == 0 else {
            throw ParquetError(.io, "closing the file failed: \(String(cString: strerror(errno)))", file: path)
        }
    }

    private func flushBuffer() throws {
        guard buffered > 0 else { return }
        try writeAll(UnsafeRawPointer(buffer), buffered)
        buffered = 0
    }

    private func writeAll(_ start: UnsafeRawPointer, _ count: Int) throws {
        var offset = 0
        while offset < count {
            let n = writeDescriptor(descriptor, start + offset, count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw ParquetError(.io, "writing failed: \(String(cString: strerror(errno)))", file: path)
            }
            offset += n
        }
    }
}

@inline(__always)
private func closeDescriptor(_ fd: Int32) -> Int32 { close(fd) }

@inline(__always)
private func writeDescriptor(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
