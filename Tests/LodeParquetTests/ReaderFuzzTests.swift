import Foundation
import LodeCore
import XCTest
@testable import LodeParquet

/// Thousands of damaged copies of small valid files (byte flips, truncations,
/// footer length edits, overwritten runs) read through the in-memory input: each
/// must read or throw ``ParquetError`` — never crash, hang or throw anything else.
final class ReaderFuzzTests: XCTestCase {
    static let fixtures = ["fuzz_v1_snappy_dict", "fuzz_v2_zstd_delta", "fuzz_v1_gzip_plain", "fuzz_v2_none_dict"]
    /// `LODE_FUZZ_MUTATIONS` and `LODE_FUZZ_SEED` widen a local run.
    static let mutationsPerFixture = Int(ProcessInfo.processInfo.environment["LODE_FUZZ_MUTATIONS"] ?? "") ?? 800
    static let seed = UInt64(ProcessInfo.processInfo.environment["LODE_FUZZ_SEED"] ?? "") ?? 0x10DE_CAFE

    /// A small deterministic generator (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    }

    /// Reads every row group of `bytes`; returns whether it read, or throws what
    /// is not a ``ParquetError``.
    @discardableResult
    static func readFully(_ bytes: [UInt8]) throws -> Bool {
        do {
            let reader = try ParquetReader(input: ParquetMemoryInput(bytes), name: "mutated.parquet")
            for index in 0..<reader.rowGroupCount {
                let batch = try reader.readRowGroup(index)
                for column in batch.columns { _ = column.values }
            }
            _ = reader.rowGroupsMatching(.compare(column: "id", .greater, .int(3)))
            return true
        } catch let error as ParquetError {
            XCTAssertEqual(error.file, "mutated.parquet", "\(error)")
            return false
        }
    }

    static func mutate(_ original: [UInt8], _ g: inout Generator) -> [UInt8] {
        var data = original
        let size = data.count
        let footerLength = Int(UInt32(data[size - 8]) | UInt32(data[size - 7]) << 8
                               | UInt32(data[size - 6]) << 16 | UInt32(data[size - 5]) << 24)
        let footerStart = max(0, size - 8 - footerLength)
        switch g.below(10) {
        case 0, 1, 2:
            for _ in 0...g.below(3) { data[g.below(size)] ^= UInt8(1 << g.below(8)) }
        case 3, 4:
            for _ in 0...g.below(3) { data[g.below(size)] = UInt8(truncatingIfNeeded: g.next()) }
        case 5:
            // Inside the footer, where the metadata lives.
            for _ in 0...g.below(2) { data[footerStart + g.below(size - footerStart)] = UInt8(truncatingIfNeeded: g.next()) }
        case 6:
            data.removeLast(1 + g.below(size - 1))
        case 7:
            let candidates = [0, 1, footerLength - 1, footerLength + 1, size - 12, size - 8, size, Int(UInt32.max), g.below(size * 2)]
            let length = UInt32(truncatingIfNeeded: candidates[g.below(candidates.count)])
            for k in 0..<4 { data[size - 8 + k] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(k))) }
        case 8:
            let start = g.below(size), count = min(size - start, 1 + g.below(8))
            let fill: UInt8 = g.below(2) == 0 ? 0 : 0xff
            for k in start..<(start + count) { data[k] = fill }
        default:
            // A data region byte (pages and their headers).
            for _ in 0...g.below(4) { data[4 + g.below(max(1, footerStart - 4))] = UInt8(truncatingIfNeeded: g.next()) }
        }
        return data
    }

    func testOriginalFixturesRead() throws {
        for name in Self.fixtures {
            let bytes = try Array(Data(contentsOf: ReaderFixtureTests.directory.appendingPathComponent(name + ".parquet")))
            XCTAssertTrue(try Self.readFully(bytes), name)
        }
    }

    func testMutatedFilesReadOrThrowParquetError() throws {
        var g = Generator(state: Self.seed)
        var outcomes = (read: 0, rejected: 0)
        let start = Date()
        for name in Self.fixtures {
            let original = try Array(Data(contentsOf: ReaderFixtureTests.directory.appendingPathComponent(name + ".parquet")))
            for _ in 0..<Self.mutationsPerFixture {
                let mutated = Self.mutate(original, &g)
                do {
                    if try Self.readFully(mutated) { outcomes.read += 1 } else { outcomes.rejected += 1 }
                } catch {
                    XCTFail("\(name): a mutated file threw \(type(of: error)): \(error)")
                }
            }
        }
        XCTAssertGreaterThan(outcomes.rejected, Self.fixtures.count * Self.mutationsPerFixture / 4)
        print("mutated files: \(outcomes.read) read, \(outcomes.rejected) rejected in \(Date().timeIntervalSince(start)) s")
    }
}
