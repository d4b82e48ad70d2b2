import Diagnostics
import DocumentModel
import EDTF
import Resolution

/// `fact-conflict`, `impossible-date` and missing required fields.
enum FactChecks {
    /// Longer than any documented human life (122 years) allows for a typo's margin.
    static let longestLifespanYears = 120

    static func check(_ project: ResolvedProject) -> [Diagnostic] {
        var findings: [Diagnostic] = project.conflicts.map { conflict in
            let what = conflict.field == "kind" ? "kind" : conflict.field == "categories" ? "categories" : "`\(conflict.field)`"
            return Diagnostic(
                .factConflict,
                "\(what) is \(conflict.value.written) here but \(conflict.reference.value.written) in the \(conflict.reference.language) version",
                at: SourceLocation(path: conflict.path, range: conflict.range),
                notes: [.init("the reference value is here (the first version, in `languages` order, that gives it)",
                              at: SourceLocation(path: conflict.reference.path, range: conflict.reference.range))])
        }
        for entry in project.entries {
            findings += requiredFields(entry, project.configuration)
            findings += impossibleDates(entry)
        }
        return findings
    }

    /// `region` and `part-of` chains must end: a place inside itself would
    /// make edition selection by region meaningless (FORMAT.md §4).
    static func placeCycles(_ overview: ProjectOverview) -> [Diagnostic] {
        PlaceHierarchy(places: overview.places, known: Set(overview.interfaces.map(\.id))).cycles().compactMap { circle in
            // Reported at the link that leaves the circle's first entry.
            guard let fact = overview.places[circle[0]]?.first(where: { PlaceHierarchy.fields.contains($0.field) && $0.value.links.contains { link in
                      link.target == (circle.count > 1 ? circle[1] : circle[0]) } })
            else { return nil }
            return Diagnostic(
                .linkCycle, "`\(fact.field)` goes round in a circle: " + (circle + [circle[0]]).map(\.rawValue).joined(separator: " → "),
                at: SourceLocation(path: fact.path, range: fact.range))
        }
    }

    private static func requiredFields(_ entry: Entry, _ configuration: ProjectConfiguration) -> [Diagnostic] {
        // A version whose front matter could not be read may well give the field: its own finding comes first.
        guard let kindName = entry.kind, let kind = configuration.kind(named: kindName),
              entry.versions.allSatisfy(\.isFrontMatterRead)
        else { return [] }
        let first = entry.versions[0]
        return kind.fields.filter(\.isRequired).compactMap { field in
            let present = field.type.isLanguageNeutral
                ? entry.facts.contains { $0.field == field.name }
                : entry.versions.allSatisfy { version in version.facts.contains { $0.field == field.name } }
            guard !present else { return nil }
            let range = first.kind?.range ?? SourceRange(line: 1, column: 1)
            return Diagnostic(.frontMatter, "a \(kindName) needs `\(field.name)`; no version of '\(entry.id)' gives it",
                              at: first.location(range))
        }
    }

    private static func impossibleDates(_ entry: Entry) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var dates: [String: (EDTFValue, MergedFact)] = [:]
        for fact in entry.facts {
            guard case .date(let value) = fact.value else { continue }
            dates[fact.field] = (value, fact)
            if case .interval(let from, let to) = value, let start = from.date, let end = to.date,
               end.latestDay < start.earliestDay {
                findings.append(Diagnostic(
                    .impossibleDate, "`\(fact.field)`: the interval \(value) ends before it starts",
                    at: SourceLocation(path: fact.path, range: fact.range)))
            }
        }
        guard let (born, bornFact) = dates["born"], let (died, diedFact) = dates["died"],
              let bornEarliest = born.earliestDay, let bornLatest = born.latestDay,
              let diedEarliest = died.earliestDay, let diedLatest = died.latestDay
        else { return findings }
        let location = SourceLocation(path: diedFact.path, range: diedFact.range)
        let bornNote = Diagnostic.Note("`born` is \(born) here", at: SourceLocation(path: bornFact.path, range: bornFact.range))
        if diedLatest < bornEarliest {
            findings.append(Diagnostic(.impossibleDate, "died \(died), before being born \(born)", at: location, notes: [bornNote]))
        } else if (diedEarliest - bornLatest) > longestLifespanYears * 366 {
            findings.append(Diagnostic(
                .impossibleDate, "born \(born) and died \(died): a life of over \(longestLifespanYears) years",
                at: location, notes: [bornNote]))
        }
        return findings
    }
}
