import Foundation
import Synchronization

/// The build graph: every product is a `Query`, made from the products it
/// reads, memoised by a fingerprint of its value (or, for a large value not
/// kept, of what it was made from), as Shake's and salsa's engines do.
///
/// A run asks for products. For each, the graph looks at what the last run
/// recorded of it (its trace: its witness, the products it read and their
/// fingerprints then), and checks each of those in the order it read them;
/// if none changed, the product is what it was, and its value comes from
/// the store, or is not needed at all when only its fingerprint is asked
/// for. Otherwise it is made again, reading whatever it reads now (a
/// product read only under some condition is then no longer a dependency).
/// A product made again whose fingerprint did not change stops the change
/// there: what reads it is not made again (early cut-off).
///
/// Products are made on any thread; two threads asking for the same one
/// share one making of it.
public final class Graph: Sendable {
    public let store: Store
    private let tracesKey: QueryKey
    private let kinds: [String: @Sendable (String) -> ErasedQuery?]
    /// What the last run recorded, by key.
    private let previous: [QueryKey: Trace]
    /// Whether `previous` was read from the store (not empty for want of it).
    private let readTraces: Bool
    private let storedKinds: Set<String>
    /// The products of this run, in stripes by key, each with its own lock,
    /// so threads making different products seldom wait for one another.
    private let stripes: [SlotStripe] = (0..<Graph.stripeCount).map { _ in SlotStripe() }
    private let conditions: [ConditionBox] = (0..<Graph.stripeCount).map { _ in ConditionBox() }
    private static let stripeCount = 16
    private let made = Mutex<[Explanation]>([])
    /// What products use to make their values but are not products
    /// themselves (compiled stylesheets): `QueryContext.service(_:)`.
    private let services = Mutex<[any Sendable]>([])

    /// `kinds`: every kind of query a trace in the store can name. Every run
    /// on a store (a check, a build of some books) reads and writes one set of traces.
    public init(store: Store, kinds: [any Query.Type]) {
        self.store = store
        tracesKey = QueryKey(kind: "traces", argument: "")
        var registry: [String: @Sendable (String) -> ErasedQuery?] = [:]
        var stored: Set<String> = []
        for kind in kinds {
            registry[kind.kind] = ErasedQuery.maker(kind)
            if kind.isStored { stored.insert(kind.kind) }
        }
        self.kinds = registry
        storedKinds = stored
        var previous: [QueryKey: Trace] = [:]
        if let bytes = store.read(tracesKey, inputs: Self.noInputs),
           let file = try? TraceFile(decoding: bytes) {
            previous.reserveCapacity(file.traces.count)
            for trace in file.traces { previous[trace.key] = trace }
            readTraces = true
        } else {
            readTraces = false
        }
        self.previous = previous
    }

    /// A product's value, made or taken from the store as needed.
    public func value<Q: Query>(_ query: Q) throws -> Q.Value {
        try ensure(ErasedQuery(query), needValue: true, chain: nil).value as! Q.Value
    }

    /// A product's fingerprint: its value is made only if it changed.
    public func fingerprint<Q: Query>(_ query: Q) throws -> Fingerprint {
        try ensure(ErasedQuery(query), needValue: false, chain: nil).trace.fingerprint
    }

    /// Gives an input its value for this run: before anything reads it, and
    /// once (or again with the same value).
    public func set<I: InputQuery>(_ input: I, to value: I.Value) throws {
        try set(input, to: value, fingerprint: Fingerprint.of(try BinaryCoding.encode(value)))
    }

    /// Gives an input its value and the fingerprint it has (for a large
    /// value the caller can hash faster than it can be encoded).
    public func set<I: InputQuery>(_ input: I, to value: I.Value, fingerprint: Fingerprint) throws {
        let trace = Trace(key: input.key, witness: nil, dependencies: [], fingerprint: fingerprint)
        let slot = slot(for: input.key)
        let condition = slot.condition
        condition.lock()
        var first = false
        switch slot.status {
        case .idle: first = true
        case .ready(let earlier, _) where earlier.fingerprint == trace.fingerprint: break
        case .verified(let earlier) where earlier.fingerprint == trace.fingerprint: break
        case .ready, .verified, .busy, .failed:
            condition.unlock()
            throw GraphError.inputSetLate(input.key)
        }
        slot.status = .ready(trace, value)
        condition.broadcastAndUnlock()
        guard first else { return }
        if let old = previous[input.key] {
            if old.fingerprint != trace.fingerprint { record(Explanation(key: input.key, reason: .inputChanged, seconds: 0)) }
        } else {
            record(Explanation(key: input.key, reason: .new, seconds: 0))
        }
    }

