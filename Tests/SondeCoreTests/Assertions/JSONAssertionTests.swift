import Testing
@testable import SondeCore

@Suite("JSON assertions")
struct JSONAssertionTests {
    static let body = #"{"status":"healthy","checks":{"postgres":{"response_time_ms":101.46}},"items":[{"id":7}],"ok":true,"none":null}"#

    @Test(arguments: [
        #"$.status == "healthy""#, "$.checks.postgres.response_time_ms < 250", "$.checks.postgres.response_time_ms >= 101.46",
        "$.items[0].id == 7", "$.ok == true", "$.none == null", "$.status", #"$.status != "down""#,
    ])
    func passing(_ text: String) throws {
        #expect(try JSONAssertion(text).evaluate(jsonText: Self.body).failureMessage == nil)
    }

    @Test func failureNamesExpectedAndActual() throws {
        let message = try JSONAssertion("$.checks.postgres.response_time_ms < 100").evaluate(jsonText: Self.body).failureMessage
        #expect(message == "expected $.checks.postgres.response_time_ms < 100, got $.checks.postgres.response_time_ms = 101.46")
    }

    @Test func missingPathIsSaid() throws {
        let message = try JSONAssertion(#"$.checks.redis.status == "ok""#).evaluate(jsonText: Self.body).failureMessage
        #expect(message == #"expected $.checks.redis.status == "ok", got $.checks.redis.status missing"#)
    }

    @Test(arguments: ["status == 1", "$.a === 1", "$.a <", "$..a", "$.a[x]"])
    func malformedAssertionsAreRejected(_ text: String) {
        #expect(throws: JSONAssertion.ParseError.self) { try JSONAssertion(text) }
    }
}
