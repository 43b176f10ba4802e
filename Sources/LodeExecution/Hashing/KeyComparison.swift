import Foundation
import LodeCore

/// Compares stored group keys with probe rows, one column for many pairs at once.
enum KeyComparison {
    /// Clears `equal[k]` unless group `groups[k]` of `stored` holds the key of row
    /// `rows[k]` of `probe`; two NULLs are equal here (joins drop NULL keys before).
    static func compare(stored: KeyColumn, probe: KeyColumn, groups: [Int32], rows: [Int],
                        into equal: inout [Bool]) throws {
        let before = stored.validity != nil || probe.validity != nil ? equal : nil
        guard stored.form == probe.form else {
            throw ExecutionError(.internal, "\(probe.type) keys cannot be compared with \(stored.type) keys")
        }
        switch stored.form {
        case .words:
            stored.words.withUnsafeBufferPointer { s in
                probe.words.withUnsafeBufferPointer { p in
                    for k in rows.indices where s[Int(groups[k])] != p[rows[k]] { equal[k] = false }
                }
            }
        case .wide:
            for k in rows.indices where stored.wide[Int(groups[k])] != probe.wide[rows[k]] { equal[k] = false }
        case .bytes:
            let so = stored.offsets, po = probe.offsets
            stored.data.withUnsafeBytes { sd in
                probe.data.withUnsafeBytes { pd in
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
        case .boxed:
            for k in rows.indices where stored.boxed[Int(groups[k])] != probe.boxed[rows[k]] { equal[k] = false }
        }
        guard let before else { return }
        for k in rows.indices {
            let storedValid = stored.isValid(Int(groups[k])), probeValid = probe.isValid(rows[k])
            if storedValid != probeValid { equal[k] = false } else if !storedValid { equal[k] = before[k] }
        }
    }
}