    /// Lets go of the values of `queries` held in memory; their fingerprints
    /// stay. A value asked for again comes from the store (or, for an input,
    /// is missing): a build releases each document once it is rendered, and
    /// each member once its book is written, so memory holds the work in flight.
    public func release(_ keys: [QueryKey]) {
        for key in keys {
            guard let slot = existingSlot(key) else { continue }
            slot.condition.lock()
            if case .ready(let trace, _) = slot.status { slot.status = .verified(trace) }
            slot.condition.unlock()
        }
    }

    /// What this run made, and why, in the order it finished making them.
    public var explanations: [Explanation] { made.withLock { $0 } }

    /// Records this run's traces for the next. `keepingOthers`: also keep
    /// the last run's traces of products this run did not ask for (a run
    /// that built only some books); otherwise they are dropped, and the
    /// store's values that no trace names any more are deleted. Returns
    /// whether the traces were kept (a store without a folder keeps none).
    @discardableResult
    public func save(keepingOthers: Bool) -> Bool {
        var traces = keepingOthers ? previous : [:]
        for stripe in stripes {
            for (key, slot) in stripe.slots.withLock({ $0 }) {
                slot.condition.lock()
                switch slot.status {
                case .verified(let trace), .ready(let trace, _): traces[key] = trace
                case .idle, .busy, .failed: break
                }
                slot.condition.unlock()
            }
        }
        // A run that found every trace as it was has nothing to write (the
        // common case of a large tree). Products only made again because their
        // values are not kept, the same from the same inputs, leave their traces as they were.
        if readTraces, traces.count == previous.count {
            let remadeOnly = made.withLock { $0.allSatisfy { $0.reason == .notKept && $0.unchanged } }
            if remadeOnly || traces == previous { return true }
        }
        let file = TraceFile(traces: traces.values.sorted { $0.key < $1.key })
        guard store.write(file.encoded(), key: tracesKey, inputs: Self.noInputs) else {
            return false
        }
        guard !keepingOthers else { return true }
        var live: Set<Fingerprint> = [Store.name(key: tracesKey, inputs: Self.noInputs)]
        for trace in traces.values where storedKinds.contains(trace.key.kind) {
            live.insert(Store.name(key: trace.key, inputs: trace.inputs))
        }
        store.prune(keeping: live)
        return true
    }

    private static let noInputs = Fingerprint(digest: [UInt8](repeating: 0, count: 32))

    /// Gives products something they make their values with
    /// (`QueryContext.service(_:)`), before any of them needs it; what it
    /// makes must be covered by an input's fingerprint.
    public func provide(_ service: any Sendable) {
        services.withLock { $0.append(service) }
    }

    func service<T>(_ type: T.Type) -> T? {
        services.withLock { $0.lazy.compactMap { $0 as? T }.first }
    }

    private func record(_ explanation: Explanation) { made.withLock { $0.append(explanation) } }

    // MARK: Making products

    private func stripe(of key: QueryKey) -> Int { key.hashValue & (Self.stripeCount - 1) }

    private func slot(for key: QueryKey) -> Slot {
        let stripe = stripe(of: key)
        return stripes[stripe].slots.withLock { slots in
            if let slot = slots[key] { return slot }
            let slot = Slot(condition: conditions[stripe])
            slots[key] = slot
            return slot
        }
    }

    private func existingSlot(_ key: QueryKey) -> Slot? { stripes[stripe(of: key)].slots.withLock { $0[key] } }

    func ensure(_ query: ErasedQuery, needValue: Bool, chain: Chain?) throws -> (trace: Trace, value: (any Sendable)?) {
        if let chain, chain.contains(query.key) { throw GraphError.cycle(chain.keys + [query.key]) }
        let slot = slot(for: query.key)
        let condition = slot.condition
        condition.lock()
        var verified: Trace?
        waiting: while true {
            switch slot.status {
            case .busy: condition.wait()
            case .ready(let trace, let value):
                condition.unlock()
                return (trace, value)
            case .verified(let trace):
                guard needValue else {
                    condition.unlock()
                    return (trace, nil)
                }
                verified = trace
                break waiting
            case .failed(let error):
                condition.unlock()
                throw error
            case .idle: break waiting
            }
        }
        slot.status = .busy
        condition.unlock()
        let status: Slot.Status
        do {
            status = try work(query, verified: verified, needValue: needValue, chain: Chain(query.key, after: chain))
        } catch {
            status = .failed(error)
        }
        condition.lock()
        slot.status = status
        condition.broadcastAndUnlock()
        switch status {
        case .ready(let trace, let value): return (trace, value)
        case .verified(let trace): return (trace, nil)
        case .failed(let error): throw error
        case .idle, .busy: preconditionFailure("a product's making ended without an outcome")
        }
    }

