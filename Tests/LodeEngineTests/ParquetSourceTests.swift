import Foundation
import LodeCore
import LodePlan
import XCTest
@testable import LodeEngine

/// Fixture paths and scan helpers shared by the source tests.
enum SourceTesting {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/sources").path

    static func fixture(_ name: String) -> String { fixtures + "/" + name }

    /// A request for `columns` with ids equal to the column indices.
    static func request(_ columns: [Int], filters: [BoundExpression] = [], limit: Int? = nil, partitions: Int = 1) -> ScanRequest {
        ScanRequest(columns: columns, columnIDs: columns.map(ColumnID.init), filters: filters, limit: limit, partitions: partitions)
    }

    /// Every batch of every stream.
    static func batches(_ source: any TableSource, _ request: ScanRequest) throws -> [RecordBatch] {
        var all: [RecordBatch] = []
        for stream in try source.scan(request) {
            while let batch = try stream.next() { all.append(batch) }
        }
        return all
    }

    /// Every row of the scan, as boxed values.
    static func rows(_ source: any TableSource, _ request: ScanRequest) throws -> [[Value]] {
        try batches(source, request).flatMap { batch in (0..<batch.count).map(batch.row) }
    }

    static func column(_ index: Int, _ type: DataType) -> BoundExpression { .column(ColumnID(index), type) }

    static func call(_ name: String, _ args: BoundExpression...) -> BoundExpression { .call(name, args, .boolean) }

    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lode-sources-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}

final class ParquetSourceTests: XCTestCase {
    private let sorted = SourceTesting.fixture("parquet/sorted.parquet")

    func testSchemaAndEstimateComeFromTheFooter() throws {
        let source = try ParquetSource(paths: [sorted])
        XCTAssertEqual(source.schema.names, ["id", "day", "amount", "name", "qty", "flag"])
        XCTAssertEqual(source.schema.fields[2].type, .decimal(precision: 12, scale: 2))
        XCTAssertEqual(source.estimatedRowCount, 4000)
        XCTAssertEqual(source.metrics.rowGroupsRead, 0)
        XCTAssertEqual(source.displayName, "read_parquet('\(sorted)')")
    }

    func testProjectedScanReturnsRequestedColumnsInOrder() throws {
        let source = try ParquetSource(paths: [sorted])
        let batches = try SourceTesting.batches(source, SourceTesting.request([3, 0]))
        XCTAssertEqual(batches.count, 4)
        XCTAssertEqual(batches[0].schema.names, ["name", "id"])
        XCTAssertEqual(batches.reduce(0) { $0 + $1.count }, 4000)
        XCTAssertEqual(batches[0].row(5), [.string("name-00005"), .int(5)])
        XCTAssertEqual(source.metrics.rowGroupsRead, 4)
    }

    func testTwoStreamsShareTheRowGroupsOfOneFile() throws {
        let source = try ParquetSource(paths: [sorted])
        let streams = try source.scan(SourceTesting.request([0], partitions: 2))
        XCTAssertEqual(streams.count, 2)
        // Interleave the streams: each takes the next row group from the shared queue.
        var perStream = [0, 0]
        var ids: [Int64] = []
        var done = [false, false]
        while !done.allSatisfy({ $0 }) {
            for i in 0..<2 where !done[i] {
                if let batch = try streams[i].next() {
                    perStream[i] += 1
                    ids += (batch.columns[0] as! PrimitiveArray<Int64>).storage
                } else {
                    done[i] = true
                }
            }
        }
        XCTAssertEqual(perStream, [2, 2])
        XCTAssertEqual(ids.sorted(), (0..<4000).map(Int64.init))
    }

    func testStreamsReadInParallelReturnEveryRowOnce() throws {
        let source = try ParquetSource(paths: [sorted])
        let streams = try source.scan(SourceTesting.request([0, 4], partitions: 2))
        let lock = NSLock()
        var total = 0, sum: Int64 = 0
        DispatchQueue.concurrentPerform(iterations: streams.count) { i in
            var rows = 0, s: Int64 = 0
            while let batch = try? streams[i].next() {
                rows += batch.count
                s += (batch.columns[0] as! PrimitiveArray<Int64>).storage.reduce(0, +)
            }
            lock.withLock { total += rows; sum += s }
        }
        XCTAssertEqual(total, 4000)
        XCTAssertEqual(sum, Int64(3999 * 4000 / 2))
    }

