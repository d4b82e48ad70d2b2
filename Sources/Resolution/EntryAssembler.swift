import Diagnostics
import DocumentModel

/// Groups versions into entries and merges language-neutral values by the
/// reference rule: the first version in `languages` order that writes a value
/// gives it; a different value elsewhere is a conflict at that version's line.
enum EntryAssembler {
    static func assemble(
        _ versions: [Version], configuration: ProjectConfiguration
    ) -> (entries: [Entry], duplicates: [DuplicateVersion], conflicts: [FactConflict]) {
        var duplicates: [DuplicateVersion] = []
        var conflicts: [FactConflict] = []
        var entries: [Entry] = []
        var start = 0
        // Versions arrive sorted by id, then language order.
        while start < versions.count {
            var end = start
            while end < versions.count, versions[end].id == versions[start].id { end += 1 }
            var kept: [Version] = []
            for version in versions[start..<end] {
                if let first = kept.first(where: { $0.language == version.language }) {
                    duplicates.append(DuplicateVersion(
                        id: version.id, language: version.language, path: version.path, keptPath: first.path))
                } else {
                    kept.append(version)
                }
            }
            entries.append(merge(kept, configuration: configuration, conflicts: &conflicts))
            start = end
        }
        return (entries, duplicates, conflicts)
    }

    private static func merge(
        _ versions: [Version], configuration: ProjectConfiguration, conflicts: inout [FactConflict]
    ) -> Entry {
        var entry = Entry(id: versions[0].id, versions: versions)
        var merged: [String: MergedFact] = [:]
        func offer(_ field: String, _ value: FactValue, _ version: Version, _ range: SourceRange) {
            if let reference = merged[field] {
                if !reference.value.sameValue(as: value) {
                    conflicts.append(FactConflict(
                        entry: entry.id, field: field, path: version.path, range: range, value: value, reference: reference))
                }
            } else {
                merged[field] = MergedFact(field: field, value: value, language: version.language, path: version.path, range: range)
            }
        }
        for version in versions {
            if let kind = version.kind { offer("kind", .enumeration(kind.value), version, kind.range) }
            if let categories = version.categories {
                offer("categories", .enumeration(categories.value.sorted().joined(separator: ",")), version, categories.range)
            }
            for fact in version.facts where fact.value.isLanguageNeutral {
                offer(fact.field, fact.value, version, fact.range)
            }
        }
        if case .enumeration(let kind)? = merged.removeValue(forKey: "kind")?.value { entry.kind = kind }
        if merged.removeValue(forKey: "categories") != nil {
            entry.categories = versions.lazy.compactMap(\.categories?.value).first ?? []
        }
        let fieldOrder = entry.kind.flatMap(configuration.kind(named:))?.fields.map(\.name) ?? []
        entry.facts = merged.values.sorted {
            (fieldOrder.firstIndex(of: $0.field) ?? .max, $0.field) < (fieldOrder.firstIndex(of: $1.field) ?? .max, $1.field)
        }
        return entry
    }
}

extension FactValue {
    /// Every type but text is one value for the whole entry.
    var isLanguageNeutral: Bool {
        if case .text = self { false } else { true }
    }
}
