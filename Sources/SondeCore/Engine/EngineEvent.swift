/// What the engine publishes; views and reports consume these and nothing else.
public enum EngineEvent: Sendable {
    case result(ProbeResult)
    case journey(JourneyResult)
    case suite(SuiteResult)
}
