import Foundation
import Testing
@testable import SondeCore

/// The plugin guidelines' output format, as check_tcp, check_http and check_disk print it.
@Suite("Nagios plugin output and perfdata")
struct PluginOutputTests {
    @Test func firstLineAndPerfdata() {
        let output = PluginOutput(parsing: "TCP OK - 0.000 second response time on 127.0.0.1 port 5432|time=0.000123s;;;0.000000;10.000000\n")
        #expect(output.summary == "TCP OK - 0.000 second response time on 127.0.0.1 port 5432")
        #expect(output.perfdata == [PerfDatum(label: "time", value: 0.000123, unit: "s", min: 0, max: 10)])
    }

    @Test func quotedLabelsThresholdsAndLongText() {
        let text = "DISK OK | '/ used'=55%;80;90;0;100 'it''s'=3c\nline two\nline three | inodes=12;;;;\n"
        let output = PluginOutput(parsing: text)
        #expect(output.summary == "DISK OK")
        #expect(output.longText == ["line two", "line three "])
        #expect(output.perfdata.map(\.label) == ["/ used", "it's", "inodes"])
        #expect(output.perfdata[0] == PerfDatum(label: "/ used", value: 55, unit: "%", warn: "80", crit: "90", min: 0, max: 100))
        #expect(output.perfdata[1].unit == "c")
        #expect(output.perfdata[0].formatted == "'/ used'=55%;80;90;0;100")
        #expect(output.perfdata[1].formatted == "'it''s'=3c")
    }

    @Test func malformedItemsAreSkipped() {
        #expect(PluginOutput(parsing: "OK | =5 novalue= good=1ms").perfdata == [PerfDatum(label: "good", value: 1, unit: "ms")])
        #expect(PluginOutput(parsing: "").summary == "")
    }

    @Test func statesMapBothWays() {
        #expect(PluginState(.up) == .ok)
        #expect(PluginState(.slow) == .warning)
        #expect(PluginState(.down) == .critical)
        #expect(PluginState(rawValue: 3)?.label == "UNKNOWN")
    }
}
