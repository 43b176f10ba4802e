import XCTest
@testable import LodeFormats

