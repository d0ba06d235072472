import SondeCore

extension Session {
    /// `check --watch-deploy`'s loop: probes every target every `interval` into this session until
    /// `duration` has passed on the session's clock, or the gate fails early, handing each change
    /// of the watch to `report` as it happens. Returns the watch as it ended, to decide the verdict.
    public func watchDeploy(_ watch: DeployWatch, every interval: Duration, for duration: Duration,
                            report: @escaping @Sendable (DeployWatch.Event) -> Void) async -> DeployWatch {
        let targets = config.targets.map { target -> Target in
            var target = target
            target.interval = interval
            return target
        }
        let engine = Engine(targets: targets, factory: probing.factory, scheduler: probing.scheduler)
        let clock = engine.scheduler.clock
        let end = clock.now + duration
        return await withTaskGroup(of: DeployWatch?.self) { group in
            group.addTask {
                try? await clock.sleep(until: end)
                return nil
            }
            group.addTask { [watch] in
                var watch = watch
                for await event in engine.events() {
                    self.record(event)
                    guard case .result(let result) = event else { continue }
                    for change in watch.observe(result) {
                        report(change)
                        if case .failedEarly = change { return watch }
                    }
                }
                return watch
            }
            var last = watch
            for await value in group {
                group.cancelAll()
                if let value { last = value }
            }
            return last
        }
    }
}
