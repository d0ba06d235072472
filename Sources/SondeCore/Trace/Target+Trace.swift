extension Target {
    /// This target as one step of a journey run: its requests join the run's trace, unless the
    /// target says `trace: false`. Kinds that send no HTTP carry no trace and stay as they are.
    public func joiningTrace(_ trace: TraceID) -> Target {
        var copy = self
        switch probe {
        case .http(var spec) where spec.trace != .off:
            spec.trace = .within(trace)
            copy.probe = .http(spec)
        case .websocket(var spec) where spec.trace != .off:
            spec.trace = .within(trace)
            copy.probe = .websocket(spec)
        default:
            break
        }
        return copy
    }
}
