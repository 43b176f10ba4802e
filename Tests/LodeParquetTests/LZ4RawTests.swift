import XCTest
@testable import LodeParquet

final class LZ4RawTests: XCTestCase {
    func testRoundTripsSamples() throws {
        for (name, input) in CompressionTestData.samples {
            let compressed = try Codec.compress(.lz4Raw, input)
            XCTAssertLessThanOrEqual(compressed.count, LZ4Raw.maxCompressedLength(input.count), name)
            XCTAssertEqual(try Codec.decompress(.lz4Raw, compressed, uncompressedSize: input.count), input, name)
        }
        let text = CompressionTestData.text(200_000)
        XCTAssertLessThan(try Codec.compress(.lz4Raw, text).count, text.count / 2)
    }

    func testRoundTripsEveryLengthUpTo100() throws {
        for length in 0...100 {
            for input in [CompressionTestData.text(length, seed: 51), CompressionTestData.random(length, seed: 52), [UInt8](repeating: 9, count: length)] {
                let compressed = try Codec.compress(.lz4Raw, input)
                XCTAssertEqual(try Codec.decompress(.lz4Raw, compressed, uncompressedSize: length), input, "length \(length)")
            }
        }
    }

    func testKeepsTheEndOfBlockRules() throws {
        // The last 5 bytes are literals and the last match starts 12 or more bytes before
        // the end, so strict decoders (liblz4) accept the block.
        let input = [UInt8](repeating: 0x41, count: 1_000)
        let compressed = try Codec.compress(.lz4Raw, input)
        XCTAssertEqual(compressed.last, 0x41)
        let lastToken = compressed[compressed.count - 6]
        XCTAssertEqual(lastToken, 5 << 4, "a closing sequence of exactly 5 literals")
    }

    func testDecompressesPyarrowFixtures() throws {
        for name in CompressionFixtures.inputNames {
            let original = try CompressionFixtures.bytes("\(name).bin")
            let compressed = try CompressionFixtures.bytes("\(name).lz4raw")
            XCTAssertEqual(try Codec.decompress(.lz4Raw, compressed, uncompressedSize: original.count), original, name)
        }
    }

    func testDecodesLengthExtensions() throws {
        // 300 literals (15 + 255 + 30), then a 300-byte match at offset 1 (4 + 15 + 255 + 26),
        // then 5 closing literals.
        let literals = CompressionTestData.random(300, seed: 53)
        var stream: [UInt8] = [0xFF, 255, 30] + literals + [1, 0, 255, 26]
        stream += [5 << 4, 1, 2, 3, 4, 5]
        let expected = literals + [UInt8](repeating: literals[299], count: 300) + [1, 2, 3, 4, 5]
        XCTAssertEqual(try Codec.decompress(.lz4Raw, stream, uncompressedSize: expected.count), expected)
    }

    func testRejectsMalformedBlocks() {
        let cases: [(String, [UInt8], Int)] = [
            ("empty", [], 0),
            ("empty page with bytes", [0, 0], 0),
            ("no closing literals", [0x40, 1, 2, 3, 4], 8),
            ("ends inside an offset", [0x40, 1, 2, 3, 4, 1], 8),
            ("offset zero", [0x40, 1, 2, 3, 4, 0, 0, 0x10, 9], 9),
            ("offset past start", [0x40, 1, 2, 3, 4, 5, 0, 0x10, 9], 9),
            ("match past end", [0x4F, 1, 2, 3, 4, 1, 0, 10, 0x10, 9], 9),
            ("literals past input", [0x50, 1, 2], 5),
            ("literals past output", [0x50, 1, 2, 3, 4, 5], 4),
            ("unterminated length", [0xF0, 255, 255], 600),
            ("ends after a match", [0x40, 1, 2, 3, 4, 1, 0], 8),
            ("expands short", [0x30, 1, 2, 3], 4),
        ]
        for (name, stream, size) in cases {
            assertCodecError(.corruptData, try Codec.decompress(.lz4Raw, stream, uncompressedSize: size), name)
        }
    }

    func testRandomMutationsAndTruncationsThrowOrDecode() throws {
        var generator = SeededGenerator(seed: 0x142)
        for input in [CompressionTestData.text(5_000, seed: 54), CompressionTestData.runs(3_000, seed: 55)] {
            let valid = try Codec.compress(.lz4Raw, input)
            for _ in 0..<3_000 {
                var stream = valid
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    stream[Int.random(in: 0..<stream.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                }
                _ = decodesOrRejects(.lz4Raw, stream, input.count)
            }
            for length in 0..<valid.count {
                XCTAssertFalse(decodesOrRejects(.lz4Raw, Array(valid.prefix(length)), input.count), "truncated to \(length)")
            }
        }
    }
}
