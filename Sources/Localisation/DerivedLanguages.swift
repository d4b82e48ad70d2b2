import DocumentModel
import Resolution

/// Makes a derived language's versions (FORMAT.md §4): `kk-Latn` versions
/// are the `kk` versions transliterated into the 2021 Kazakh Latin alphabet,
/// headwords, text, captions, link titles and labels alike. Bibliographic
/// sources keep the script they were published in.
public enum DerivedLanguages {
    /// The entry with a version in the derived language, if it has one in the language it is made from.
    public static func derive(_ entry: Entry, _ derived: DerivedLanguage) -> Entry {
        guard let source = entry.version(derived.source) else { return entry }
        var entry = entry
        entry.versions.append(transliterated(source, as: derived.tag, from: derived.source, KazakhLatin.transliterate))
        return entry
    }

    /// The configuration with the derived language's texts and the language itself.
    public static func derive(_ configuration: ProjectConfiguration, _ derived: DerivedLanguage) -> ProjectConfiguration {
        var configuration = configuration
        configuration.deriveTexts(derived.tag, from: derived.source, KazakhLatin.transliterate)
        if !configuration.languages.contains(derived.tag) { configuration.languages.append(derived.tag) }
        return configuration
    }

    /// What links reach, with each target's title in the derived language.
    public static func derive(_ targets: TargetIndex, _ derived: DerivedLanguage) -> TargetIndex {
        var targets = targets
        targets.derive(derived.tag, from: derived.source, KazakhLatin.transliterate)
        return targets
    }

    private static func transliterated(
        _ version: Version, as tag: LanguageTag, from source: LanguageTag, _ write: @escaping (String) -> String
    ) -> Version {
        var copy = version
        copy.language = tag
        copy.title = write(version.title)
        copy.sort = version.sort.map(write)
        copy.aliases = version.aliases.map(write)
        copy.summary = version.summary.map(write)
        copy.facts = version.facts.map { fact in
            var fact = fact
            if case .text(let text) = fact.value { fact.value = .text(write(text)) }
            return fact
        }
        func resolution(_ resolution: LinkResolution) -> LinkResolution {
            switch resolution {
            case .resolved(var link):
                link.title = write(link.title)
                link.language = tag
                return .resolved(link)
            case .untranslated, .broken, .unresolved:
                return resolution
            }
        }
        let inline = { (inline: Inline) -> Inline in
            var inline = inline
            switch inline.kind {
            case .text(let text): inline.kind = .text(write(text))
            case .image(let reference, let alt, let title): inline.kind = .image(reference, alt: write(alt), title: write(title))
            case .wikiLink(var link):
                link.resolution = resolution(link.resolution)
                inline.kind = .wikiLink(link)
            case .emphasis, .strong, .strikethrough, .code, .softBreak, .lineBreak, .externalLink, .citation, .footnoteReference:
                break
            }
            return inline
        }
        let figure = { (figure: Figure) -> Figure in
            var figure = figure
            figure.alt = write(figure.alt)
            figure.caption = figure.caption.map(write)
            return figure
        }
        let rewrite = { (block: Block) in block.rewritten(inline: inline, media: { $0 }, figure: figure) }
        copy.body = version.body.map(rewrite)
        copy.footnotes = version.footnotes.map { footnote in
            var footnote = footnote
            footnote.blocks = footnote.blocks.map(rewrite)
            return footnote
        }
        return copy
    }
}

extension ProjectConfiguration {
    /// Gives every label, title and name a `tag` text made from its `source` text, where none is written.
    mutating func deriveTexts(_ tag: LanguageTag, from source: LanguageTag, _ write: (String) -> String) {
        visitTexts { text, nature in
            // ISBNs and paths are not derived: each publication has its own.
            guard case .prose = nature, text[tag] == nil, let original = text[source] else { return }
            text.values[tag] = write(original)
        }
    }
}
