import DocumentModel
import Resolution

/// One edition in one language, ready to serialise: the entries it holds in
/// the language's alphabetical order, grouped by initial letter and cut into
/// content documents, and where each entry ends up.
public struct BookPlan: Sendable {
    public var edition: Edition
    public var language: LanguageTag
    public var entries: [PlannedEntry]
    public var letters: [LetterGroup]
    /// Entries the edition selects that have no version in this language.
    public var missing: [EntryID]
    /// Entries whose version in this language is a draft, left out of a build without drafts.
    public var drafts: [EntryID]
    var fileOfEntry: [EntryID: String]

    /// The plan of an ordered book cut into `letters`; `outline` gives each entry's outline.
    public init(order: BookOrder, letters: [LetterGroup], outline: (EntryID) -> EntryOutline?) {
        edition = order.edition
        language = order.language
        missing = order.missing
        drafts = order.drafts
        self.letters = letters
        entries = order.entries.map { ordered in
            // An order is made from the same outlines: each entry has one, with the version it was ordered by.
            guard var entry = outline(ordered.id), let version = entry.version(order.language) else {
                preconditionFailure("the ordered entry \(ordered.id) has no outline in \(order.language)")
            }
            entry.versions = []
            return PlannedEntry(entry: entry, version: version, letter: ordered.letter)
        }
        fileOfEntry = [:]
        for chunk in letters.flatMap(\.chunks) {
            for entry in order.entries[chunk.entries] { fileOfEntry[entry.id] = chunk.file }
        }
    }

    /// The content document holding an entry, if this book has it.
    public func file(of id: EntryID) -> String? { fileOfEntry[id] }

    public var chunks: [Chunk] { letters.flatMap(\.chunks) }
}

/// The entries of one edition in one language, in the language's
/// alphabetical order, each with its initial letter: a plan before it is
/// cut into chunks (which needs the entries' sizes, and nothing else).
public struct BookOrder: Hashable, Sendable, Codable {
    public struct Entry: Hashable, Sendable, Codable {
        public var id: EntryID
        public var letter: String
    }

    public var edition: Edition
    public var language: LanguageTag
    public var entries: [Entry]
    /// Entries the edition selects that have no version in this language.
    public var missing: [EntryID]
    /// Entries whose version in this language is a draft, left out.
    public var drafts: [EntryID]
}

/// An entry of a book: its outline, without its versions, and the version the book prints.
public struct PlannedEntry: Hashable, Sendable {
    public var entry: EntryOutline
    public var version: EntryOutline.VersionOutline
    public var letter: String

    public init(entry: EntryOutline, version: EntryOutline.VersionOutline, letter: String) {
        self.entry = entry
        self.version = version
        self.letter = letter
    }
}

public struct LetterGroup: Hashable, Sendable, Codable {
    public var letter: String
    public var chunks: [Chunk]

    public init(letter: String, chunks: [Chunk]) {
        self.letter = letter
        self.chunks = chunks
    }
}

/// One XHTML content document: a letter, or part of a large letter.
public struct Chunk: Hashable, Sendable, Codable {
    public var file: String
    public var letter: String
    /// Indices into `BookPlan.entries`.
    public var entries: Range<Int>

    public init(file: String, letter: String, entries: Range<Int>) {
        self.file = file
        self.letter = letter
        self.entries = entries
    }
}

public enum BookPlanner {
    /// Content documents are cut before they pass this many bytes of source
    /// text (about 300 KB of XHTML), so reading systems open them quickly.
    public static let chunkBudget = 200_000

