/// The two page formats Prometheus reads. Prometheus (2.x and later) asks for OpenMetrics first
/// in its Accept header; curl and older scrapers get the classic text format.
public enum ExpositionFormat: Sendable, Equatable {
    case text
    case openMetrics

    public var contentType: String {
        switch self {
        case .text: "text/plain; version=0.0.4; charset=utf-8"
        case .openMetrics: "application/openmetrics-text; version=1.0.0; charset=utf-8"
        }
    }

    /// OpenMetrics when the Accept header ranks it at least as high as plain text (and above
    /// zero); the text format otherwise, as every Prometheus exporter does.
    public static func negotiate(accept: String?) -> ExpositionFormat {
        guard let accept else { return .text }
        var openMetrics = 0.0
        var text = 0.0
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let type = parts.first else { continue }
            let q = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            switch type {
            case "application/openmetrics-text": openMetrics = max(openMetrics, q)
            case "text/plain", "text/*", "*/*": text = max(text, q)
            default: continue
            }
        }
        return openMetrics > 0 && openMetrics >= text ? .openMetrics : .text
    }
}
