import FileSystem
import Foundation
import Synchronization

/// The build graph: every product is a `Query`, made from the products it
/// reads, memoised by a fingerprint of its value (or, for a large value not
/// kept, of what it was made from), as Shake's and salsa's engines do.
///
/// A run asks for products. For each, the graph looks at what the last run
/// recorded of it (its trace: the products it read and their fingerprints
/// then), and checks each of those in the order it read them; if none
/// changed, the product is what it was, and its value comes from the store,
/// or is not needed at all when only its fingerprint is asked for.
/// Otherwise it is made again, reading whatever it reads now (a product
/// read only under some condition is then no longer a dependency). A
/// product made again whose fingerprint did not change stops the change
/// there: what reads it is not made again (early cut-off).
///
/// Products are numbered as the last run's trace file numbers them, and a
/// product first named in this run takes the next number: checking that
/// a product has not changed follows numbers, and makes no query, so a run
/// that finds most of a large tree as it was costs little per product.
///
/// Products are made on any thread; two threads asking for the same one
/// share one making of it.
public final class Graph: Sendable {
    public let store: Store
    private let tracesKey = QueryKey(kind: "traces", argument: "")
    private let kinds: [String: @Sendable (String) -> ErasedQuery?]
    private let storedKinds: Set<String>
    /// What the last run recorded; its numbers are the first of this run's.
    private let last: TraceFile
    /// Whether `last` was read from the store (not empty for want of it).
    private let readTraces: Bool
    /// Whether the store holds `last` as it is: not so for a run that
    /// follows one in memory (`nextRun()`) that did not save its traces.
    private let lastIsStored: Bool
    /// The values the run before held when this one follows it in memory, by
    /// number, with their fingerprints: a product found unchanged takes its
    /// value from here rather than from the store, or from being made again.
    private let carried: [Carried?]
    /// Whether the store holds this run's traces: set by `save`.
    private let saved = Mutex(false)
    /// Set by `nextRun()`: the next run has this one's slots, and nothing more may be asked of this one.
    private let retired = Atomic(false)
    private let nodes: Mutex<Nodes>
    /// The products numbered before the run began, by key and by number:
    /// looked up without a lock, as every product asked for is. Those this
    /// run names first are numbered in `nodes`.
    private let knownNumbers: [QueryKey: Int]
    private let knownKeys: [QueryKey]
    /// The slots of products numbered before the run began, when it follows
    /// one in memory: read without a lock, since looking a product up is
    /// what checking a large graph does most. Others are made in `nodes`.
    private let known: [Slot]
    /// Each product's slot is guarded by one of these, chosen by its number,
    /// so threads making different products seldom wait for one another.
    private let conditions: [ConditionBox]
    private let made = Mutex<[Explanation]>([])
    /// What products use to make their values but are not products
    /// themselves (compiled stylesheets): `QueryContext.service(_:)`.
    private let services = Mutex<[any Sendable]>([])

    /// `kinds`: every kind of query a trace in the store can name. Every run
    /// on a store (a check, a build of some books) reads and writes one set of traces.
    public init(store: Store, kinds: [any Query.Type]) {
        self.store = store
        var registry: [String: @Sendable (String) -> ErasedQuery?] = [:]
        var stored: Set<String> = []
        for kind in kinds {
            registry[kind.kind] = ErasedQuery.maker(kind)
            if kind.isStored { stored.insert(kind.kind) }
        }
        self.kinds = registry
        storedKinds = stored
        conditions = (0..<16).map { _ in ConditionBox() }
        var file = TraceFile(keys: [], traces: [])
        var numbers: [QueryKey: Int] = [:]
        var readTraces = false
        if let bytes = store.read(tracesKey, inputs: Self.noInputs), let read = try? TraceFile(decoding: bytes) {
            numbers.reserveCapacity(read.keys.count)
            for (node, key) in read.keys.enumerated() { numbers[key] = node }
            // A key named twice is a damaged file: none of it is used.
            if numbers.count == read.keys.count {
                file = read
                readTraces = true
            } else {
                numbers = [:]
            }
        }
        last = file
        self.readTraces = readTraces
        lastIsStored = true
        carried = []
        known = []
        knownNumbers = numbers
        knownKeys = file.keys
        nodes = Mutex(Nodes(slots: Array(repeating: nil, count: file.keys.count)))
    }

