/// A value behind one reference, copied only when written while shared: a dictionary of these
/// copies pointers, not values. The store's readers take a snapshot ten times a second; with a
/// target's stats (about a kilobyte) held inline, each snapshot made the next write copy the
/// whole dictionary, which at 10,000 targets was 30 MB at a time and most of the CPU.
/// `Target` keeps its fields in one too, so the many holders of a target share them.
struct SharedValue<Value: Sendable>: Sendable {
    /// Mutated only while uniquely referenced (checked in `update`), so a shared storage is
    /// never written: the copy-on-write rule Array itself follows.
    private final class Storage: @unchecked Sendable {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var storage: Storage

    init(_ value: Value) {
        storage = Storage(value)
    }

    /// Read in place: `shared.value.last` reads one field, where a getter copied the whole value
    /// out (a dozen retains and releases for a target's stats, ten thousand times a frame).
    var value: Value {
        _read { yield storage.value }
    }

    /// Changes the value in place, copying it first if a snapshot still shares it.
    mutating func update<T>(_ change: (inout Value) -> T) -> T {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.value) }
        return change(&storage.value)
    }
}

extension SharedValue: Equatable where Value: Equatable {
    static func == (lhs: SharedValue, rhs: SharedValue) -> Bool { lhs.value == rhs.value }
}
