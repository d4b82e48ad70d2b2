import DocumentModel

/// Which entries lie in which places: the `region` and `part-of` links of
/// FORMAT.md §4, every one of them. Edition selection, the index by region
/// and the `link-cycle` check all walk this one map.
public struct PlaceHierarchy: Sendable {
    /// The fields whose links say where an entry lies.
    public static let fields: Set<String> = ["region", "part-of"]

    /// For each entry, the places it names directly (existing entries of the right kind), in field order.
    public let parents: [EntryID: [EntryID]]

    public init(_ entries: [Entry]) {
        var places: [EntryID: [MergedFact]] = [:]
        for entry in entries { places[entry.id] = entry.facts }
        self.init(places: places, known: Set(entries.map(\.id)))
    }

    /// `places`: each entry's merged facts (those of other fields are passed over); `known`: every entry's id.
    public init(places: [EntryID: [MergedFact]], known: Set<EntryID>) {
        var parents: [EntryID: [EntryID]] = [:]
        for (id, facts) in places {
            let links = facts.filter { Self.fields.contains($0.field) }.flatMap { fact -> [FactLink] in
                switch fact.value {
                case .link(let link): [link]
                case .links(let links): links
                case .text, .date, .number, .geo, .enumeration, .sources: []
                }
            }
            // A link already reported (broken, or to the wrong kind) is not followed.
            let targets = links.filter { if case .broken = $0.resolution { false } else { true } }.map(\.target)
            let existing = targets.filter { known.contains($0) }
            if !existing.isEmpty { parents[id] = existing }
        }
        self.parents = parents
    }

    /// The hierarchy of another's `parents`.
    public init(parents: [EntryID: [EntryID]]) {
        self.parents = parents
    }

    /// Every place `id` lies in, through any chain; a circle ends the walk.
    public func ancestors(of id: EntryID) -> [EntryID] {
        var seen: Set<EntryID> = [id]
        var found: [EntryID] = []
        var frontier = parents[id] ?? []
        while let next = frontier.popLast() {
            guard seen.insert(next).inserted else { continue }
            found.append(next)
            frontier += parents[next] ?? []
        }
        return found
    }

    /// Each circle once, as the entries on it, starting from the smallest id.
    public func cycles() -> [[EntryID]] {
        enum Mark { case visiting, done }
        var marks: [EntryID: Mark] = [:]
        var found: Set<[EntryID]> = []
        var path: [EntryID] = []
        func visit(_ id: EntryID) {
            marks[id] = .visiting
            path.append(id)
            for next in parents[id] ?? [] {
                switch marks[next] {
                case .visiting?:
                    let circle = Array(path[path.lastIndex(of: next)!...])
                    let start = circle.firstIndex(of: circle.min()!)!
                    found.insert(Array(circle[start...] + circle[..<start]))
                case .done?:
                    continue
                case nil:
                    visit(next)
                }
            }
            path.removeLast()
            marks[id] = .done
        }
        for id in parents.keys.sorted() where marks[id] == nil { visit(id) }
        return found.sorted { $0.lexicographicallyPrecedes($1) }
    }
}