    /// The next run on the same store, for a process that builds again and
    /// again (`asyl serve`, on every save): it starts from this run's traces
    /// (and the last run's of what this one did not ask for) and from the
    /// values this run holds, as a run that read them from the store would,
    /// without reading or decoding anything. This run is over: nothing more is asked of it.
    public func nextRun() -> Graph {
        precondition(!retired.exchange(true, ordering: .relaxed), "a build graph's run was followed twice")
        return Graph(following: self)
    }

    private init(following earlier: Graph) {
        store = earlier.store
        kinds = earlier.kinds
        storedKinds = earlier.storedKinds
        conditions = earlier.conditions
        let (added, keys) = earlier.nodes.withLock { ($0.numbers, earlier.knownKeys + $0.keys) }
        var numbers = earlier.knownNumbers
        if !added.isEmpty { numbers.merge(added) { known, _ in known } }
        let count = keys.count
        var traces = [Trace?](repeating: nil, count: count)
        var carried = [Carried?](repeating: nil, count: count)
        let conditions = self.conditions
        // Each product on its own, in stripes side by side: a large tree has hundreds of thousands.
        let stripes = 16
        let known = traces.withUnsafeMutableBufferPointer { traces in
            carried.withUnsafeMutableBufferPointer { carried in
                [Slot](unsafeUninitializedCapacity: count) { slots, initialized in
                    // Each stripe writes only its own products' places.
                    nonisolated(unsafe) let (traces, carried, slots) = (traces, carried, slots)
                    DispatchQueue.concurrentPerform(iterations: stripes) { stripe in
                        for node in stride(from: stripe, to: count, by: stripes) {
                            let (trace, value, slot) = Self.handOver(node, from: earlier, conditions: conditions)
                            traces[node] = trace
                            carried[node] = value
                            (slots.baseAddress! + node).initialize(to: slot)
                        }
                    }
                    initialized = count
                }
            }
        }
        last = TraceFile(keys: keys, traces: traces)
        readTraces = true
        lastIsStored = earlier.saved.withLock { $0 }
        self.carried = carried
        self.known = known
        knownNumbers = numbers
        knownKeys = keys
        nodes = Mutex(Nodes(slots: []))
    }

    /// A value a run held, for the run that follows it in memory.
    private struct Carried: Sendable {
        var fingerprint: Fingerprint
        var value: any Sendable
    }

    /// What the run after `earlier` starts from for one product: its trace,
    /// the value it holds, and its slot. The run before is over: its slots, emptied, are the next run's.
    private static func handOver(_ node: Int, from earlier: Graph, conditions: [ConditionBox]) -> (Trace?, Carried?, Slot) {
        var trace = earlier.lastTrace(node)
        // A value the run before held is still right while the product's fingerprint is what it was.
        let older = node < earlier.carried.count ? earlier.carried[node] : nil
        guard let slot = earlier.existingSlot(node) else {
            return (trace, older, Slot(condition: conditions[node & (conditions.count - 1)]))
        }
        var value: Carried?
        slot.condition.lock()
        switch slot.status {
        case .ready(let fingerprint, let made):
            trace = slot.trace ?? trace
            value = Carried(fingerprint: fingerprint, value: made)
        case .verified(let fingerprint):
            trace = slot.trace ?? trace
            if older?.fingerprint == fingerprint { value = older }
        case .idle, .busy, .failed:
            if older?.fingerprint == trace?.fingerprint { value = older }
        }
        slot.status = .idle
        slot.trace = nil
        slot.condition.unlock()
        return (trace, value, slot)
    }

