import LodeCore
import XCTest
@testable import LodeDelta

final class OperationsPartitionPathTests: XCTestCase {
    func testEscapesTheCharactersHiveEscapes() {
        XCTAssertEqual(PartitionPath.escape("a/b"), "a%2Fb")
        XCTAssertEqual(PartitionPath.escape("x=y%z"), "x%3Dy%25z")
        XCTAssertEqual(PartitionPath.escape("\"#'*:?\\{[]^"), "%22%23%27%2A%3A%3F%5C%7B%5B%5D%5E")
        XCTAssertEqual(PartitionPath.escape("tab\there\u{7F}"), "tab%09here%7F")
        XCTAssertEqual(PartitionPath.escape("a b+c,d&e~é"), "a b+c,d&e~é")
    }

    func testDirectoryUsesHiveDefaultForNullAndEmpty() {
        XCTAssertEqual(PartitionPath.directory([("region", "eu"), ("day", nil)]),
                       "region=eu/day=__HIVE_DEFAULT_PARTITION__")
        XCTAssertEqual(PartitionPath.directory([("p", "")]), "p=__HIVE_DEFAULT_PARTITION__")
        XCTAssertEqual(PartitionPath.directory([("a=b", "1")]), "a%3Db=1")
        XCTAssertEqual(PartitionPath.directory([]), "")
    }

    func testLogPathIsURIEncodedOnTopOfTheEscaping() {
        let folder = PartitionPath.directory([("region", "a/b c"), ("ts", "2024-01-02 03:04:05.000000")])
        XCTAssertEqual(folder, "region=a%2Fb c/ts=2024-01-02 03%3A04%3A05.000000")
        let logged = PartitionPath.uriEncode(folder + "/part-00000.parquet")
        XCTAssertEqual(logged, "region=a%252Fb%20c/ts=2024-01-02%2003%253A04%253A05.000000/part-00000.parquet")
        XCTAssertEqual(PartitionPath.uriDecode(logged), folder + "/part-00000.parquet")
        XCTAssertEqual(PartitionPath.uriEncode("p=日本"), "p=%E6%97%A5%E6%9C%AC")
        XCTAssertEqual(PartitionPath.uriDecode("p=%E6%97%A5%E6%9C%AC"), "p=日本")
    }

    func testDecodingLeavesMalformedEscapesAlone() {
        XCTAssertEqual(PartitionPath.uriDecode("100%"), "100%")
        XCTAssertEqual(PartitionPath.uriDecode("%zz%4"), "%zz%4")
        XCTAssertEqual(PartitionPath.unescape("a%2Fb"), "a/b")
    }
}

final class OperationsPartitionGroupingTests: XCTestCase {
    func testGroupsRowsByEveryPartitionColumnInFirstSeenOrder() {
        let region = BinaryArray(strings: ["eu", "us", nil, "eu", "", "us"])
        let day = PrimitiveArray<Int32>(.date, [1, 1, 1, 2, 1, 1])
        let groups = PartitionGrouping.groups([region, day], rowCount: 6)
        XCTAssertEqual(groups.map(\.values), [["eu", "1970-01-02"], ["us", "1970-01-02"], [nil, "1970-01-02"],
                                               ["eu", "1970-01-03"], [nil, "1970-01-02"]])
        XCTAssertEqual(groups.map(\.rows), [[0], [1, 5], [2], [3], [4]])
    }

    func testBooleansDecimalsAndTimestamps() {
        let flags = BooleanArray([true, nil, true, false])
        let amounts = PrimitiveArray<Int128>(.decimal(precision: 5, scale: 2), [150, 150, nil, 150])
        let times = PrimitiveArray<Int64>(.timestampUTC, [1, 1, 1, 1])
        let groups = PartitionGrouping.groups([flags, amounts, times], rowCount: 4)
        XCTAssertEqual(groups.map(\.values), [["true", "1.50", "1970-01-01 00:00:00.000001"],
                                               [nil, "1.50", "1970-01-01 00:00:00.000001"],
                                               ["true", nil, "1970-01-01 00:00:00.000001"],
                                               ["false", "1.50", "1970-01-01 00:00:00.000001"]])
    }
}
