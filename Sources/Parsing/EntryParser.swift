import Diagnostics
import DocumentModel
import Loading

/// One version file read as far as it can be without its siblings: the
/// front matter's reserved keys and the body. Facts wait for the entry's kind.
struct VersionDraft: Sendable {
    var version: Version
    var frontMatter: FrontMatter
    var diagnostics: [Diagnostic]
}

enum EntryParser {
    static func parse(_ file: SourceFile, name: VersionFileName, configuration: ProjectConfiguration) -> VersionDraft {
        let language = LanguageTag(name.language)
        var version = Version(id: EntryID(name.id), language: language, path: file.path)
        // Without a title (reported), a book built anyway heads the entry with its id, never with nothing.
        version.title = name.id
        var diagnostics: [Diagnostic] = []
        let split: FrontMatterParser.Split
        switch FrontMatterParser.split(file.text, path: file.path) {
        case .failure(let diagnostic):
            version.isFrontMatterRead = false
            return VersionDraft(version: version, frontMatter: FrontMatter(), diagnostics: [diagnostic])
        case .success(let value):
            split = value
        }
        let frontMatter = FrontMatterParser.parse(
            split.yaml, path: file.path, language: language, configuration: configuration, into: &diagnostics)
        version.kind = frontMatter.kind
        if let title = frontMatter.title, !title.allSatisfy(\.isWhitespace) { version.title = title }
        version.titleRange = frontMatter.titleRange
        version.sort = frontMatter.sort
        version.aliases = frontMatter.aliases
        version.summary = frontMatter.summary
        version.categories = frontMatter.categories
        version.isDraft = frontMatter.isDraft
        version.translatedFrom = frontMatter.translatedFrom
        version.redirectFrom = frontMatter.redirectFrom
        version.isFrontMatterRead = frontMatter.isRead

        let body = BodyParser.parse(split.body, firstLine: split.bodyFirstLine, path: file.path)
        version.body = body.blocks
        version.sections = SectionPrinter.sections(of: split.body, firstLine: split.bodyFirstLine, blocks: body.blocks)
        version.footnotes = body.footnotes
        diagnostics += body.diagnostics
        return VersionDraft(version: version, frontMatter: frontMatter, diagnostics: diagnostics)
    }
}
