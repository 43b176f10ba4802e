import XCTest
@testable import LodeStorage

