import DocumentModel
import EDTF
import Resolution

/// The back matter of a book, in its language's order and words: an index
/// of headwords and aliases, an index by region, and a chronology of dated facts.
public struct BackMatter: Sendable {
    public struct IndexItem: Sendable {
        public var text: String
        public var letter: String
        public var target: EntryID
        /// An alias points to its entry, whose title is `targetTitle`.
        public var targetTitle: String?
    }

    public struct RegionGroup: Sendable {
        public var region: EntryID
        public var title: String
        public var entries: [EntryID]
    }

    public struct Event: Sendable {
        public var date: EDTFValue
        public var text: String
        public var entry: EntryID
        public var label: String
    }

    public var index: [IndexItem]
    public var regions: [RegionGroup]
    public var chronology: [Event]

    /// `places`: where every entry of the project lies.
    public init(plan: BookPlan, configuration: ProjectConfiguration, places hierarchy: PlaceHierarchy) {
        let collation = Collation(language: plan.language)
        let language = plan.language
        let included = Set(plan.entries.map(\.entry.id))
        let titles = Dictionary(uniqueKeysWithValues: plan.entries.map { ($0.entry.id, $0.version.title) })

        var items: [(CollationKey, IndexItem)] = []
        for planned in plan.entries {
            let title = planned.version.title
            let sortText = planned.version.sort ?? title
            items.append((collation.key(sortText), IndexItem(text: title, letter: collation.initial(sortText), target: planned.entry.id, targetTitle: nil)))
            for alias in planned.version.aliases {
                items.append((collation.key(alias), IndexItem(text: alias, letter: collation.initial(alias), target: planned.entry.id, targetTitle: title)))
            }
        }
        index = items.sorted { a, b in a.0 != b.0 ? a.0 < b.0 : (a.1.text, a.1.target) < (b.1.text, b.1.target) }.map(\.1)

        // Every place an entry lies in, through `region` and `part-of` links, except
        // the outermost (a country would hold everything).
        var members: [EntryID: Set<EntryID>] = [:]
        for planned in plan.entries {
            for place in hierarchy.ancestors(of: planned.entry.id)
            where included.contains(place) && !(hierarchy.parents[place] ?? []).isEmpty {
                members[place, default: []].insert(planned.entry.id)
            }
        }
        func byTitle(_ a: EntryID, _ b: EntryID) -> Bool {
            let (ka, kb) = (collation.key(titles[a] ?? a.rawValue), collation.key(titles[b] ?? b.rawValue))
            return ka != kb ? ka < kb : a < b
        }
        regions = members.keys.sorted(by: byTitle).map { region in
            RegionGroup(region: region, title: titles[region] ?? region.rawValue, entries: members[region]!.sorted(by: byTitle))
        }

        let dates = DateText(language: language)
        var events: [(Int, Int, Event)] = []
        for planned in plan.entries {
            let kind = planned.entry.kind.flatMap(configuration.kind(named:))
            for fact in planned.entry.dates {
                let value = fact.value
                guard let day = value.earliestDay ?? value.latestDay else { continue }
                let label = kind?.field(fact.field)?.label.text(in: language, fallbacks: configuration.languages) ?? fact.field
                events.append((day, value.latestDay ?? day, Event(date: value, text: dates.text(value), entry: planned.entry.id, label: label)))
            }
        }
        chronology = events.sorted { a, b in
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
            return byTitle(a.2.entry, b.2.entry)
        }.map(\.2)
    }
}