    /// A product's value, made or taken from the store as needed.
    public func value<Q: Query>(_ query: Q) throws -> Q.Value {
        try ensure(ErasedQuery(query), needValue: true, chain: nil).value as! Q.Value
    }

    /// A product's fingerprint: its value is made only if it changed.
    public func fingerprint<Q: Query>(_ query: Q) throws -> Fingerprint {
        try ensure(ErasedQuery(query), needValue: false, chain: nil).fingerprint
    }

    /// A product's fingerprint if it is what the last run recorded (nothing
    /// it read has changed), found without making anything; nil if it would
    /// have to be made. A builder asks it to know whether an output is still
    /// current before it makes the output's pieces.
    public func unchangedFingerprint<Q: Query>(_ query: Q) -> Fingerprint? {
        var visiting: Set<Int> = []
        return unchangedFingerprint(number(of: query.key), &visiting)
    }

    private func unchangedFingerprint(_ node: Int, _ visiting: inout Set<Int>) -> Fingerprint? {
        let slot = slot(node)
        slot.condition.lock()
        let status = slot.status
        slot.condition.unlock()
        switch status {
        case .ready(let fingerprint, _), .verified(let fingerprint): return fingerprint
        case .busy, .failed: return nil
        case .idle: break
        }
        // A damaged trace file may name a circle: a product met again on the way is not known unchanged.
        guard let old = lastTrace(node), visiting.insert(node).inserted else { return nil }
        for dependency in old.dependencies where unchangedFingerprint(dependency.node, &visiting) != dependency.fingerprint {
            return nil
        }
        slot.condition.lock()
        if case .idle = slot.status { slot.status = .verified(old.fingerprint) }
        slot.condition.broadcastAndUnlock()
        return old.fingerprint
    }

    /// Gives an input its value for this run: before anything reads it, and
    /// once (or again with the same value).
    public func set<I: InputQuery>(_ input: I, to value: I.Value) throws {
        try set(input, to: value, fingerprint: Fingerprint.of(try BinaryCoding.encode(value)))
    }

    /// Gives an input its value and the fingerprint it has (for a large
    /// value the caller can hash faster than it can be encoded).
    public func set<I: InputQuery>(_ input: I, to value: I.Value, fingerprint: Fingerprint) throws {
        let node = number(of: input.key)
        let slot = slot(node)
        let condition = slot.condition
        condition.lock()
        var first = false
        switch slot.status {
        case .idle: first = true
        case .ready(let earlier, _) where earlier == fingerprint: break
        case .verified(let earlier) where earlier == fingerprint: break
        case .ready, .verified, .busy, .failed:
            condition.unlock()
            throw GraphError.inputSetLate(input.key)
        }
        slot.status = .ready(fingerprint, value)
        slot.trace = Trace(dependencies: [], fingerprint: fingerprint)
        condition.broadcastAndUnlock()
        guard first else { return }
        if let old = lastTrace(node) {
            if old.fingerprint != fingerprint { record(Explanation(key: input.key, reason: .inputChanged, seconds: 0)) }
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
            guard let node = lookUp(key), let slot = existingSlot(node) else { continue }
            slot.condition.lock()
            if case .ready(let fingerprint, _) = slot.status { slot.status = .verified(fingerprint) }
            slot.condition.unlock()
        }
    }

    /// Whether the file or folder at `path` is still what the last run on
    /// this store wrote there from what had `fingerprint` (its stamp is as
    /// that run left it): a book none of whose members changed is not
    /// written again. A current output's record is kept for the next run.
    public func isCurrent(output path: String, madeFrom fingerprint: Fingerprint) -> Bool {
        let node = number(of: Self.outputKey(path))
        guard let old = lastTrace(node), old.fingerprint == Self.outputFingerprint(path, madeFrom: fingerprint) else { return false }
        settle(node, trace: old)
        return true
    }

