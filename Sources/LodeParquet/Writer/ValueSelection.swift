/// Which slots of an array hold the values to encode, in order.
enum ValueSelection {
    /// A contiguous run of slots.
    case range(Range<Int>)
    /// Slot indices, ascending.
    case indices([Int32])

    var count: Int {
        switch self {
        case .range(let r): return r.count
        case .indices(let i): return i.count
        }
    }

    @inline(__always)
    func forEach(_ body: (Int) -> Void) {
        switch self {
        case .range(let r):
            for i in r { body(i) }
        case .indices(let indices):
            indices.withUnsafeBufferPointer { for i in $0 { body(Int(i)) } }
        }
    }
}
