import Foundation
import LodeCore
import LodeStorage
import XCTest
@testable import LodeDelta

/// Fixture folders and expected contents under `Tests/Fixtures/delta/`.
enum DeltaFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/delta")

    static func path(_ table: String) -> String { root.appendingPathComponent(table).path }

    static func table(_ name: String) -> DeltaTable { DeltaTable(path: path(name)) }

    /// `expected/<table>.json`, as written by `make_fixtures.py`.
    static func expected(_ table: String) throws -> JSONValue {
        let data = try Data(contentsOf: root.appendingPathComponent("expected/\(table).json"))
        return try JSONValue.parse([UInt8](data))
    }

    /// A memory store holding every file of a fixture table; object times are the
    /// commits' `commitInfo.timestamp` for commit files, else `defaultTime`.
    static func memoryStore(_ table: String, defaultTime: Int64 = 0) throws -> MemoryStore {
        let store = MemoryStore()
        let base = root.appendingPathComponent(table)
        let walker = FileManager.default.enumerator(atPath: base.path)
        while let relative = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = base.appendingPathComponent(relative).path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: full)))
            var time = defaultTime
            if relative.hasPrefix("_delta_log/"), relative.hasSuffix(".json"),
               let first = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first,
               let info = try? JSONValue.parse(String(first))["commitInfo"], let t = info["timestamp"]?.int64Value {
                time = t
            }
            store.put(relative, bytes, time: time)
        }
        return store
    }
}

/// An in-memory ``ObjectStore`` with settable modification times.
final class MemoryStore: ObjectStore, @unchecked Sendable {
    private let lock = NSLock()
    private var objects: [String: (bytes: [UInt8], time: Int64)] = [:]

    func put(_ path: String, _ bytes: [UInt8], time: Int64) {
        lock.lock(); defer { lock.unlock() }
        objects[path] = (bytes, time)
    }

    func put(_ path: String, text: String, time: Int64 = 0) { put(path, Array(text.utf8), time: time) }

    func remove(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        objects[path] = nil
    }

    func setTime(_ path: String, _ time: Int64) {
        lock.lock(); defer { lock.unlock() }
        objects[path]?.time = time
    }

    var paths: [String] {
        lock.lock(); defer { lock.unlock() }
        return objects.keys.sorted()
    }

    func list(prefix: String) throws -> [ObjectMeta] {
        lock.lock(); defer { lock.unlock() }
        return objects.filter { $0.key.hasPrefix(prefix) }.map {
            ObjectMeta(path: $0.key, size: $0.value.bytes.count, lastModified: $0.value.time)
        }.sorted { $0.path < $1.path }
    }

    func get(_ path: String) throws -> [UInt8] {
        lock.lock(); defer { lock.unlock() }
        guard let object = objects[path] else { throw StorageError(.notFound, path: path) }
        return object.bytes
    }

    func get(_ path: String, range: Range<Int>) throws -> [UInt8] {
        let bytes = try get(path)
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { throw StorageError(.io, path: path, "range") }
        return Array(bytes[range])
    }

    func head(_ path: String) throws -> ObjectMeta {
        lock.lock(); defer { lock.unlock() }
        guard let object = objects[path] else { throw StorageError(.notFound, path: path) }
        return ObjectMeta(path: path, size: object.bytes.count, lastModified: object.time)
    }

    func put(_ path: String, data: [UInt8]) throws { put(path, data, time: 0) }

    func putIfAbsent(_ path: String, data: [UInt8]) throws {
        lock.lock(); defer { lock.unlock() }
        guard objects[path] == nil else { throw StorageError(.alreadyExists, path: path) }
        objects[path] = (data, 0)
    }

    func delete(_ path: String) throws { remove(path) }
}

/// Lode values in the canonical JSON form of `Tests/Interop/canonical.py`.
enum CanonicalRows {
    static func value(_ value: Value, _ type: DataType) -> JSONValue {
        switch (value, type) {
        case (.null, _): return .null
        case (.boolean(let b), _): return .bool(b)
        case (.int(let i), _): return .int(i)
        case (.double(let d), .float32):
            return .double(Double(String(Float(d))) ?? d)
        case (.double(let d), _):
            if d.isNaN { return "NaN" }
            if d.isInfinite { return .string(d > 0 ? "Infinity" : "-Infinity") }
            return .double(d)
        case (.decimal(let d), _): return .string(d.description)
        case (.string(let s), _): return .string(s)
        case (.binary(let bytes), _): return .string(Data(bytes).base64EncodedString())
        case (.date(let days), _): return .string(Temporal.formatDate(days))
        case (.timestamp(let v, let unit, let utc), _): return .string(timestamp(v, unit: unit, utc: utc))
        case (.list(let items), .list(let element)): return .array(items.map { self.value($0, element.type) })
        case (.struct(let items), .struct(let fields)):
            return .object(JSONObject(zip(fields, items).map { ($0.name, self.value($1, $0.type)) }))
        case (.map(let keys, let values), .map(let key, let valueField)):
            return .array(zip(keys, values).map {
                .object(JSONObject([("key", self.value($0, key.type)), ("value", self.value($1, valueField.type))]))
            })
        default: return .string("<\(value) as \(type)>")
        }
    }

    static func timestamp(_ value: Int64, unit: TimeUnit, utc: Bool) -> String {
        let perSecond = unit.perSecond
        var seconds = value / perSecond, fraction = value % perSecond
        if fraction < 0 { fraction += perSecond; seconds -= 1 }
        let base = Temporal.formatTimestamp(seconds * 1000, unit: .millisecond).replacingOccurrences(of: " ", with: "T")
        let width = unit == .millisecond ? 3 : unit == .microsecond ? 6 : 9
        let digits = String(fraction)
        return base + "." + String(repeating: "0", count: width - digits.count) + digits + (utc ? "Z" : "")
    }

    /// Every row of `batches` as canonical objects.
    static func rows(_ batches: [RecordBatch]) -> [JSONValue] {
        batches.flatMap { batch in
            (0..<batch.count).map { row in
                .object(JSONObject(batch.schema.fields.enumerated().map { ($1.name, value(batch.columns[$0].value(at: row), $1.type)) }))
            }
        }
    }

    /// A comparable text of a canonical value: keys sorted, numbers as doubles.
    static func normalized(_ value: JSONValue) -> String {
        func normalize(_ v: JSONValue) -> JSONValue {
            switch v {
            case .int, .double, .number: return .double(v.doubleValue ?? .nan)
            case .array(let items): return .array(items.map(normalize))
            case .object(let o): return .object(JSONObject(o.sorted { $0.key < $1.key }.map { ($0.key, normalize($0.value)) }))
            default: return v
            }
        }
        return normalize(value).serialized()
    }

    /// Rows as sorted normalized texts, to compare as multisets.
    static func sortedTexts(_ rows: [JSONValue]) -> [String] { rows.map(normalized).sorted() }
}

/// Asserts that `body` throws a ``DeltaError`` of `kind` whose text contains every fragment.
func assertDeltaError(_ kind: DeltaError.Kind, _ fragments: [String], file: StaticString = #filePath, line: UInt = #line,
                      _ body: () throws -> Void) {
    do {
        try body()
        XCTFail("expected a \(kind) error", file: file, line: line)
    } catch let error as DeltaError {
        XCTAssertEqual(error.kind, kind, "\(error)", file: file, line: line)
        for fragment in fragments {
            XCTAssertTrue(error.description.contains(fragment), "'\(error)' lacks '\(fragment)'", file: file, line: line)
        }
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
}
