/// Reads a `prometheus:` target's own keys: `query:` (required), `report:` and `expect.value`.
enum PrometheusReader {
    static func read(endpoint: ConfigNode, map: ConfigMapping, expect: ConfigMapping?) throws(ConfigError) -> PrometheusSpec {
        let url = try endpoint.url(schemes: ["http", "https"])
        let query = try map.required("query").nonEmptyString()
        var expectation: ValueExpectation?
        if let node = expect?["value"] {
            let text = try node.nonEmptyString()
            guard let parsed = ValueExpectation(text) else {
                throw node.error("'\(text)' is not a comparison; write it like \"< 0.01\", \">= 1\" or \"== 0\"")
            }
            expectation = parsed
        }
        return PrometheusSpec(url: url, query: query, expectation: expectation, reportName: try map["report"]?.nonEmptyString())
    }
}
