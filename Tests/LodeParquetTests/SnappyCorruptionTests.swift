import XCTest
@testable import LodeParquet

/// Mutated and truncated Snappy blocks must throw or decode, never crash or read out of
/// bounds.
final class SnappyCorruptionTests: XCTestCase {
    func testRandomMutationsThrowOrDecode() throws {
        var generator = SeededGenerator(seed: 0x5EED)
        let inputs = [
            CompressionTestData.text(5_000, seed: 31),
            CompressionTestData.runs(3_000, seed: 32),
            CompressionTestData.timestampColumn(500, seed: 33),
            CompressionTestData.random(1_000, seed: 34),
        ]
        var decoded = 0
        var thrown = 0
        for input in inputs {
            let valid = try Codec.compress(.snappy, input)
            for _ in 0..<2_500 {
                var stream = valid
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    let index = Int.random(in: 0..<stream.count, using: &generator)
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0: stream[index] = UInt8.random(in: 0...255, using: &generator)
                    case 1: stream[index] ^= 1 << UInt8.random(in: 0...7, using: &generator)
                    default: stream[index] = [0x00, 0xFF, 0xFC, 0x01, 0x02, 0x03][Int.random(in: 0..<6, using: &generator)]
                    }
                }
                if decodesOrRejects(.snappy, stream, input.count) { decoded += 1 } else { thrown += 1 }
            }
        }
        XCTAssertGreaterThan(thrown, 0)
        XCTAssertGreaterThan(decoded, 0)
    }

    func testEveryTruncationThrows() throws {
        let input = CompressionTestData.text(3_000, seed: 35) + CompressionTestData.runs(1_000, seed: 36)
        let valid = try Codec.compress(.snappy, input)
        for length in 0..<valid.count {
            XCTAssertFalse(decodesOrRejects(.snappy, Array(valid.prefix(length)), input.count), "truncated to \(length)")
        }
    }

    func testRandomBytesThrowOrDecode() {
        var generator = SeededGenerator(seed: 0xBAD)
        for _ in 0..<5_000 {
            let size = Int.random(in: 0...300, using: &generator)
            var stream = CompressionTestData.random(Int.random(in: 0...64, using: &generator), seed: generator.next())
            // Start most with a plausible preamble so the elements get decoded.
            if !stream.isEmpty && Bool.random(using: &generator) {
                stream[0] = UInt8(size & 0x7F)
                _ = decodesOrRejects(.snappy, stream, size & 0x7F)
            } else {
                _ = decodesOrRejects(.snappy, stream, size)
            }
        }
    }

    func testSpliceOfTwoStreamsThrowsOrDecodes() throws {
        let a = try Codec.compress(.snappy, CompressionTestData.text(2_000, seed: 37))
        let b = try Codec.compress(.snappy, CompressionTestData.runs(2_000, seed: 38))
        var generator = SeededGenerator(seed: 39)
        for _ in 0..<1_000 {
            let cut = Int.random(in: 1..<a.count, using: &generator)
            let from = Int.random(in: 1..<b.count, using: &generator)
            _ = decodesOrRejects(.snappy, Array(a[..<cut]) + Array(b[from...]), 2_000)
        }
    }
}
