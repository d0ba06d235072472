extension Int64 {
    /// The nearest Int64 to `value`, saturating at the bounds; NaN is 0. `Int64(_:)` traps instead.
    public init(saturating value: Double) {
        if value.isNaN { self = 0 }
        else if value >= 9.223_372_036_854_775e18 { self = .max }
        else if value <= -9.223_372_036_854_775e18 { self = .min }
        else { self = Int64(value.rounded()) }
    }
}

extension Int {
    /// The nearest Int to `value`, saturating at the bounds; NaN is 0.
    public init(saturating value: Double) {
        self = Int(Int64(saturating: value))
    }
}
