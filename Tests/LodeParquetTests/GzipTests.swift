import XCTest
@testable import LodeParquet

final class GzipTests: XCTestCase {
    func testRoundTripsSamples() throws {
        for (name, input) in CompressionTestData.samples where input.count <= 1 << 20 {
            let compressed = try Codec.compress(.gzip, input)
            XCTAssertEqual(Array(compressed.prefix(2)), [0x1F, 0x8B], "\(name) has a gzip header")
            XCTAssertEqual(try Codec.decompress(.gzip, compressed, uncompressedSize: input.count), input, name)
        }
    }

    func testLevels() throws {
        let input = CompressionTestData.text(100_000)
        let fastest = try Codec.compress(.gzip, input, level: 1)
        let smallest = try Codec.compress(.gzip, input, level: 9)
        let stored = try Codec.compress(.gzip, input, level: 0)
        XCTAssertLessThan(smallest.count, fastest.count)
        XCTAssertGreaterThan(stored.count, input.count)
        for compressed in [fastest, smallest, stored] {
            XCTAssertEqual(try Codec.decompress(.gzip, compressed, uncompressedSize: input.count), input)
        }
        assertCodecError(.invalidArgument, try Codec.compress(.gzip, input, level: 10))
    }

    func testDecompressesPyarrowFixtures() throws {
        for name in CompressionFixtures.inputNames {
            let original = try CompressionFixtures.bytes("\(name).bin")
            let compressed = try CompressionFixtures.bytes("\(name).gz")
            XCTAssertEqual(try Codec.decompress(.gzip, compressed, uncompressedSize: original.count), original, name)
        }
    }

    func testDecompressesConcatenatedMembersAndZlibWrapper() throws {
        let original = try CompressionFixtures.bytes("text.bin")
        for file in ["text-two-members.gz", "text.zlib"] {
            let compressed = try CompressionFixtures.bytes(file)
            XCTAssertEqual(try Codec.decompress(.gzip, compressed, uncompressedSize: original.count), original, file)
        }
    }

    func testRejectsCorruptAndMismatchedData() throws {
        let input = CompressionTestData.text(10_000)
        let compressed = try Codec.compress(.gzip, input)
        assertCodecError(.corruptData, try Codec.decompress(.gzip, compressed, uncompressedSize: input.count - 1))
        assertCodecError(.corruptData, try Codec.decompress(.gzip, compressed, uncompressedSize: input.count + 1))
        assertCodecError(.corruptData, try Codec.decompress(.gzip, Array(compressed.prefix(compressed.count / 2)), uncompressedSize: input.count))
        assertCodecError(.corruptData, try Codec.decompress(.gzip, [], uncompressedSize: 0))
        assertCodecError(.corruptData, try Codec.decompress(.gzip, Array("not gzip at all".utf8), uncompressedSize: 10))
        var flipped = compressed
        flipped[compressed.count / 2] ^= 0xFF
        XCTAssertThrowsError(try Codec.decompress(.gzip, flipped, uncompressedSize: input.count))
        var badChecksum = compressed
        badChecksum[compressed.count - 6] ^= 0x01
        assertCodecError(.corruptData, try Codec.decompress(.gzip, badChecksum, uncompressedSize: input.count))
    }
}
