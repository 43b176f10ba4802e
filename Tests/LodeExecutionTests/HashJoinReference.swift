import LodeCore
import LodePlan
import LodeExecution

/// A row-at-a-time join with the semantics the join operators must have, to check them.
func referenceJoin(_ kind: JoinKind, left: [[Value]], right: [[Value]], leftKeys: [Int], rightKeys: [Int],
                   leftWidth: Int = 3, rightWidth: Int, residual: (([Value]) -> Bool?)?) throws -> [[Value]] {
    func hasNullKey(_ row: [Value], _ keys: [Int]) -> Bool { keys.contains { row[$0].isNull } }
    func matches(_ l: [Value], _ r: [Value]) -> Bool {
        guard !hasNullKey(l, leftKeys), !hasNullKey(r, rightKeys) else { return false }
        guard zip(leftKeys, rightKeys).allSatisfy({ l[$0] == r[$1] }) else { return false }
        return residual.map { $0(l + r) == true } ?? true
    }
    let nullRight = [Value](repeating: .null, count: rightWidth)
    let rightHasNull = right.contains { hasNullKey($0, rightKeys) }
    var out: [[Value]] = []
    var rightMatched = [Bool](repeating: false, count: right.count)
    for l in left {
        let hits = right.indices.filter { matches(l, right[$0]) }
        for r in hits { rightMatched[r] = true }
        switch kind {
        case .inner, .right:
            out += hits.map { l + right[$0] }
        case .left, .full:
            out += hits.isEmpty ? [l + nullRight] : hits.map { l + right[$0] }
        case .single:
            if hits.count > 1 { throw ExecutionError(.invalidInput, "more than one row returned by a subquery used as an expression") }
            out += hits.isEmpty ? [l + nullRight] : hits.map { l + right[$0] }
        case .semi:
            if !hits.isEmpty { out.append(l) }
        case .anti(let nullAware):
            if !hits.isEmpty { continue }
            if nullAware, !right.isEmpty, rightHasNull || hasNullKey(l, leftKeys) { continue }
            out.append(l)
        case .mark:
            let mark: Value = !hits.isEmpty ? .boolean(true)
                : (!right.isEmpty && (rightHasNull || hasNullKey(l, leftKeys)) ? .null : .boolean(false))
            out.append(l + [mark])
        }
    }
    if kind == .right || kind == .full {
        let nullLeft = [Value](repeating: .null, count: leftWidth)
        for r in right.indices where !rightMatched[r] { out.append(nullLeft + right[r]) }
    }
    return out
}

/// A seeded generator so the random tests are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let allJoinKinds: [JoinKind] = [.inner, .left, .right, .full, .semi, .anti(nullAware: false), .anti(nullAware: true), .mark]

/// The output schema of a join of `left` and `right` of `kind`.
func joinSchema(_ kind: JoinKind, _ left: Schema, _ right: Schema) -> Schema {
    switch kind {
    case .semi, .anti: return left
    case .mark: return Schema(left.fields + [Field("mark", .boolean)])
    default: return Schema(left.fields + right.fields)
    }
}
