/// Values at small integer slots that stay theirs until removed, in one array: a removed slot
/// is handed out again. A timetable's entries lived in a dictionary keyed by ever-growing slot
/// numbers, with ~1.6x the room (its buckets) of an array reserved for a fleet's jobs at once.
/// A slot is reused only after its value is removed, so a holder of a slot must not outlive
/// its value (a timetable removes an entry only when no round of it is running).
struct SlotTable<Value> {
    private var values: [Value?] = []
    private var free: [Int] = []

    var isEmpty: Bool { values.count == free.count }

    /// Room for `count` more values without growing.
    mutating func reserve(_ count: Int) {
        values.reserveCapacity(values.count + max(0, count - free.count))
    }

    /// Places a value and returns its slot.
    mutating func insert(_ value: Value) -> Int {
        if let slot = free.popLast() {
            values[slot] = value
            return slot
        }
        values.append(value)
        return values.count - 1
    }

    /// The value at `slot`; setting nil removes it and frees the slot.
    subscript(slot: Int) -> Value? {
        get { values.indices.contains(slot) ? values[slot] : nil }
        set {
            guard values.indices.contains(slot), values[slot] != nil else { return }
            values[slot] = newValue
            if newValue == nil { free.append(slot) }
        }
    }

    /// Every value with its slot, in slot order.
    var all: some Sequence<(slot: Int, value: Value)> {
        values.indices.lazy.compactMap { slot in values[slot].map { (slot: slot, value: $0) } }
    }
}
