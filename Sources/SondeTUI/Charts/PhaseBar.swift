import SondeCore

/// A result's phases as one stacked bar: each phase a run of its own glyph, as long as its
/// share of the slowest result shown, so the phase that grew stands out down the list.
enum PhaseBar {
    /// The phases a bar stacks, in the order they happen; `total` and the like are sums.
    static let stacked: [String] = [
        // "transfer": the HTTP probe's body read, named there without a constant.
        PhaseTiming.dns, PhaseTiming.connect, PhaseTiming.tls, PhaseTiming.firstByte, "transfer",
        PhaseTiming.handshake, PhaseTiming.roundTrip, PhaseTiming.auth, PhaseTiming.query, PhaseTiming.lookup, PhaseTiming.run,
    ]

    /// Each stacked phase's glyph: distinct shapes, so the bar reads without colour.
    static func glyph(_ index: Int, glyphs: Glyphs) -> String {
        let set = glyphs.isASCII ? ["d", "c", "t", "=", "b", "h", "r", "a", "q", "l", "x"] : ["░", "▒", "▓", "█", "▚", "▒", "█", "░", "▓", "▒", "█"]
        return set[index % set.count]
    }

    static func style(_ index: Int) -> Style {
        let roles: [ColorRole] = [.muted, .accent, .reported, .up, .slow, .accent, .up, .muted, .reported, .accent, .up]
        return Style(roles[index % roles.count])
    }

    /// The milliseconds a result's bar spans: its latency, or its stacked phases where they add
    /// up to more.
    static func totalMs(_ result: ProbeResult) -> Double {
        max(stackedMs(result), result.status == .down ? 0 : result.latency?.milliseconds ?? 0)
    }

    static func stackedMs(_ result: ProbeResult) -> Double {
        result.outcome.phases.filter { stacked.contains($0.name) }.reduce(0) { $0 + $1.duration.milliseconds }
    }

    /// The time no stacked phase accounts for (reading the body, a probe that reports no phases).
    static func rest(_ glyphs: Glyphs) -> String { glyphs.isASCII ? "-" : "─" }

    /// `width` columns: the phases scaled to `scaleMs` (the slowest result's total), padded.
    static func line(_ result: ProbeResult, scaleMs: Double, width: Int, glyphs: Glyphs) -> Line {
        guard width > 0 else { return [] }
        var cells: [(String, Style)] = []
        if scaleMs > 0 {
            var reached = 0.0
            for phase in result.outcome.phases {
                guard let index = stacked.firstIndex(of: phase.name) else { continue }
                let start = Int((reached / scaleMs * Double(width)).rounded())
                reached += phase.duration.milliseconds
                // A phase too short for a cell still gets one while there is room: it happened.
                let end = max(start + 1, Int((reached / scaleMs * Double(width)).rounded()))
                guard start < width else { break }
                for _ in start..<min(width, end) where cells.count < width { cells.append((glyph(index, glyphs: glyphs), style(index))) }
            }
        }
        let end = scaleMs > 0 ? min(width, Int((totalMs(result) / scaleMs * Double(width)).rounded())) : 0
        cells += Array(repeating: (rest(glyphs), Style.muted), count: max(0, end - cells.count))
        cells += Array(repeating: (" ", Style.plain), count: max(0, width - cells.count))
        return LatencyChart.merged(cells)
    }

    /// `░ dns ▒ connect ▓ tls`: which glyph is which phase, for the phases present.
    static func legend(_ results: [ProbeResult], glyphs: Glyphs) -> Line {
        let present = stacked.enumerated().filter { _, name in results.contains { $0.outcome.phases.contains { $0.name == name } } }
        let unaccounted = results.contains { totalMs($0) > stackedMs($0) }
        return present.flatMap { index, name in [Span(glyph(index, glyphs: glyphs), style(index)), Span(" \(name)  ", .muted)] }
            + (unaccounted ? [Span(rest(glyphs) + " rest", .muted)] : [])
    }
}
