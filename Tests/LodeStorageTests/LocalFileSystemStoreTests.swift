import Foundation
import XCTest
@testable import LodeStorage

final class LocalFileSystemStoreTests: XCTestCase {
    private func makeStore() throws -> LocalFileSystemStore {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lode-store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return LocalFileSystemStore(root: dir)
    }

    func testPutGetRangeListAndDelete() throws {
        let store = try makeStore()
        try store.put("t/_delta_log/00000000000000000000.json", data: Array("hello".utf8))
        try store.put("t/part-0.parquet", data: [1, 2, 3, 4])
        try store.put("u/x", data: [])
        XCTAssertEqual(try store.get("t/part-0.parquet", range: 1..<3), [2, 3])
        XCTAssertEqual(try store.list(prefix: "t/").map(\.path),
                       ["t/_delta_log/00000000000000000000.json", "t/part-0.parquet"])
        XCTAssertEqual(try store.list(prefix: "t/_delta_log/0").map(\.size), [5])
        try store.delete("t/part-0.parquet")
        XCTAssertThrowsError(try store.get("t/part-0.parquet")) {
            XCTAssertEqual(($0 as? StorageError)?.kind, .notFound)
        }
        XCTAssertThrowsError(try store.get("u/x", range: 0..<1))
    }

    func testPutIfAbsentRefusesAnExistingObject() throws {
        let store = try makeStore()
        try store.putIfAbsent("log/1.json", data: [1])
        XCTAssertThrowsError(try store.putIfAbsent("log/1.json", data: [2])) {
            XCTAssertEqual(($0 as? StorageError)?.kind, .alreadyExists)
        }
        XCTAssertEqual(try store.get("log/1.json"), [1])
        XCTAssertEqual(try store.list(prefix: "log/").count, 1, "no temporary files left behind")
    }

    func testConcurrentPutIfAbsentHasExactlyOneWinner() throws {
        let store = try makeStore()
        let winners = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        winners.initialize(to: 0)
        defer { winners.deallocate() }
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            if (try? store.putIfAbsent("race/0.json", data: [UInt8(i)])) != nil {
                lock.lock(); winners.pointee += 1; lock.unlock()
            }
        }
        XCTAssertEqual(winners.pointee, 1)
    }

    func testPathsMayNotEscapeTheRoot() throws {
        let store = try makeStore()
        XCTAssertTrue(LocalFileSystemStore.isContained("t/_delta_log/.tmp-1"))
        XCTAssertTrue(LocalFileSystemStore.isContained("a/...b/c"))
        for bad in ["../x", "/etc/passwd", "a/../../b", "", "a/./b", "a/.", ".."] {
            XCTAssertThrowsError(try store.put(bad, data: [])) { XCTAssertEqual(($0 as? StorageError)?.kind, .invalidPath) }
        }
    }
}
