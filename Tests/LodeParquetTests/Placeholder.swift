import XCTest
@testable import LodeParquet

