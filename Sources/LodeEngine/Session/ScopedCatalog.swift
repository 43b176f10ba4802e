import LodeCore
import LodePlan
import LodeSQL

/// A catalog that shows a few extra tables under one-part names (a DML statement's
/// target with its row ids) and defers everything else to the lake's catalog.
struct ScopedCatalog: Catalog {
    let base: any Catalog
    let tables: [String: any TableSource]

    func table(_ name: [String], version: TableVersion?) throws -> (any TableSource)? {
        if name.count == 1, let source = tables[name[0]] {
            guard version == nil else { return nil }
            return source
        }
        return try base.table(name, version: version)
    }

    func view(_ name: [String]) throws -> Query? {
        name.count == 1 && tables[name[0]] != nil ? nil : try base.view(name)
    }

    func tableFunction(_ name: String, positional: [Value], named: [String: Value]) throws -> (any TableSource)? {
        try base.tableFunction(name, positional: positional, named: named)
    }
}
