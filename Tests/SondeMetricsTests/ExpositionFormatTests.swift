import SondeMetrics
import Testing

@Suite("Exposition format and escaping")
struct ExpositionFormatTests {
    @Test func prometheusAcceptHeaderGetsOpenMetrics() {
        // What Prometheus 2.42 sends on every scrape.
        let accept = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"
        #expect(ExpositionFormat.negotiate(accept: accept) == .openMetrics)
        #expect(ExpositionFormat.negotiate(accept: nil) == .text)
        #expect(ExpositionFormat.negotiate(accept: "*/*") == .text)
        #expect(ExpositionFormat.negotiate(accept: "text/plain;q=0.9,application/openmetrics-text;q=0.5") == .text)
        #expect(ExpositionFormat.negotiate(accept: "application/openmetrics-text;q=0") == .text)
    }

    @Test func labelValuesAreEscaped() {
        var page = ExpositionWriter(format: .text)
        page.family("probe_success", .gauge, help: "a \\ help\nline")
        page.sample("probe_success", LabelSet([("target", "a\"b\\c\nd")]), [("phase", "x\"y")], 1)
        let text = String(decoding: page.bytes, as: UTF8.self)
        #expect(text == """
            # HELP probe_success a \\\\ help\\nline
            # TYPE probe_success gauge
            probe_success{target="a\\"b\\\\c\\nd",phase="x\\"y"} 1

            """)
    }

    @Test func countersAreNamedPerFormat() {
        for (format, typeLine) in [(ExpositionFormat.text, "# TYPE sonde_probes_total counter"), (.openMetrics, "# TYPE sonde_probes counter")] {
            var page = ExpositionWriter(format: format)
            page.family("sonde_probes", .counter, help: "Probes.")
            page.counter("sonde_probes", .empty, [], 3)
            page.finish()
            let text = String(decoding: page.bytes, as: UTF8.self)
            #expect(text.contains(typeLine), "\(format)")
            #expect(text.contains("\nsonde_probes_total 3\n"), "\(format)")
            #expect(text.hasSuffix("# EOF\n") == (format == .openMetrics))
        }
    }

    @Test func histogramBucketsAreCumulativeAndEndAtInf() {
        var page = ExpositionWriter(format: .text)
        page.family("h", .histogram, help: "H.")
        page.histogram("h", LabelSet([("target", "a")]), bounds: [0.1, 1], cumulative: [2, 3], sum: 4.5, count: 4)
        let text = String(decoding: page.bytes, as: UTF8.self)
        #expect(text.contains("h_bucket{target=\"a\",le=\"0.1\"} 2\n"))
        #expect(text.contains("h_bucket{target=\"a\",le=\"1\"} 3\n"))
        #expect(text.contains("h_bucket{target=\"a\",le=\"+Inf\"} 4\n"))
        #expect(text.contains("h_sum{target=\"a\"} 4.5\nh_count{target=\"a\"} 4\n"))
    }

    @Test(arguments: [
        ("127.0.0.1:9464", "127.0.0.1", 9464), (":9464", "0.0.0.0", 9464), ("[::1]:0", "::1", 0), ("localhost:80", "localhost", 80),
    ])
    func addressesParse(text: String, host: String, port: Int) throws {
        let address = try MetricsAddress(parsing: text)
        #expect(address.host == host)
        #expect(address.port == port)
    }

    @Test(arguments: [
        ("9464", "has no port"), ("127.0.0.1:99999", "is not a port"), ("127.0.0.1:http", "is not a port"),
        ("::1:9464", "IPv6 address goes in brackets"), ("[::1:9464", "without closing"), ("300.1.2.3:80", "not an IPv4 address"),
    ])
    func badAddressesSayWhy(text: String, reason: String) {
        #expect {
            try MetricsAddress(parsing: text)
        } throws: { error in
            "\(error)".contains(reason) && "\(error)".contains(":9464")
        }
    }
}
