import XCTest
@testable import LodeParquet

final class ZstdTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipIf(ZstdLibrary.shared == nil, "libzstd.so.1 is not installed")
    }

    func testRoundTripsSamples() throws {
        for (name, input) in CompressionTestData.samples {
            let compressed = try Codec.compress(.zstd, input)
            XCTAssertEqual(Array(compressed.prefix(4)), [0x28, 0xB5, 0x2F, 0xFD], "\(name) is a zstd frame")
            XCTAssertEqual(try Codec.decompress(.zstd, compressed, uncompressedSize: input.count), input, name)
        }
    }

    func testLevels() throws {
        let input = CompressionTestData.text(200_000)
        let fast = try Codec.compress(.zstd, input, level: 1)
        let small = try Codec.compress(.zstd, input, level: 19)
        let negative = try Codec.compress(.zstd, input, level: -5)
        XCTAssertLessThan(small.count, fast.count)
        for compressed in [fast, small, negative] {
            XCTAssertEqual(try Codec.decompress(.zstd, compressed, uncompressedSize: input.count), input)
        }
        XCTAssertEqual(try Codec.compress(.zstd, input), fast, "level 1 is the default")
    }

    func testDecompressesPyarrowFixtures() throws {
        for name in CompressionFixtures.inputNames {
            let original = try CompressionFixtures.bytes("\(name).bin")
            let compressed = try CompressionFixtures.bytes("\(name).zst")
            XCTAssertEqual(try Codec.decompress(.zstd, compressed, uncompressedSize: original.count), original, name)
        }
    }

    func testDecompressesFramesWithoutContentSizeAndConcatenatedFrames() throws {
        let original = try CompressionFixtures.bytes("text.bin")
        for file in ["text-streamed.zst", "text-two-frames.zst"] {
            let compressed = try CompressionFixtures.bytes(file)
            XCTAssertEqual(try Codec.decompress(.zstd, compressed, uncompressedSize: original.count), original, file)
            assertCodecError(.corruptData, try Codec.decompress(.zstd, compressed, uncompressedSize: original.count - 1), file)
            assertCodecError(.corruptData, try Codec.decompress(.zstd, compressed, uncompressedSize: original.count + 1), file)
        }
    }

    func testRejectsCorruptAndMismatchedData() throws {
        let input = CompressionTestData.text(10_000)
        let compressed = try Codec.compress(.zstd, input)
        assertCodecError(.corruptData, try Codec.decompress(.zstd, compressed, uncompressedSize: input.count - 1))
        assertCodecError(.corruptData, try Codec.decompress(.zstd, compressed, uncompressedSize: input.count + 1))
        assertCodecError(.corruptData, try Codec.decompress(.zstd, Array(compressed.prefix(compressed.count / 2)), uncompressedSize: input.count))
        assertCodecError(.corruptData, try Codec.decompress(.zstd, [], uncompressedSize: 0))
        assertCodecError(.corruptData, try Codec.decompress(.zstd, Array("not zstd at all".utf8), uncompressedSize: 10))
        var generator = SeededGenerator(seed: 41)
        for _ in 0..<500 {
            var mutated = compressed
            mutated[Int.random(in: 0..<mutated.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            if let output = try? Codec.decompress(.zstd, mutated, uncompressedSize: input.count) {
                XCTAssertEqual(output.count, input.count)
            }
        }
    }
}
