import Foundation

/// Reads the `alerts:` section. Every problem names file:line and key: an unknown channel in
/// `notify`, a glob that cannot match, a name that is no target, a bad duration.
enum AlertsReader {
    /// What rules may name, to tell a typo from a target.
    struct Names {
        var targets: [String]
        var journeys: [String]
        var suites: [String]

        func of(_ condition: AlertCondition) -> [String] {
            switch condition {
            case .down, .slow, .flapping, .regression: targets
            case .journey: journeys
            case .suite: suites
            }
        }
    }

    static func read(_ node: ConfigNode, names: Names) throws(ConfigError) -> AlertsConfig {
        let map = try node.mapping(allowed: ["rules", "channels", "maintenance", "group_wait"])
        var config = AlertsConfig()
        let context = node.context
        if let wait = map["group_wait"] { config.groupWait = context.collecting { () throws(ConfigError) in try wait.duration(allowZero: true) } ?? config.groupWait }
        if let channels = map["channels"] {
            for (name, entry) in (context.collecting { () throws(ConfigError) in try channels.freeMapping() } ?? []) {
                if let channel = context.collecting({ () throws(ConfigError) in try readChannel(name, entry) }) { config.channels.append(channel) }
            }
        }
        let channelNames = config.channels.map(\.name)
        if let rules = map["rules"] {
            var unique = UniqueNames(kind: "rule")
            for item in (context.collecting { () throws(ConfigError) in try rules.list() } ?? []) {
                guard let rule = context.collecting({ () throws(ConfigError) in try readRule(item, channels: channelNames, names: names) }) else { continue }
                if let duplicate = unique.claim(rule.name, at: item) { context.errors.append(duplicate); continue }
                config.rules.append(rule)
            }
        }
        if let windows = map["maintenance"] {
            for item in (context.collecting { () throws(ConfigError) in try windows.list() } ?? []) {
                if let window = context.collecting({ () throws(ConfigError) in try readMaintenance(item) }) { config.maintenance.append(window) }
            }
        }
        return config
    }

    // MARK: rules

    static func readRule(_ node: ConfigNode, channels: [String], names: Names) throws(ConfigError) -> AlertRule {
        let map = try node.mapping(allowed: ["name", "when", "for", "recover", "targets", "notify", "repeat", "severity", "after_deploy"])
        var parts = PartReader(context: node.context)
        let name = parts.read { () throws(ConfigError) in try map.required("name").nonEmptyString() }
        let condition = parts.read { () throws(ConfigError) in try readCondition(try map.required("when")) }
        let hold = parts.read { () throws(ConfigError) in try map["for"].map(readHold) ?? .results(1) }
        let recover = parts.read { () throws(ConfigError) in try map["recover"]?.int(in: 1...1000) ?? 1 }
        let notify = parts.read { () throws(ConfigError) in try readNotify(try map.required("notify"), channels: channels) }
        let repeatEvery = parts.read { () throws(ConfigError) -> Duration? in try map["repeat"]?.duration() }
        let severity = parts.read { () throws(ConfigError) in try map["severity"]?.nonEmptyString() ?? "warning" }
        let grace = parts.read { () throws(ConfigError) -> Duration? in try map["after_deploy"]?.duration() }
        var targets = [TargetPattern("*")]
        if let node = map["targets"], let condition {
            targets = parts.read { () throws(ConfigError) in try readPatterns(node, known: names.of(condition), what: condition.subjectNoun) } ?? targets
        }
        guard !parts.failed, let name, let condition, let hold, let recover, let notify, let severity else { throw .recordedAbove }
        return AlertRule(
            name: name, condition: condition, hold: hold, recover: recover, targets: targets, notify: notify,
            repeatEvery: repeatEvery ?? nil, severity: severity, deployGrace: grace ?? nil, location: node.location
        )
    }

    static func readCondition(_ node: ConfigNode) throws(ConfigError) -> AlertCondition {
        let text = try node.string()
        guard let condition = AlertCondition(rawValue: text.lowercased()) else {
            let all = AlertCondition.allCases.map(\.rawValue)
            let near = KeySuggester.nearest(to: text, among: all).map { " (did you mean '\($0)'?)" } ?? ""
            throw node.error("unknown condition '\(text)'\(near); use one of \(all.joined(separator: ", "))")
        }
        return condition
    }

    /// `for: 2` (results in a row) or `for: 30s` (a span).
    static func readHold(_ node: ConfigNode) throws(ConfigError) -> AlertHold {
        let text = try node.string().trimmingCharacters(in: .whitespaces)
        if text.allSatisfy(\.isNumber) { return .results(try node.int(in: 1...1000)) }
        return .duration(try node.duration())
    }

    static func readNotify(_ node: ConfigNode, channels: [String]) throws(ConfigError) -> [String] {
        var out: [String] = []
        for item in try node.listOrSingle() {
            let name = try item.nonEmptyString()
            guard channels.contains(name) else {
                let near = KeySuggester.nearest(to: name, among: channels).map { " (did you mean '\($0)'?)" } ?? ""
                let declared = channels.isEmpty ? "none is declared under alerts.channels" : "declared: \(channels.joined(separator: ", "))"
                throw item.error("unknown channel '\(name)'\(near); \(declared)")
            }
            out.append(name)
        }
        guard !out.isEmpty else { throw node.error("name at least one channel") }
        return out
    }

