import SondeCore

/// The labels every exported series carries, rendered once per session from the config:
/// `target`, `kind`, `environment` and, when the config sets one, `location`. Values pass
/// through the config's redactor first, so a secret that found its way into a name (a
/// `${TOKEN}` in a target name) is never on the page.
public struct ExportLabels: Sendable {
    public let environment: String
    public let location: String?
    let redactor: Redactor
    /// Per target name, in config order.
    let targets: [(name: String, labels: LabelSet)]
    /// `environment` and `location` alone, for journeys, suites and deploy markers.
    let base: [(String, String)]

    public init(config: SondeConfig) {
        redactor = config.redactor
        environment = redactor.redact(config.environment)
        location = config.location.map(redactor.redact)
        var base = [("environment", environment)]
        if let location { base.append(("location", location)) }
        self.base = base
        let redactor = redactor
        targets = config.targets.map { target in
            (target.name, LabelSet([("target", redactor.redact(target.name)), ("kind", target.kind.rawValue)] + base))
        }
    }

    /// Labels for something named by `key` (`journey="checkout"`), with the base labels after.
    func named(_ key: String, _ name: String, _ more: [(String, String)] = []) -> LabelSet {
        LabelSet([(key, redactor.redact(name))] + more.map { ($0.0, redactor.redact($0.1)) } + base)
    }

    func redact(_ text: String) -> String { redactor.redact(text) }
}
