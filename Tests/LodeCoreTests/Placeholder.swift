import XCTest
@testable import LodeCore

