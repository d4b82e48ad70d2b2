import Dispatch

extension Array where Element: Sendable {
    /// `map` on every core, keeping the order. For pure transforms of
    /// independent items (parsing files, rendering chunks). Items go to the
    /// cores in batches of `batch` consecutive ones; by default batches keep
    /// the scheduling cost small next to many small items, and 1 suits a few
    /// large items of uneven size.
    public func concurrentMap<T: Sendable>(batch: Int? = nil, _ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = ResultSlots<T>(count: count)
        let batch = Swift.max(1, batch ?? count / (ProcessInfoCores.count * 8))
        let batches = (count + batch - 1) / batch
        self.withUnsafeBufferPointer { items in
            let source = UnsafeSendable(items)
            DispatchQueue.concurrentPerform(iterations: batches) { b in
                for index in (b * batch)..<Swift.min(count, (b + 1) * batch) {
                    results.set(index, transform(source.value[index]))
                }
            }
        }
        return results.values()
    }
}

/// Each index is written by exactly one iteration, so the slots need no lock.
private final class ResultSlots<T>: @unchecked Sendable {
    private let count: Int
    private let slots: UnsafeMutablePointer<T?>

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ value: T) { slots[index] = value }

    func values() -> [T] { (0..<count).map { slots[$0]! } }
}

private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

enum ProcessInfoCores {
    static let count: Int = {
        #if canImport(Glibc)
        return Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 2
        #endif
    }()
}

#if canImport(Glibc)
import Glibc
#endif
