import Foundation
import XCTest
@testable import LodeParquet

/// A small deterministic random source (SplitMix64) so generated test data is the same
/// on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Inputs for compression tests: the shapes Parquet pages take.
enum CompressionTestData {
    static let words = """
        the of and to in is that for it as with was on be by lakehouse table parquet column \
        page row group delta commit snapshot schema value null string integer timestamp \
        decimal compression snappy record batch file footer metadata
        """.split(separator: " ").map { Array($0.utf8) }

    /// English-like text of `size` bytes.
    static func text(_ size: Int, seed: UInt64 = 1) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size + 128)
        while bytes.count < size {
            for index in 0..<Int.random(in: 4...14, using: &generator) {
                if index > 0 { bytes.append(0x20) }
                bytes += words[Int.random(in: 0..<words.count, using: &generator)]
            }
            bytes += Bool.random(using: &generator) ? Array(". ".utf8) : [0x2E, 0x0A]
        }
        return Array(bytes.prefix(size))
    }

    /// Little-endian Int64 timestamps with small random steps, like a sorted event column.
    static func timestampColumn(_ count: Int, seed: UInt64 = 2) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        var value: Int64 = 1_700_000_000_000_000
        var values: [Int64] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            value += Int64.random(in: 0...5_000_000, using: &generator)
            values.append(value.littleEndian)
        }
        return values.withUnsafeBytes { Array($0) }
    }

    /// Little-endian Int32 values drawn from a small range, like a dictionary index or
    /// quantity column.
    static func smallIntColumn(_ count: Int, seed: UInt64 = 3) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        let values = (0..<count).map { _ in Int32.random(in: -1000...1000, using: &generator).littleEndian }
        return values.withUnsafeBytes { Array($0) }
    }

    /// Uniformly random bytes: incompressible.
    static func random(_ size: Int, seed: UInt64 = 4) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        let words = (0..<(size + 7) / 8).map { _ in generator.next() }
        return Array(words.withUnsafeBytes { $0.prefix(size) })
    }

    /// Runs of short repeating patterns (periods 1...9) between bits of noise.
    static func runs(_ size: Int, seed: UInt64 = 5) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        var bytes: [UInt8] = []
        while bytes.count < size {
            let pattern = (0..<Int.random(in: 1...9, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            for _ in 0..<Int.random(in: 1...200, using: &generator) { bytes += pattern }
            for _ in 0..<Int.random(in: 0...20, using: &generator) { bytes.append(UInt8.random(in: 0...255, using: &generator)) }
        }
        return Array(bytes.prefix(size))
    }

    /// Named inputs from empty to a few megabytes, made once per test run.
    static let samples: [(name: String, bytes: [UInt8])] = {
        [
            ("empty", []),
            ("one byte", [0x2A]),
            ("tiny", Array("Lode".utf8)),
            ("fifteen bytes", Array("abcabcabcabcabc".utf8)),
            ("sixteen zeros", [UInt8](repeating: 0, count: 16)),
            ("text 1 KB", text(1_000)),
            ("text 200 KB", text(200_000)),
            ("text 3 MB", text(3_000_000, seed: 11)),
            ("timestamps 1 MB", timestampColumn(131_072)),
            ("small ints 400 KB", smallIntColumn(100_000)),
            ("random 100 KB", random(100_000)),
            ("random 2 MB", random(2_000_000, seed: 12)),
            ("zeros 1 MB", [UInt8](repeating: 0, count: 1 << 20)),
            ("runs 500 KB", runs(500_000)),
            ("block edge", text(65_536 + 17, seed: 13)),
        ]
    }()
}

/// The fixture files written by `Tests/Fixtures/compression/make_fixtures.py`.
enum CompressionFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/compression")

    static let inputNames = ["empty", "tiny", "text", "int64", "int32", "random", "runs"]

    static func bytes(_ file: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(file)))
    }
}

/// Compresses and decompresses through ``Codec`` with arrays.
extension Codec {
    static func compress(_ codec: CompressionCodec, _ input: [UInt8], level: Int? = nil) throws -> [UInt8] {
        try input.withUnsafeBytes { try compress(codec, $0, level: level) }
    }

    static func decompress(_ codec: CompressionCodec, _ input: [UInt8], uncompressedSize: Int) throws -> [UInt8] {
        try input.withUnsafeBytes { try decompress(codec, $0, uncompressedSize: uncompressedSize) }
    }
}

/// Asserts that `body` throws a ``ParquetError`` of `kind`.
func assertCodecError<T>(
    _ kind: ParquetError.Kind, _ body: @autoclosure () throws -> T, _ message: String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertThrowsError(try body(), message, file: file, line: line) { error in
        guard let error = error as? ParquetError else {
            return XCTFail("\(error) is not a ParquetError", file: file, line: line)
        }
        XCTAssertEqual(error.kind, kind, "\(error)", file: file, line: line)
    }
}

/// Decompresses `stream` with `codec`: true when it decoded to `size` bytes, false when
/// it threw `corruptData`; anything else fails the test.
func decodesOrRejects(
    _ codec: CompressionCodec, _ stream: [UInt8], _ size: Int, file: StaticString = #filePath, line: UInt = #line
) -> Bool {
    do {
        let output = try Codec.decompress(codec, stream, uncompressedSize: size)
        XCTAssertEqual(output.count, size, file: file, line: line)
        return true
    } catch let error as ParquetError {
        XCTAssertEqual(error.kind, .corruptData, "\(error)", file: file, line: line)
        return false
    } catch {
        XCTFail("unexpected \(error)", file: file, line: line)
        return false
    }
}
