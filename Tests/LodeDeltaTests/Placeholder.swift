import XCTest
@testable import LodeDelta

