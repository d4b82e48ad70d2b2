import DocumentModel

/// The books `--edition`, `--lang` and `--format` pick out of asyl.yaml's
/// editions. A filter that names nothing the editions have is bad usage,
/// never a build that succeeds at writing nothing.
struct BookSelection: Sendable {
    /// Each chosen edition with the languages and formats it is built in.
    let books: [(edition: Edition, languages: [LanguageTag], formats: [OutputFormat])]

    init(editions: [Edition], named ids: [String], languages tags: [LanguageTag], formats: [OutputFormat]) throws {
        let known = editions.map(\.id)
        if let unknown = ids.first(where: { !known.contains($0) }) {
            throw BuildError.unknownEdition(unknown, known)
        }
        let chosen = editions.filter { ids.isEmpty || ids.contains($0.id) }
        let offered = Self.unique(chosen.flatMap(\.languages))
        // BCP 47 tags are case-insensitive: `--lang KK` and `--lang kk-latn` name kk and kk-Latn.
        var languages: [LanguageTag] = []
        for tag in tags {
            guard let language = offered.first(where: { $0.rawValue.lowercased() == tag.rawValue.lowercased() }) else {
                throw BuildError.unknownLanguage(tag.rawValue, offered.map(\.rawValue), chosen.map(\.id))
            }
            languages.append(language)
        }
        let offeredFormats = Self.unique(chosen.flatMap(\.formats))
        if let format = formats.first(where: { !offeredFormats.contains($0) }) {
            throw BuildError.formatNotBuilt(format.rawValue, offeredFormats.map(\.rawValue), chosen.map(\.id))
        }
        books = chosen.compactMap { edition in
            let editionLanguages = edition.languages.filter { languages.isEmpty || languages.contains($0) }
            let editionFormats = edition.formats.filter { formats.isEmpty || formats.contains($0) }
            guard !editionLanguages.isEmpty, !editionFormats.isEmpty else { return nil }
            return (edition, editionLanguages, editionFormats)
        }
        if books.isEmpty {
            throw BuildError.nothingSelected(
                chosen.map { "\($0.id): \($0.languages.map(\.rawValue).joined(separator: ", "))"
                    + " in \($0.formats.map(\.rawValue).joined(separator: ", "))" })
        }
    }

    private static func unique<T: Equatable>(_ items: [T]) -> [T] {
        items.reduce(into: []) { kept, item in if !kept.contains(item) { kept.append(item) } }
    }
}
