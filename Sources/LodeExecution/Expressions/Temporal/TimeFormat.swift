import LodeCore

/// `strftime` / `strptime` format codes: `%Y %y %m %d %e %H %I %M %S %f %j %p %a %A %b %B %%`.
enum TimeFormat {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]
    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    static func format(_ t: Instant, _ pattern: String) throws -> String {
        let (y, m, d) = t.civil
        let hour = Int(t.micros / 3_600_000_000), minute = Int(t.micros / 60_000_000 % 60)
        let second = Int(t.micros / 1_000_000 % 60), fraction = Int(t.micros % 1_000_000)
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(abs(v))
            return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
        }
        var out = ""
        var chars = pattern.makeIterator()
        while let c = chars.next() {
            guard c == "%" else { out.append(c); continue }
            guard let code = chars.next() else { throw ExecutionError(.invalidInput, "strftime format ends with %") }
            switch code {
            case "Y": out += pad(y, 4)
            case "y": out += pad(((y % 100) + 100) % 100, 2)
            case "m": out += pad(m, 2)
            case "d": out += pad(d, 2)
            case "-": 
                guard let next = chars.next() else { throw ExecutionError(.invalidInput, "strftime format ends with %-") }
                switch next {
                case "m": out += String(m)
                case "d": out += String(d)
                case "H": out += String(hour)
                case "M": out += String(minute)
                case "S": out += String(second)
                default: throw ExecutionError(.invalidInput, "unsupported format code %-\(next)")
                }
            case "H": out += pad(hour, 2)
            case "I": out += pad(hour % 12 == 0 ? 12 : hour % 12, 2)
            case "M": out += pad(minute, 2)
            case "S": out += pad(second, 2)
            case "f": out += pad(fraction, 6)
            case "g": out += pad(fraction / 1000, 3)
            case "j": out += pad(Int(DatePart.dayOfYear.extract(t)), 3)
            case "p": out += hour < 12 ? "AM" : "PM"
            case "a": out += String(dayNames[t.dayOfWeek].prefix(3))
            case "A": out += dayNames[t.dayOfWeek]
            case "b", "h": out += String(monthNames[m - 1].prefix(3))
            case "B": out += monthNames[m - 1]
            case "w": out += String(t.dayOfWeek)
            case "u": out += String((t.dayOfWeek + 6) % 7 + 1)
            case "V": out += pad(t.isoWeek.week, 2)
            case "G": out += pad(t.isoWeek.year, 4)
            case "F": out += pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
            case "T": out += pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
            case "%": out += "%"
            default: throw ExecutionError(.invalidInput, "unsupported format code %\(code)")
            }
        }
        return out
    }

    /// `text` read by `pattern`, or an `.invalidInput` error when it does not match.
    static func parse(_ text: String, _ pattern: String) throws -> Instant {
        guard let instant = try parseIfMatching(text, pattern) else {
            throw ExecutionError(.invalidInput, "could not parse string \"\(text)\" according to format specifier \"\(pattern)\"")
        }
        return instant
    }

    /// Thrown inside ``parseIfMatching`` when the text does not match the pattern.
    private struct Mismatch: Error {}

    /// `text` read by `pattern`, or `nil` when it does not match; an unsupported format
    /// code is an error. `%Y` reads at most four digits, as in DuckDB (`%Y%m%d`).
    static func parseIfMatching(_ text: String, _ pattern: String) throws -> Instant? {
        do {
            return try matching(text, pattern)
        } catch is Mismatch {
            return nil
        }
    }

    private static func matching(_ text: String, _ pattern: String) throws -> Instant {
        let input = Array(text.utf8), format = Array(pattern.utf8)
        var i = 0, f = 0
        var year = 1900, month = 1, day = 1, hour = 0, minute = 0, second = 0, micros = 0
        var pm: Bool? = nil
        var dayOfYear: Int? = nil
        func fail() -> Mismatch { Mismatch() }
        func number(maxDigits: Int, signed: Bool = false) throws -> Int {
            var negative = false
            if signed, i < input.count, input[i] == UInt8(ascii: "-") || input[i] == UInt8(ascii: "+") {
                negative = input[i] == UInt8(ascii: "-")
                i += 1
            }
            var value = 0, digits = 0
            while i < input.count, digits < maxDigits, input[i] >= 48, input[i] <= 57 {
                value = value * 10 + Int(input[i] - 48)
                i += 1
                digits += 1
            }
            guard digits > 0 else { throw fail() }
            return negative ? -value : value
        }
        func name(_ names: [String]) throws -> Int {
            let rest = String(decoding: input[i...], as: UTF8.self).lowercased()
            for (k, full) in names.enumerated() {
                for candidate in [full.lowercased(), String(full.lowercased().prefix(3))] where rest.hasPrefix(candidate) {
                    i += candidate.utf8.count
                    return k
                }
            }
            throw fail()
        }
        while f < format.count {
            let c = format[f]
            if c == UInt8(ascii: " ") {
                while i < input.count, input[i] == UInt8(ascii: " ") { i += 1 }
                f += 1
                continue
            }
            guard c == UInt8(ascii: "%"), f + 1 < format.count else {
                guard i < input.count, input[i] == c else { throw fail() }
                i += 1
                f += 1
                continue
            }
            var code = format[f + 1]
            f += 2
            if code == UInt8(ascii: "-"), f < format.count { code = format[f]; f += 1 }
            switch Character(UnicodeScalar(code)) {
            case "Y": year = try number(maxDigits: 4, signed: true)
            case "y": let v = try number(maxDigits: 2); year = v < 69 ? 2000 + v : 1900 + v
            case "m": month = try number(maxDigits: 2)
            case "d", "e": day = try number(maxDigits: 2)
            case "H": hour = try number(maxDigits: 2)
            case "I": hour = try number(maxDigits: 2)
            case "M": minute = try number(maxDigits: 2)
            case "S": second = try number(maxDigits: 2)
            case "f":
                let start = i
                var v = try number(maxDigits: 9)
                for _ in (i - start)..<6 { v *= 10 }
                micros = i - start > 6 ? v / Int(Decimal128.powerOfTen(i - start - 6)) : v
            case "j": dayOfYear = try number(maxDigits: 3)
            case "p":
                let rest = String(decoding: input[i...], as: UTF8.self).uppercased()
                if rest.hasPrefix("AM") { pm = false } else if rest.hasPrefix("PM") { pm = true } else { throw fail() }
                i += 2
            case "b", "B", "h": month = try name(monthNames) + 1
            case "a", "A": _ = try name(dayNames)
            case "%": guard i < input.count, input[i] == UInt8(ascii: "%") else { throw fail() }; i += 1
            default: throw ExecutionError(.invalidInput, "unsupported format code %\(Character(UnicodeScalar(code)))")
            }
        }
        guard i == input.count else { throw fail() }
        if let pm {
            guard (1...12).contains(hour) else { throw fail() }
            hour = hour % 12 + (pm ? 12 : 0)
        }
        guard hour < 24, minute < 60, second < 60 else { throw fail() }
        var days: Int
        if let dayOfYear {
            days = Temporal.days(year: year, month: 1, day: 1) + dayOfYear - 1
        } else {
            guard Temporal.isValid(year: year, month: month, day: day) else { throw fail() }
            days = Temporal.days(year: year, month: month, day: day)
        }
        return Instant(days: Int64(days), micros: Int64(hour) * 3_600_000_000 + Int64(minute) * 60_000_000
                       + Int64(second) * 1_000_000 + Int64(micros))
    }
}
