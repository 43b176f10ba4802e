import LodeCore
@testable import LodeFormats
import XCTest

final class SchemaParserTests: XCTestCase {
    func testBriefExample() throws {
        let schema = try parseSchema("id BIGINT, name VARCHAR NOT NULL, amount DECIMAL(10,2), ts TIMESTAMP, d DATE")
        XCTAssertEqual(schema, Schema([
            Field("id", .int64), Field("name", .string, nullable: false), Field("amount", .decimal(precision: 10, scale: 2)),
            Field("ts", .timestampNTZ), Field("d", .date),
        ]))
    }

    func testEveryTypeName() throws {
        let cases: [(String, DataType)] = [
            ("BOOLEAN", .boolean), ("bool", .boolean), ("TINYINT", .int8), ("SMALLINT", .int16), ("INT", .int32),
            ("integer", .int32), ("BIGINT", .int64), ("FLOAT", .float32), ("REAL", .float32), ("DOUBLE", .float64),
            ("double precision", .float64), ("DECIMAL(38,38)", .decimal(precision: 38, scale: 38)),
            ("NUMERIC(5)", .decimal(precision: 5, scale: 0)), ("DECIMAL", .decimal(precision: 18, scale: 3)),
            ("VARCHAR", .string), ("varchar(255)", .string), ("TEXT", .string), ("STRING", .string),
            ("BLOB", .binary), ("BINARY", .binary), ("DATE", .date), ("TIMESTAMP", .timestampNTZ),
            ("TIMESTAMPTZ", .timestampUTC), ("timestamp with time zone", .timestampUTC),
            ("TIMESTAMP WITHOUT TIME ZONE", .timestampNTZ), ("TIMESTAMP(3)", .timestamp(.millisecond, utc: false)),
            ("TIMESTAMP(nanosecond)", .timestamp(.nanosecond, utc: false)), ("TIMESTAMPTZ(ms)", .timestamp(.millisecond, utc: true)),
            ("INT[]", .list(Field("element", .int32))), ("VARCHAR[][]", .list(Field("element", .list(Field("element", .string))))),
            ("LIST<BIGINT>", .list(Field("element", .int64))), ("ARRAY<DATE>", .list(Field("element", .date))),
            ("MAP<VARCHAR, DOUBLE>", .map(key: Field("key", .string, nullable: false), value: Field("value", .float64))),
            ("STRUCT<a INT, \"b c\" VARCHAR NOT NULL, d: LIST<INT>>",
             .struct([Field("a", .int32), Field("b c", .string, nullable: false), Field("d", .list(Field("element", .int32)))])),
            ("STRUCT(x MAP(INT, STRUCT<y DATE>))",
             .struct([Field("x", .map(key: Field("key", .int32, nullable: false), value: Field("value", .struct([Field("y", .date)]))))])),
        ]
        for (text, type) in cases {
            XCTAssertEqual(try parseDataType(text), type, text)
            XCTAssertEqual(try parseSchema("c \(text)").fields[0].type, type, text)
        }
    }

    func testDescriptionsParseBack() throws {
        let schema = try parseSchema("""
        a DECIMAL(10,2) NOT NULL, b TIMESTAMP(millisecond), c TIMESTAMPTZ, d STRUCT<x INT, y LIST<VARCHAR>>,
        e MAP<VARCHAR, BIGINT>, f BLOB
        """)
        XCTAssertEqual(try parseSchema(schema.description), schema)
        XCTAssertEqual(try parseSchema(schema.fields.map(\.description).joined(separator: ", ")), schema)
    }

    func testQuotedNamesAndSeparators() throws {
        let schema = try parseSchema("\"weird \"\"name\"\"\" INT,\n`back` INT\nlast INT,")
        XCTAssertEqual(schema.names, ["weird \"name\"", "back", "last"])
    }

    func testErrorsNamePositions() {
        let cases: [(String, Int, String)] = [
            ("", 1, "the schema is empty"),
            ("id BIGINT, name VARCHA", 17, "unknown type 'VARCHA'"),
            ("id BIGINT name VARCHAR", 11, "expected ',' or the end, found 'n'"),
            ("id", 3, "expected a type name, found the end"),
            ("a DECIMAL(40,2)", 3, "DECIMAL precision must be 1 to 38, got 40"),
            ("a DECIMAL(4,5)", 3, "DECIMAL scale must be 0 to the precision 4, got 5"),
            ("a INT, A INT", 8, "duplicate column name 'A'"),
            ("a STRUCT<b INT", 15, "expected ',' or '>', found the end"),
            ("a MAP<INT>", 10, "expected ',' between MAP key and value types, found '>'"),
            ("a INT NOT", 10, "expected NULL after NOT, found the end"),
            ("a TIMESTAMP(4)", 3, "TIMESTAMP unit must be 3, 6 or 9 (milli-, micro-, nanoseconds), got '4'"),
            ("\"open INT", 1, "unterminated quoted name"),
            ("a STRUCT<>", 10, "a STRUCT needs at least one field"),
            ("1a INT", 1, "expected a column name, found '1'"),
        ]
        for (text, position, message) in cases {
            XCTAssertThrowsError(try parseSchema(text), text) { error in
                guard let error = error as? FormatError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.kind, .invalidSchema, text)
                XCTAssertEqual(error.position, position, text)
                XCTAssertEqual(error.message, message, text)
            }
        }
    }
}
