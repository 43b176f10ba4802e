import XCTest
@testable import LodeParquet

/// Damaged footers and page headers either decode or throw ParquetError: no trap, no hang.
final class ThriftRobustnessTests: XCTestCase {
    private typealias Support = ThriftTestSupport

    /// SplitMix64: deterministic, so a failure reproduces.
    private struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private struct Outcome {
        var decoded = 0
        var rejected = 0
    }

    private func mutate(_ bytes: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var copy = bytes
        switch Int.random(in: 0..<5, using: &generator) {
        case 0:
            copy.removeLast(Int.random(in: 1...copy.count, using: &generator))
        case 1:
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                copy[Int.random(in: 0..<copy.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
        case 2:
            let index = Int.random(in: 0..<copy.count, using: &generator)
            copy[index] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
        case 3:
            // Lengths and counts are where lies hurt: plant a huge varint.
            let index = Int.random(in: 0..<copy.count, using: &generator)
            copy.replaceSubrange(index..<Swift.min(index + 1, copy.count), with: [0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
        default:
            let start = Int.random(in: 0..<copy.count, using: &generator)
            let end = Swift.min(copy.count, start + Int.random(in: 1...16, using: &generator))
            copy.removeSubrange(start..<end)
        }
        return copy
    }

    private func check<T>(_ bytes: [UInt8], _ outcome: inout Outcome, _ decode: (UnsafeRawBufferPointer) throws -> T) {
        do {
            _ = try bytes.withUnsafeBytes(decode)
            outcome.decoded += 1
        } catch let error as ParquetError {
            XCTAssertEqual(error.kind, .corruptMetadata)
            XCTAssertFalse(error.message.isEmpty)
            outcome.rejected += 1
        } catch {
            XCTFail("unexpected error type: \(error)")
        }
    }

    func testDamagedFootersDecodeOrThrow() throws {
        var generator = SeededGenerator(state: 0x5EED)
        var outcome = Outcome()
        for name in ["pyarrow_v1.parquet", "duckdb.parquet", "polars.parquet"] {
            let footer = try Support.footer(of: Support.fixture(name))
            for _ in 0..<1000 {
                check(mutate(footer, using: &generator), &outcome) { try FileMetaData(thrift: $0) }
            }
        }
        XCTAssertEqual(outcome.decoded + outcome.rejected, 3000)
        XCTAssertGreaterThan(outcome.rejected, 1000)
    }

    func testEveryTruncationOfAFooterThrows() throws {
        let footer = try Support.footer(of: Support.fixture("duckdb.parquet"))
        for length in 0..<footer.count {
            Support.assertCorrupt("of the footer") { try Array(footer.prefix(length)).withUnsafeBytes { try FileMetaData(thrift: $0) } }
        }
    }

    func testDamagedPageHeadersDecodeOrThrow() throws {
        let file = try Support.fixture("pyarrow_v1.parquet")
        let dictionaryHeader = Array(file[4..<18])
        let dataHeader = Array(file[46..<109])
        var generator = SeededGenerator(state: 42)
        var outcome = Outcome()
        for header in [dictionaryHeader, dataHeader] {
            XCTAssertNoThrow(try header.withUnsafeBytes { try PageHeader.decode(thrift: $0) })
            for _ in 0..<2000 {
                check(mutate(header, using: &generator), &outcome) { try PageHeader.decode(thrift: $0) }
            }
        }
        XCTAssertGreaterThan(outcome.rejected, 1000)
    }

    func testRandomBytesDecodeOrThrow() {
        var generator = SeededGenerator(state: 7)
        var outcome = Outcome()
        for _ in 0..<3000 {
            let bytes = (0..<Int.random(in: 0..<64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            check(bytes, &outcome) { try FileMetaData(thrift: $0) }
            check(bytes, &outcome) { try PageHeader.decode(thrift: $0) }
        }
        XCTAssertEqual(outcome.decoded + outcome.rejected, 6000)
    }
}
