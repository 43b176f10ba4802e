#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written through a memory buffer that is flushed in large writes.
final class FileOutput {
    let path: String
    private var descriptor: Int32
    private static let flushThreshold = 1 << 20

    /// Creates (or truncates) the file at `path`.
    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor < 0 {
            throw FormatError(.io, "cannot open for writing: \(String(cString: strerror(errno)))", file: path)
        }
    }

    deinit {
        if descriptor >= 0 { _ = closeDescriptor(descriptor) }
    }

    var isClosed: Bool { descriptor < 0 }

    /// Writes `bytes` out if they have grown past the flush threshold.
    func flushIfLarge(_ bytes: inout [UInt8]) throws {
        if bytes.count >= FileOutput.flushThreshold { try flush(&bytes) }
    }

    /// Writes all of `bytes` and empties it.
    func flush(_ bytes: inout [UInt8]) throws {
        guard descriptor >= 0 else { throw FormatError(.io, "write after close", file: path) }
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                guard let start = raw.baseAddress else { return }
                let n = write(descriptor, start + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FormatError(.io, "write failed: \(String(cString: strerror(errno)))", file: path)
                }
                offset += n
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes the rest of `bytes` and closes the file.
    func close(flushing bytes: inout [UInt8]) throws {
        guard descriptor >= 0 else { return }
        try flush(&bytes)
        let result = closeDescriptor(descriptor)
        descriptor = -1
        if result != 0 { throw FormatError(.io, "close failed: \(String(cString: strerror(errno)))", file: path) }
    }
}

private func closeDescriptor(_ descriptor: Int32) -> Int32 { close(descriptor) }
