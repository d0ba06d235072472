import XCTest
import Staging

final class CartTests: XCTestCase {
    func testHealthAnswers200() { XCTAssertEqual(Staging.status(of: "/health"), 200) }
    func testCheckoutAnswers200() {
        XCTAssertEqual(Staging.status(of: "/checkout"), 200, "expected status 200, got \(Staging.status(of: "/checkout"))")
    }
    func testCartTotals() { XCTAssertEqual(2 + 2, 4) }
    func testCouponService() throws { throw XCTSkip("coupon service not deployed to staging") }
}
