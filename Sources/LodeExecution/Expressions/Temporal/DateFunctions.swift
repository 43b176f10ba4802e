import Foundation
import LodeCore

/// `date_part` and its shorthands, `date_trunc`, `date_diff`, `make_date`, `strftime`,
/// `strptime`, `current_date`, `now`, `to_timestamp`, `epoch_ms`, `epoch`, and the
/// ``calendarFactories``.
enum DateFunctions {
    static let factories: [String: ScalarKernels.Factory] = {
        var table: [String: ScalarKernels.Factory] = [:]
        table["date_part"] = { types, _ in
            { args, count in
                if types[1] == .date, let part = try constantPart(args[0]), part == .year {
                    return KernelLoops.primitive(.int64, try KernelLoops.unary(args[1], count: count, zero: Int64.zero) { (d: Int32) in
                        Int64(YearTable.year(ofDays: d))
                    })
                }
                if types[1] == .date, let part = try constantPart(args[0]) {
                    return KernelLoops.primitive(.int64, try KernelLoops.unary(args[1], count: count, zero: Int64.zero) { (d: Int32) in
                        part.extract(Instant(days: Int64(d), micros: 0))
                    })
                }
                let read = try InstantReader.reader(args[1], types[1])
                let part = try constantPart(args[0])
                return try RowKernels.primitive(.int64, args, count) { rows, row in
                    try (part ?? DatePart(named: rows.string(0, row))).extract(read(row))
                }
            }
        }
        for (name, part) in [("year", DatePart.year), ("quarter", .quarter), ("month", .month), ("week", .week), ("day", .day),
                             ("dayofweek", .dayOfWeek), ("dayofyear", .dayOfYear), ("hour", .hour), ("minute", .minute),
                             ("second", .second)] {
            table[name] = { types, _ in
                if part == .year, types[0] == .date {
                    return { args, count in
                        KernelLoops.primitive(.int64, try KernelLoops.unary(args[0], count: count, zero: Int64.zero) { (d: Int32) in
                            Int64(YearTable.year(ofDays: d))
                        })
                    }
                }
                return { args, count in
                    let read = try InstantReader.reader(args[0], types[0])
                    return try RowKernels.primitive(.int64, args, count) { _, row in part.extract(read(row)) }
                }
            }
        }
        table["date_trunc"] = { types, result in
            guard case .timestamp(let unit, _) = result else { throw ExecutionError(.internal, "date_trunc result \(result)") }
            return { args, count in
                let read = try InstantReader.reader(args[1], types[1])
                let part = try constantPart(args[0])
                return try RowKernels.primitive(result, args, count) { rows, row -> Int64? in
                    try (part ?? DatePart(named: rows.string(0, row))).truncate(read(row)).timestamp(unit)
                }
            }
        }
        table["date_diff"] = { types, _ in
            { args, count in
                let readA = try InstantReader.reader(args[1], types[1]), readB = try InstantReader.reader(args[2], types[2])
                let part = try constantPart(args[0])
                return try RowKernels.primitive(.int64, args, count) { rows, row in
                    try (part ?? DatePart(named: rows.string(0, row))).difference(readA(row), readB(row))
                }
            }
        }
        table["make_date"] = { _, _ in
            { args, count in
                try RowKernels.primitive(.date, args, count) { rows, row -> Int32? in
                    let y = rows.int(0, row), m = rows.int(1, row), d = rows.int(2, row)
                    guard abs(y) < 1_000_000, Temporal.isValid(year: Int(y), month: Int(m), day: Int(d)) else {
                        throw ExecutionError(.conversion, "date out of range: \(y)-\(m)-\(d)")
                    }
                    return Int32(exactly: Temporal.days(year: Int(y), month: Int(m), day: Int(d)))
                }
            }
        }
        table["strftime"] = { types, _ in
            { args, count in
                let read = try InstantReader.reader(args[0], types[0])
                return try RowKernels.text(args, count) { rows, row, out in
                    out.append(contentsOf: try TimeFormat.format(read(row), rows.string(1, row)).utf8)
                    return true
                }
            }
        }
        table["strptime"] = { _, _ in
            { args, count in
                try RowKernels.primitive(.timestampNTZ, args, count) { rows, row -> Int64? in
                    try TimeFormat.parse(rows.string(0, row), rows.string(1, row)).timestamp(.microsecond)
                }
            }
        }
        table["current_date"] = { _, _ in
            let days = Int32(truncatingIfNeeded: floorDivide(currentMicros(), Instant.microsPerDay))
            return { _, count in PrimitiveArray<Int32>(.date, storage: Array(repeating: days, count: count)) }
        }
        table["now"] = { _, result in
            let now = currentMicros()
            return { _, count in PrimitiveArray<Int64>(result, storage: Array(repeating: now, count: count)) }
        }
        table["to_timestamp"] = { _, result in
            { args, count in
                KernelLoops.primitive(result, try KernelLoops.unary(args[0], count: count, zero: Int64.zero) { (s: Double) -> Int64 in
                    let micros = (s * 1_000_000).rounded()
                    guard let v = Int64(exactly: micros) else { throw ExecutionError(.outOfRange, "epoch \(s) is out of the timestamp range") }
                    return v
                })
            }
        }
        table["epoch_ms"] = { types, result in
            switch types[0] {
            case .int64:
                return { args, count in
                    KernelLoops.primitive(result, try KernelLoops.unary(args[0], count: count, zero: Int64.zero) { (ms: Int64) -> Int64 in
                        let (v, o) = ms.multipliedReportingOverflow(by: 1000)
                        if o { throw ExecutionError(.outOfRange, "epoch_ms \(ms) is out of the timestamp range") }
                        return v
                    })
                }
            default:
                return { args, count in
                    let read = try InstantReader.reader(args[0], types[0])
                    return try RowKernels.primitive(.int64, args, count) { _, row in floorDivide(read(row).epochMicros, 1000) }
                }
            }
        }
        table["epoch"] = { types, _ in
            { args, count in
                let read = try InstantReader.reader(args[0], types[0])
                return try RowKernels.primitive(.float64, args, count) { _, row in Double(read(row).epochMicros) / 1_000_000 }
            }
        }
        for (name, factory) in calendarFactories { table[name] = factory }
        return table
    }()

