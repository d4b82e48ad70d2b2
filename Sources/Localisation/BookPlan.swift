import DocumentModel
import Resolution

/// One edition in one language, ready to serialise: the entries it holds in
/// the language's alphabetical order, grouped by initial letter and cut into
/// content documents, and where each entry ends up.
public struct BookPlan: Hashable, Sendable, Codable {
    public var edition: Edition
    public var language: LanguageTag
    public var entries: [PlannedEntry]
    public var letters: [LetterGroup]
    /// Entries the edition selects that have no version in this language.
    public var missing: [EntryID]
    var fileOfEntry: [EntryID: String]

    public init(
        edition: Edition, language: LanguageTag, entries: [PlannedEntry], letters: [LetterGroup], missing: [EntryID],
        fileOfEntry: [EntryID: String]
    ) {
        self.edition = edition
        self.language = language
        self.entries = entries
        self.letters = letters
        self.missing = missing
        self.fileOfEntry = fileOfEntry
    }

    /// The content document holding an entry, if this book has it.
    public func file(of id: EntryID) -> String? { fileOfEntry[id] }

    public var chunks: [Chunk] { letters.flatMap(\.chunks) }
}

/// An entry of a book: its outline and the version the book prints.
public struct PlannedEntry: Hashable, Sendable, Codable {
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

    /// `outlines`: every entry's, sorted by id; `places`: where each lies.
    public static func plan(
        _ outlines: [EntryOutline], places: PlaceHierarchy, edition: Edition, language: LanguageTag, includeDrafts: Bool
    ) -> BookPlan {
        let collation = Collation(language: language)
        let selected = EditionSelector.select(outlines, edition.selection, places: places)
        var missing: [EntryID] = []
        var planned: [(key: CollationKey, title: String, entry: PlannedEntry)] = []
        for entry in selected {
            guard let version = entry.version(language), includeDrafts || !version.isDraft else {
                missing.append(entry.id)
                continue
            }
            let sortText = version.sort ?? version.title
            planned.append((collation.key(sortText), version.title,
                            PlannedEntry(entry: entry, version: version, letter: collation.initial(sortText))))
        }
        planned.sort { a, b in
            if a.key != b.key { return a.key < b.key }
            if a.title != b.title { return a.title < b.title }
            return a.entry.entry.id < b.entry.entry.id
        }
        let entries = planned.map(\.entry)

        var letters: [LetterGroup] = []
        var fileOfEntry: [EntryID: String] = [:]
        var index = 0
        while index < entries.count {
            let letter = entries[index].letter
            var end = index
            while end < entries.count, entries[end].letter == letter { end += 1 }
            let chunks = cut(entries[index..<end].map(\.version.size)).map { range in
                Chunk(file: "", letter: letter, entries: index + range.lowerBound..<index + range.upperBound)
            }
            letters.append(LetterGroup(letter: letter, chunks: chunks))
            index = end
        }
        // Files are numbered in reading order: letter-01.xhtml, letter-01-2.xhtml…
        for (letterIndex, group) in letters.enumerated() {
            for (part, _) in group.chunks.enumerated() {
                let number = letterIndex + 1 < 10 ? "0\(letterIndex + 1)" : "\(letterIndex + 1)"
                let file = "letter-\(number)" + (part == 0 ? "" : "-\(part + 1)") + ".xhtml"
                letters[letterIndex].chunks[part].file = file
                for position in group.chunks[part].entries { fileOfEntry[entries[position].entry.id] = file }
            }
        }
        return BookPlan(edition: edition, language: language, entries: entries, letters: letters, missing: missing, fileOfEntry: fileOfEntry)
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
