import Foundation
import Synchronization
import Testing

@testable import BuildGraph
@testable import FileSystem

/// A small world of products: numbered cells given as inputs, and products
/// made from them, each counting how often it is made.
enum World {
    static let made = Mutex<[String: Int]>([:])

    static func count(_ key: QueryKey) {
        made.withLock { $0[key.description, default: 0] += 1 }
    }

    static func times(_ query: some Query) -> Int { made.withLock { $0[query.key.description] ?? 0 } }

    static let kinds: [any Query.Type] = [
        Cell.self, Sum.self, Parity.self, ParityLabel.self, Choice.self, Loop.self, ByInputs.self, Square.self, Squares.self,
    ]
}

/// A test product named by one word.
protocol Named: Query {
    var name: String { get }
    init(_ name: String)
}

extension Named {
    var argument: String { name }
    init?(argument: String) { self.init(argument) }
}

struct Cell: InputQuery, Named {
    typealias Value = Int
    static let kind = "cell"
    var name: String
    init(_ name: String) { self.name = name }
}

/// The sum of the cells it names.
struct Sum: Query {
    static let kind = "sum"
    var cells: [String]
    var argument: String { cells.joined(separator: " ") }
    init(_ cells: [String]) { self.cells = cells }
    init?(argument: String) { cells = argument.split(separator: " ").map(String.init) }

    func compute(_ context: QueryContext) throws -> Int {
        World.count(key)
        return try cells.reduce(0) { $0 + (try context.value(Cell($1))) }
    }
}

struct Parity: Named {
    static let kind = "parity"
    var name: String
    init(_ name: String) { self.name = name }

    func compute(_ context: QueryContext) throws -> Bool {
        World.count(key)
        return try context.value(Cell(name)) % 2 == 0
    }
}

struct ParityLabel: Named {
    static let kind = "parity-label"
    var name: String
    init(_ name: String) { self.name = name }

    func compute(_ context: QueryContext) throws -> String {
        World.count(key)
        return try context.value(Parity(name)) ? "even" : "odd"
    }
}

/// Reads `NAME-if`, then `NAME-then` or `NAME-else`: a dependency read under a condition.
struct Choice: Named {
    static let kind = "choice"
    var name: String
    init(_ name: String) { self.name = name }

    func compute(_ context: QueryContext) throws -> Int {
        World.count(key)
        return try context.value(Cell(name + "-if")) != 0 ? context.value(Cell(name + "-then")) : context.value(Cell(name + "-else"))
    }
}

struct Loop: Named {
    static let kind = "loop"
    var name: String
    init(_ name: String) { self.name = name }

    func compute(_ context: QueryContext) throws -> Int { try context.value(Loop(name)) }
}