    /// Every step at once: `outlines` (every entry's, sorted by id) ordered,
    /// cut by `sizes` (each entry's, by language; `EntryOutline.sizes(of:)`), and planned.
    public static func plan(
        _ outlines: [EntryOutline], sizes: [EntryID: [LanguageTag: Int]], places: PlaceHierarchy, edition: Edition,
        language: LanguageTag, includeDrafts: Bool
    ) -> BookPlan {
        let order = order(outlines, places: places, edition: edition, language: language, includeDrafts: includeDrafts)
        let byID = Dictionary(outlines.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return BookPlan(order: order, letters: letters(order, size: { sizes[$0]?[language] ?? 0 }), outline: { byID[$0] })
    }

    /// The entries `edition` selects that have a version in `language`, in its
    /// alphabetical order. `outlines`: every entry's; only what selects and
    /// orders entries is read (kind, categories, headwords, sort keys, drafts).
    public static func order(
        _ outlines: [EntryOutline], places: PlaceHierarchy, edition: Edition, language: LanguageTag, includeDrafts: Bool
    ) -> BookOrder {
        let collation = Collation(language: language)
        var missing: [EntryID] = []
        var drafts: [EntryID] = []
        var ordered: [(key: CollationKey, title: String, entry: BookOrder.Entry)] = []
        for entry in EditionSelector.select(outlines, edition.selection, places: places) {
            guard let version = entry.version(language) else {
                missing.append(entry.id)
                continue
            }
            guard includeDrafts || !version.isDraft else {
                drafts.append(entry.id)
                continue
            }
            let sortText = version.sort ?? version.title
            ordered.append((collation.key(sortText), version.title, BookOrder.Entry(id: entry.id, letter: collation.initial(sortText))))
        }
        ordered.sort { a, b in
            if a.key != b.key { return a.key < b.key }
            if a.title != b.title { return a.title < b.title }
            return a.entry.id < b.entry.id
        }
        return BookOrder(edition: edition, language: language, entries: ordered.map(\.entry), missing: missing, drafts: drafts)
    }

    /// The ordered entries grouped by letter and cut into chunks by their
    /// sizes (`Version.estimatedSize`), files numbered in reading order:
    /// letter-01.xhtml, letter-01-2.xhtml…
    public static func letters(_ order: BookOrder, size: (EntryID) -> Int) -> [LetterGroup] {
        let entries = order.entries
        var letters: [LetterGroup] = []
        var index = 0
        while index < entries.count {
            let letter = entries[index].letter
            var end = index
            while end < entries.count, entries[end].letter == letter { end += 1 }
            let chunks = cut(entries[index..<end].map { size($0.id) }).map { range in
                Chunk(file: "", letter: letter, entries: index + range.lowerBound..<index + range.upperBound)
            }
            letters.append(LetterGroup(letter: letter, chunks: chunks))
            index = end
        }
        for (letterIndex, group) in letters.enumerated() {
            for part in group.chunks.indices {
                let number = letterIndex + 1 < 10 ? "0\(letterIndex + 1)" : "\(letterIndex + 1)"
                letters[letterIndex].chunks[part].file = "letter-\(number)" + (part == 0 ? "" : "-\(part + 1)") + ".xhtml"
            }
        }
        return letters
    }

    /// A letter's entries, by their sizes, cut into chunks within `chunkBudget`.
    public static func cut(_ sizes: [Int]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var size = 0
        for (position, cost) in sizes.enumerated() {
            if position > start, size + cost > chunkBudget {
                ranges.append(start..<position)
                start = position
                size = 0
            }
            size += cost
        }
        ranges.append(start..<sizes.count)
        return ranges
    }
}

extension Version {
    /// Roughly the bytes of source text this version puts into a document.
    public var estimatedSize: Int {
        var size = title.utf8.count + 200
        forEachInline { inline in
            if case .text(let text) = inline.kind { size += text.utf8.count }
        }
        return size
    }
}

/// `select:` of FORMAT.md §4: keys combine with AND, values of a key with OR.
public enum EditionSelector {
    public static func select(_ outlines: [EntryOutline], _ selection: Selection, places: PlaceHierarchy) -> [EntryOutline] {
        let regionMembers = selection.regions.isEmpty ? nil : members(of: selection.regions, in: outlines, places: places)
        return outlines.filter { entry in
            (selection.kinds.isEmpty || selection.kinds.contains(entry.kind ?? ""))
                && (selection.categories.isEmpty || !Set(selection.categories).isDisjoint(with: entry.categories))
                && (selection.ids.isEmpty || selection.ids.contains(entry.id))
                && (regionMembers?.contains(entry.id) ?? true)
        }
    }

    /// Entries whose `region` or `part-of` links lead to one of `regions`,
    /// through any chain (a circle ends the walk, it does not hang it).
    static func members(of regions: [EntryID], in outlines: [EntryOutline], places: PlaceHierarchy) -> Set<EntryID> {
        let targets = Set(regions)
        var members = targets
        for entry in outlines where !targets.isDisjoint(with: places.ancestors(of: entry.id)) {
            members.insert(entry.id)
        }
        return members
    }
}