    /// Records that this run wrote the file or folder at `path` from what had `fingerprint`.
    public func wrote(output path: String, madeFrom fingerprint: Fingerprint) {
        settle(number(of: Self.outputKey(path)), trace: Trace(dependencies: [], fingerprint: Self.outputFingerprint(path, madeFrom: fingerprint)))
    }

    private static func outputKey(_ path: String) -> QueryKey { QueryKey(kind: "output", argument: path) }

    /// What it was made from, and its stamp (and, for a folder, its index.html's).
    private static func outputFingerprint(_ path: String, madeFrom fingerprint: Fingerprint) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.combine(fingerprint)
        for status in [FileSystem.status(path), FileSystem.status(path + "/index.html")] {
            hasher.combine(status?.text ?? "none")
        }
        return hasher.finalize()
    }

    private func settle(_ node: Int, trace: Trace) {
        let slot = slot(node)
        slot.condition.lock()
        slot.status = .verified(trace.fingerprint)
        slot.trace = trace
        slot.condition.broadcastAndUnlock()
    }

    /// The products `key` read, as this run made it or the last run recorded it.
    public func dependencies(of key: QueryKey) -> [QueryKey] {
        guard let node = lookUp(key) else { return [] }
        let slot = existingSlot(node)
        slot?.condition.lock()
        let trace = slot?.trace ?? lastTrace(node)
        slot?.condition.unlock()
        return (trace?.dependencies ?? []).map { self.key($0.node) }
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
        precondition(!retired.load(ordering: .relaxed), "a build graph's run was saved after the next one began")
        let keys = knownKeys + nodes.withLock { $0.keys }
        var kept: [(node: Int, trace: Trace)] = []
        kept.reserveCapacity(keys.count)
        // A run that found every trace as it was has nothing to write (the common case of a large tree).
        var changed = !readTraces || !lastIsStored
        for node in keys.indices {
            let old = lastTrace(node)
            var settled = false
            var mine: Trace?
            if let slot = existingSlot(node) {
                slot.condition.lock()
                switch slot.status {
                case .ready, .verified:
                    settled = true
                    mine = slot.trace
                case .idle, .busy, .failed: break
                }
                slot.condition.unlock()
            }
            if let mine {
                kept.append((node, mine))
                if let old, mine.isSame(as: old) { continue }
                changed = true
            } else if let old, settled || keepingOthers {
                kept.append((node, old))
            } else if old != nil {
                changed = true
            }
        }
        guard changed else {
            saved.withLock { $0 = true }
            return true
        }
        guard store.write(TraceFile.encode(keys: keys, kept: kept), key: tracesKey, inputs: Self.noInputs) else {
            return false
        }
        // Without the others, the store lacks traces the next run in memory starts from.
        saved.withLock { $0 = keepingOthers }
        guard !keepingOthers else { return true }
        var live: Set<Fingerprint> = [Store.name(key: tracesKey, inputs: Self.noInputs)]
        for (node, trace) in kept where storedKinds.contains(keys[node].kind) {
            live.insert(Store.name(key: keys[node], inputs: trace.inputs(keys)))
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

    /// Every product this run names, by number: the last run's as its trace
    /// file numbers them, then each new one as it is first named.
    struct Nodes {
        /// The products numbered from `knownKeys.count` on.
        var numbers: [QueryKey: Int] = [:]
        var keys: [QueryKey] = []
        /// The slots of products numbered from `known.count` on, each made as the product is first looked at.
        var slots: [Slot?]
    }

    private func lookUp(_ key: QueryKey) -> Int? {
        knownNumbers[key] ?? nodes.withLock { $0.numbers[key] }
    }

    private func number(of key: QueryKey) -> Int {
        if let number = knownNumbers[key] { return number }
        return nodes.withLock { nodes in
            if let number = nodes.numbers[key] { return number }
            let number = knownKeys.count + nodes.keys.count
            nodes.numbers[key] = number
            nodes.keys.append(key)
            nodes.slots.append(nil)
            return number
        }
    }

    private func slot(_ node: Int) -> Slot {
        if node < known.count { return known[node] }
        return nodes.withLock { nodes in
            let index = node - known.count
            if let slot = nodes.slots[index] { return slot }
            let slot = Slot(condition: conditions[node & (conditions.count - 1)])
            nodes.slots[index] = slot
            return slot
        }
    }

    /// A product's slot if this run has looked at it.
    private func existingSlot(_ node: Int) -> Slot? {
        if node < known.count { return known[node] }
        return nodes.withLock { nodes in
            let index = node - known.count
            return index < nodes.slots.count ? nodes.slots[index] : nil
        }
    }

    private func key(_ node: Int) -> QueryKey {
        node < knownKeys.count ? knownKeys[node] : nodes.withLock { $0.keys[node - knownKeys.count] }
    }

    private func lastTrace(_ node: Int) -> Trace? { node < last.traces.count ? last.traces[node] : nil }

    /// The query of a product named only by its number (a dependency the last run recorded).
    private func query(_ node: Int) throws -> ErasedQuery {
        let key = key(node)
        guard let query = kinds[key.kind]?(key.argument) else { throw GraphError.unknownProduct(key) }
        return query
    }

    func ensure(_ query: ErasedQuery, needValue: Bool, chain: Chain?) throws -> (node: Int, fingerprint: Fingerprint, value: (any Sendable)?) {
        precondition(!retired.load(ordering: .relaxed), "a build graph's run was asked for a product after the next one began")
        let node = number(of: query.key)
        let (fingerprint, value) = try ensure(node, query, needValue: needValue, chain: chain)
        return (node, fingerprint, value)
    }

    /// `query`: nil while only the number is known; it is made from its key if it must be made or read.
    private func ensure(_ node: Int, _ query: ErasedQuery?, needValue: Bool, chain: Chain?) throws -> (Fingerprint, (any Sendable)?) {
        let slot = slot(node)
        let condition = slot.condition
        condition.lock()
        var settled: Fingerprint?
        waiting: while true {
            switch slot.status {
            case .busy:
                // Every product on this thread's chain is busy: only a busy one can be a cycle.
                if let chain, chain.contains(node) {
                    condition.unlock()
                    throw GraphError.cycle((chain.nodes + [node]).map(key))
                }
                condition.wait()
            case .ready(let fingerprint, let value):
                condition.unlock()
                return (fingerprint, value)
            case .verified(let fingerprint):
                guard needValue else {
                    condition.unlock()
                    return (fingerprint, nil)
                }
                settled = fingerprint
                break waiting
            case .failed(let error):
                condition.unlock()
                throw error
            case .idle: break waiting
            }
        }
        let trace = slot.trace
        slot.status = .busy
        condition.unlock()
        var outcome: (status: Slot.Status, trace: Trace?)
        do {
            outcome = try work(node, query, settled: settled, made: trace, needValue: needValue, chain: Chain(node, after: chain))
        } catch {
            outcome = (.failed(error), trace)
        }
        condition.lock()
        slot.status = outcome.status
        slot.trace = outcome.trace
        condition.broadcastAndUnlock()
        switch outcome.status {
        case .ready(let fingerprint, let value): return (fingerprint, value)
        case .verified(let fingerprint): return (fingerprint, nil)
        case .failed(let error): throw error
        case .idle, .busy: preconditionFailure("a product's making ended without an outcome")
        }
    }

    /// `settled`: its fingerprint, when this run already found it; `made`: its trace, when this run made it.
    private func work(
        _ node: Int, _ query: ErasedQuery?, settled: Fingerprint?, made: Trace?, needValue: Bool, chain: Chain
    ) throws -> (status: Slot.Status, trace: Trace?) {
        let old = lastTrace(node)
        var fingerprint = settled
        var reason = Explanation.Reason.new
        if fingerprint == nil, let old {
            if let changed = check(old, chain: chain) { reason = changed } else { fingerprint = old.fingerprint }
        }
        if let fingerprint {
            guard needValue else { return (.verified(fingerprint), made) }
            let query = try query ?? self.query(node)
            // An input takes its value from this run's `set`, never from the run before.
            if !query.isInput, node < carried.count, let earlier = carried[node], earlier.fingerprint == fingerprint {
                return (.ready(fingerprint, earlier.value), made)
            }
            if query.isStored, let bytes = store.read(query.key, inputs: (made ?? old)!.inputs(key)),
               Fingerprint.of(bytes) == fingerprint, let value = try? query.decode(bytes) {
                return (.ready(fingerprint, value), made)
            }
            reason = query.isStored ? .valueMissing : .notKept
        }
        let query = try query ?? self.query(node)
        if query.isInput { throw GraphError.inputNotSet(query.key) }
        let start = DispatchTime.now()
        let context = QueryContext(graph: self, chain: chain)
        let (value, encoded, own) = try query.compute(context)
        var trace = Trace(dependencies: context.dependencies, fingerprint: Self.noInputs)
        let inputs = trace.inputs(key)
        // A value not fingerprinted by its bytes is by what it was made from (a pure function's result).
        trace.fingerprint = own ?? encoded.map { Fingerprint.of($0) } ?? inputs
        if query.isStored, let encoded { store.write(encoded, key: query.key, inputs: inputs) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        record(Explanation(key: query.key, reason: reason, seconds: seconds, unchanged: old?.fingerprint == trace.fingerprint))
        return (.ready(trace.fingerprint, value), trace)
    }

    /// The fingerprint `node` had when the last run's `reader` read it.
    func lastRead(by reader: Int, of node: Int) -> Fingerprint? {
        lastTrace(reader)?.dependencies.first { $0.node == node }?.fingerprint
    }

    /// The stored value the last run recorded of a product, intact.
    func previousValue(of node: Int) -> [UInt8]? {
        let key = key(node)
        guard storedKinds.contains(key.kind), let old = lastTrace(node),
              let bytes = store.read(key, inputs: old.inputs(self.key)), Fingerprint.of(bytes) == old.fingerprint
        else { return nil }
        return bytes
    }

    /// Why a product recorded by the last run may have changed; nil if it has not.
    private func check(_ old: Trace, chain: Chain) -> Explanation.Reason? {
        for dependency in old.dependencies {
            let fingerprint = try? ensure(dependency.node, nil, needValue: false, chain: chain).0
            guard fingerprint == dependency.fingerprint else { return .dependencyChanged(key(dependency.node)) }
        }
        return nil
    }
}

/// What a product reads while it is made: each read is recorded as a dependency.
public final class QueryContext: Sendable {
    private let graph: Graph
    private let chain: Chain
    private let read = Mutex<(order: [Dependency], nodes: Set<Int>)>(([], []))

    init(graph: Graph, chain: Chain) {
        self.graph = graph
        self.chain = chain
    }

    /// Another product's value; the product being made now depends on it.
    public func value<Q: Query>(_ query: Q) throws -> Q.Value {
        let made = try graph.ensure(ErasedQuery(query), needValue: true, chain: chain)
        note(made.node, made.fingerprint)
        return made.value as! Q.Value
    }

    /// Another product's value, or `earlier` if that is still its value: if
    /// its fingerprint is the one it had when the product being made was
    /// last made, and `earlier` is what it was then. A product made again
    /// after one of the many it reads changed takes the others from its own
    /// last value (`previousValue(_:)`) rather than making them again.
    public func value<Q: Query>(_ query: Q, unlessStill earlier: Q.Value?) throws -> Q.Value {
        let made = try graph.ensure(ErasedQuery(query), needValue: false, chain: chain)
        note(made.node, made.fingerprint)
        if let earlier, graph.lastRead(by: chain.node, of: made.node) == made.fingerprint { return earlier }
        return try value(query)
    }

    /// The value the product being made had when a run last made it, if it
    /// is stored and the store still holds it intact. It is not a
    /// dependency: it serves only as `value(_:unlessStill:)`'s earlier values.
    public func previousValue<V: Decodable>(_ type: V.Type) -> V? {
        graph.previousValue(of: chain.node).flatMap { try? BinaryCoding.decode(V.self, from: $0) }
    }

    private func note(_ node: Int, _ fingerprint: Fingerprint) {
        read.withLock { read in
            if read.nodes.insert(node).inserted { read.order.append(Dependency(node: node, fingerprint: fingerprint)) }
        }
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
    let node: Int
    let parent: Chain?

    init(_ node: Int, after parent: Chain?) {
        self.node = node
        self.parent = parent
    }

    func contains(_ node: Int) -> Bool {
        var link: Chain? = self
        while let current = link {
            if current.node == node { return true }
            link = current.parent
        }
        return false
    }

    /// Outermost first.
    var nodes: [Int] { (parent?.nodes ?? []) + [node] }
}

/// Why the graph made a product in this run (`asyl build --why`).
public struct Explanation: Sendable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// No earlier run recorded it.
        case new
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
        case .dependencyChanged(let key): because = "\(key) changed"
        case .valueMissing: because = "not in the store"
        case .notKept: because = "needed, and not kept"
        case .inputChanged: because = "given a new value"
        }
        return "\(key): \(because)" + (unchanged ? " (same result)" : "")
    }
}

