import LodeCore

/// Decimal `+ - * %` on unscaled `Int128`s with DuckDB's result precision and scale:
/// operands are brought to the result scale, and results must fit the result precision.
enum DecimalArithmetic {
    static func kernel(_ name: String, _ argumentTypes: [DataType], _ result: DataType) throws -> Kernel {
        guard case .decimal(_, let s1) = argumentTypes[0], case .decimal(_, let s2) = argumentTypes[1],
              case .decimal(let precision, let scale) = result else {
            throw ExecutionError(.internal, "decimal \(name) typed \(argumentTypes) → \(result)")
        }
        let limit = DecimalScaling.power(precision)
        let f1 = DecimalScaling.power(scale - s1), f2 = DecimalScaling.power(scale - s2)
        @Sendable @inline(__always) func fits(_ v: Int128) -> Bool { v.magnitude < limit.magnitude }
        @Sendable @inline(__always) func scaled(_ v: Int128, _ f: Int128) -> Int128? {
            if f == 1 { return v }
            let (m, o) = v.multipliedReportingOverflow(by: f)
            return o ? nil : m
        }
        @Sendable func overflow(_ op: String) -> ExecutionError { ExecutionError(.outOfRange, "overflow in \(op) of \(result)") }
        switch name {
        case "+", "-":
            let subtract = name == "-"
            return { args, count in
                KernelLoops.primitive(result, try KernelLoops.binary(args[0], args[1], count: count, zero: Int128.zero) { (a: Int128, b: Int128) -> Int128 in
                    guard let x = scaled(a, f1), let y = scaled(b, f2) else { throw overflow(name) }
                    let (r, o) = subtract ? x.subtractingReportingOverflow(y) : x.addingReportingOverflow(y)
                    guard !o, fits(r) else { throw overflow(name) }
                    return r
                })
            }
        case "*" where precision <= 18:
            // Both operands and the product fit 64 bits when the data respects its precision;
            // values that do not take the 128-bit path.
            let limit64 = Int64(truncatingIfNeeded: limit)
            return { args, count in
                KernelLoops.primitive(result, try KernelLoops.binary(args[0], args[1], count: count, zero: Int128.zero) { (a: Int128, b: Int128) -> Int128 in
                    let x = Int64(truncatingIfNeeded: a), y = Int64(truncatingIfNeeded: b)
                    if Int128(x) == a && Int128(y) == b {
                        let (r, o) = x.multipliedReportingOverflow(by: y)
                        guard !o, r.magnitude < limit64.magnitude else { throw overflow("*") }
                        return Int128(r)
                    }
                    let (r, o) = a.multipliedReportingOverflow(by: b)
                    guard !o, fits(r) else { throw overflow("*") }
                    return r
                })
            }
        case "*":
            return { args, count in
                KernelLoops.primitive(result, try KernelLoops.binary(args[0], args[1], count: count, zero: Int128.zero) { (a: Int128, b: Int128) -> Int128 in
                    let (r, o) = a.multipliedReportingOverflow(by: b)
                    guard !o, fits(r) else { throw overflow("*") }
                    return r
                })
            }
        case "%", "mod":
            return { args, count in
                KernelLoops.primitive(result, try KernelLoops.binary(args[0], args[1], count: count, zero: Int128.zero) { (a: Int128, b: Int128) -> Int128 in
                    guard let x = scaled(a, f1), let y = scaled(b, f2) else { throw overflow("%") }
                    if y == 0 { throw Arithmetic.divisionByZero() }
                    return x % y
                })
            }
        default: throw ExecutionError(.internal, "no decimal arithmetic \(name)")
        }
    }
}

/// `date ± integer` (days) and `date - date` (days, BIGINT).
enum DateArithmetic {
    static func kernel(_ name: String, _ argumentTypes: [DataType]) throws -> Kernel {
        switch (name, argumentTypes[0], argumentTypes[1]) {
        case ("-", .date, .date):
            return { args, count in
                KernelLoops.primitive(.int64, try KernelLoops.binary(args[0], args[1], count: count, zero: Int64.zero) { (a: Int32, b: Int32) in
                    Int64(a) - Int64(b)
                })
            }
        case ("+", .date, _), ("-", .date, _):
            let sign: Int32 = name == "-" ? -1 : 1
            return { args, count in
                KernelLoops.primitive(.date, try KernelLoops.binary(args[0], args[1], count: count, zero: Int32.zero) { (d: Int32, n: Int32) -> Int32 in
                    let (r, o) = d.addingReportingOverflow(n &* sign)
                    if o { throw ExecutionError(.outOfRange, "date out of range") }
                    return r
                })
            }
        case ("+", _, .date):
            return { args, count in
                KernelLoops.primitive(.date, try KernelLoops.binary(args[0], args[1], count: count, zero: Int32.zero) { (n: Int32, d: Int32) -> Int32 in
                    let (r, o) = d.addingReportingOverflow(n)
                    if o { throw ExecutionError(.outOfRange, "date out of range") }
                    return r
                })
            }
        default: throw ExecutionError(.internal, "no date arithmetic \(name) for \(argumentTypes)")
        }
    }
}
