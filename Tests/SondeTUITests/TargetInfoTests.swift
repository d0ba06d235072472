import Foundation
import SondeCore
import Testing
@testable import SondeTUI

/// A configured target's request lines are described from its spec when asked for, masked as
/// the lines given up front were.
@Suite struct TargetInfoTests {
    @Test func aConfiguredTargetDescribesItsRequestWithSecretsMasked() throws {
        var spec = HTTPSpec(url: try #require(URL(string: "https://api.test/health")), method: "POST")
        spec.headers = [Header(name: "X-Token", value: "s3cret-token", isSecret: false)]
        let target = Target(name: "api", interval: .seconds(5), timeout: .seconds(2), latencyTarget: .milliseconds(150), probe: .http(spec))
        let info = TargetInfo(target, redactor: Redactor(secrets: ["s3cret-token"]))
        #expect(info.request == ["POST https://api.test/health", "X-Token: ***"])
        #expect(info == TargetInfo(name: "api", kind: .http, latencyTarget: .milliseconds(150), request: ["POST https://api.test/health", "X-Token: ***"]))
        var changed = info
        changed.request = ["GET https://api.test/other"]
        #expect(changed.request == ["GET https://api.test/other"])
        #expect(changed != info)
    }
}
