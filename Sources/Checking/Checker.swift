import Diagnostics
import DocumentModel
import Parallelism
import Resolution

/// The check stage: reads the resolved project and reports what FORMAT.md §5
/// asks for. None prints anything. The checks of one entry (`checkEntries`)
/// read that entry and what it resolved against; the checks of the project
/// (`checkProject`) read only its overview, so a build graph runs each where
/// its scope (`Rule.scope`) says.
public enum Checker {
    static let entryChecks: [@Sendable (ResolvedProject) -> [Diagnostic]] = [
        DuplicateChecks.check, LinkChecks.check, CitationChecks.check, MediaChecks.check, FactChecks.check,
        TranslationChecks.check,
    ]

    /// Every finding, the checks side by side on every core.
    public static func check(_ project: ResolvedProject) -> [Diagnostic] {
        Array(0..<entryChecks.count).concurrentMap { entryChecks[$0](project) }.flatMap { $0 }
            + checkProject(ProjectOverview(project))
    }

    /// The findings of rules scoped to a file or an entry, for the entries of
    /// `project` (one entry's, in a build graph, which runs entries side by side).
    public static func checkEntries(_ project: ResolvedProject) -> [Diagnostic] {
        entryChecks.flatMap { $0(project) }
    }

    /// The findings of rules scoped to the entries' interfaces together.
    public static func checkProject(_ overview: ProjectOverview) -> [Diagnostic] {
        CoverageChecks.check(overview) + CitationChecks.unused(overview) + FactChecks.placeCycles(overview)
            + WebChecks.check(overview) + WebChecks.redirects(overview) + WebChecks.issuedAddresses(overview)
    }
}

/// The project as the checks of its whole scope see it: every entry's
/// interface, where each says it lies, and the sources.
public struct ProjectOverview: Sendable {
    /// Sorted by id.
    public var interfaces: [EntryInterface]
    /// Each entry's resolved `region` and `part-of` facts.
    public var places: [EntryID: [MergedFact]]
    public var bibliography: Bibliography
    /// The web editions' language folders (`ProjectConfiguration.reservedWebSegments`).
    public var reservedWebSegments: [String: LanguageTag]
    /// plaques.lock and where the web editions are published; nil: no plaques.lock.
    public var addresses: AddressBook?
    /// The entries and sources that records name: a place only records name is no orphan.
    public var recordMentions: RecordMentions

    public init(
        interfaces: [EntryInterface], places: [EntryID: [MergedFact]], bibliography: Bibliography,
        reservedWebSegments: [String: LanguageTag] = [:], addresses: AddressBook? = nil, recordMentions: RecordMentions = RecordMentions()
    ) {
        self.recordMentions = recordMentions
        self.interfaces = interfaces
        self.places = places
        self.bibliography = bibliography
        self.reservedWebSegments = reservedWebSegments
        self.addresses = addresses
    }

    public init(_ project: ResolvedProject) {
        self.init(
            interfaces: project.entries.map(EntryInterface.init), places: Self.places(of: project.entries),
            bibliography: project.bibliography, reservedWebSegments: project.configuration.reservedWebSegments)
    }

    /// The facts of `entries` that say where each lies.
    public static func places(of entries: [Entry]) -> [EntryID: [MergedFact]] {
        var places: [EntryID: [MergedFact]] = [:]
        for entry in entries {
            let facts = entry.facts.filter { PlaceHierarchy.fields.contains($0.field) }
            if !facts.isEmpty { places[entry.id] = facts }
        }
        return places
    }
}

enum DuplicateChecks {
    static func check(_ project: ResolvedProject) -> [Diagnostic] {
        project.duplicates.map { duplicate in
            Diagnostic(
                .duplicateID,
                Message(.checkDuplicateVersion, ["language": duplicate.language.rawValue, "id": duplicate.id.rawValue]),
                at: SourceLocation(path: duplicate.path, line: 1, column: 1),
                notes: [.init(Message(.checkDuplicateVersionKept), at: SourceLocation(path: duplicate.keptPath, line: 1, column: 1))])
        }
    }
}

