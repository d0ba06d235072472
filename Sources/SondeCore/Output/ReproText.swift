/// The table `sonde check --repro` prints: one line per expected failure.
public enum ReproText {
    public static func render(_ verdicts: [ReproVerdict], redactor: Redactor) -> String {
        var table = TextTable(headers: ["TARGET", "EXPECTED", "ACTUAL", "VERDICT"])
        for verdict in verdicts {
            table.add([verdict.name, verdict.expected, actual(verdict), verdict.verdict])
        }
        let reproduced = verdicts.filter(\.reproduced).count
        let footer = "\(reproduced) of \(verdicts.count) expected failure\(verdicts.count == 1 ? "" : "s") reproduced"
        return redactor.redact(table.render() + "\n\n" + footer)
    }

    /// The actual result, with how often it showed when more than one round ran.
    static func actual(_ verdict: ReproVerdict) -> String {
        guard verdict.rounds > 1 else { return verdict.actual }
        return "\(verdict.actual) (reproduced in \(verdict.reproducedRounds)/\(verdict.rounds) rounds)"
    }
}
