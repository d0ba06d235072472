/// The four themes that ship with Sonde, compiled in so a lone binary has them. They are the
/// files in themes/ word for word (a test checks it): edit both together.
enum BuiltinThemes {
    static let names = ["default", "light", "high-contrast", "mono"]

    static func text(_ name: String) -> String? {
        switch name {
        case "default": standard
        case "light": light
        case "high-contrast": highContrast
        case "mono": mono
        default: nil
        }
    }

    static let standard = """
# Sonde theme "default": the terminal's own background and text, colour for status only.
# Colours: default (the terminal's own), black, red, green, yellow, blue, magenta, cyan, white,
# bright-black ... bright-white, a number 0-255, or #rrggbb. A key left out falls back to this theme.
name: default
colors:
  background: default
  text: default
  muted: bright-black
  accent: cyan
  up: green
  slow: yellow
  down: red
  reported: magenta
  border: bright-black
  border_focus: cyan
  header_fg: bright-white
  header_bg: bright-black
  selection_fg: black
  selection_bg: cyan

"""

    static let light = """
# Sonde theme "light": for light terminal backgrounds; darker tones that stay readable on white.
name: light
colors:
  background: default
  text: default
  muted: "#6c6c6c"
  accent: "#005f87"
  up: "#008700"
  slow: "#af5f00"
  down: "#d70000"
  reported: "#870087"
  border: "#8a8a8a"
  border_focus: "#005f87"
  header_fg: black
  header_bg: "#d0d0d0"
  selection_fg: white
  selection_bg: "#005f87"

"""

    static let highContrast = """
# Sonde theme "high-contrast": bright colours on black, for projectors and tired eyes.
name: high-contrast
colors:
  background: black
  text: bright-white
  muted: white
  accent: bright-cyan
  up: bright-green
  slow: bright-yellow
  down: bright-red
  reported: bright-magenta
  border: white
  border_focus: bright-yellow
  header_fg: bright-white
  header_bg: "#303030"
  selection_fg: black
  selection_bg: bright-yellow

"""

    static let mono = """
# Sonde theme "mono": no colour at all; status is told by glyphs, bold and reverse video.
name: mono
colors:
  background: default
  text: default
  muted: default
  accent: default
  up: default
  slow: default
  down: default
  reported: default
  border: default
  border_focus: default
  header_fg: default
  header_bg: default
  selection_fg: default
  selection_bg: default

"""
}