enum WebChecks {
    /// Entries whose language-neutral web address is a language's folder.
    static func check(_ overview: ProjectOverview) -> [Diagnostic] {
        let reserved = overview.reservedWebSegments
        guard !reserved.isEmpty else { return [] }
        return overview.interfaces.compactMap { entry in
            guard let language = reserved[entry.id.rawValue], let version = entry.versions.first
            else { return nil }
            return Diagnostic(
                .reservedID, Message(.checkReservedID, ["id": entry.id.rawValue, "language": language.rawValue]),
                at: SourceLocation(path: version.path))
        }
    }
}

extension WebChecks {
    /// `redirect-from:` ids that are another entry's, or that two entries claim.
    static func redirects(_ overview: ProjectOverview) -> [Diagnostic] {
        let ids = Set(overview.interfaces.map(\.id))
        var claimed: [EntryID: EntryID] = [:]
        var findings: [Diagnostic] = []
        for entry in overview.interfaces {
            for version in entry.versions {
                for former in version.redirectFrom {
                    let at = SourceLocation(path: version.path, range: former.range)
                    if let language = overview.reservedWebSegments[former.value.rawValue] {
                        findings.append(Diagnostic(
                            .reservedID,
                            Message(.checkRedirectFromReserved, ["id": former.value.rawValue, "language": language.rawValue]), at: at))
                    } else if ids.contains(former.value) {
                        findings.append(Diagnostic(
                            .frontMatter, Message(.checkRedirectFromExistingEntry, ["id": former.value.rawValue]), at: at))
                    } else if let other = claimed[former.value], other != entry.id {
                        findings.append(Diagnostic(
                            .frontMatter,
                            Message(.checkRedirectFromClaimed, ["id": former.value.rawValue, "other": other.rawValue]), at: at))
                    } else {
                        claimed[former.value] = entry.id
                    }
                }
            }
        }
        return findings
    }

    /// Addresses printed on plaques that would no longer lead to a page.
    static func issuedAddresses(_ overview: ProjectOverview) -> [Diagnostic] {
        guard let book = overview.addresses else { return [] }
        /// Whether the site at `base` has a page for the entry: a version in one of the languages its edition is made from, not a draft.
        func isOnSite(_ entry: EntryInterface, _ base: String) -> Bool {
            let languages = book.sites[base]?.languages ?? []
            return entry.versions.contains { !$0.isDraft && languages.contains($0.language) }
        }
        let entries = Dictionary(overview.interfaces.map { ($0.id, $0) }) { first, _ in first }
        return book.issued.compactMap { address in
            let at = SourceLocation(path: book.path, line: address.line, column: 1, length: address.url.count)
            guard let base = book.sites.keys.filter({ address.url.hasPrefix($0) }).max(by: { $0.count < $1.count }) else {
                let sites = book.sites.keys.sorted()
                let message = sites.isEmpty
                    ? Message(.checkIssuedAddressNoSite, ["url": address.url])
                    : Message(.checkIssuedAddressNoSiteOfThose, ["url": address.url, "sites": sites.joined(separator: ", ")])
                return Diagnostic(.issuedAddress, message, at: at)
            }
            let rest = address.url.dropFirst(base.count)
            guard rest.hasSuffix("/"), EntryID.isValid(String(rest.dropLast())) else {
                return Diagnostic(.issuedAddress, Message(.checkIssuedAddressNotEntry, ["url": address.url, "base": base]), at: at)
            }
            let id = EntryID(String(rest.dropLast()))
            if let entry = entries[id], isOnSite(entry, base) { return nil }
            if overview.interfaces.contains(where: { $0.formerIDs.contains(id) && isOnSite($0, base) }) { return nil }
            if entries[id] != nil {
                return Diagnostic(
                    .issuedAddress, Message(.checkIssuedAddressNoPage, ["url": address.url, "base": base, "id": id.rawValue]), at: at)
            }
            return Diagnostic(.issuedAddress, Message(.checkIssuedAddressNoEntry, ["url": address.url, "id": id.rawValue]), at: at)
        }
    }
}

extension FactValue {
    /// The value as an editor would write it, for messages.
    var written: String {
        switch self {
        case .text(let text): "'\(text)'"
        case .date(let date): date.description
        case .number(_, let written): written
        case .geo(let latitude, let longitude): "{lat: \(latitude), lon: \(longitude)}"
        case .link(let link): "[[\(link.target)]]"
        case .links(let links): "[" + links.map { "[[\($0.target)]]" }.joined(separator: ", ") + "]"
        case .enumeration(let value): value
        case .sources(let keys): keys.joined(separator: ", ")
        }
    }
}
