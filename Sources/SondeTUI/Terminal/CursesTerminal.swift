@preconcurrency import CNcursesw
import Foundation

/// The one owner of curses. Copies a canvas into curses, sending only the cells that changed
/// since the last frame, and reads keys. Must be used from a single thread.
final class CursesTerminal {
    let capabilities: TerminalCapabilities
    private var pairs: ColorPairs
    private var previous: Canvas?
    private var clearBeforeNextFrame = false
    private var savedTermios: termios?
    private var isOpen = false

    /// Opens the screen: locale first (wide characters), raw keys, no cursor, colours as allowed.
    /// Fails (rather than letting initscr exit the process) when terminfo does not know $TERM.
    init(theme: Theme, noColor: Bool) throws(TerminalError) {
        setlocale(LC_ALL, "")
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
        var saved = termios()
        savedTermios = tcgetattr(STDIN_FILENO, &saved) == 0 ? saved : nil
        guard let screen = newterm(nil, stdout, stdin) else {
            throw .unknownTerminal(ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        set_term(screen)
        // A terminal that cannot place the cursor (TERM=dumb, a plain printer) can only scroll text:
        // curses would write the frame as a stream of garbage. Refuse before drawing anything.
        guard sonde_tigetstr("cup") != nil else {
            endwin()
            delscreen(screen)
            throw .cannotAddressCursor(ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        isOpen = true
        raw()
        noecho()
        nonl()
        keypad(stdscr, true)
        set_escdelay(25)
        curs_set(0)
        var color = TerminalCapabilities.ColorSupport.none
        var defaultColorsOK = false
        if !noColor, has_colors() {
            start_color()
            defaultColorsOK = use_default_colors() != ERR
            color = .colors(Int(COLORS))
        }
        capabilities = TerminalCapabilities(color: color, unicode: TerminalCapabilities.localeIsUTF8(codeset: codeset))
        pairs = ColorPairs(theme: theme, support: color, defaultColorsOK: defaultColorsOK)
        CrashGuard.install(restoreSequence: Self.restoreSequence(), termios: savedTermios)
    }

    /// What puts a terminal back: leave the alternate screen, show the cursor, plain attributes.
    static func restoreSequence() -> [UInt8] {
        let names = ["sgr0", "cnorm", "rmcup"]
        var bytes: [UInt8] = []
        for name in names {
            if let value = sonde_tigetstr(name) { bytes += Array(String(cString: value).utf8) }
        }
        return bytes.isEmpty ? Array("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l".utf8) : bytes
    }

    var size: (width: Int, height: Int) { (Int(sonde_cols()), Int(sonde_rows())) }

    func apply(theme: Theme) {
        pairs.change(to: theme)
        previous = nil
    }

    /// Lays out again after a resize: the next frame is drawn whole, and the physical screen is
    /// cleared first. A terminal that reflowed its contents during fast resizes no longer matches
    /// what curses believes it shows, so repainting only the cells curses knows of left stale ones.
    func invalidate() {
        previous = nil
        clearBeforeNextFrame = true
    }

    /// Sends the cells of `canvas` that differ from the last frame; nothing when none do.
    func draw(_ canvas: Canvas) {
        let whole = previous.map { $0.width != canvas.width || $0.height != canvas.height } ?? true
        let runs = CanvasDiff.runs(from: previous, to: canvas)
        previous = canvas
        guard !runs.isEmpty else { return }
        if whole { werase(stdscr) }
        if clearBeforeNextFrame {
            clearok(stdscr, true)
            clearBeforeNextFrame = false
        }
        for run in runs {
            let row = canvas.row(run.y)
            drawRun(row[(row.startIndex + run.columns.lowerBound)...(row.startIndex + run.columns.upperBound)], y: run.y, x: run.columns.lowerBound)
        }
        wrefresh(stdscr)
    }

    /// Writes bytes curses does not know of (an alert's BEL and OSC sequences). None of them
    /// moves the cursor, so what curses believes is on screen stays true.
    func emit(_ bytes: [UInt8]) {
        fflush(stdout)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written <= 0 { break }
            offset += written
        }
    }

    /// Draws cells in runs of one style through the wide-character API.
    private func drawRun(_ cells: ArraySlice<Cell>, y: Int, x: Int) {
        var runStart = x
        var column = x
        var text: [wchar_t] = []
        var style = cells.first?.style ?? .plain
        func flush() {
            guard !text.isEmpty else { return }
            let (attrs, pair) = pairs.attributes(for: style)
            // The bottom-right cell returns ERR (the cursor cannot move past it): harmless.
            _ = sonde_draw_run(Int32(y), Int32(runStart), text, Int32(text.count), attrs, pair)
            text.removeAll(keepingCapacity: true)
        }
        for cell in cells {
            defer { column += 1 }
            if cell.isContinuation { continue }
            if cell.style != style {
                flush()
                style = cell.style
                runStart = column
            }
            for scalar in cell.text.unicodeScalars {
                let value = capabilities.unicode || scalar.isASCII ? scalar.value : UInt32(UInt8(ascii: "?"))
                text.append(wchar_t(bitPattern: value))
            }
        }
        flush()
    }

    /// Keys waiting in the input buffer, without blocking.
    func pendingInput() -> [KeyDecoder.Input] {
        nodelay(stdscr, true)
        var inputs: [KeyDecoder.Input] = []
        var value: wint_t = 0
        while true {
            let status = wget_wch(stdscr, &value)
            if status == ERR { break }
            if let input = KeyDecoder.decode(status: status, value: UInt32(value)) { inputs.append(input) }
        }
        return inputs
    }

    /// Gives the terminal back: leaves the alternate screen, shows the cursor, cooked mode.
    func close() {
        guard isOpen else { return }
        isOpen = false
        curs_set(1)
        endwin()
        if var saved = savedTermios { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        CrashGuard.uninstall()
    }

    deinit { close() }
}

public enum TerminalError: Error, Equatable, CustomStringConvertible {
    case unknownTerminal(String)
    case cannotAddressCursor(String)

    public var description: String {
        switch self {
        case .unknownTerminal(let term):
            term.isEmpty
                ? "TERM is not set, so the terminal's capabilities are unknown; set it (for example TERM=xterm-256color)"
                : "the terminal type '\(term)' is not in the terminfo database; try TERM=xterm-256color, or install ncurses-term"
        case .cannotAddressCursor(let term):
            "the terminal type '\(term)' cannot move the cursor, so it cannot show the dashboard; "
                + "use `sonde check` for a table, or set TERM to your terminal (for example TERM=xterm-256color)"
        }
    }
}
