#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Random-access bytes a ``ParquetReader`` reads from: a file, a buffer in memory,
/// an object in a store.
///
/// Implementations must allow concurrent reads from several threads.
public protocol ParquetInput: Sendable {
    /// Total size in bytes.
    var size: Int { get }
    /// The `length` bytes at `offset`; throws ``ParquetError`` (kind `io`) when the
    /// range is outside the input or the read fails.
    func read(offset: Int, length: Int) throws -> [UInt8]
}

/// A Parquet file held in memory.
public struct ParquetMemoryInput: ParquetInput {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var size: Int { bytes.count }

    public func read(offset: Int, length: Int) throws -> [UInt8] {
        guard offset >= 0, length >= 0, offset <= bytes.count - length else {
            throw ParquetError(.io, "read of \(length) bytes at offset \(offset) is outside the \(bytes.count)-byte input")
        }
        return Array(bytes[offset..<(offset + length)])
    }
}

/// A Parquet file on the local filesystem, read with `pread` so that threads can
/// read different ranges at once. The file stays open until the input is released.
public final class ParquetFileInput: ParquetInput {
    public let path: String
    public let size: Int
    private let descriptor: Int32

    public init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ParquetError(.io, "cannot open: \(String(cString: strerror(errno)))", file: path)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw ParquetError(.io, "cannot stat: \(message)", file: path)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw ParquetError(.io, "not a regular file", file: path)
        }
        self.path = path
        self.size = Int(info.st_size)
        self.descriptor = fd
    }

    deinit { close(descriptor) }

    public func read(offset: Int, length: Int) throws -> [UInt8] {
        guard offset >= 0, length >= 0, offset <= size - length else {
            throw ParquetError(.io, "read of \(length) bytes at offset \(offset) is outside the \(size)-byte file", file: path)
        }
        return try [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
            var done = 0
            while done < length {
                let n = pread(descriptor, buffer.baseAddress! + done, length - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ParquetError(.io, "read failed: \(String(cString: strerror(errno)))", file: path)
                }
                if n == 0 { throw ParquetError(.io, "file ended at \(offset + done) while reading", file: path) }
                done += n
            }
            initialized = length
        }
    }
}
