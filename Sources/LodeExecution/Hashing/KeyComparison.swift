import Foundation
import LodeCore

/// Compares stored group keys with probe rows, one column for many pairs at once.
enum KeyComparison {
    /// Clears `equal[k]` unless group `groups[k]` of `stored` holds the key of row
    /// `rows[k]` of `probe`; two NULLs are equal here (joins drop NULL keys before).
    static func compare(stored: KeyColumn, probe: KeyColumn, groups: [Int32], rows: [Int],
                        into equal: inout [Bool]) throws {
        let before = stored.validity != nil || probe.validity != nil ? equal : nil
        switch (stored.storage, probe.storage) {
        case (.words(let s), .words(let p)):
            s.withUnsafeBufferPointer { s in
                p.withUnsafeBufferPointer { p in
                    for k in rows.indices where s[Int(groups[k])] != p[rows[k]] { equal[k] = false }
                }
            }
        case (.wide(let s), .wide(let p)):
            for k in rows.indices where s[Int(groups[k])] != p[rows[k]] { equal[k] = false }
        case (.bytes(let so, let sd), .bytes(let po, let pd)):
            sd.withUnsafeBytes { sd in
                pd.withUnsafeBytes { pd in
                    for k in rows.indices where equal[k] {
                        let g = Int(groups[k]), r = rows[k]
                        let length = so[g + 1] - so[g]
                        if length != po[r + 1] - po[r] ||
                            (length > 0 && memcmp(sd.baseAddress! + so[g], pd.baseAddress! + po[r], length) != 0) {
                            equal[k] = false
                        }
                    }
                }
            }
        case (.boxed(let s), .boxed(let p)):
            for k in rows.indices where s[Int(groups[k])] != p[rows[k]] { equal[k] = false }
        default:
            throw ExecutionError(.internal, "\(probe.type) keys cannot be compared with \(stored.type) keys")
        }
        guard let before else { return }
        for k in rows.indices {
            let storedValid = stored.isValid(Int(groups[k])), probeValid = probe.isValid(rows[k])
            if storedValid != probeValid { equal[k] = false } else if !storedValid { equal[k] = before[k] }
        }
    }
}
