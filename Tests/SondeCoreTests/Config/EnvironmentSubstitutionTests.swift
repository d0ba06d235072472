import Testing
@testable import SondeCore

/// `${VAR}` and `${VAR:-default}` as a POSIX shell reads them.
@Suite("Environment substitution follows shell semantics")
struct EnvironmentSubstitutionTests {
    static let environment = ["EMPTY": "", "SET": "value-1"]

    @Test(arguments: [
        ("a${EMPTY}b", "ab"),            // set but empty: substitutes nothing
        ("a${EMPTY:-d}b", "adb"),        // `:-` takes the default when empty
        ("a${UNSET:-d}b", "adb"),        // ... or unset
        ("a${SET:-d}b", "avalue-1b"),
        ("$${SET}", "${SET}"),
    ])
    func expands(_ text: String, _ expected: String) throws {
        let expanded = try EnvironmentSubstitution(environment: Self.environment).expand(text)
        #expect(expanded.text == expected)
        // An empty value is nothing to hide; a default is in the file, not a secret.
        #expect(!expanded.environmentValues.contains(""))
        #expect(!expanded.environmentValues.contains("d"))
    }

    @Test func anUnsetVariableWithoutADefaultIsAnError() {
        #expect(throws: EnvironmentSubstitution.Failure.self) {
            try EnvironmentSubstitution(environment: Self.environment).expand("${UNSET}")
        }
    }

    @Test func anEmptyVariableInAConfigIsNotReportedAsUnset() throws {
        let yaml = "targets:\n  - name: a\n    http: http://127.0.0.1:1/x${EMPTY}\n    headers: { X-Extra: \"${EMPTY}\" }\n"
        let config = try ConfigLoader.parse(yaml, file: "f.yml", environment: Self.environment)
        guard case .http(let spec) = config.targets.first?.probe else { Issue.record("not http"); return }
        #expect(spec.url.path == "/x")
        #expect(spec.headers.first?.value == "")
    }
}
