import XCTest
@testable import LodeParquet

/// The page value and level decoders against the examples of the Parquet
/// encodings specification and hand-encoded edge cases.
final class ReaderEncodingTests: XCTestCase {
    func decodeRle(_ bytes: [UInt8], bitWidth: Int, count: Int) throws -> [UInt32] {
        try bytes.withUnsafeBytes { raw in
            var decoder = try RleHybridDecoder(raw, bitWidth: bitWidth)
            return try decoder.decode(count: count, as: UInt32.self)
        }
    }

    func testRleHybridBitPackedAndRepeatedRuns() throws {
        // The specification's example: 0...7 bit-packed with width 3, then five 4s.
        XCTAssertEqual(try decodeRle([0x03, 0x88, 0xC6, 0xFA, 0x0A, 0x04], bitWidth: 3, count: 13),
                       [0, 1, 2, 3, 4, 5, 6, 7, 4, 4, 4, 4, 4])
        // Width 0: every value is zero and takes no bytes.
        XCTAssertEqual(try decodeRle([0x0A], bitWidth: 0, count: 5), [0, 0, 0, 0, 0])
        // A bit-packed run cut short still yields the values its bytes hold.
        XCTAssertEqual(try decodeRle([0x05, 0xFF], bitWidth: 1, count: 8), [1, 1, 1, 1, 1, 1, 1, 1])
        XCTAssertThrowsError(try decodeRle([0x0A, 0x04], bitWidth: 3, count: 6))
        XCTAssertThrowsError(try decodeRle([0x0A, 0x09], bitWidth: 3, count: 5), "value wider than the bit width")
        XCTAssertThrowsError(try decodeRle([], bitWidth: 1, count: 1))
    }

    func testBitUnpackingAllWidths() {
        for width in [1, 2, 3, 7, 8, 13, 31, 32, 33, 57, 63, 64] {
            let values = (0..<70).map { UInt64($0 * 2_654_435_761) & BitUnpackDecoder.mask(width) }
            var bytes = [UInt8](repeating: 0, count: (values.count * width + 7) / 8)
            for (i, v) in values.enumerated() {
                for b in 0..<width where v >> UInt64(b) & 1 == 1 { bytes[(i * width + b) / 8] |= 1 << ((i * width + b) % 8) }
            }
            var out = [UInt64](repeating: 0, count: values.count)
            bytes.withUnsafeBytes { raw in
                out.withUnsafeMutableBufferPointer {
                    BitUnpackDecoder.unpack(raw, bitWidth: width, count: values.count, into: $0.baseAddress!)
                }
            }
            XCTAssertEqual(out, values, "width \(width)")
        }
    }

    func testLegacyBitPackedLevels() throws {
        var out = [UInt8](repeating: 0, count: 8)
        try [UInt8]([0x05, 0x39, 0x77]).withUnsafeBytes { raw in
            try out.withUnsafeMutableBufferPointer {
                try LegacyBitPackedDecoder.decode(raw, count: 8, bitWidth: 3, into: $0.baseAddress!)
            }
        }
        XCTAssertEqual(out, [0, 1, 2, 3, 4, 5, 6, 7])
    }

    func testDeltaBinaryPacked() throws {
        for values: [Int64] in [[7, 5, 3, 1, 2, 3, 4, 5], [1], [], Array(0..<300).map { $0 * $0 - 5000 },
                                [Int64.max, Int64.min, 0, Int64.min, Int64.max], (0..<129).map { _ in 42 }] {
            let encoded = ReaderTestFileBuilder.deltaBinaryPacked(values)
            let (decoded, consumed) = try encoded.withUnsafeBytes {
                try DeltaBinaryPackedDecoder.decode($0, maxCount: 1000, as: Int64.self)
            }
            XCTAssertEqual(decoded, values)
            XCTAssertEqual(consumed, encoded.count)
        }
        // INT32 columns wrap in 32 bits.
        let wrapped = ReaderTestFileBuilder.deltaBinaryPacked([Int64(Int32.max), Int64(Int32.min)])
        let int32s = try wrapped.withUnsafeBytes { try DeltaBinaryPackedDecoder.decode($0, maxCount: 10, as: Int32.self) }
        XCTAssertEqual(int32s.values, [Int32.max, Int32.min])
        // Invalid headers and announced counts beyond the page are rejected.
        XCTAssertThrowsError(try [UInt8]([0x08, 0x01, 0x02, 0x00]).withUnsafeBytes {
            try DeltaBinaryPackedDecoder.decode($0, maxCount: 10, as: Int64.self)
        })
        XCTAssertThrowsError(try ReaderTestFileBuilder.deltaBinaryPacked([1, 2, 3]).withUnsafeBytes {
            try DeltaBinaryPackedDecoder.decode($0, maxCount: 2, as: Int64.self)
        })
    }

