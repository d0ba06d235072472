import Dispatch
import Foundation

/// SIGTERM and SIGINT as an async wait, for the headless agent: systemd stops a service with
/// SIGTERM and expects it to finish its work and exit 0. The signals are ignored for the default
/// action and delivered through Dispatch, so no handler runs in signal context.
final class StopSignals {
    private let sources: [any DispatchSourceSignal]
    private let stream: AsyncStream<Int32>

    init(_ signals: [Int32] = [SIGTERM, SIGINT]) {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        self.stream = stream
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
    }

    /// The first stop signal that arrives.
    func next() async -> Int32? {
        for await number in stream { return number }
        return nil
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
