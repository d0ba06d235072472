/// Percentiles by nearest rank over values kept sorted: the one percentile rule of Sonde, used by
/// the live windows, `check --rounds`, deploy comparisons and history summaries alike.
public enum Percentiles {
    /// The p-th percentile (0...100) of `sorted` (ascending), or nil when it is empty.
    public static func value(_ p: Double, sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// Where `value` belongs in `sorted` (the first index whose element is not smaller).
    static func insertionIndex(of value: Double, in sorted: [Double]) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// Latencies kept in order as they come and go, so a window's percentiles cost a lookup.
/// Inserting or removing moves at most the window's length of doubles (a memmove of under a
/// kilobyte at the default 100): bounded per result, however long the run, where rebuilding a
/// histogram per result was not.
public struct SortedLatencies: Sendable, Equatable {
    public private(set) var values: [Double] = []

    public init() {}

    public mutating func insert(_ value: Double) {
        values.insert(value, at: Percentiles.insertionIndex(of: value, in: values))
    }

    public mutating func remove(_ value: Double) {
        let index = Percentiles.insertionIndex(of: value, in: values)
        if index < values.count, values[index] == value { values.remove(at: index) }
    }

    public func percentile(_ p: Double) -> Double? { Percentiles.value(p, sorted: values) }
}
