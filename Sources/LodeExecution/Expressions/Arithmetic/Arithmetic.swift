import LodeCore

/// `+ - * / // %` and `negate` over integers and floats; decimals and dates are in
/// their own files. Integer overflow is an out-of-range error, division by zero an error.
enum Arithmetic {
    static func kernel(_ name: String, _ argumentTypes: [DataType], _ result: DataType) throws -> Kernel {
        if name == "negate" { return try negate(result) }
        guard argumentTypes.count == 2 else { throw ExecutionError(.internal, "\(name) with \(argumentTypes.count) operands") }
        switch (argumentTypes[0], argumentTypes[1]) {
        case (.date, _), (_, .date): return try DateArithmetic.kernel(name, argumentTypes)
        case (.decimal, .decimal): return try DecimalArithmetic.kernel(name, argumentTypes, result)
        default: break
        }
        switch result {
        case .int8: return integer(Int8.self, name, result)
        case .int16: return integer(Int16.self, name, result)
        case .int32: return integer(Int32.self, name, result)
        case .int64: return integer(Int64.self, name, result)
        case .float32: return floating(Float.self, name, result)
        case .float64: return floating(Double.self, name, result)
        default: throw ExecutionError(.internal, "no arithmetic \(name) for \(argumentTypes)")
        }
    }

    static func overflow<T>(_ a: T, _ op: String, _ b: T, _ type: DataType) -> ExecutionError {
        ExecutionError(.outOfRange, "overflow in \(op) of \(type) (\(a) \(op) \(b))")
    }

    static func divisionByZero() -> ExecutionError { ExecutionError(.divisionByZero, "division by zero") }

    static func integer<T: FixedWidthInteger & FixedWidthValue>(_: T.Type, _ name: String, _ type: DataType) -> Kernel {
        { args, count in
            let (x, y) = (args[0], args[1])
            switch name {
            case "+":
                return KernelLoops.primitive(type, try KernelLoops.binary(x, y, count: count, zero: T.zero) { (a: T, b: T) -> T in
                    let (r, o) = a.addingReportingOverflow(b)
                    if o { throw overflow(a, "+", b, type) }
                    return r
                })
            case "-":
                return KernelLoops.primitive(type, try KernelLoops.binary(x, y, count: count, zero: T.zero) { (a: T, b: T) -> T in
                    let (r, o) = a.subtractingReportingOverflow(b)
                    if o { throw overflow(a, "-", b, type) }
                    return r
                })
            case "*":
                return KernelLoops.primitive(type, try KernelLoops.binary(x, y, count: count, zero: T.zero) { (a: T, b: T) -> T in
                    let (r, o) = a.multipliedReportingOverflow(by: b)
                    if o { throw overflow(a, "*", b, type) }
                    return r
                })
            case "//", "/":
                return KernelLoops.primitive(type, try KernelLoops.binary(x, y, count: count, zero: T.zero) { (a: T, b: T) -> T in
                    if b == 0 { throw divisionByZero() }
                    let (r, o) = a.dividedReportingOverflow(by: b)
                    if o { throw overflow(a, "//", b, type) }
                    return r
                })
            case "%", "mod":
                return KernelLoops.primitive(type, try KernelLoops.binary(x, y, count: count, zero: T.zero) { (a: T, b: T) -> T in
                    if b == 0 { throw divisionByZero() }
                    return a.remainderReportingOverflow(dividingBy: b).partialValue
                })
            default: throw ExecutionError(.internal, "unknown arithmetic \(name)")
            }
        }
    }

    static func floating<T: BinaryFloatingPoint & FixedWidthValue>(_: T.Type, _ name: String, _ type: DataType) -> Kernel {
        { args, count in
            let (x, y) = (args[0], args[1])
            switch name {
            case "+": return KernelLoops.primitive(type, try KernelLoops.binary(x, y, count: count, zero: T.zero) { (a: T, b: T) in a + b })
            case "-": return KernelLoops.primitive(type, try KernelLoops.binary(x, y, count: count, zero: T.zero) { (a: T, b: T) in a - b })
            case "*": return KernelLoops.primitive(type, try KernelLoops.binary(x, y, count: count, zero: T.zero) { (a: T, b: T) in a * b })
            case "/", "//":
                // DuckDB's `//` on floating-point operands is plain division.
                return KernelLoops.primitive(type, try KernelLoops.binary(x, y, count: count, zero: T.zero) { (a: T, b: T) -> T in
                    if b == 0 { throw divisionByZero() }
                    return a / b
                })
            case "%", "mod":
                return KernelLoops.primitive(type, try KernelLoops.binary(x, y, count: count, zero: T.zero) { (a: T, b: T) -> T in
                    if b == 0 { throw divisionByZero() }
                    return a.truncatingRemainder(dividingBy: b)
                })
            default: throw ExecutionError(.internal, "unknown arithmetic \(name)")
            }
        }
    }

    static func negate(_ type: DataType) throws -> Kernel {
        func integer<T: FixedWidthInteger & FixedWidthValue>(_: T.Type) -> Kernel {
            { args, count in
                KernelLoops.primitive(type, try KernelLoops.unary(args[0], count: count, zero: T.zero) { (a: T) -> T in
                    let (r, o) = T.zero.subtractingReportingOverflow(a)
                    if o { throw ExecutionError(.outOfRange, "overflow in negation of \(type) (\(a))") }
                    return r
                })
            }
        }
        switch type {
        case .int8: return integer(Int8.self)
        case .int16: return integer(Int16.self)
        case .int32: return integer(Int32.self)
        case .int64: return integer(Int64.self)
        case .decimal: return integer(Int128.self)
        case .float32: return { args, count in KernelLoops.primitive(type, try KernelLoops.unary(args[0], count: count, zero: Float.zero) { -$0 }) }
        case .float64: return { args, count in KernelLoops.primitive(type, try KernelLoops.unary(args[0], count: count, zero: Double.zero) { -$0 }) }
        default: throw ExecutionError(.internal, "cannot negate \(type)")
        }
    }
}
