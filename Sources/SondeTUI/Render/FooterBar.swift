import SondeCore

/// The bottom row, generated from the key map (or the filter being typed).
enum FooterBar {
    /// One footer entry: `r probe now`.
    struct Entry: Equatable {
        var label: String
        var short: String
        var width: Int { DisplayWidth.of(label) + 1 + DisplayWidth.of(short) }
    }

    static let gap = 2

    static func draw(_ state: DashboardState, width: Int, y: Int, into canvas: inout Canvas) {
        canvas.fill(Rect(x: 0, y: y, width: width, height: 1))
        if let typed = state.timeEntry {
            let line: Line = [Span(" go to: ", Style(.accent, bold: true)), Span(typed + "_"),
                              Span("   Enter go  Esc cancel  (\(TravelTime.examples))", .muted)]
            canvas.put(line, x: 0, y: y, limit: width)
            return
        }
        if let notice = state.notice {
            canvas.put([Span(" " + state.redactor.redact(notice), Style(.slow, bold: true))], x: 0, y: y, limit: width)
            return
        }
        if state.editingFilter {
            let line: Line = [Span(" filter: ", Style(.accent, bold: true)), Span(state.filter + "_"),
                              Span("   Enter apply  Esc clear", .muted)]
            canvas.put(line, x: 0, y: y, limit: width)
            return
        }
        var line: Line = [Span(" ")]
        for entry in entries(state.keyMap, width: width) {
            line += [Span(entry.label, Style(.accent, bold: true)), Span(" " + entry.short + String(repeating: " ", count: gap), .muted)]
        }
        canvas.put(line, x: 0, y: y, limit: width)
    }

    /// The footer's entries in `width` columns: whole entries only. When some do not fit, the
    /// last one is the help key as "? more", so the rest stay one key away.
    static func entries(_ keyMap: KeyMap, width: Int) -> [Entry] {
        let all = keyMap.footerBindings.map { Entry(label: $0.label, short: $0.short) }
        let room = width - 1 // the leading space
        if needed(all) <= room { return all }
        guard let help = keyMap.bindings.first(where: { $0.action == .help }) else { return taking(all, room: room) }
        let more = Entry(label: help.label, short: "more")
        let others = all.filter { $0.label != help.label }
        let shown = taking(others, room: room - more.width - gap)
        return shown + (more.width <= room ? [more] : [])
    }

    /// Columns the entries take with gaps between them.
    static func needed(_ entries: [Entry]) -> Int {
        entries.reduce(0) { $0 + $1.width } + gap * max(0, entries.count - 1)
    }

    /// The leading entries that fit whole in `room` columns.
    static func taking(_ entries: [Entry], room: Int) -> [Entry] {
        var shown: [Entry] = []
        for entry in entries {
            guard needed(shown + [entry]) <= room else { break }
            shown.append(entry)
        }
        return shown
    }
}
