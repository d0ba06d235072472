import SondeCore

/// The help overlay's size and arrangement on a screen: one column, two columns, or a window
/// scrolled over one column. Update asks it how far j/k may scroll.
struct HelpLayout {
    enum Mode: Equatable {
        case oneColumn
        case twoColumns(rows: Int)
        /// Shows `visible` bindings and a hint line saying how many more there are.
        case scrolled(visible: Int)
    }

    let mode: Mode
    let width: Int
    let height: Int
    let labelWidth: Int
    /// Columns of one binding's entry (the whole inside in one-column modes).
    let columnWidth: Int
    let maxScroll: Int

    init(_ state: DashboardState) {
        let bindings = state.keyMap.bindings
        let count = bindings.count
        labelWidth = bindings.map { DisplayWidth.of(HelpOverlay.keysLabel($0, glyphs: state.glyphs)) }.max() ?? 4
        let entryWidth = labelWidth + 3 + (bindings.map { DisplayWidth.of($0.description) }.max() ?? 30)
        let maxWidth = max(0, state.width - 2)
        // Inside the border; one-column and two-column modes add a blank and a closing line.
        let inside = max(1, state.height - 2 - 2)
        let twoRows = (count + 1) / 2
        if count + 2 <= inside {
            mode = .oneColumn
            width = min(maxWidth, max(40, entryWidth + 3))
            columnWidth = width - 2
            height = count + 2 + 2
            maxScroll = 0
        } else if twoRows + 2 <= inside, 2 * entryWidth + 1 + 2 <= maxWidth {
            mode = .twoColumns(rows: twoRows)
            width = 2 * entryWidth + 1 + 2
            columnWidth = entryWidth
            height = twoRows + 2 + 2
            maxScroll = 0
        } else {
            let visible = max(1, min(count, inside - 1))
            mode = .scrolled(visible: visible)
            width = min(maxWidth, max(40, entryWidth + 3))
            columnWidth = width - 2
            height = visible + 1 + 2
            maxScroll = count - visible
        }
    }
}
