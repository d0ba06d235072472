import XCTest
import Staging

final class GatewayTests: XCTestCase {
    func testRoutesAnswer200() { XCTAssertEqual(Staging.status(of: "/routes"), 200) }
    func testCheckoutRoute() {
        XCTAssertEqual(Staging.status(of: "/checkout"), 200, "expected status 200, got \(Staging.status(of: "/checkout"))")
    }
}
