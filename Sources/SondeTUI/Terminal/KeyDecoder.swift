@preconcurrency import CNcursesw

/// Turns what `wget_wch` returns into a `Key`; nil for keys the dashboard has no use for.
enum KeyDecoder {
    enum Input: Equatable {
        case key(Key)
        case resize
    }

    static func decode(status: Int32, value: UInt32) -> Input? {
        if status == KEY_CODE_YES {
            switch Int32(value) {
            case KEY_RESIZE: return .resize
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_BTAB: return .key(.backTab)
            case KEY_ENTER: return .key(.enter)
            default: return nil
            }
        }
        return character(value)
    }

    static func character(_ value: UInt32) -> Input? {
        switch value {
        case 3: return .key(.ctrlC)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        default:
            guard value >= 32, let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }
}