    /// The part named by a constant first argument, parsed once.
    static func constantPart(_ operand: Operand) throws -> DatePart? {
        guard operand.isConstant, let text = operand.array as? BinaryArray, !text.isNull(0) else { return nil }
        return try DatePart(named: text.string(at: 0))
    }

    /// Microseconds since the epoch, now.
    static func currentMicros() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1_000_000).rounded())
    }
}

/// `add_interval(x, months, days, micros)`: months first (the day clamped to the month's
/// end), then days, then microseconds.
enum AddInterval {
    static func kernel(_ type: DataType) throws -> Kernel {
        guard case .timestamp(let unit, _) = type else { throw ExecutionError(.internal, "add_interval on \(type)") }
        return { args, count in
            try RowKernels.primitive(type, args, count) { rows, row -> Int64? in
                guard let values = args[0].array as? PrimitiveArray<Int64> else { throw ExecutionError(.internal, "add_interval storage") }
                var t = Instant(timestamp: values.storage[rows.index(0, row)], unit: unit)
                let months = rows.int(1, row), days = rows.int(2, row), micros = rows.int(3, row)
                if months != 0 {
                    let (y, m, d) = t.civil
                    let total = Int64(y) * 12 + Int64(m - 1) + months
                    let year = Int(floorDivide(total, 12)), month = Int(total - Int64(year) * 12) + 1
                    var day = d
                    while day > 28 && !Temporal.isValid(year: year, month: month, day: day) { day -= 1 }
                    t.days = Int64(Temporal.days(year: year, month: month, day: day))
                }
                t.days += days
                let total = t.micros + micros
                let extraDays = floorDivide(total, Instant.microsPerDay)
                t.days += extraDays
                t.micros = total - extraDays * Instant.microsPerDay
                guard let result = t.timestamp(unit) else { throw ExecutionError(.outOfRange, "timestamp out of range after adding an interval") }
                return result
            }
        }
    }
}
