import LodeCore
import XCTest
@testable import LodeDelta

/// Damaged logs read or throw ``DeltaError``; they never crash or hang.
final class KernelMutationTests: XCTestCase {
    func testDamagedCommitsAndCheckpoints() throws {
        var generator = SplitMix(seed: 0x5eed)
        let pristine = try DeltaFixtures.memoryStore("spark-style")
        let targets = pristine.paths.filter { $0.hasPrefix("_delta_log/") && ($0.hasSuffix(".json") || $0.hasSuffix(".parquet")) }
        var outcomes = (read: 0, refused: 0)
        for iteration in 0..<400 {
            let store = try DeltaFixtures.memoryStore("spark-style")
            let target = targets[Int(generator.next() % UInt64(targets.count))]
            var bytes = try store.get(target)
            switch iteration % 4 {
            case 0:
                for _ in 0..<(1 + Int(generator.next() % 4)) where !bytes.isEmpty {
                    bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
                }
            case 1:
                bytes = Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count + 1))))
            case 2:
                let at = Int(generator.next() % UInt64(bytes.count + 1))
                bytes.insert(contentsOf: Array(#"{"add":{"path":null,"size":-1}}"#.utf8).prefix(Int(generator.next() % 30)), at: at)
            default:
                if !bytes.isEmpty { bytes.remove(at: Int(generator.next() % UInt64(bytes.count))) }
            }
            store.put(target, bytes, time: 0)
            do {
                let snapshot = try DeltaTable(store: store).snapshot()
                var scan = try snapshot.scan()
                _ = try scan.collect()
                _ = try snapshot.files(matching: .compare(column: "id", .greater, .int(3)))
                outcomes.read += 1
            } catch is DeltaError {
                outcomes.refused += 1
            }
        }
        XCTAssertGreaterThan(outcomes.refused, 50)
        XCTAssertGreaterThan(outcomes.read, 10)
    }

    func testRandomStatisticsNeverCrashSkipping() throws {
        var generator = SplitMix(seed: 7)
        let schema = Schema([Field("a", .int64), Field("t", .timestamp(.nanosecond, utc: true)), Field("d", .date),
                             Field("s", .struct([Field("x", .decimal(precision: 38, scale: 10))]))])
        let pieces = [#"{"numRecords":"#, "1", "-9223372036854775808", "1e400", #""2024-01-01""#, #""9999999-01-01T00:00:00Z""#,
                      #","minValues":{"a":"#, #","maxValues":{"t":"#, #","nullCount":{"s":{"x":"#, "}", "null", "[", "]", ","]
        for _ in 0..<2000 {
            let text = (0..<Int(generator.next() % 12)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            guard let stats = try? FileStatistics(json: text, schema: schema) else { continue }
            _ = stats.jsonString(schema: schema)
        }
        var replay = LogReplay()
        replay.apply(.protocol(ProtocolAction()))
        let tableSchema = Schema([Field("a", .int64), Field("t", .timestampUTC), Field("d", .date),
                                  Field("s", .struct([Field("x", .decimal(precision: 38, scale: 10))]))])
        replay.apply(.metadata(MetadataAction(id: "x", schemaString: try tableSchema.deltaSchemaString())))
        for i in 0..<200 {
            let text = (0..<Int(generator.next() % 14)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            replay.apply(.add(AddFile(path: "f\(i)", partitionValues: [:], size: 1, modificationTime: 0, dataChange: true, stats: text)))
        }
        let snapshot = try Snapshot(replay: replay, version: 0, timestamp: 0, paths: DeltaLogPaths(tableRoot: ""), store: MemoryStore())
        for literal: Value in [.int(.max), .int(.min), .date(.max), .date(.min), .string("x"), .double(.nan),
                               .timestamp(.max, .nanosecond, utc: true)] {
            for column in ["a", "t", "d", "s.x"] {
                _ = try snapshot.files(matching: .compare(column: column, .less, literal))
                _ = try snapshot.files(matching: .not(.compare(column: column, .equal, literal)))
            }
        }
    }
}

/// A small deterministic random generator.
struct SplitMix: RandomNumberGenerator {
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
