import XCTest
@testable import LodeSQL

final class StatementParserTests: XCTestCase {
    func testCreateTable() {
        guard case .createTable(let create)? = assertRoundTrip("""
            create or replace table gold.t (id bigint not null primary key, price decimal(15, 2) default 0,
              ts timestamp with time zone, tags varchar[], note varchar(20) null)
            """) else { return XCTFail() }
        XCTAssertTrue(create.orReplace)
        XCTAssertEqual(create.name, QualifiedName(dotted: "gold.t"))
        XCTAssertEqual(create.columns.map(\.name.name), ["id", "price", "ts", "tags", "note"])
        XCTAssertEqual(create.columns[0].nullable, false)
        XCTAssertTrue(create.columns[0].isPrimaryKey)
        XCTAssertEqual(create.columns[1].type, .named("decimal", parameters: ["15", "2"]))
        XCTAssertEqual(create.columns[2].type, .named("timestamp with time zone"))
        XCTAssertEqual(create.columns[3].type, .list(.named("varchar")))
        guard case .createTable(let ctas)? = assertRoundTrip("create table if not exists t as select * from u") else { return XCTFail() }
        XCTAssertTrue(ctas.ifNotExists)
        XCTAssertNotNil(ctas.query)
    }

    func testInsert() {
        guard case .insert(let insert)? = assertRoundTrip("insert into t (a, b) values (1, 'x'), (2, null)") else { return XCTFail() }
        XCTAssertEqual(insert.columns.map(\.name), ["a", "b"])
        guard case .values(let rows) = insert.source.body else { return XCTFail() }
        XCTAssertEqual(rows.count, 2)
        assertRoundTrip("insert into t select * from u where x > 1")
        assertRoundTrip("insert into t (select * from u)")
    }

    func testUpdateAndDelete() {
        guard case .update(let update)? = assertRoundTrip("update t set a = a + 1, b = 'x' where id = 3") else { return XCTFail() }
        XCTAssertEqual(update.assignments.map(\.column.name), ["a", "b"])
        XCTAssertNotNil(update.whereClause)
        assertRoundTrip("update t as x set a = u.a from u where x.id = u.id")
        guard case .delete(let delete)? = assertRoundTrip("delete from layer.t where d < date '2020-01-01'") else { return XCTFail() }
        XCTAssertEqual(delete.table, QualifiedName(dotted: "layer.t"))
        assertRoundTrip("delete from t")
    }

    func testMerge() {
        guard case .merge(let merge)? = assertRoundTrip("""
            merge into target t using (select * from src) s on t.id = s.id
            when matched and s.deleted then delete
            when matched then update set v = s.v, w = 1
            when not matched and s.v > 0 then insert (id, v) values (s.id, s.v)
            when not matched by source then delete
            """) else { return XCTFail() }
        XCTAssertEqual(merge.targetAlias?.name, "t")
        XCTAssertEqual(merge.clauses.map(\.match), [.matched, .matched, .notMatched, .notMatchedBySource])
        XCTAssertEqual(merge.clauses[0].action, .delete)
        XCTAssertEqual(merge.clauses[2].action, .insert(
            columns: [Identifier("id"), Identifier("v")],
            values: [.column(QualifiedName(dotted: "s.id")), .column(QualifiedName(dotted: "s.v"))]))
        assertRoundTrip("merge into t using s on t.k = s.k when matched then update set * when not matched then insert *")
    }

    func testDropExplainCopy() {
        XCTAssertEqual(assertRoundTrip("drop table if exists a, b.c"), .dropTable(DropTable(ifExists: true, names: [QualifiedName(dotted: "a"), QualifiedName(dotted: "b.c")])))
        guard case .explain(.query, analyze: true)? = assertRoundTrip("explain analyze select 1") else { return XCTFail() }
        guard case .copy(let copy)? = assertRoundTrip("copy (select * from t) to 'out.parquet' (format parquet, compression 'zstd', header)") else { return XCTFail() }
        XCTAssertTrue(copy.isExport)
        XCTAssertEqual(copy.path, "out.parquet")
        XCTAssertEqual(copy.options.map(\.name.name), ["format", "compression", "header"])
        XCTAssertEqual(copy.options[0].value, .column(QualifiedName(dotted: "parquet")))
        XCTAssertNil(copy.options[2].value)
        assertRoundTrip("copy t (a, b) from 'in.csv' (format csv, delimiter '|')")
    }

    func testScriptSplitsOnSemicolons() throws {
        let statements = try SQL.parseScript("""
            ;create table t (a int);
            insert into t values (1); -- a comment with ; inside
            select ';' from t;;
            """)
        XCTAssertEqual(statements.count, 3)
        guard case .query(let query) = statements[2], case .select(let core) = query.body else { return XCTFail() }
        XCTAssertEqual(core.items.first?.expression, .literal(.string(";")))
        XCTAssertEqual(try SQL.parseScript("  -- nothing\n"), [])
    }
}
