import LodeCore

/// Typed access to the children of a struct column of a checkpoint, tolerant of
/// missing fields and of the integer widths different writers use.
struct CheckpointStruct {
    let array: StructArray
    let fields: [Field]

    init?(_ column: (any ColumnArray)?) {
        guard let array = column as? StructArray, case .struct(let fields) = array.dataType else { return nil }
        self.array = array
        self.fields = fields
    }

    func child(_ name: String) -> (any ColumnArray)? {
        fields.firstIndex { $0.name == name }.map { array.children[$0] }
    }

    func isValid(_ row: Int) -> Bool { !array.isNull(row) }

    func strings(_ name: String) -> StringColumn { StringColumn(child(name) as? BinaryArray) }
    func ints(_ name: String) -> IntColumn { IntColumn(child(name)) }
    func bools(_ name: String) -> BoolColumn { BoolColumn(child(name) as? BooleanArray) }
    func maps(_ name: String) -> StringMapColumn { StringMapColumn(child(name) as? ListArray) }
    func lists(_ name: String) -> StringListColumn { StringListColumn(child(name) as? ListArray) }
    func structure(_ name: String) -> CheckpointStruct? { CheckpointStruct(child(name)) }
}

struct StringColumn {
    let array: BinaryArray?
    init(_ array: BinaryArray?) { self.array = array }

    @inline(__always) func callAsFunction(_ row: Int) -> String? {
        guard let array, !array.isNull(row) else { return nil }
        return array.string(at: row)
    }
}

struct IntColumn {
    let int64: PrimitiveArray<Int64>?
    let int32: PrimitiveArray<Int32>?

    init(_ column: (any ColumnArray)?) {
        int64 = column as? PrimitiveArray<Int64>
        int32 = column as? PrimitiveArray<Int32>
    }

    @inline(__always) func callAsFunction(_ row: Int) -> Int64? {
        if let int64 { return int64.isNull(row) ? nil : int64.storage[row] }
        if let int32 { return int32.isNull(row) ? nil : Int64(int32.storage[row]) }
        return nil
    }
}

struct BoolColumn {
    let array: BooleanArray?
    init(_ array: BooleanArray?) { self.array = array }

    @inline(__always) func callAsFunction(_ row: Int) -> Bool? {
        guard let array, !array.isNull(row) else { return nil }
        return array.storage[row]
    }
}

/// A `map<string,string>` column (partition values, tags, configuration).
struct StringMapColumn {
    let list: ListArray?
    let keys: BinaryArray?
    let values: BinaryArray?

    init(_ list: ListArray?) {
        self.list = list
        let entries = list?.child as? StructArray
        keys = entries?.children.first as? BinaryArray
        values = entries.flatMap { $0.children.count > 1 ? $0.children[1] as? BinaryArray : nil }
    }

    func callAsFunction(_ row: Int) -> [String: String?]? {
        guard let list, !list.isNull(row), let keys else { return nil }
        let start = Int(list.offsets[row]), end = Int(list.offsets[row + 1])
        var map: [String: String?] = [:]
        map.reserveCapacity(end - start)
        for i in start..<end where !keys.isNull(i) {
            let value: String? = values.flatMap { $0.isNull(i) ? nil : $0.string(at: i) }
            map[keys.string(at: i)] = .some(value)
        }
        return map
    }
}

/// An `array<string>` column (partition columns, table features).
struct StringListColumn {
    let list: ListArray?
    let items: BinaryArray?

    init(_ list: ListArray?) {
        self.list = list
        items = list?.child as? BinaryArray
    }

    func callAsFunction(_ row: Int) -> [String]? {
        guard let list, !list.isNull(row), let items else { return nil }
        return (Int(list.offsets[row])..<Int(list.offsets[row + 1])).compactMap { items.isNull($0) ? nil : items.string(at: $0) }
    }
}
