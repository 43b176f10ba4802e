#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ZSTD pages through the system libzstd, loaded at run time so Lode builds and runs
/// without it; only ZSTD pages need it.
enum Zstd {
    /// Level 1, as pyarrow and arrow-rs write by default.
    static let defaultLevel = 1

    /// Compresses `input` into one zstd frame (with its content size) at `level`.
    static func compress(_ input: UnsafeRawBufferPointer, level: Int = defaultLevel) throws -> [UInt8] {
        let library = try ZstdLibrary.require()
        guard let level = Int32(exactly: level) else {
            throw ParquetError(.invalidArgument, "zstd compression level \(level) is out of range")
        }
        let bound = library.compressBound(input.count)
        guard library.isError(bound) == 0 else {
            throw ParquetError(.invalidArgument, "zstd cannot compress \(input.count) bytes: \(library.errorName(bound))")
        }
        var empty: UInt8 = 0
        return try withUnsafeMutablePointer(to: &empty) { emptyInput in
            try [UInt8](unsafeUninitializedCapacity: bound) { output, count in
                let source = input.baseAddress ?? UnsafeRawPointer(emptyInput)
                let written = library.compress(output.baseAddress, output.count, source, input.count, level)
                guard library.isError(written) == 0 else {
                    throw ParquetError(.invalidArgument, "zstd compression failed: \(library.errorName(written))")
                }
                count = written
            }
        }
    }

    /// Decompresses one or more zstd frames, with or without a content size, that must
    /// expand to exactly `uncompressedSize` bytes.
    static func decompress(_ input: UnsafeRawBufferPointer, uncompressedSize: Int) throws -> [UInt8] {
        let library = try ZstdLibrary.require()
        guard let source = input.baseAddress, !input.isEmpty else {
            throw ParquetError(.corruptData, "zstd page is empty")
        }
        // One spare byte of room shows when the data expands to more than it should.
        return try [UInt8](unsafeUninitializedCapacity: uncompressedSize + 1) { output, count in
            let written = library.decompress(output.baseAddress, output.count, source, input.count)
            guard library.isError(written) == 0 else {
                throw ParquetError(.corruptData, "zstd page does not decompress: \(library.errorName(written))")
            }
            guard written == uncompressedSize else {
                let amount = written > uncompressedSize ? "more than \(uncompressedSize)" : "\(written)"
                throw ParquetError(.corruptData, "zstd page expands to \(amount) bytes, its header says \(uncompressedSize)")
            }
            count = written
        }
    }
}

/// The few libzstd functions Lode calls, looked up once in `libzstd.so.1`.
struct ZstdLibrary: @unchecked Sendable {
    typealias Compress = @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeRawPointer?, Int, Int32) -> Int
    typealias Decompress = @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeRawPointer?, Int) -> Int
    typealias CompressBound = @convention(c) (Int) -> Int
    typealias IsError = @convention(c) (Int) -> UInt32
    typealias ErrorName = @convention(c) (Int) -> UnsafePointer<CChar>?

    let compress: Compress
    let decompress: Decompress
    let compressBound: CompressBound
    let isError: IsError
    let getErrorName: ErrorName

    func errorName(_ code: Int) -> String {
        getErrorName(code).map { String(cString: $0) } ?? "error \(code)"
    }

    /// The library, or `nil` when it cannot be loaded; looked up on first use.
    static let shared: ZstdLibrary? = load()

    /// The library, or an error telling how to install it.
    static func require() throws -> ZstdLibrary {
        guard let library = shared else {
            throw ParquetError(.unsupported, "ZSTD needs libzstd.so.1 (Debian/Ubuntu: apt-get install libzstd1)")
        }
        return library
    }

    private static func load() -> ZstdLibrary? {
        #if os(macOS)
        let names = ["libzstd.1.dylib", "/opt/homebrew/lib/libzstd.1.dylib", "/usr/local/lib/libzstd.1.dylib"]
        #else
        let names = ["libzstd.so.1"]
        #endif
        guard let handle = names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else { return nil }
        func symbol<F>(_ name: String, as type: F.Type) -> F? {
            guard let address = dlsym(handle, name) else { return nil }
            return unsafeBitCast(address, to: type)
        }
        guard let compress = symbol("ZSTD_compress", as: Compress.self),
              let decompress = symbol("ZSTD_decompress", as: Decompress.self),
              let compressBound = symbol("ZSTD_compressBound", as: CompressBound.self),
              let isError = symbol("ZSTD_isError", as: IsError.self),
              let getErrorName = symbol("ZSTD_getErrorName", as: ErrorName.self)
        else {
            dlclose(handle)
            return nil
        }
        return ZstdLibrary(
            compress: compress, decompress: decompress, compressBound: compressBound,
            isError: isError, getErrorName: getErrorName)
    }
}
