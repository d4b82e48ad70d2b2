import Diagnostics
import DocumentModel
import Parallelism

/// The resolve stage: assembles entries, then resolves every link, section
/// anchor, citation and media path into references renderers can use as
/// they are, and computes backlinks.
public enum Resolver {
    /// Image types an EPUB reading system must support, by file extension.
    public static let mediaTypes = [
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "svg": "image/svg+xml",
    ]

    /// `files`: every file in the source tree, relative to its root. `targets`:
    /// what links can reach, when `versions` are not all of the project's
    /// (one entry's, in the build graph); nil: made from `versions`.
    public static func resolve(
        versions: [Version], configuration: ProjectConfiguration, bibliography: Bibliography, files: Set<String>,
        targets: TargetIndex? = nil
    ) -> ResolvedProject {
        let (entries, duplicates, conflicts) = EntryAssembler.assemble(versions, configuration: configuration)
        let targets = targets ?? TargetIndex(entries: entries, configuration: configuration)
        var resolved = entries.concurrentMap { entry in
            var entry = entry
            entry.versions = entry.versions.map { version in
                var context = VersionResolver(
                    targets: targets, bibliography: bibliography, files: files, language: version.language)
                return context.resolve(version, kind: entry.kind.flatMap(configuration.kind(named:)))
            }
            let kind = entry.kind.flatMap(configuration.kind(named:))
            entry.facts = entry.facts.map { fact in
                var fact = fact
                fact.value = targets.resolve(fact.value, field: kind?.field(fact.field), language: fact.language)
                return fact
            }
            return entry
        }
        addBacklinks(&resolved)
        return ResolvedProject(
            configuration: configuration, bibliography: bibliography, entries: resolved,
            duplicates: duplicates, conflicts: conflicts, targets: targets)
    }

    private static func addBacklinks(_ entries: inout [Entry]) {
        var position: [EntryID: Int] = [:]
        for (index, entry) in entries.enumerated() { position[entry.id] = index }
        var backlinks: [Int: Set<Backlink>] = [:]
        for entry in entries {
            for version in entry.versions {
                for target in version.linkedEntries where target != entry.id {
                    if let index = position[target] {
                        backlinks[index, default: []].insert(Backlink(source: entry.id, language: version.language))
                    }
                }
            }
        }
        for (index, links) in backlinks { entries[index].backlinks = links.sorted() }
    }
}

/// What links can reach: every entry's kind, titles and section anchors.
public struct TargetIndex: Sendable {
    public struct Target: Hashable, Sendable, Codable {
        public var kind: String?
        public var titles: [LanguageTag: String]
        public var anchors: [LanguageTag: [String]]
        /// The languages whose version is marked `draft`, sorted.
        public var drafts: [LanguageTag]

        public init(kind: String?, titles: [LanguageTag: String], anchors: [LanguageTag: [String]], drafts: [LanguageTag] = []) {
            self.kind = kind
            self.titles = titles
            self.anchors = anchors
            self.drafts = drafts
        }
    }

    var targets: [EntryID: Target]
    /// The project's languages, in order (derived ones last).
    var languages: [LanguageTag]
    /// Sorted, for "did you mean".
    let ids: [String]

    public init(_ targets: [EntryID: Target], languages: [LanguageTag]) {
        self.init(targets, languages: languages, ids: targets.keys.map(\.rawValue).sorted())
    }

    /// `targets` may be only those some entries link to; `ids` (sorted) are
    /// every entry's, which "did you mean" chooses from (empty when every
    /// link's target is among `targets`).
    public init(_ targets: [EntryID: Target], languages: [LanguageTag], ids: [String]) {
        self.targets = targets
        self.languages = languages
        self.ids = ids
    }

    init(entries: [Entry], configuration: ProjectConfiguration) {
        var targets: [EntryID: Target] = [:]
        for entry in entries {
            var target = Target(kind: entry.kind, titles: [:], anchors: [:])
            for version in entry.versions {
                target.titles[version.language] = version.title
                target.anchors[version.language] = version.sectionAnchors
                if version.isDraft { target.drafts.append(version.language) }
            }
            target.drafts.sort()
            targets[entry.id] = target
        }
        self.init(targets, languages: configuration.languages)
    }

    /// Adds a derived language: each target's title in it is made from the source language's.
    public mutating func derive(_ tag: LanguageTag, from source: LanguageTag, _ write: (String) -> String) {
        for id in Array(targets.keys) {
            guard let title = targets[id]!.titles[source] else { continue }
            targets[id]!.titles[tag] = write(title)
            targets[id]!.anchors[tag] = targets[id]!.anchors[source]
            if targets[id]!.drafts.contains(source) { targets[id]!.drafts = (targets[id]!.drafts + [tag]).sorted() }
        }
        if !languages.contains(tag) { languages.append(tag) }
    }

    /// A link to the entry as a book in `language` prints it: its version in
    /// that language, else its first version (then `.untranslated`).
    public func link(to id: EntryID, in language: LanguageTag) -> LinkResolution? {
        guard let target = targets[id],
              let shown = target.titles[language] != nil ? language : languages.first(where: { target.titles[$0] != nil })
        else { return nil }
        let link = ResolvedLink(target: id, anchor: nil, title: target.titles[shown]!, language: shown)
        return shown == language ? .resolved(link) : .untranslated(link)
    }

    func resolve(_ id: EntryID, section: String?, language: LanguageTag) -> LinkResolution {
        guard let target = targets[id] else {
            return .broken(.noSuchEntry(suggestion: NearMiss.closest(to: id.rawValue, in: ids).map { EntryID($0) }))
        }
        guard let title = target.titles[language] else {
            let fallback = languages.first { target.titles[$0] != nil } ?? target.titles.keys.sorted()[0]
            // The link prints as text, but its section is still checked, in the version it would reach.
            if let section, !(target.anchors[fallback] ?? []).contains(section) {
                return .broken(.noSuchSection(section, suggestion: NearMiss.closest(to: section, in: target.anchors[fallback] ?? [])))
            }
            return .untranslated(ResolvedLink(target: id, anchor: section, title: target.titles[fallback]!, language: fallback))
        }
        if let section {
            let anchors = target.anchors[language] ?? []
            guard anchors.contains(section) else {
                return .broken(.noSuchSection(section, suggestion: NearMiss.closest(to: section, in: anchors)))
            }
        }
        return .resolved(ResolvedLink(
            target: id, anchor: section, title: title, language: language, isDraft: target.drafts.contains(language)))
    }

    /// Resolves the links of a fact value, checking the kinds the field allows.
    func resolve(_ value: FactValue, field: FieldSchema?, language: LanguageTag) -> FactValue {
        var allowed: [String] = []
        switch field?.type {
        case .link(let kinds)?, .links(let kinds)?: allowed = kinds
        default: break
        }
        func link(_ link: FactLink) -> FactLink {
            var link = link
            link.resolution = resolve(link.target, section: nil, language: language)
            if !allowed.isEmpty, let target = targets[link.target], !allowed.contains(target.kind ?? "") {
                link.resolution = .broken(.wrongKind(actual: target.kind, allowed: allowed))
            }
            return link
        }
        switch value {
        case .link(let single): return .link(link(single))
        case .links(let list): return .links(list.map(link))
        case .text, .date, .number, .geo, .enumeration, .sources: return value
        }
    }
}