    private func work(_ query: ErasedQuery, verified: Trace?, needValue: Bool, chain: Chain) throws -> Slot.Status {
        var trace = verified
        var reason = Explanation.Reason.new
        if trace == nil, let old = previous[query.key] {
            if let changed = check(old, of: query, chain: chain) { reason = changed } else { trace = old }
        }
        if let trace {
            guard needValue else { return .verified(trace) }
            if query.isStored, let bytes = store.read(query.key, inputs: trace.inputs), Fingerprint.of(bytes) == trace.fingerprint,
               let value = try? query.decode(bytes) {
                return .ready(trace, value)
            }
            reason = query.isStored ? .valueMissing : .notKept
        }
        if query.isInput { throw GraphError.inputNotSet(query.key) }
        let start = DispatchTime.now()
        // The witness is read before the value, so a change made while it is being made is seen next time.
        let witness = query.witness()
        let context = QueryContext(graph: self, chain: chain)
        let (value, encoded, own) = try query.compute(context)
        var made = Trace(key: query.key, witness: witness, dependencies: context.dependencies, fingerprint: Self.noInputs)
        // A value not fingerprinted by its bytes is by what it was made from (a pure function's result).
        made.fingerprint = own ?? encoded.map { Fingerprint.of($0) } ?? made.inputs
        if query.isStored, let encoded { store.write(encoded, key: query.key, inputs: made.inputs) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        record(Explanation(
            key: query.key, reason: reason, seconds: seconds,
            unchanged: previous[query.key].map { $0.fingerprint == made.fingerprint } ?? false))
        return .ready(made, value)
    }

    /// Why a product recorded by the last run may have changed; nil if it has not.
    private func check(_ old: Trace, of query: ErasedQuery, chain: Chain) -> Explanation.Reason? {
        if query.witness() != old.witness { return .witnessChanged }
        for dependency in old.dependencies {
            // Most dependencies are shared and already settled in this run: no query need be made for them.
            let fingerprint: Fingerprint?
            if let settled = settled(dependency.key) {
                fingerprint = settled
            } else if let read = kinds[dependency.key.kind]?(dependency.key.argument) {
                fingerprint = try? ensure(read, needValue: false, chain: chain).trace.fingerprint
            } else {
                fingerprint = nil
            }
            guard fingerprint == dependency.fingerprint else { return .dependencyChanged(dependency.key) }
        }
        return nil
    }

    /// The fingerprint of a product this run has already checked or made.
    private func settled(_ key: QueryKey) -> Fingerprint? {
        guard let slot = existingSlot(key) else { return nil }
        slot.condition.lock()
        defer { slot.condition.unlock() }
        switch slot.status {
        case .ready(let trace, _), .verified(let trace): return trace.fingerprint
        case .idle, .busy, .failed: return nil
        }
    }
}

/// What a product reads while it is made: each read is recorded as a dependency.
public final class QueryContext: Sendable {
    private let graph: Graph
    private let chain: Chain
    private let read = Mutex<(order: [Dependency], keys: Set<QueryKey>)>(([], []))

    init(graph: Graph, chain: Chain) {
        self.graph = graph
        self.chain = chain
    }

    /// Another product's value; the product being made now depends on it.
    public func value<Q: Query>(_ query: Q) throws -> Q.Value {
        let made = try graph.ensure(ErasedQuery(query), needValue: true, chain: chain)
        read.withLock { read in
            if read.keys.insert(made.trace.key).inserted {
                read.order.append(Dependency(key: made.trace.key, fingerprint: made.trace.fingerprint))
            }
        }
        return made.value as! Q.Value
    }

    var dependencies: [Dependency] { read.withLock { $0.order } }

    /// A service the graph was made with, by type.
    public func service<T>(_ type: T.Type) -> T? {
        graph.service(type)
    }
}

/// The products being checked or made on one thread, innermost first: a
/// product that reads one of them is a cycle.
final class Chain: Sendable {
    let key: QueryKey
    let parent: Chain?

    init(_ key: QueryKey, after parent: Chain?) {
        self.key = key
        self.parent = parent
    }

