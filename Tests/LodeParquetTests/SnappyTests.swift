import XCTest
@testable import LodeParquet

final class SnappyTests: XCTestCase {
    func testRoundTripsSamples() throws {
        for (name, input) in CompressionTestData.samples {
            let compressed = try Codec.compress(.snappy, input)
            XCTAssertLessThanOrEqual(compressed.count, Snappy.maxCompressedLength(input.count), name)
            let output = try Codec.decompress(.snappy, compressed, uncompressedSize: input.count)
            XCTAssertEqual(output, input, name)
        }
    }

    func testCompressesRepetitiveData() throws {
        let zeros = try Codec.compress(.snappy, [UInt8](repeating: 0, count: 1 << 20))
        XCTAssertLessThan(zeros.count, 60_000)
        let text = CompressionTestData.text(200_000)
        XCTAssertLessThan(try Codec.compress(.snappy, text).count, text.count / 2)
        let random = CompressionTestData.random(100_000)
        XCTAssertLessThan(try Codec.compress(.snappy, random).count, random.count + 100)
    }

    func testRoundTripsEveryLengthUpTo300() throws {
        let text = CompressionTestData.text(300, seed: 21)
        let random = CompressionTestData.random(300, seed: 22)
        for length in 0...300 {
            for input in [Array(text.prefix(length)), Array(random.prefix(length)), [UInt8](repeating: 7, count: length)] {
                let compressed = try Codec.compress(.snappy, input)
                XCTAssertEqual(try Codec.decompress(.snappy, compressed, uncompressedSize: length), input, "length \(length)")
            }
        }
    }

    func testDecompressesPyarrowFixtures() throws {
        for name in CompressionFixtures.inputNames {
            let original = try CompressionFixtures.bytes("\(name).bin")
            let compressed = try CompressionFixtures.bytes("\(name).snappy")
            XCTAssertEqual(try Codec.decompress(.snappy, compressed, uncompressedSize: original.count), original, name)
        }
    }

    func testEncodesLiteralLengthsAndPreamble() throws {
        // 64 is the varint 0x40; a 61-byte literal needs one extra length byte.
        let input = CompressionTestData.random(64, seed: 23)
        let compressed = try Codec.compress(.snappy, input)
        XCTAssertEqual(Array(compressed.prefix(3)), [0x40, 60 << 2, 63])
        XCTAssertEqual(Array(compressed.dropFirst(3)), input)
        // 2097150 is the varint FE FF 7F.
        let long = try Codec.compress(.snappy, [UInt8](repeating: 1, count: 2_097_150))
        XCTAssertEqual(Array(long.prefix(3)), [0xFE, 0xFF, 0x7F])
    }

    func testDecodesEveryElementKind() throws {
        let stream: [UInt8] = [
            20,                                  // preamble: 20 bytes
            3 << 2, 0x61, 0x62, 0x63, 0x64,      // literal "abcd"
            0x01 | (1 << 2), 4,                  // copy-1: length 5, offset 4 -> "abcda"
            0x02 | (2 << 2), 2, 0,               // copy-2: length 3, offset 2 -> "dad"
            0x03 | (3 << 2), 12, 0, 0, 0,        // copy-4: length 4, offset 12 -> "abcd"
            60 << 2, 3, 0x77, 0x78, 0x79, 0x7A,  // literal with a one-byte length: "wxyz"
        ]
        let output = try Codec.decompress(.snappy, stream, uncompressedSize: 20)
        XCTAssertEqual(String(decoding: output, as: UTF8.self), "abcdabcdadadabcdwxyz")
    }

    func testDecodesLiteralLengthsInTwoThreeAndFourBytes() throws {
        for (tag, lengthBytes) in [(61, 2), (62, 3), (63, 4)] {
            let literal = CompressionTestData.random(300, seed: UInt64(tag))
            let n = literal.count - 1
            let stream = [0xAC, 0x02, UInt8(tag << 2)] + (0..<lengthBytes).map { UInt8(truncatingIfNeeded: n >> (8 * $0)) } + literal
            XCTAssertEqual(try Codec.decompress(.snappy, stream, uncompressedSize: 300), literal)
        }
    }

