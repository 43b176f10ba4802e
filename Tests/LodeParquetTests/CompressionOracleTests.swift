import Foundation
import XCTest
@testable import LodeParquet

/// Checks Lode's codecs against pyarrow's (Arrow C++) live: pyarrow decompresses what
/// Lode compressed, and Lode decompresses what pyarrow compressed, byte for byte.
final class CompressionOracleTests: XCTestCase {
    private static let script = """
        import pathlib, sys
        import pyarrow as pa
        directory = pathlib.Path(sys.argv[1])
        failures = []
        for original_path in sorted(directory.glob("*.bin")):
            original = original_path.read_bytes()
            for codec in sys.argv[2:]:
                lode = (directory / f"{original_path.stem}.lode.{codec}").read_bytes()
                try:
                    decoded = pa.decompress(lode, decompressed_size=len(original), codec=codec, asbytes=True)
                    if decoded != original:
                        failures.append(f"{original_path.stem} {codec}: pyarrow decodes Lode's output differently")
                except Exception as error:
                    failures.append(f"{original_path.stem} {codec}: pyarrow rejects Lode's output: {error}")
                (directory / f"{original_path.stem}.pyarrow.{codec}").write_bytes(
                    pa.compress(original, codec=codec, asbytes=True))
        if failures:
            sys.exit("\\n".join(failures))
        """

    func testPyarrowAgreesWithLode() throws {
        let python = try Self.oraclePython()
        var codecs: [(CompressionCodec, String)] = [(.snappy, "snappy"), (.gzip, "gzip"), (.lz4Raw, "lz4_raw")]
        if ZstdLibrary.shared != nil { codecs.append((.zstd, "zstd")) }

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lode-codecs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let samples = CompressionTestData.samples
        for (index, sample) in samples.enumerated() {
            try Data(sample.bytes).write(to: directory.appendingPathComponent("\(index).bin"))
            for (codec, name) in codecs {
                let compressed = try Codec.compress(codec, sample.bytes)
                try Data(compressed).write(to: directory.appendingPathComponent("\(index).lode.\(name)"))
            }
        }

        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", Self.script, directory.path] + codecs.map(\.1)
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, message)

        for (index, sample) in samples.enumerated() {
            for (codec, name) in codecs {
                let file = directory.appendingPathComponent("\(index).pyarrow.\(name)")
                guard let compressed = try? Data(contentsOf: file) else { continue }
                let output = try Codec.decompress(codec, Array(compressed), uncompressedSize: sample.bytes.count)
                XCTAssertTrue(output == sample.bytes, "\(sample.name) \(name): Lode decodes pyarrow's output differently")
            }
        }
    }

    /// The oracle python: `LODE_PYTHON`, else the package's `.venv`; skips when neither exists.
    static func oraclePython() throws -> URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = ProcessInfo.processInfo.environment["LODE_PYTHON"] ?? root.appendingPathComponent(".venv/bin/python").path
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: path), "no oracle python at \(path)")
        return URL(fileURLWithPath: path)
    }
}
