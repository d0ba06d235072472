import SondeCore

/// Ways in for code that watches the dashboard without owning it (history records results and
/// deploy markers here). Each is called on the thread named; none may block.
public struct DashboardHooks: Sendable {
    /// Every engine event, on the engine's task, before the dashboard sees it.
    public var onEvent: @Sendable (EngineEvent) -> Void
    /// A deploy marker the dashboard placed (the `d` key), on the loop thread.
    public var onDeployMarker: @Sendable (DeployMarker) -> Void
    /// A target's detail view opened, on the loop thread: read its uptime windows from history
    /// and send them back as `Message.uptime`.
    public var onDetailOpened: @Sendable (String) -> Void

    public init(
        onEvent: @escaping @Sendable (EngineEvent) -> Void = { _ in },
        onDeployMarker: @escaping @Sendable (DeployMarker) -> Void = { _ in },
        onDetailOpened: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.onEvent = onEvent
        self.onDeployMarker = onDeployMarker
        self.onDetailOpened = onDetailOpened
    }

    public static let none = DashboardHooks()
}
