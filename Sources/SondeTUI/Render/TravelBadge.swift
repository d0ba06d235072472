import SondeCore

/// The header's mark of a moment in the past, where the live clock stands: `◀ HISTORY
/// 14:02:00 (-12m)` on the warning colour, worded so it reads as the past without colour too.
enum TravelBadge {
    static func text(_ travel: TimeTravel, state: DashboardState) -> String {
        let mark = state.glyphs.isASCII ? "<<" : "◀"
        let time = TimeText.time(travel.at, zone: state.timeZone)
        let loading = travel.loading ? " loading" : ""
        return " \(mark) HISTORY \(time) (\(TravelTime.offset(travel.at, from: state.now)))\(loading)  L live "
    }

    static let style = Style(.headerBackground, on: .slow, bold: true, reverse: false)
}
