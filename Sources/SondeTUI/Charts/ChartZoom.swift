import Foundation

/// How far back the latency charts reach; `+` and `-` step through the spans.
public struct ChartZoom: Sendable, Equatable {
    public static let spans: [TimeInterval] = [300, 900, 3600, 3 * 3600, 6 * 3600]
    /// An index into `spans`.
    public private(set) var index: Int

    /// Fifteen minutes: the last deploy and what followed, at a glance.
    public static let standard = ChartZoom(index: 1)

    public var span: TimeInterval { Self.spans[index] }

    /// `+`: a shorter span, in closer.
    public func zoomedIn() -> ChartZoom { ChartZoom(index: max(0, index - 1)) }
    /// `-`: a longer span.
    public func zoomedOut() -> ChartZoom { ChartZoom(index: min(Self.spans.count - 1, index + 1)) }

    /// `5m`, `15m`, `1h`, `3h`, `6h`.
    public var label: String { Self.label(span) }

    static func label(_ seconds: TimeInterval) -> String {
        seconds >= 3600 ? "\(Int(seconds / 3600))h" : "\(Int(seconds / 60))m"
    }
}
