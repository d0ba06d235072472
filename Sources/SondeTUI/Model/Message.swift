import Foundation
import SondeCore

/// Every input the dashboard reacts to. `update` is the only thing that changes the state.
public enum Message: Sendable {
    case event(EngineEvent)
    case key(Key)
    case resize(width: Int, height: Int)
    case tick(Date)
}

/// What `update` asks the outside world to do; the app loop carries these out.
public enum Command: Sendable, Equatable {
    case quit
    case togglePause
    case probeNow(String)
    case applyTheme(String)
}