    func testFiltersPruneRowGroupsByStatistics() throws {
        let source = try ParquetSource(paths: [sorted])
        // id >= 2500 keeps row groups 2 and 3.
        let filter = SourceTesting.call(">=", SourceTesting.column(0, .int64), .literal(.int(2500), .int64))
        let rows = try SourceTesting.rows(source, SourceTesting.request([0], filters: [filter]))
        XCTAssertEqual(rows.count, 2000)
        XCTAssertEqual(source.metrics.rowGroupsRead, 2)
    }

    func testDateFilterUnderCastToTimestampPrunes() throws {
        let source = try ParquetSource(paths: [sorted])
        // CAST(day AS TIMESTAMP) < TIMESTAMP '2024-01-05 00:00:00': days 0..3 → ids 0..399, row group 0.
        let day = BoundExpression.cast(SourceTesting.column(1, .date), to: .timestamp(.microsecond, utc: false), isTry: false)
        let limit = Temporal.parseTimestamp("2024-01-05 00:00:00")!
        let filter = SourceTesting.call("<", day, .literal(.timestamp(limit, .microsecond, utc: false), .timestamp(.microsecond, utc: false)))
        _ = try SourceTesting.rows(source, SourceTesting.request([1], filters: [filter]))
        XCTAssertEqual(source.metrics.rowGroupsRead, 1)
    }

    func testLimitStopsEarly() throws {
        let source = try ParquetSource(paths: [sorted])
        let rows = try SourceTesting.rows(source, SourceTesting.request([0], limit: 1500, partitions: 2))
        XCTAssertEqual(rows.count, 1500)
        XCTAssertEqual(source.metrics.rowGroupsRead, 2)
    }

    func testGlobReadsEveryMatchingFileSorted() throws {
        let source = try ParquetSource(paths: [SourceTesting.fixture("parquet/parts/**/*.parquet")])
        XCTAssertEqual(source.files.map { URL(fileURLWithPath: $0.reader.name).lastPathComponent }, ["a.parquet", "b.parquet", "c.parquet"])
        XCTAssertEqual(source.estimatedRowCount, 30)
        let ids = try SourceTesting.rows(source, SourceTesting.request([0])).map { $0[0] }
        XCTAssertEqual(ids, (0..<30).map { Value.int(Int64($0)) })
        let top = try ParquetSource(paths: [SourceTesting.fixture("parquet/parts/?.parquet")])
        XCTAssertEqual(top.files.count, 2)
        XCTAssertEqual(try FileGlob.expand(SourceTesting.fixture("parquet/parts/**")).map { URL(fileURLWithPath: $0).lastPathComponent },
                       ["a.parquet", "b.parquet", "notes.txt", "c.parquet"])
        XCTAssertEqual(try FileGlob.expand(SourceTesting.fixture("parquet/part[s]/[ab].parquet")).count, 2)
    }

    func testListOfFiles() throws {
        let source = try ParquetSource(paths: [SourceTesting.fixture("parquet/parts/b.parquet"), SourceTesting.fixture("parquet/parts/a.parquet")])
        let ids = try SourceTesting.rows(source, SourceTesting.request([0])).map { $0[0] }
        XCTAssertEqual(ids.first, .int(10))
        XCTAssertEqual(ids.count, 20)
    }

    func testErrorsNameTheFileOrPattern() throws {
        XCTAssertThrowsError(try ParquetSource(paths: [SourceTesting.fixture("parquet/missing.parquet")])) { error in
            XCTAssertTrue("\(error)".contains("missing.parquet"), "\(error)")
        }
        XCTAssertThrowsError(try ParquetSource(paths: [SourceTesting.fixture("parquet/nothing-*.parquet")])) { error in
            XCTAssertTrue("\(error)".contains("nothing-*.parquet"), "\(error)")
        }
        XCTAssertThrowsError(try ParquetSource(paths: [SourceTesting.fixture("parquet/parts/*")])) { error in
            XCTAssertTrue("\(error)".contains("notes.txt"), "\(error)")
        }
        XCTAssertThrowsError(try ParquetSource(paths: [sorted, SourceTesting.fixture("parquet/other-schema.parquet")])) { error in
            XCTAssertTrue("\(error)".contains("other-schema.parquet"), "\(error)")
        }
        XCTAssertThrowsError(try ParquetSource(paths: [SourceTesting.fixture("parquet/parts")])) { error in
            XCTAssertTrue("\(error)".contains("folder"), "\(error)")
        }
    }

    func testScanWithoutColumnsIsRefused() throws {
        let source = try ParquetSource(paths: [sorted])
        XCTAssertThrowsError(try source.scan(SourceTesting.request([])))
    }
}
