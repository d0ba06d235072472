import Foundation

/// Names the module a test belongs to, the way people who run that tool name it.
///
/// - pytest: `tests.e2e.staging.test_1_websocket_events_staging.TestX` -> `test_1_websocket_events_staging`
///   (the file; the class inside it is not a module).
/// - Surefire / JUnit: `com.acme.shop.CartTest` (and nested `CartTest$Inner`) -> `CartTest`.
/// - go-junit-report: classname is the package path `github.com/acme/shop/cart` -> `cart`.
/// - `swift test --xunit-output`: `LedgerTests.BalanceTests` -> `BalanceTests`.
/// - Node's `node --test` JUnit: every classname is `test`; the module is the top-level `describe`
///   (its outermost `<testsuite>`), or the file when the report names one.
/// - unittest's class and module fixtures, as unittest-xml-reporting and nose2 write them
///   (`setUpClass (tests.test_ws.BrokerTest)`, nose2 splitting it at the last dot): the module named inside.
/// - pytest collection errors (no classname, the test module's dotted path as the name): that module.
///
/// `key` identifies the module exactly; `name` is the short form shown. When two keys share a short
/// name in one suite the aggregator shows the key instead, so different modules never merge.
public enum ModuleNamer {
    public struct Module: Sendable, Equatable, Hashable {
        public var key: String
        public var name: String
    }

    /// Node's JUnit reporter writes this classname for every test.
    static let nodeClassname = "test"
    static let topLevelTests = Module(key: "(top-level tests)", name: "(top-level tests)")

    public static func module(of testCase: JUnitCase) -> Module {
        let classname = testCase.classname.trimmedOfSpaces
        if let fixture = ClassFixture(testCase) { return module(classname: fixture.owner) }
        if classname == nodeClassname, testCase.suitePath.first != RerunMerger.pytestSuiteName {
            if let describe = testCase.suitePath.first, !describe.isEmpty { return Module(key: "describe:" + describe, name: describe) }
            return fileModule(testCase.file) ?? topLevelTests
        }
        if !classname.isEmpty { return module(classname: classname) }
        // pytest names a module it could not collect by its dotted path, with no classname.
        if testCase.name.split(separator: ".").contains(where: { isPytestModule(String($0)) }) {
            return module(classname: testCase.name)
        }
        if let module = fileModule(testCase.file) { return module }
        let suite = testCase.suite.trimmedOfSpaces
        return suite.isEmpty ? Module(key: "(no module)", name: "(no module)") : module(classname: suite)
    }

    /// The name to show for a test: a class fixture reads `setUpClass (BrokerTest)` whichever way it was split.
    public static func testName(of testCase: JUnitCase) -> String {
        guard let fixture = ClassFixture(testCase) else { return testCase.name }
        let owner = fixture.owner.split(separator: ".").last.map(String.init) ?? fixture.owner
        return "\(fixture.method) (\(owner))"
    }

    private static func fileModule(_ file: String?) -> Module? {
        guard let file, !file.isEmpty else { return nil }
        let base = file.split(separator: "/").last.map(String.init) ?? file
        let stem = base.split(separator: ".").first.map(String.init) ?? base
        return Module(key: file, name: stem)
    }

    static func module(classname: String) -> Module {
        // Go: a package path; its last element is what `go test` users call the package.
        // A byte search: with Foundation imported, `contains("/")` is NSString's range(of:).
        if classname.utf8.contains(UInt8(ascii: "/")) {
            let last = classname.split(separator: "/").last.map(String.init) ?? classname
            return Module(key: classname, name: last)
        }
        let parts = classname.split(separator: ".").map(String.init)
        // pytest: the last dotted component that is a test file (test_*.py or *_test.py).
        if let index = parts.lastIndex(where: isPytestModule) {
            return Module(key: parts[...index].joined(separator: "."), name: parts[index])
        }
        var last = parts.last ?? classname
        // JUnit nested classes (`Outer$Inner`) belong to the outer class's module.
        if let dollar = last.firstIndex(of: "$") { last = String(last[..<dollar]) }
        let key = (parts.dropLast() + [last]).joined(separator: ".")
        return Module(key: key, name: last)
    }

    private static func isPytestModule(_ part: String) -> Bool {
        guard let first = part.first, first.isLowercase || first == "_" else { return false }
        return part.hasPrefix("test_") || part.hasSuffix("_test") || part.hasSuffix("_tests") || part == "test"
    }
}

/// unittest's `setUpClass` / `tearDownClass` / `setUpModule` / `tearDownModule` failing: the
/// runner writes a test named after the fixture with its owner in parentheses.
struct ClassFixture {
    var method: String
    /// The dotted path of the class or module that owns the fixture.
    var owner: String

    init?(_ testCase: JUnitCase) {
        // Both candidates below end as the name does: most names end otherwise, and are done here.
        guard testCase.name.hasSuffix(")") else { return nil }
        // nose2 splits `setUpClass (tests.test_ws.BrokerTest)` at its last dot into classname and name.
        let whole = testCase.classname.isEmpty ? testCase.name : testCase.classname + "." + testCase.name
        for candidate in [testCase.name, whole] {
            guard let open = candidate.firstIndex(of: "("), candidate.hasSuffix(")") else { continue }
            let method = candidate[..<open].trimmingCharacters(in: .whitespaces)
            guard Self.methods.contains(method) else { continue }
            let owner = candidate[candidate.index(after: open)..<candidate.index(before: candidate.endIndex)]
            guard !owner.isEmpty, !owner.contains(" ") else { continue }
            self.method = method
            self.owner = String(owner)
            return
        }
        return nil
    }

    static let methods: Set<String> = ["setUpClass", "tearDownClass", "setUpModule", "tearDownModule"]
}

extension String {
    /// `trimmingCharacters(in: .whitespaces)` without Foundation's NSString round trip when there
    /// is nothing to trim: the usual case, met for every test case of a 50,000-test report.
    var trimmedOfSpaces: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
              CharacterSet.whitespaces.contains(first) || CharacterSet.whitespaces.contains(last)
        else { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
