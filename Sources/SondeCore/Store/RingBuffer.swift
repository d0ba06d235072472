/// The last `capacity` values, oldest first. Appending past capacity drops the oldest in O(1),
/// which is what every per-target window needs (an Array's removeFirst is O(n) per result).
public struct RingBuffer<Element> {
    public var capacity: Int { Int(storedCapacity) }
    private var storage: [Element] = []
    /// Capacity and head in 32 bits each: a ring is 16 bytes, not 24, and a fleet's target
    /// holds several (its recent results, its samples, its minutes) in its stats.
    private let storedCapacity: Int32
    /// Index in `storage` of the oldest element once the buffer is full.
    private var storedHead: Int32 = 0
    private var head: Int {
        get { Int(storedHead) }
        set { storedHead = Int32(newValue) }
    }

    /// Storage grows as values arrive, doubling up to exactly `capacity`: a target probed
    /// three times holds three values, not a reservation of 64 (thousands of targets each held
    /// reservations for their recent results, log and minutes before they had any).
    public init(capacity: Int) {
        storedCapacity = Int32(clamping: Swift.max(1, capacity))
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }

    /// Adds a value; returns the one it pushed out, if the buffer was full.
    @discardableResult
    public mutating func append(_ value: Element) -> Element? {
        guard storage.count == capacity else {
            if storage.count == storage.capacity { storage.reserveCapacity(Swift.min(capacity, Swift.max(4, storage.count * 2))) }
            storage.append(value)
            return nil
        }
        let evicted = storage[head]
        storage[head] = value
        head = (head + 1) % capacity
        return evicted
    }

    /// Drops the oldest value.
    @discardableResult
    public mutating func removeOldest() -> Element? {
        guard !storage.isEmpty else { return nil }
        // Rotating once keeps the layout simple; only time windows call this, and rarely.
        let ordered = Array(self)
        storage = Array(ordered.dropFirst())
        head = 0
        return ordered.first
    }

    public var first: Element? { storage.isEmpty ? nil : storage[storage.count == capacity ? head : 0] }
    public var last: Element? {
        guard !storage.isEmpty else { return nil }
        return storage.count == capacity ? storage[(head + capacity - 1) % capacity] : storage[storage.count - 1]
    }

    /// The value `offset` places back from the newest (0 is the newest); `offset` < `count`.
    public subscript(newest offset: Int) -> Element {
        precondition(offset >= 0 && offset < storage.count, "no value \(offset) back in a ring of \(storage.count)")
        let start = storage.count == capacity ? head : 0
        return storage[(start + storage.count - 1 - offset) % storage.count]
    }

    /// The newest `n` values, oldest first, read in place (a row's uptime bar wants 40 of 400).
    public func suffix(_ n: Int) -> [Element] {
        let taken = Swift.max(0, Swift.min(n, storage.count))
        let start = storage.count == capacity ? head : 0
        var out: [Element] = []
        out.reserveCapacity(taken)
        for offset in (storage.count - taken)..<storage.count { out.append(storage[(start + offset) % storage.count]) }
        return out
    }
}

extension RingBuffer: Sequence {
    public struct Iterator: IteratorProtocol {
        let buffer: RingBuffer
        var offset = 0
        public mutating func next() -> Element? {
            guard offset < buffer.storage.count else { return nil }
            defer { offset += 1 }
            let start = buffer.storage.count == buffer.capacity ? buffer.head : 0
            return buffer.storage[(start + offset) % buffer.storage.count]
        }
    }

    public func makeIterator() -> Iterator { Iterator(buffer: self) }
    public var underestimatedCount: Int { storage.count }
}

extension RingBuffer: Sendable where Element: Sendable {}

extension RingBuffer: Equatable where Element: Equatable {
    public static func == (lhs: RingBuffer, rhs: RingBuffer) -> Bool {
        lhs.capacity == rhs.capacity && lhs.elementsEqual(rhs)
    }
}