    /// Names and globs; a plain name must be one the config declares.
    static func readPatterns(_ node: ConfigNode, known: [String], what: String) throws(ConfigError) -> [TargetPattern] {
        var out: [TargetPattern] = []
        for item in try node.listOrSingle() {
            let pattern = TargetPattern(try item.nonEmptyString())
            if let problem = pattern.problem { throw item.error(problem) }
            if !pattern.isGlob && !known.contains(pattern.text) {
                let near = KeySuggester.nearest(to: pattern.text, among: known).map { " (did you mean '\($0)'?)" } ?? ""
                throw item.error("no \(what) named '\(pattern.text)'\(near)")
            }
            out.append(pattern)
        }
        return out
    }

    // MARK: channels

    static func readChannel(_ name: String, _ node: ConfigNode) throws(ConfigError) -> AlertChannel {
        let map = try node.mapping(allowed: ["webhook", "headers", "format", "alertmanager", "terminal", "run"])
        let kinds = ["webhook", "alertmanager", "terminal", "run"].filter { map[$0] != nil }
        guard kinds.count == 1, let kind = kinds.first else {
            throw node.error(kinds.isEmpty
                ? "channel '\(name)' needs one of webhook, alertmanager, terminal or run"
                : "channel '\(name)' has \(kinds.joined(separator: " and ")); give it one")
        }
        for key in ["headers", "format"] where kind != "webhook" && map[key] != nil {
            throw map[key].map { $0.error("'\(key)' applies to webhook channels only") } ?? node.error("")
        }
        let transport: AlertTransport
        switch kind {
        case "webhook":
            let urlNode = try map.required("webhook")
            let url = try urlNode.url(schemes: ["http", "https"])
            // The whole URL is a credential for Slack-style hooks: mask all of it everywhere.
            node.context.secrets.append(url.absoluteString)
            let headers = try map["headers"].map(TargetReader.readHeaders) ?? []
            var format = WebhookTarget.Format.json
            if let f = map["format"] {
                let text = try f.string()
                guard let parsed = WebhookTarget.Format(rawValue: text) else {
                    throw f.error("unknown format '\(text)'; use \(WebhookTarget.Format.allCases.map(\.rawValue).joined(separator: " or "))")
                }
                format = parsed
            }
            transport = .webhook(WebhookTarget(url: url, headers: headers, format: format))
        case "alertmanager":
            transport = .alertmanager(try map.required("alertmanager").url(schemes: ["http", "https"]))
        case "terminal":
            let options = try map.required("terminal")
            var bell = true, desktop = true
            if options.isMapping {
                let o = try options.mapping(allowed: ["bell", "desktop"])
                if let b = o["bell"] { bell = try b.bool() }
                if let d = o["desktop"] { desktop = try d.bool() }
            } else if try !options.bool() {
                bell = false
                desktop = false
            }
            transport = .terminal(bell: bell, desktop: desktop)
        default:
            let run = try map.required("run")
            let argv: [String]
            if run.isList {
                argv = try run.list().map { n throws(ConfigError) in try n.nonEmptyString() }
            } else {
                // One string runs through sh, as a crontab line would.
                argv = ["/bin/sh", "-c", try run.nonEmptyString()]
            }
            guard !argv.isEmpty else { throw run.error("give the command to run") }
            transport = .command(argv)
        }
        return AlertChannel(name: name, transport: transport, location: node.location)
    }

    // MARK: maintenance

    static func readMaintenance(_ node: ConfigNode) throws(ConfigError) -> MaintenanceWindow {
        let map = try node.mapping(allowed: ["every", "start", "duration", "targets", "zone"])
        var days = Set<MaintenanceWindow.Weekday>()
        if let every = map["every"] {
            for item in try every.listOrSingle() {
                let text = try item.nonEmptyString()
                if ["day", "daily"].contains(text.lowercased()) { days = []; break }
                guard let day = MaintenanceWindow.Weekday.named(text) else {
                    throw item.error("'\(text)' is not a day; use mon, tue, wed, thu, fri, sat, sun or day")
                }
                days.insert(day)
            }
        }
        let startNode = try map.required("start")
        let start = try startNode.string()
        let pieces = start.split(separator: ":")
        guard pieces.count == 2, let hour = Int(pieces[0]), let minute = Int(pieces[1]), (0..<24).contains(hour), (0..<60).contains(minute) else {
            throw startNode.error("'\(start)' is not a time of day; write it as HH:MM, like 02:00")
        }
        let duration = try map.required("duration").duration()
        var zone = TimeZone.current
        if let z = map["zone"] {
            let name = try z.nonEmptyString()
            guard let found = TimeZone(identifier: name) else { throw z.error("unknown time zone '\(name)'; use a name like UTC or Europe/Berlin") }
            zone = found
        }
        var targets = [TargetPattern("*")]
        if let t = map["targets"] {
            targets = try t.listOrSingle().map { n throws(ConfigError) in
                let pattern = TargetPattern(try n.nonEmptyString())
                if let problem = pattern.problem { throw n.error(problem) }
                return pattern
            }
        }
        return MaintenanceWindow(days: days, startMinute: hour * 60 + minute, duration: duration, targets: targets, zone: zone)
    }
}

extension AlertCondition {
    /// What a rule's `targets` names for this condition, in messages.
    var subjectNoun: String {
        switch self {
        case .down, .slow, .flapping, .regression: "target"
        case .journey: "journey"
        case .suite: "suite"
        }
    }
}