/// A run's record of a product: what it read, by number, and the fingerprint it had.
struct Trace: Sendable, Equatable {
    /// What it read, in the order it read it.
    var dependencies: [Dependency]
    var fingerprint: Fingerprint

    /// What the value was made from, as its name in the store hashes it:
    /// the dependencies, in key order (products read side by side are
    /// recorded in whatever order they finished). `key`: each number's key.
    func inputs(_ key: (Int) -> QueryKey) -> Fingerprint {
        var hasher = FingerprintHasher()
        for (key, dependency) in dependencies.map({ (key($0.node), $0) }).sorted(by: { $0.0 < $1.0 }) {
            hasher.combine(key.kind)
            hasher.combine(key.argument)
            hasher.combine(dependency.fingerprint)
        }
        return hasher.finalize()
    }

    func inputs(_ keys: [QueryKey]) -> Fingerprint { inputs { keys[$0] } }

    /// The same fingerprint made from the same dependencies, in any order.
    func isSame(as other: Trace) -> Bool {
        fingerprint == other.fingerprint && dependencies.count == other.dependencies.count
            && (dependencies == other.dependencies || Set(dependencies) == Set(other.dependencies))
    }
}

/// A product read, by number, and its fingerprint when it was read.
struct Dependency: Sendable, Hashable {
    var node: Int
    var fingerprint: Fingerprint
}

/// A query with its value's type erased, so products of every kind share one table.
struct ErasedQuery: Sendable {
    let key: QueryKey
    let isStored: Bool
    let isInput: Bool
    /// The value; its bytes, unless the query is fingerprinted by its inputs
    /// or by its own hash; that hash.
    let compute: @Sendable (QueryContext) throws -> (any Sendable, [UInt8]?, Fingerprint?)
    let decode: @Sendable ([UInt8]) throws -> any Sendable

    init<Q: Query>(_ query: Q) {
        key = query.key
        isStored = Q.isStored
        isInput = query is any InputQuery
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
        /// Unchanged since the last run, or made and let go of: its fingerprint.
        case verified(Fingerprint)
        /// Its fingerprint and its value.
        case ready(Fingerprint, any Sendable)
        case failed(any Error)
    }

    /// Read and written only under `condition`'s lock.
    var status = Status.idle
    /// The trace this run made of it; nil while the last run's stands.
    var trace: Trace?
    let condition: ConditionBox

    init(condition: ConditionBox) { self.condition = condition }
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