    func testDeltaByteArrays() throws {
        let words = ["axis", "axle", "babble", "babyhood"]
        let prefixes = ReaderTestFileBuilder.deltaBinaryPacked([0, 2, 0, 3])
        let suffixes = ReaderTestFileBuilder.deltaBinaryPacked([4, 2, 6, 5]) + Array("axislebabbleyhood".utf8)
        var ends = [Int32](repeating: 0, count: 4)
        var data: [UInt8] = []
        let consumed = try (prefixes + suffixes).withUnsafeBytes { raw in
            try ends.withUnsafeMutableBufferPointer {
                try DeltaByteArrayDecoder.decodeIncremental(raw, count: 4, ends: $0.baseAddress!, data: &data)
            }
        }
        XCTAssertEqual(consumed, prefixes.count + suffixes.count)
        XCTAssertEqual(String(decoding: data, as: UTF8.self), words.joined())
        XCTAssertEqual(ends, [4, 8, 14, 22])

        let lengths = ReaderTestFileBuilder.deltaBinaryPacked([5, 5, 6, 0]) + Array("HelloWorldFoobar".utf8)
        data = []
        _ = try lengths.withUnsafeBytes { raw in
            try ends.withUnsafeMutableBufferPointer {
                try DeltaByteArrayDecoder.decodeLengthPrefixed(raw, count: 4, ends: $0.baseAddress!, data: &data)
            }
        }
        XCTAssertEqual(ends, [5, 10, 16, 16])
        // A prefix longer than the previous value is corrupt.
        let bad = ReaderTestFileBuilder.deltaBinaryPacked([3]) + ReaderTestFileBuilder.deltaBinaryPacked([1]) + [0x61]
        XCTAssertThrowsError(try bad.withUnsafeBytes { raw in
            try ends.withUnsafeMutableBufferPointer {
                try DeltaByteArrayDecoder.decodeIncremental(raw, count: 1, ends: $0.baseAddress!, data: &data)
            }
        })
    }

    func testByteStreamSplit() throws {
        let encoded: [UInt8] = [0xAA, 0x00, 0xA3, 0xBB, 0x11, 0xB4, 0xCC, 0x22, 0xC5, 0xDD, 0x33, 0xD6]
        var out = [UInt8](repeating: 0, count: 12)
        try encoded.withUnsafeBytes { raw in
            try out.withUnsafeMutableBytes { try ByteStreamSplitDecoder.decode(raw, count: 3, width: 4, into: $0.baseAddress!) }
        }
        XCTAssertEqual(out, [0xAA, 0xBB, 0xCC, 0xDD, 0x00, 0x11, 0x22, 0x33, 0xA3, 0xB4, 0xC5, 0xD6])
        XCTAssertThrowsError(try encoded.withUnsafeBytes { raw in
            try out.withUnsafeMutableBytes { try ByteStreamSplitDecoder.decode(raw, count: 4, width: 4, into: $0.baseAddress!) }
        })
    }

    func testInt96AndHalfFloatAndDecimals() throws {
        // 2000-01-01 12:00:00.000001 is Julian day 2451545, 43_200_000_001_000 ns.
        XCTAssertEqual(PlainDecoder.int96Micros(julianDay: 2_451_545, nanosOfDay: 43_200_000_001_000),
                       946_728_000_000_001)
        XCTAssertEqual(halfToFloat(0x3C00), 1)
        XCTAssertEqual(halfToFloat(0xC000), -2)
        XCTAssertEqual(halfToFloat(0x7BFF), 65504)
        XCTAssertEqual(halfToFloat(0x0001), Float(sign: .plus, exponent: -24, significand: 1))
        XCTAssertTrue(halfToFloat(0x7E00).isNaN)
        XCTAssertEqual(halfToFloat(0xFC00), -.infinity)
        func decimal(_ bytes: [UInt8]) throws -> Int128 { try bytes.withUnsafeBytes { try decimalValue($0) } }
        XCTAssertEqual(try decimal([0xFF, 0x85]), -123)
        XCTAssertEqual(try decimal([0x00, 0x7B]), 123)
        XCTAssertEqual(try decimal([]), 0)
        XCTAssertEqual(try decimal([UInt8](repeating: 0xFF, count: 20)), -1)
        XCTAssertThrowsError(try decimal([0x01] + [UInt8](repeating: 0, count: 16)))
    }
}
