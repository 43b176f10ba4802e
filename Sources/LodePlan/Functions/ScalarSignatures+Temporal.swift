import LodeCore

extension FunctionRegistry {
    /// Date and time functions: parts, truncation, differences, construction, formatting
    /// and parsing, and the current time.
    static let temporalResolvers: [String: FunctionResolver] = {
        var table: [String: FunctionResolver] = [:]
        let s = DataType.string, ts = DataType.timestampNTZ
        table["date_part"] = { name, args in
            guard args.count == 2 else { throw PlanError(.type, "date_part takes a part and a date or timestamp") }
            return try fixed(name, args, [s, temporalArgument(name, args[1])], .int64)
        }
        for shorthand in ["year", "quarter", "month", "week", "day", "dayofweek", "dayofyear", "hour", "minute", "second"] {
            table[shorthand] = { name, args in
                guard args.count == 1 else { throw PlanError(.type, "\(name) takes one date or timestamp") }
                return try fixed(name, args, [temporalArgument(name, args[0])], .int64)
            }
        }
        table["date_trunc"] = { name, args in
            guard args.count == 2 else { throw PlanError(.type, "date_trunc takes a part and a date or timestamp") }
            let type = try temporalArgument(name, args[1])
            return try fixed(name, args, [s, type], type == .date ? ts : type)
        }
        table["date_diff"] = { name, args in
            guard args.count == 3 else { throw PlanError(.type, "date_diff takes a part and two dates or timestamps") }
            let type = TypeCoercion.commonType(args[1], args[2]) ?? args[1]
            let common = try temporalArgument(name, type)
            return try fixed(name, args, [s, common, common], .int64)
        }
        table["make_date"] = { name, args in try fixed(name, args, [.int64, .int64, .int64], .date) }
        table["strftime"] = { name, args in
            guard args.count == 2 else { throw PlanError(.type, "strftime takes a date or timestamp and a format") }
            return try fixed(name, args, [temporalArgument(name, args[0]), s], s)
        }
        table["strptime"] = { name, args in try fixed(name, args, [s, s], ts) }
        table["try_strptime"] = table["strptime"]
        for (function, result) in [("last_day", DataType.date), ("dayname", s), ("monthname", s)] {
            table[function] = { name, args in
                guard args.count == 1 else { throw PlanError(.type, "\(name) takes one date or timestamp") }
                return try fixed(name, args, [temporalArgument(name, args[0])], result)
            }
        }
        table["current_date"] = { name, args in try fixed(name, args, [], .date) }
        table["now"] = { name, args in try fixed(name, args, [], .timestampUTC) }
        table["to_timestamp"] = { name, args in try fixed(name, args, [.float64], .timestampUTC) }
        table["epoch_ms"] = { name, args in
            try firstMatch(name, args, [([.int64], ts), ([ts], .int64), ([.date], .int64)])
        }
        table["epoch"] = { name, args in
            guard args.count == 1 else { throw PlanError(.type, "epoch takes one date or timestamp") }
            return try fixed(name, args, [temporalArgument(name, args[0])], .float64)
        }
        return table
    }()

    /// A date or timestamp argument as it stays (text reads as a timestamp).
    static func temporalArgument(_ name: String, _ type: DataType) throws -> DataType {
        switch type {
        case .date, .timestamp: return type
        case .string: return .timestampNTZ
        default: throw PlanError(.type, "\(name) expects a date or timestamp, got \(type)")
        }
    }
}
