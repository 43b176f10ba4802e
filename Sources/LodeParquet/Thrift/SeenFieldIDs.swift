/// The field ids (1...63) met while decoding a struct, to check its required fields.
///
/// Struct decoders start from a placeholder value, assign fields as they come
/// and then ask for the required ones: no optional locals to move around.
struct SeenFieldIDs {
    private var bits: UInt64 = 0

    @inline(__always)
    mutating func insert(_ id: Int16) {
        if id > 0 && id < 64 { bits |= 1 << UInt64(id) }
    }

    @inline(__always)
    func contains(_ id: Int16) -> Bool {
        id > 0 && id < 64 && bits & (1 << UInt64(id)) != 0
    }

    /// Throws for the first of `fields` that was not met, naming it.
    @inline(__always)
    func require(_ fields: [(id: Int16, name: StaticString)], of structName: StaticString,
                 in reader: ThriftCompactReader) throws {
        for field in fields where !contains(field.id) {
            throw reader.missingField(structName, field.name, id: field.id)
        }
    }
}
