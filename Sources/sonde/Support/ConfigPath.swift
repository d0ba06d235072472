import ArgumentParser

/// The config a command reads: `sonde check [CONFIG]` or `sonde check --config PATH`, as the
/// issue's CLI names both; `sonde.yml` in the current folder when neither is given.
struct ConfigPath: ParsableArguments {
    @Argument(help: ArgumentHelp("The config file (default: sonde.yml).", valueName: "config"))
    var positional: String?

    @Option(name: .customLong("config"), help: ArgumentHelp("The config file, as an option.", valueName: "path"))
    var option: String?

    static let defaultPath = "sonde.yml"

    var path: String { option ?? positional ?? Self.defaultPath }

    func validate() throws {
        if let option, let positional, option != positional {
            throw ValidationError("two config files given ('\(positional)' and --config '\(option)'): pass one")
        }
    }
}