    func contains(_ key: QueryKey) -> Bool {
        var link: Chain? = self
        while let current = link {
            if current.key == key { return true }
            link = current.parent
        }
        return false
    }

    /// Outermost first.
    var keys: [QueryKey] { (parent?.keys ?? []) + [key] }
}

/// Why the graph made a product in this run (`asyl build --why`).
public struct Explanation: Sendable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// No earlier run recorded it.
        case new
        /// Its witness (a file's size and times) is not what was recorded.
        case witnessChanged
        /// A product it read has another fingerprint now.
        case dependencyChanged(QueryKey)
        /// It had not changed, but its value was not in the store (deleted or damaged).
        case valueMissing
        /// It had not changed, but its value is not kept, and it was needed.
        case notKept
        /// An input was given another value.
        case inputChanged
    }

    public var key: QueryKey
    public var reason: Reason
    public var seconds: Double
    /// Made again with the same fingerprint: nothing that reads it changes.
    public var unchanged = false

    public var description: String {
        let because: String
        switch reason {
        case .new: because = "new"
        case .witnessChanged: because = "changed on disk"
        case .dependencyChanged(let key): because = "\(key) changed"
        case .valueMissing: because = "not in the store"
        case .notKept: because = "needed, and not kept"
        case .inputChanged: because = "given a new value"
        }
        return "\(key): \(because)" + (unchanged ? " (same result)" : "")
    }
}

/// The last run's record of a product.
struct Trace: Sendable, Equatable {
    var key: QueryKey
    var witness: [UInt8]?
    /// What it read, in the order it read it.
    var dependencies: [Dependency]
    var fingerprint: Fingerprint

    /// What the value was made from, as its name in the store hashes it: the
    /// witness and the dependencies, in key order (products read side by side
    /// are recorded in whatever order they finished).
    var inputs: Fingerprint {
        var hasher = FingerprintHasher()
        hasher.combine(bytes: witness.map { [1] + $0 } ?? [0])
        for dependency in dependencies.sorted(by: { $0.key < $1.key }) {
            hasher.combine(dependency.key.kind)
            hasher.combine(dependency.key.argument)
            hasher.combine(dependency.fingerprint)
        }
        return hasher.finalize()
    }
}

struct Dependency: Sendable, Equatable {
    var key: QueryKey
    var fingerprint: Fingerprint
}

/// A query with its value's type erased, so products of every kind share one table.
struct ErasedQuery: Sendable {
    let key: QueryKey
    let isStored: Bool
    let isInput: Bool
    let witness: @Sendable () -> [UInt8]?
    /// The value; its bytes, unless the query is fingerprinted by its inputs
    /// or by its own hash; that hash.
    let compute: @Sendable (QueryContext) throws -> (any Sendable, [UInt8]?, Fingerprint?)
    let decode: @Sendable ([UInt8]) throws -> any Sendable

    init<Q: Query>(_ query: Q) {
        key = query.key
        isStored = Q.isStored
        isInput = query is any InputQuery
        witness = { query.witness() }
        compute = { context in
            let value = try query.compute(context)
            let own = Q.isStored ? nil : Q.fingerprint(of: value)
            return (value, Q.isStored || (Q.fingerprintsValue && own == nil) ? try BinaryCoding.encode(value) : nil, own)
        }
        decode = { try BinaryCoding.decode(Q.Value.self, from: $0) }
    }

    static func maker<Q: Query>(_ kind: Q.Type) -> @Sendable (String) -> ErasedQuery? {
        { argument in Q(argument: argument).map(ErasedQuery.init) }
    }
}

/// One product's state in this run.
final class Slot: @unchecked Sendable {
    enum Status {
        case idle
        /// Some thread is checking or making it.
        case busy
        /// Unchanged since the last run; its value not read.
        case verified(Trace)
        case ready(Trace, any Sendable)
        case failed(any Error)
    }

    /// Read and written only under `condition`'s lock (its stripe's).
    var status = Status.idle
    let condition: ConditionBox

    init(condition: ConditionBox) { self.condition = condition }
}

/// One stripe of the graph's table of products.
final class SlotStripe: Sendable {
    let slots = Mutex<[QueryKey: Slot]>([:])
}

/// NSCondition, which Foundation does not mark Sendable, though it is made to be shared between threads.
final class ConditionBox: @unchecked Sendable {
    private let condition = NSCondition()

    func lock() { condition.lock() }
    func unlock() { condition.unlock() }
    func wait() { condition.wait() }

    func broadcastAndUnlock() {
        condition.broadcast()
        condition.unlock()
    }
}
