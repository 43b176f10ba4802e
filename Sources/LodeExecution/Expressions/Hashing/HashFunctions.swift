import LodeCore

/// `md5` and `sha256` as lower-case hex text, and `hash` (64-bit FNV-1a over each
/// argument's text form; not DuckDB's hash values).
enum HashFunctions {
    static let factories: [String: ScalarKernels.Factory] = [
        "md5": { _, _ in hexDigest { MD5.digest($0) } },
        "sha256": { _, _ in hexDigest { SHA256.digest($0) } },
        "hash": { _, _ in
            { args, count in
                var hashes = [UInt64](repeating: 0xcbf2_9ce4_8422_2325, count: count)
                for arg in args {
                    let text = try CastToText.apply(arg.materialized(count: count))
                    for i in 0..<count {
                        var h = hashes[i]
                        if text.isNull(i) { h = (h ^ 0xff) &* 0x100_0000_01b3 } else {
                            for b in text.bytes(at: i) { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
                        }
                        hashes[i] = (h ^ 0x1f) &* 0x100_0000_01b3
                    }
                }
                return PrimitiveArray<Int64>(.int64, storage: hashes.map { Int64(bitPattern: $0) })
            }
        },
    ]

    static func hexDigest(_ digest: @escaping @Sendable (ArraySlice<UInt8>) -> [UInt8]) -> Kernel {
        let hex = Array("0123456789abcdef".utf8)
        return { args, count in
            try RowKernels.text(args, count) { rows, row, out in
                for b in digest(rows.bytes(0, row)) {
                    out.append(hex[Int(b >> 4)])
                    out.append(hex[Int(b & 15)])
                }
                return true
            }
        }
    }
}
