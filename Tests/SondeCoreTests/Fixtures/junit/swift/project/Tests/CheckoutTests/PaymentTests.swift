import XCTest
import Staging

final class PaymentTests: XCTestCase {
    func testBrokerReachable() {
        XCTAssertTrue(Staging.brokerReachable(port: 5672), "[Errno 111] Connection refused: 127.0.0.1:5672")
    }
    func testRefundsAnswer200() { XCTAssertEqual(Staging.status(of: "/refunds"), 200) }
}
