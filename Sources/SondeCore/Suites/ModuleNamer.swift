/// Names the module a test belongs to, the way people who run that tool name it.
///
/// - pytest: `tests.e2e.staging.test_1_websocket_events_staging.TestX` -> `test_1_websocket_events_staging`
///   (the file; the class inside it is not a module).
/// - Surefire / JUnit: `com.acme.shop.CartTest` (and nested `CartTest$Inner`) -> `CartTest`.
/// - go-junit-report: classname is the package path `github.com/acme/shop/cart` -> `cart`.
/// - `swift test --xunit-output`: `LedgerTests.BalanceTests` -> `BalanceTests`.
///
/// `key` identifies the module exactly; `name` is the short form shown. When two keys share a short
/// name in one suite the aggregator shows the key instead, so different modules never merge.
public enum ModuleNamer {
    public struct Module: Sendable, Equatable, Hashable {
        public var key: String
        public var name: String
    }

    public static func module(of testCase: JUnitCase) -> Module {
        let classname = testCase.classname.trimmingCharacters(in: .whitespaces)
        if !classname.isEmpty { return module(classname: classname) }
        if let file = testCase.file, !file.isEmpty {
            let base = file.split(separator: "/").last.map(String.init) ?? file
            let stem = base.split(separator: ".").first.map(String.init) ?? base
            return Module(key: file, name: stem)
        }
        let suite = testCase.suite.trimmingCharacters(in: .whitespaces)
        return suite.isEmpty ? Module(key: "(no module)", name: "(no module)") : module(classname: suite)
    }

    static func module(classname: String) -> Module {
        // Go: a package path; its last element is what `go test` users call the package.
        if classname.contains("/") {
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
