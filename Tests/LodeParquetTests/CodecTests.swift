import XCTest
@testable import LodeParquet

final class CodecTests: XCTestCase {
    func testUncompressedPassesBytesThrough() throws {
        let input = CompressionTestData.text(1_000)
        XCTAssertEqual(try Codec.compress(.uncompressed, input), input)
        XCTAssertEqual(try Codec.decompress(.uncompressed, input, uncompressedSize: input.count), input)
        assertCodecError(.corruptData, try Codec.decompress(.uncompressed, input, uncompressedSize: 999))
    }

    func testUnsupportedCodecsNameThemselves() {
        let expected: [(CompressionCodec, String)] = [
            (.lzo, "LZO"), (.brotli, "BROTLI"), (.lz4, "LZ4"), (CompressionCodec(rawValue: 42), "codec 42"),
        ]
        for (codec, name) in expected {
            for error in [
                Result { try Codec.compress(codec, [1, 2, 3]) },
                Result { try Codec.decompress(codec, [1, 2, 3], uncompressedSize: 3) },
            ].compactMap({ result -> ParquetError? in
                if case .failure(let error) = result { return error as? ParquetError }
                return nil
            }) {
                XCTAssertEqual(error.kind, .unsupported)
                XCTAssertEqual(error.message, "\(name) compression is not supported")
            }
        }
    }

    func testNegativeUncompressedSizeIsCorrupt() {
        for codec in [CompressionCodec.uncompressed, .snappy, .gzip, .zstd, .lz4Raw] {
            assertCodecError(.corruptData, try Codec.decompress(codec, [0], uncompressedSize: -1))
        }
    }
}
