import Foundation
import LodeCore

/// `abs ceil floor trunc round sign`, the DOUBLE functions (`sqrt cbrt exp ln log log10 log2
/// power pi`, trigonometry, `degrees radians`) and `isnan isinf isfinite`.
enum MathFunctions {
    static let factories: [String: ScalarKernels.Factory] = {
        var table: [String: ScalarKernels.Factory] = [:]
        table["abs"] = { args, result in try signed(args[0], result, "abs", integer: { x in
            if x < 0 { guard x != Int64.min else { throw ExecutionError(.outOfRange, "overflow in abs") }; return -x }
            return x
        }, float: { Swift.abs($0) }) }
        table["sign"] = { args, _ in try sign(args[0]) }
        for name in ["ceil", "floor", "trunc"] {
            table[name] = { args, result in try rounding(name, args[0], result) }
        }
        table["round"] = { args, result in try round(args, result) }
        let doubles: [String: @Sendable (Double) -> Double] = [
            "sqrt": { $0 < 0 ? .nan : $0.squareRoot() }, "exp": { Foundation.exp($0) }, "ln": { Foundation.log($0) },
            "log10": { Foundation.log10($0) }, "log2": { Foundation.log2($0) }, "log": { Foundation.log10($0) },
            "cbrt": { Foundation.cbrt($0) }, "sin": { Foundation.sin($0) }, "cos": { Foundation.cos($0) },
            "tan": { Foundation.tan($0) }, "asin": { Foundation.asin($0) }, "acos": { Foundation.acos($0) },
            "atan": { Foundation.atan($0) },
            "degrees": { $0 * 180 / Double.pi }, "radians": { $0 * Double.pi / 180 },
        ]
        for (name, f) in doubles {
            table[name] = { _, _ in
                { args, count in KernelLoops.primitive(.float64, try KernelLoops.unary(args[0], count: count, zero: 0.0) { (x: Double) in f(x) }) }
            }
        }
        let pairs: [String: @Sendable (Double, Double) -> Double] = [
            "power": { Foundation.pow($0, $1) }, "atan2": { Foundation.atan2($0, $1) },
            "log": { Foundation.log($1) / Foundation.log($0) },
        ]
        for (name, f) in pairs {
            let single = table[name]
            table[name] = { types, result in
                if types.count == 1, let single { return try single(types, result) }
                return { args, count in
                    KernelLoops.primitive(.float64, try KernelLoops.binary(args[0], args[1], count: count, zero: 0.0) { (x: Double, y: Double) in f(x, y) })
                }
            }
        }
        table["pi"] = { _, _ in { _, count in PrimitiveArray<Double>(.float64, storage: Array(repeating: Double.pi, count: count)) } }
        let tests: [String: @Sendable (Double) -> Bool] = ["isnan": { $0.isNaN }, "isinf": { $0.isInfinite }, "isfinite": { $0.isFinite }]
        for (name, test) in tests {
            table[name] = { _, _ in
                { args, count in KernelLoops.boolean(try KernelLoops.unary(args[0], count: count, zero: false) { (x: Double) in test(x) }) }
            }
        }
        return table
    }()

    /// A function of one number keeping its type: integers through Int64, floats directly.
    static func signed(_ type: DataType, _ result: DataType, _ name: String,
                       integer: @escaping @Sendable (Int64) throws -> Int64,
                       float: @escaping @Sendable (Double) -> Double) throws -> Kernel {
        func ints<T: FixedWidthInteger & FixedWidthValue>(_: T.Type) -> Kernel {
            { args, count in
                KernelLoops.primitive(result, try KernelLoops.unary(args[0], count: count, zero: T.zero) { (x: T) -> T in
                    guard let r = T(exactly: try integer(Int64(x))) else { throw ExecutionError(.outOfRange, "overflow in \(name) of \(x)") }
                    return r
                })
            }
        }
        switch type {
        case .int8: return ints(Int8.self)
        case .int16: return ints(Int16.self)
        case .int32: return ints(Int32.self)
        case .int64: return ints(Int64.self)
        case .decimal:
            return { args, count in
                KernelLoops.primitive(result, try KernelLoops.unary(args[0], count: count, zero: Int128.zero) { (x: Int128) in x < 0 ? 0 - x : x })
            }
        case .float32:
            return { args, count in KernelLoops.primitive(result, try KernelLoops.unary(args[0], count: count, zero: Float.zero) { (x: Float) -> Float in Float(float(Double(x))) }) }
        case .float64:
            return { args, count in KernelLoops.primitive(result, try KernelLoops.unary(args[0], count: count, zero: 0.0) { (x: Double) -> Double in float(x) }) }
        default: throw ExecutionError(.internal, "\(name) of \(type)")
        }
    }

