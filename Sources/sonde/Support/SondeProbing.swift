import SondeProbes
import SondeSession

extension Probing {
    /// The binary's probes: every kind SondeProbes registers, and suites' `run:` commands on
    /// swift-subprocess. Every command's session probes with this; a fresh scheduler each time.
    static var sonde: Probing { Probing(factory: ProbeFactory.make, commands: SuiteCommandRunner()) }
}