    func testOverlappingCopiesOfEveryShortOffset() throws {
        for offset in 1...20 {
            for length in [1, 4, 7, 8, 9, 15, 16, 17, 33, 64] {
                let seed = (0..<offset).map { UInt8($0 + 1) }
                let total = offset + length + 40
                var stream: [UInt8] = [UInt8(total)]
                stream += [UInt8((offset - 1) << 2)] + seed
                stream += [0x02 | UInt8((length - 1) << 2), UInt8(offset), 0]
                stream += [39 << 2] + [UInt8](repeating: 0xEE, count: 40)
                var expected = seed
                for _ in 0..<length { expected.append(expected[expected.count - offset]) }
                expected += [UInt8](repeating: 0xEE, count: 40)
                XCTAssertEqual(try Codec.decompress(.snappy, stream, uncompressedSize: total), expected, "offset \(offset) length \(length)")
                // The same copy at the very end of the output takes the exact path.
                let tail = Array(stream[0..<(stream.count - 41)])
                var tailStream = tail
                tailStream[0] = UInt8(offset + length)
                XCTAssertEqual(
                    try Codec.decompress(.snappy, tailStream, uncompressedSize: offset + length),
                    Array(expected.prefix(offset + length)), "offset \(offset) length \(length) at end")
            }
        }
    }

    func testRejectsMalformedStreams() {
        let cases: [(String, [UInt8], Int)] = [
            ("no preamble", [], 0),
            ("unterminated preamble", [0x80, 0x80], 0),
            ("six-byte preamble", [0x80, 0x80, 0x80, 0x80, 0x80, 0x01], 0),
            ("preamble above UInt32.max", [0xFF, 0xFF, 0xFF, 0xFF, 0x1F], 0),
            ("length differs from header", [3, 2 << 2, 1, 2, 3], 4),
            ("elements after empty block", [0, 0], 0),
            ("no elements", [3], 3),
            ("copy first", [4, 0x01, 1], 4),
            ("offset zero", [8, 3 << 2, 1, 2, 3, 4, 0x01, 0], 8),
            ("offset past start", [8, 3 << 2, 1, 2, 3, 4, 0x01, 5], 8),
            ("copy past end", [6, 3 << 2, 1, 2, 3, 4, 0x01, 4], 6),
            ("literal past input", [4, 3 << 2, 1, 2], 4),
            ("literal past output", [2, 3 << 2, 1, 2, 3, 4], 2),
            ("literal length bytes missing", [4, 62 << 2, 3], 4),
            ("copy-1 offset missing", [8, 3 << 2, 1, 2, 3, 4, 0x01], 8),
            ("copy-2 offset missing", [8, 3 << 2, 1, 2, 3, 4, 0x02 | (3 << 2), 4], 8),
            ("copy-4 offset missing", [8, 3 << 2, 1, 2, 3, 4, 0x03 | (3 << 2), 4, 0, 0], 8),
            ("huge copy-4 offset", [8, 3 << 2, 1, 2, 3, 4, 0x03 | (3 << 2), 0xFF, 0xFF, 0xFF, 0xFF], 8),
            ("huge literal length", [8, 63 << 2, 0xFF, 0xFF, 0xFF, 0xFF, 1], 8),
            ("ends short", [8, 3 << 2, 1, 2, 3, 4], 8),
        ]
        for (name, stream, size) in cases {
            assertCodecError(.corruptData, try Codec.decompress(.snappy, stream, uncompressedSize: size), name)
        }
    }

    func testRejectsSizeMismatchAgainstPageHeader() throws {
        let compressed = try Codec.compress(.snappy, CompressionTestData.text(1000))
        assertCodecError(.corruptData, try Codec.decompress(.snappy, compressed, uncompressedSize: 999))
        assertCodecError(.corruptData, try Codec.decompress(.snappy, compressed, uncompressedSize: 1001))
        assertCodecError(.corruptData, try Codec.decompress(.snappy, compressed, uncompressedSize: -1))
    }
}
