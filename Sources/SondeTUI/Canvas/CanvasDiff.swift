/// What must be sent to turn one frame into the next: per row, the span of cells from the first
/// to the last that differ, widened so no wide character is split. No changes, no runs: a
/// screen where nothing changed stays quiet.
public enum CanvasDiff {
    public struct Run: Sendable, Equatable {
        public var y: Int
        /// Cell columns, first to last inclusive.
        public var columns: ClosedRange<Int>
    }

    public static func runs(from previous: Canvas?, to next: Canvas) -> [Run] {
        let whole = previous.map { $0.width != next.width || $0.height != next.height } ?? true
        guard next.width > 0 else { return [] }
        var runs: [Run] = []
        for y in 0..<next.height {
            let row = next.row(y)
            var first = 0
            var last = next.width - 1
            if !whole, let old = previous?.row(y) {
                let new = Array(row)
                let before = Array(old)
                guard let start = new.indices.first(where: { new[$0] != before[$0] }) else { continue }
                first = start
                last = new.indices.last(where: { new[$0] != before[$0] }) ?? start
            }
            while first > 0, next[first, y].isContinuation { first -= 1 }
            while last + 1 < next.width, next[last + 1, y].isContinuation { last += 1 }
            runs.append(Run(y: y, columns: first...last))
        }
        return runs
    }
}