    static func sign(_ type: DataType) throws -> Kernel {
        func of<T: FixedWidthValue & Comparable>(_: T.Type, _ zero: T) -> Kernel {
            { args, count in
                KernelLoops.primitive(.int8, try KernelLoops.unary(args[0], count: count, zero: Int8.zero) { (x: T) -> Int8 in
                    x > zero ? 1 : (x < zero ? -1 : 0)
                })
            }
        }
        switch type {
        case .int8: return of(Int8.self, 0)
        case .int16: return of(Int16.self, 0)
        case .int32: return of(Int32.self, 0)
        case .int64: return of(Int64.self, 0)
        case .decimal: return of(Int128.self, 0)
        case .float32: return of(Float.self, 0)
        case .float64: return of(Double.self, 0)
        default: throw ExecutionError(.internal, "sign of \(type)")
        }
    }

    /// `ceil`, `floor`, `trunc`: decimals to scale 0, integers to DOUBLE (`trunc` keeps them).
    static func rounding(_ name: String, _ type: DataType, _ result: DataType) throws -> Kernel {
        let rule: FloatingPointRoundingRule = name == "ceil" ? .up : name == "floor" ? .down : .towardZero
        switch type {
        case .decimal(_, let scale):
            let divisor = DecimalScaling.power(scale)
            return { args, count in
                KernelLoops.primitive(result, try KernelLoops.unary(args[0], count: count, zero: Int128.zero) { (x: Int128) -> Int128 in
                    let q = x / divisor, r = x % divisor
                    switch rule {
                    case .up: return r > 0 ? q + 1 : q
                    case .down: return r < 0 ? q - 1 : q
                    default: return q
                    }
                })
            }
        case .float32:
            return { args, count in KernelLoops.primitive(result, try KernelLoops.unary(args[0], count: count, zero: Float.zero) { (x: Float) -> Float in x.rounded(rule) }) }
        case .float64:
            return { args, count in KernelLoops.primitive(result, try KernelLoops.unary(args[0], count: count, zero: 0.0) { (x: Double) -> Double in x.rounded(rule) }) }
        case _ where type.isInteger:
            if result == type { return { args, count in args[0].materialized(count: count) } }
            return { args, count in try Cast.apply(args[0].materialized(count: count), to: result, isTry: false) }
        default: throw ExecutionError(.internal, "\(name) of \(type)")
        }
    }

    /// `round(x[, digits])`: half away from zero; decimals to scale 0, or kept with the
    /// value rounded to `digits`.
    static func round(_ types: [DataType], _ result: DataType) throws -> Kernel {
        let type = types[0]
        switch type {
        case .decimal(_, let scale):
            guard case .decimal(_, let resultScale) = result else { throw ExecutionError(.internal, "round result \(result)") }
            return { args, count in
                let digits = types.count == 2 ? RowArguments(args, count: count).int(1, 0) : 0
                let keep = max(Int(clamping: digits), scale - 38)
                let drop = scale - keep
                let divisor = DecimalScaling.power(Swift.abs(drop)), back = DecimalScaling.power(resultScale - keep)
                return KernelLoops.primitive(result, try KernelLoops.unary(args[0], count: count, zero: Int128.zero) { (x: Int128) -> Int128 in
                    guard drop > 0 else { return resultScale == scale ? x : DecimalScaling.roundedDivide(x, by: DecimalScaling.power(scale - resultScale)) }
                    let rounded = DecimalScaling.roundedDivide(x, by: divisor)
                    let (r, o) = rounded.multipliedReportingOverflow(by: back)
                    if o { throw ExecutionError(.outOfRange, "overflow in round") }
                    return r
                })
            }
        case .float32, .float64:
            return { args, count in
                let digits = types.count == 2 ? RowArguments(args, count: count).int(1, 0) : 0
                let factor = Foundation.pow(10.0, Double(digits))
                @inline(__always) func r(_ x: Double) -> Double {
                    if digits == 0 { return x.rounded(.toNearestOrAwayFromZero) }
                    let scaled = x * factor
                    guard scaled.isFinite else { return x }
                    return scaled.rounded(.toNearestOrAwayFromZero) / factor
                }
                if type == .float32 {
                    return KernelLoops.primitive(result, try KernelLoops.unary(args[0], count: count, zero: Float.zero) { (x: Float) -> Float in Float(r(Double(x))) })
                }
                return KernelLoops.primitive(result, try KernelLoops.unary(args[0], count: count, zero: 0.0) { (x: Double) -> Double in r(x) })
            }
        case _ where type.isInteger:
            return { args, count in
                let digits = types.count == 2 ? RowArguments(args, count: count).int(1, 0) : 0
                let values = args[0].materialized(count: count)
                guard digits < 0 else { return values }
                let wide = try Cast.apply(values, to: .decimal(precision: 38, scale: 0), isTry: false)
                guard let w = wide as? PrimitiveArray<Int128> else { return values }
                let divisor = DecimalScaling.power(Int(-digits))
                let rounded = PrimitiveArray<Int128>(.decimal(precision: 38, scale: 0),
                                                     storage: w.storage.map { DecimalScaling.roundedDivide($0, by: divisor) * divisor },
                                                     validity: w.validity)
                return try Cast.apply(rounded, to: result, isTry: false)
            }
        default: throw ExecutionError(.internal, "round of \(type)")
        }
    }
}
