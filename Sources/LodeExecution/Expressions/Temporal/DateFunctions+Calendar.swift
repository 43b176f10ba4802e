import LodeCore

extension DateFunctions {
    /// `last_day`, `dayname`, `monthname` and `try_strptime`.
    static let calendarFactories: [String: ScalarKernels.Factory] = {
        var table: [String: ScalarKernels.Factory] = [:]
        table["last_day"] = { types, _ in
            { args, count in
                let read = try InstantReader.reader(args[0], types[0])
                return try RowKernels.primitive(.date, args, count) { _, row -> Int32? in
                    let (y, m, _) = read(row).civil
                    let (nextYear, nextMonth) = m == 12 ? (y + 1, 1) : (y, m + 1)
                    guard let days = Int32(exactly: Temporal.days(year: nextYear, month: nextMonth, day: 1) - 1) else {
                        throw ExecutionError(.outOfRange, "last_day of year \(y) is out of the date range")
                    }
                    return days
                }
            }
        }
        table["dayname"] = { types, _ in
            { args, count in
                let read = try InstantReader.reader(args[0], types[0])
                return try RowKernels.text(args, count) { _, row, out in
                    out.append(contentsOf: TimeFormat.dayNames[read(row).dayOfWeek].utf8)
                    return true
                }
            }
        }
        table["monthname"] = { types, _ in
            { args, count in
                let read = try InstantReader.reader(args[0], types[0])
                return try RowKernels.text(args, count) { _, row, out in
                    out.append(contentsOf: TimeFormat.monthNames[read(row).civil.month - 1].utf8)
                    return true
                }
            }
        }
        table["try_strptime"] = { _, _ in
            { args, count in
                try RowKernels.primitive(.timestampNTZ, args, count) { rows, row -> Int64? in
                    try TimeFormat.parseIfMatching(rows.string(0, row), rows.string(1, row))?.timestamp(.microsecond)
                }
            }
        }
        return table
    }()
}
