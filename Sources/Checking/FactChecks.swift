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
            let values: KeyValuePairs<String, any MessageArgumentConvertible> = [
                "field": conflict.field, "value": conflict.value.written, "reference": conflict.reference.value.written,
                "language": conflict.reference.language.rawValue,
            ]
            // Kind and categories are named as words, other fields by their key.
            let key: MessageKey = switch conflict.field {
            case "kind": .checkFactConflictKind
            case "categories": .checkFactConflictCategories
            default: .checkFactConflict
            }
            return Diagnostic(
                .factConflict, Message(key, values),
                at: SourceLocation(path: conflict.path, range: conflict.range),
                notes: [.init(Message(.checkFactConflictReference),
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
            let chain = (circle + [circle[0]]).map(\.rawValue).joined(separator: " → ")
            return Diagnostic(
                .linkCycle, Message(.checkPlaceCycle, ["field": fact.field, "circle": chain]),
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
            return Diagnostic(
                .frontMatter, Message(.checkRequiredField, ["kind": kindName, "field": field.name, "id": entry.id.rawValue]),
                at: first.location(range))
        }
    }

    /// Why a birth and a death date cannot both be true, if they cannot.
    static func lifespanProblem(born: EDTFValue, died: EDTFValue) -> Message? {
        guard let bornEarliest = born.earliestDay, let bornLatest = born.latestDay,
              let diedEarliest = died.earliestDay, let diedLatest = died.latestDay
        else { return nil }
        if diedLatest < bornEarliest {
            return Message(.checkDiedBeforeBorn, ["died": died.description, "born": born.description])
        }
        if (diedEarliest - bornLatest) > longestLifespanYears * 366 {
            return Message(.checkLifeTooLong, ["born": born.description, "died": died.description, "years": longestLifespanYears])
        }
        return nil
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
                    .impossibleDate, Message(.checkIntervalReversed, ["field": fact.field, "interval": value.description]),
                    at: SourceLocation(path: fact.path, range: fact.range)))
            }
        }
        guard let (born, bornFact) = dates["born"], let (died, diedFact) = dates["died"],
              let problem = lifespanProblem(born: born, died: died)
        else { return findings }
        let bornNote = Diagnostic.Note(
            Message(.checkBornHere, ["born": born.description]), at: SourceLocation(path: bornFact.path, range: bornFact.range))
        findings.append(Diagnostic(
            .impossibleDate, problem, at: SourceLocation(path: diedFact.path, range: diedFact.range), notes: [bornNote]))
        return findings
    }
}
