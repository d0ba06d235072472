/// One series of a Prometheus instant query's answer: its labels (`__name__` among them) and value.
public struct PrometheusSeries: Sendable, Equatable {
    public var labels: [String: String]
    public var value: Double

    public init(labels: [String: String], value: Double) {
        self.labels = labels
        self.value = value
    }

    public var name: String { labels["__name__"] ?? "" }
}
