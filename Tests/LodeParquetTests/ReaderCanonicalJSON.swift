import Foundation
import LodeCore
import XCTest

/// Lode values in the canonical JSON form `make_fixtures.py` writes, and a
/// structural comparison against the parsed expected lines.
enum ReaderCanonicalJSON {
    /// `value` of `type` as a JSON-compatible object (`NSNull`, `Bool`, `Int64`,
    /// `Double`, `String`, arrays and dictionaries).
    static func canonical(_ value: Value, _ type: DataType) -> Any {
        switch (value, type) {
        case (.null, _): return NSNull()
        case (.boolean(let b), _): return b
        case (.int(let i), _): return i
        case (.double(let d), _):
            if d.isNaN { return "NaN" }
            if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
            return d
        case (.decimal(let d), _): return d.description
        case (.string(let s), _): return s
        case (.binary(let bytes), _): return Data(bytes).base64EncodedString()
        case (.date(let days), _): return Temporal.formatDate(days)
        case (.timestamp(let v, let unit, let utc), _): return timestamp(v, unit: unit, utc: utc)
        case (.list(let items), .list(let element)): return items.map { canonical($0, element.type) }
        case (.struct(let items), .struct(let fields)):
            var object: [String: Any] = [:]
            for (item, field) in zip(items, fields) { object[field.name] = canonical(item, field.type) }
            return object
        case (.map(let keys, let values), .map(let key, let valueField)):
            return zip(keys, values).map { ["key": canonical($0, key.type), "value": canonical($1, valueField.type)] }
        default: return "<\(value) as \(type)>"
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS.fff` with 3, 6 or 9 fraction digits by unit, `Z` when UTC.
    static func timestamp(_ value: Int64, unit: TimeUnit, utc: Bool) -> String {
        let perSecond = unit.perSecond
        var seconds = value / perSecond, fraction = value % perSecond
        if fraction < 0 { fraction += perSecond; seconds -= 1 }
        var days = seconds / 86_400, secondOfDay = seconds % 86_400
        if secondOfDay < 0 { secondOfDay += 86_400; days -= 1 }
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let digits = unit == .millisecond ? 3 : unit == .microsecond ? 6 : 9
        var fractionText = String(fraction)
        fractionText = String(repeating: "0", count: digits - fractionText.count) + fractionText
        return Temporal.formatDate(Int32(truncatingIfNeeded: days)) + "T" + two(secondOfDay / 3600) + ":"
            + two(secondOfDay / 60 % 60) + ":" + two(secondOfDay % 60) + "." + fractionText + (utc ? "Z" : "")
    }

    /// A description of the first difference between `actual` and the parsed
    /// `expected`, or `nil` when they match.
    static func difference(_ actual: Any, _ expected: Any, path: String = "") -> String? {
        switch actual {
        case is NSNull:
            return expected is NSNull ? nil : "\(path): got null, expected \(expected)"
        case let b as Bool:
            return (expected as? Bool) == b ? nil : "\(path): got \(b), expected \(expected)"
        case let i as Int64:
            return (expected as? Int64) == i ? nil : "\(path): got \(i), expected \(expected)"
        case let d as Double:
            let e = (expected as? Double) ?? (expected as? Int64).map(Double.init)
            return e == d ? nil : "\(path): got \(d), expected \(expected)"
        case let s as String:
            return (expected as? String) == s ? nil : "\(path): got \"\(s)\", expected \(expected)"
        case let items as [Any]:
            guard let e = expected as? [Any], e.count == items.count else {
                return "\(path): got \(items), expected \(expected)"
            }
            for (i, (a, x)) in zip(items, e).enumerated() {
                if let d = difference(a, x, path: "\(path)[\(i)]") { return d }
            }
            return nil
        case let object as [String: Any]:
            guard let e = expected as? [String: Any], Set(e.keys) == Set(object.keys) else {
                return "\(path): got \(object), expected \(expected)"
            }
            for key in object.keys.sorted() {
                if let d = difference(object[key]!, e[key]!, path: "\(path).\(key)") { return d }
            }
            return nil
        default:
            return "\(path): unexpected value \(actual)"
        }
    }
}
