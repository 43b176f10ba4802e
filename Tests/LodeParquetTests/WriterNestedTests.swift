import XCTest
import LodeCore
@testable import LodeParquet

/// Structs, lists and maps: definition and repetition levels checked by what pyarrow,
/// DuckDB and polars read back.
final class WriterNestedTests: XCTestCase {
    private let options = WriterTypesTests.uncompressed

    func testStructWithNullsAndRequiredChildren() throws {
        let type = DataType.struct([Field("id", .int64, nullable: false), Field("name", .string),
                                    Field("inner", .struct([Field("x", .float64)]))])
        let schema = Schema([Field("s", type), Field("n", .int32)])
        let column = try makeArray(type, [
            .struct([.int(1), .string("a"), .struct([.double(1.5)])]),
            .null,
            .struct([.int(3), .null, .null]),
            .struct([.int(4), .string("ü"), .struct([.null])]),
        ])
        let batch = try RecordBatch(schema: schema, columns: [column, PrimitiveArray<Int32>(.int32, [1, 2, nil, 4])])
        let path = try WriterOracle.write([batch], schema: schema, options: options)
        try WriterOracle.run("""
        import sys, pyarrow.parquet as pq, duckdb
        t = pq.read_table(sys.argv[1])
        assert t.column("s").to_pylist() == [
            {"id": 1, "name": "a", "inner": {"x": 1.5}}, None,
            {"id": 3, "name": None, "inner": None}, {"id": 4, "name": "ü", "inner": {"x": None}}], t.column("s").to_pylist()
        assert t.column("n").to_pylist() == [1, 2, None, 4]
        assert not t.schema.field("s").type.field("id").nullable
        rows = duckdb.sql(f"select s.id, s.inner.x from '{sys.argv[1]}'").fetchall()
        assert rows == [(1, 1.5), (None, None), (3, None), (4, None)], rows
        """, [path])
    }

    func testListsWithNullAndEmptyElements() throws {
        let type = DataType.list(Field("item", .int32))
        let required = DataType.list(Field("item", .string, nullable: false))
        let schema = Schema([Field("l", type), Field("r", required, nullable: false)])
        let l = try makeArray(type, [
            .list([.int(1), .int(2)]), .null, .list([]), .list([.null]), .list([.int(5), .null, .int(7)]),
        ])
        let r = try makeArray(required, [
            .list([.string("x")]), .list([]), .list([.string(""), .string("é")]), .list([]), .list([.string("z")]),
        ])
        let batch = try RecordBatch(schema: schema, columns: [l, r])
        let path = try WriterOracle.write([batch], schema: schema, options: options)
        try WriterOracle.run("""
        import sys, pyarrow.parquet as pq, duckdb, polars as pl
        t = pq.read_table(sys.argv[1])
        assert t.column("l").to_pylist() == [[1, 2], None, [], [None], [5, None, 7]], t.column("l").to_pylist()
        assert t.column("r").to_pylist() == [["x"], [], ["", "é"], [], ["z"]], t.column("r").to_pylist()
        rows = duckdb.sql(f"select l, r from '{sys.argv[1]}'").fetchall()
        assert rows[0] == ([1, 2], ["x"]) and rows[1] == (None, []) and rows[4] == ([5, None, 7], ["z"]), rows
        assert pl.read_parquet(sys.argv[1])["l"].to_list() == [[1, 2], None, [], [None], [5, None, 7]]
        """, [path])
    }

    func testMapsAndListsOfStructs() throws {
        let map = DataType.map(key: Field("key", .string, nullable: false), value: Field("value", .int64))
        let point = DataType.struct([Field("x", .int32), Field("tags", .list(Field("item", .string)))])
        let points = DataType.list(Field("item", point))
        let nestedList = DataType.list(Field("item", .list(Field("item", .int64))))
        let schema = Schema([Field("m", map), Field("p", points), Field("ll", nestedList)])
        let m = try makeArray(map, [
            .map(keys: [.string("a"), .string("b")], values: [.int(1), .null]), .null, .map(keys: [], values: []),
            .map(keys: [.string("ключ")], values: [.int(Int64.min)]),
        ])
        let p = try makeArray(points, [
            .list([.struct([.int(1), .list([.string("t1"), .null])]), .null, .struct([.null, .null])]),
            .list([]), .null, .list([.struct([.int(4), .list([])])]),
        ])
        let ll = try makeArray(nestedList, [
            .list([.list([.int(1)]), .list([]), .null, .list([.int(2), .int(3)])]), .list([.list([])]), .null,
            .list([.null]),
        ])
        let batch = try RecordBatch(schema: schema, columns: [m, p, ll])
        let path = try WriterOracle.write([batch], schema: schema, options: options)
        try WriterOracle.run("""
        import sys, pyarrow.parquet as pq, duckdb
        t = pq.read_table(sys.argv[1])
        assert t.column("m").to_pylist() == [[("a", 1), ("b", None)], None, [], [("ключ", -2**63)]], t.column("m").to_pylist()
        assert t.column("p").to_pylist() == [
            [{"x": 1, "tags": ["t1", None]}, None, {"x": None, "tags": None}], [], None, [{"x": 4, "tags": []}]
        ], t.column("p").to_pylist()
        assert t.column("ll").to_pylist() == [[[1], [], None, [2, 3]], [[]], None, [None]], t.column("ll").to_pylist()
        rows = duckdb.sql(f"select m['a'], len(p), ll from '{sys.argv[1]}'").fetchall()
        assert rows[0][0] in (1, [1]) and rows[2] == (None, None, None), rows
        """, [path])
    }

    func testNestedAcrossPagesAndRowGroups() throws {
        // Many rows with small pages and row groups: levels must stay aligned with values.
        let type = DataType.list(Field("item", .string))
        let schema = Schema([Field("id", .int64, nullable: false), Field("l", type)])
        var ids: [Int64] = [], lists: [Value] = []
        for i in 0..<20_000 {
            ids.append(Int64(i))
            switch i % 5 {
            case 0: lists.append(.null)
            case 1: lists.append(.list([]))
            default: lists.append(.list((0..<(i % 4)).map { k in k == 1 ? .null : .string("v\(i % 50)-\(k)") }))
            }
        }
        let batch = try RecordBatch(schema: schema, columns: [PrimitiveArray<Int64>(.int64, storage: ids),
                                                             try makeArray(type, lists)])
        var options = self.options
        options.maxRowGroupRows = 7_000
        options.dataPageSize = 2_000
        let path = try WriterOracle.write([batch.slice(0..<5_000), batch.slice(5_000..<20_000)], schema: schema,
                                          options: options)
        try WriterOracle.run("""
        import sys, pyarrow.parquet as pq
        f = pq.ParquetFile(sys.argv[1])
        assert [f.metadata.row_group(i).num_rows for i in range(f.metadata.num_row_groups)] == [7000, 7000, 6000]
        t = f.read()
        ids = t.column("id").to_pylist()
        ls = t.column("l").to_pylist()
        assert ids == list(range(20000))
        for i, l in zip(ids, ls):
            if i % 5 == 0: assert l is None, (i, l)
            elif i % 5 == 1: assert l == [], (i, l)
            else: assert l == [None if k == 1 else f"v{i % 50}-{k}" for k in range(i % 4)], (i, l)
        """, [path])
    }
}