@Suite struct GraphTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("asyl-graph-\(UUID().uuidString)")
    /// Names unique to this test, so that the shared counters are this test's.
    let unique = UUID().uuidString.prefix(8).lowercased()

    func graph() -> Graph { Graph(store: Store(root: folder, version: "test"), kinds: World.kinds) }

    func run(_ inputs: [String: Int], _ body: (Graph) throws -> Void) throws -> Graph {
        let graph = graph()
        for (name, value) in inputs { try graph.set(Cell(name), to: value) }
        try body(graph)
        graph.save(keepingOthers: true)
        return graph
    }

    @Test func aProductIsMadeAgainOnlyWhenWhatItReadChanged() throws {
        let (a, b) = ("a" + unique, "b" + unique)
        let sum = Sum([a, b])
        _ = try run([a: 1, b: 2]) { (graph: Graph) throws in #expect(try graph.value(sum) == 3) }
        _ = try run([a: 1, b: 2]) { (graph: Graph) throws in #expect(try graph.value(sum) == 3) }
        #expect(World.times(sum) == 1)
        let third = try run([a: 1, b: 5]) { (graph: Graph) throws in #expect(try graph.value(sum) == 6) }
        #expect(World.times(sum) == 2)
        #expect(third.explanations.contains { $0.key == sum.key && $0.reason == .dependencyChanged(Cell(b).key) })
    }

    @Test func aProductMadeAgainWithTheSameValueStopsTheChange() throws {
        let cell = "c" + unique
        _ = try run([cell: 2]) { (graph: Graph) throws in #expect(try graph.value(ParityLabel(cell)) == "even") }
        let second = try run([cell: 4]) { (graph: Graph) throws in #expect(try graph.value(ParityLabel(cell)) == "even") }
        #expect(World.times(Parity(cell)) == 2)
        #expect(World.times(ParityLabel(cell)) == 1)
        #expect(second.explanations.contains { $0.key == Parity(cell).key && $0.unchanged })
        _ = try run([cell: 5]) { (graph: Graph) throws in #expect(try graph.value(ParityLabel(cell)) == "odd") }
        #expect(World.times(ParityLabel(cell)) == 2)
    }

    @Test func aDependencyReadUnderAConditionCountsOnlyWhileItIsRead() throws {
        let name = "choice" + unique
        let choice = Choice(name)
        _ = try run([name + "-if": 1, name + "-then": 10, name + "-else": 20]) { (graph: Graph) throws in #expect(try graph.value(choice) == 10) }
        _ = try run([name + "-if": 1, name + "-then": 10, name + "-else": 21]) { (graph: Graph) throws in #expect(try graph.value(choice) == 10) }
        #expect(World.times(choice) == 1)
        _ = try run([name + "-if": 0, name + "-then": 10, name + "-else": 21]) { (graph: Graph) throws in #expect(try graph.value(choice) == 21) }
        _ = try run([name + "-if": 0, name + "-then": 11, name + "-else": 21]) { (graph: Graph) throws in #expect(try graph.value(choice) == 21) }
        #expect(World.times(choice) == 2)
    }

    @Test func anInputNotSetKeepsItsFingerprintUntilAProductNeedsItsValue() throws {
        let (a, b) = ("a" + unique, "b" + unique)
        let sum = Sum([a, b])
        _ = try run([a: 1, b: 2]) { (graph: Graph) throws in _ = try graph.value(sum) }
        // Neither set: the sum is what it was, from the store.
        _ = try run([:]) { (graph: Graph) throws in #expect(try graph.value(sum) == 3) }
        #expect(World.times(sum) == 1)
        try FileManager.default.removeItem(at: folder)
        _ = try run([:]) { graph in
            #expect(throws: GraphError.self) { try graph.value(sum) }
        }
    }

    @Test func aReleasedValueComesBackFromTheStoreWithoutBeingMadeAgain() throws {
        let (a, b) = ("a" + unique, "b" + unique)
        let sum = Sum([a, b])
        _ = try run([a: 2, b: 3]) { graph in
            #expect(try graph.value(sum) == 5)
            graph.release([sum.key, Cell(a).key, Cell(b).key])
            #expect(try graph.value(sum) == 5)
            // The same value may be given again once released; another one may not.
            try graph.set(Cell(a), to: 2)
            #expect(throws: GraphError.self) { try graph.set(Cell(b), to: 4) }
        }
        #expect(World.times(sum) == 1)
    }

    @Test func aCycleIsAnErrorNotAHang() throws {
        _ = try run([:]) { graph in
            #expect(throws: GraphError.self) { try graph.value(Loop("x" + unique)) }
        }
    }

    @Test func anEmptyStoreMakesEverythingEveryTime() throws {
        let (a, b) = ("a" + unique, "b" + unique)
        let sum = Sum([a, b])
        for _ in 0..<2 {
            let graph = Graph(store: Store(), kinds: World.kinds)
            try graph.set(Cell(a), to: 1)
            try graph.set(Cell(b), to: 1)
            #expect(try graph.value(sum) == 2)
            graph.save(keepingOthers: false)
        }
        #expect(World.times(sum) == 2)
    }

    @Test func productsAskedForOnManyThreadsAreMadeOnce() throws {
        let cells = (0..<50).map { "n\($0)-" + unique }
        let sums = (0..<200).map { Sum([cells[$0 % 50], cells[($0 + 1) % 50]]) }
        let inputs = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1, $0) })
        _ = try run(inputs) { graph in
            let failures = Mutex(0)
            DispatchQueue.concurrentPerform(iterations: 400) { index in
                let sum = sums[index % 200]
                let expected = (index % 200) % 50 + ((index % 200) + 1) % 50
                if (try? graph.value(sum)) != expected { failures.withLock { $0 += 1 } }
            }
            #expect(failures.withLock { $0 } == 0)
        }
        // Sums of the same two cells are the same product.
        for sum in sums { #expect(World.times(sum) == 1) }
    }

    @Test func valuesNoTraceNamesArePrunedAndNothingUnmarkedIsDeleted() throws {
        let (a, b) = ("a" + unique, "b" + unique)
        _ = try run([a: 1, b: 2]) { (graph: Graph) throws in _ = try graph.value(Sum([a, b])) }
        let store = folder.appendingPathComponent("graph-test").path
        let stranger = store + "/00/" + String(repeating: "0", count: 64)
        _ = FileSystem.makeFolder(store + "/00")
        try FileSystem.writeAtomically(Array("not the store's".utf8), to: stranger)
        let graph = graph()
        try graph.set(Cell(a), to: 1)
        try graph.set(Cell(b), to: 3)
        _ = try graph.value(Sum([a, b]))
        graph.save(keepingOthers: false)
        let values = try FileManager.default.subpathsOfDirectory(atPath: store).filter { $0.count == 67 }
        // The new sum and the traces, and the stranger, which carries no mark.
        #expect(values.count == 3)
        #expect(FileSystem.readRegularFile(stranger) != nil)
    }

    @Test func aRunKeepingOthersKeepsWhatItDidNotAskFor() throws {
        let (a, b) = ("a" + unique, "b" + unique)
        let first = graph()
        try first.set(Cell(a), to: 1)
        try first.set(Cell(b), to: 2)
        _ = try first.value(Sum([a, b]))
        first.save(keepingOthers: false)
        // A check asks for some products only, and keeps the build's traces.
        let second = graph()
        try second.set(Cell(a), to: 1)
        _ = try second.value(Parity(a))
        second.save(keepingOthers: true)
        let again = graph()
        try again.set(Cell(a), to: 1)
        try again.set(Cell(b), to: 2)
        #expect(try again.value(Sum([a, b])) == 3)
        #expect(again.explanations.isEmpty)
    }

    @Test func aProductMadeAgainTakesWhatDidNotChangeFromItsLastValue() throws {
        let names = (0..<4).map { "s\($0)-" + unique }
        let squares = Squares(names)
        let inputs = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        _ = try run(inputs) { (graph: Graph) throws in #expect(try graph.value(squares).values.sorted() == [0, 1, 4, 9]) }
        var changed = inputs
        changed[names[2]] = 5
        _ = try run(changed) { (graph: Graph) throws in #expect(try graph.value(squares)[names[2]] == 25) }
        #expect(World.times(squares) == 2)
        #expect(names.map { World.times(Square($0)) } == [1, 1, 2, 1])
        // Without its last value (a store emptied), it makes every one.
        try FileManager.default.removeItem(at: folder)
        _ = try run(changed) { (graph: Graph) throws in #expect(try graph.value(squares)[names[0]] == 0) }
        #expect(names.map { World.times(Square($0)) } == [2, 2, 3, 2])
    }

    /// Traces of another version, or damaged ones, may name products no kind makes: what read them is made again.
    @Test func aTraceNamingAProductOfNoKindMakesItsReaderAgain() throws {
        let a = "a" + unique
        let sum = Sum([a])
        let stranger = QueryKey(kind: "no-such-kind", argument: "x")
        // The stranger read the cell, which has changed since: it would have to be made again, and cannot be.
        let file = TraceFile(keys: [sum.key, stranger, Cell(a).key], traces: [
            Trace(dependencies: [Dependency(node: 1, fingerprint: .of([1]))], fingerprint: .of([2])),
            Trace(dependencies: [Dependency(node: 2, fingerprint: .of([9]))], fingerprint: .of([1])),
            Trace(dependencies: [], fingerprint: .of([9])),
        ])
        let store = Store(root: folder, version: "test")
        store.write(file.encoded(), key: QueryKey(kind: "traces", argument: ""), inputs: Fingerprint(digest: [UInt8](repeating: 0, count: 32)))
        let graph = try run([a: 7]) { (graph: Graph) throws in #expect(try graph.value(sum) == 7) }
        #expect(World.times(sum) == 1)
        #expect(graph.explanations.contains { $0.key == sum.key && $0.reason == .dependencyChanged(stranger) })
    }

    @Test func aProductFingerprintedByItsInputsIsMadeAgainOnlyWhenTheyChange() throws {
        let a = "a" + unique
        let label = ByInputs(a)
        _ = try run([a: 1]) { (graph: Graph) throws in #expect(try graph.value(label) == "1") }
        let same = try run([a: 1]) { (graph: Graph) throws in _ = try graph.fingerprint(label) }
        #expect(same.explanations.isEmpty)
        _ = try run([a: 2]) { (graph: Graph) throws in #expect(try graph.value(label) == "2") }
        #expect(World.times(label) == 2)
    }

    @Test func aRunThatFollowsInMemoryTakesWhatDidNotChangeFromTheRunBefore() throws {
        let (a, b) = ("a" + unique, "b" + unique)
        let (sum, label) = (Sum([a, b]), ByInputs(a))
        let first = graph()
        try first.set(Cell(a), to: 1)
        try first.set(Cell(b), to: 2)
        #expect(try first.value(sum) == 3)
        #expect(try first.value(label) == "1")
        // Not saved: the next run knows only what the first holds in memory.
        let second = first.nextRun()
        try second.set(Cell(a), to: 1)
        try second.set(Cell(b), to: 2)
        #expect(try second.value(sum) == 3)
        // A value not kept in the store comes from memory, not from being made again.
        #expect(try second.value(label) == "1")
        #expect(second.explanations.isEmpty)
        let third = second.nextRun()
        try third.set(Cell(a), to: 1)
        try third.set(Cell(b), to: 5)
        #expect(try third.value(sum) == 6)
        #expect(World.times(sum) == 2)
        #expect(World.times(label) == 1)
        #expect(third.explanations.contains { $0.key == sum.key && $0.reason == .dependencyChanged(Cell(b).key) })
    }

    @Test func aRunThatFollowsOneNotSavedSavesItsTraces() throws {
        let a = "a" + unique
        let first = graph()
        try first.set(Cell(a), to: 2)
        #expect(try first.value(Parity(a)))
        let second = first.nextRun()
        try second.set(Cell(a), to: 2)
        #expect(try second.value(Parity(a)))
        // Nothing changed since the first, but the store has no traces yet: they are written.
        second.save(keepingOthers: true)
        _ = try run([a: 2]) { (graph: Graph) throws in #expect(try graph.value(Parity(a))) }
        #expect(World.times(Parity(a)) == 1)
    }
}

/// A cell's value as text, not stored and fingerprinted by what it was made from.
struct ByInputs: Named {
    static let kind = "by-inputs"
    static var isStored: Bool { false }
    static var fingerprintsValue: Bool { false }
    var name: String
    init(_ name: String) { self.name = name }

    func compute(_ context: QueryContext) throws -> String {
        World.count(key)
        return String(try context.value(Cell(name)))
    }
}

/// A cell's square, fingerprinted by what it is made from (as an entry's products are).
struct Square: Named {
    static let kind = "square"
    static var isStored: Bool { false }
    static var fingerprintsValue: Bool { false }
    var name: String
    init(_ name: String) { self.name = name }

    func compute(_ context: QueryContext) throws -> Int {
        World.count(key)
        let cell = try context.value(Cell(name))
        return cell * cell
    }
}

/// The squares of some cells, stored, each taken from its last value while its cell is unchanged (as a shard's are).
struct Squares: Query {
    static let kind = "squares"
    var cells: [String]
    var argument: String { cells.joined(separator: " ") }
    init(_ cells: [String]) { self.cells = cells }
    init?(argument: String) { cells = argument.split(separator: " ").map(String.init) }

    func compute(_ context: QueryContext) throws -> [String: Int] {
        World.count(key)
        let earlier = context.previousValue([String: Int].self)
        var squares: [String: Int] = [:]
        for cell in cells { squares[cell] = try context.value(Square(cell), unlessStill: earlier?[cell]) }
        return squares
    }
}
