import DocumentModel
import Loading
import Media
import Parsing

/// One input of the reader's fuzz target: its first byte says which file
/// the rest is (a version file, asyl.yaml, sources.yaml, or an image whose
/// claimed format the next byte gives), and the rest is read as Asyl reads
/// that file. Nothing is written; a crash, a trap or a
/// hang is the finding (libFuzzer's, under `make fuzz`).
enum FuzzInput {
    enum Target: UInt8, CaseIterable {
        case version = 0, projectFile = 1, sourcesFile = 2, image = 3

        var path: String {
            switch self {
            case .version: "entries/monuments/berel.kk.md"
            case .projectFile: "asyl.yaml"
            case .sourcesFile: "sources.yaml"
            case .image: "media/plan"
            }
        }
    }

    /// The configuration version files are read against: kinds with a field of every type.
    static let configuration: ProjectConfiguration = ConfigurationParser.parse(SourceFile(path: "asyl.yaml", text: """
        format: 1
        languages: [kk, ru, en]
        title: {kk: Сынақ, ru: Тест, en: Test}
        kinds:
          monument:
            label: {kk: Ескерткіш, ru: Памятник, en: Monument}
            fields:
              region: {type: link, kinds: [monument], required: true, label: {kk: Өңірі, ru: Регион, en: Region}}
              location: {type: geo, label: {kk: Орны, ru: Место, en: Location}}
              period: {type: date, label: {kk: Кезеңі, ru: Период, en: Period}}
              heritage: {type: enum, label: {kk: Мәртебесі, ru: Статус, en: Status}, values: {republican: {kk: Р, ru: Р, en: N}}}
              units: {type: number, label: {kk: Саны, ru: Число, en: Count}}
              related: {type: links, label: {kk: Байланысты, ru: Связанные, en: Related}}
              literature: {type: source, label: {kk: Әдебиет, ru: Литература, en: Literature}}
              note: {type: text, label: {kk: Ескерту, ru: Примечание, en: Note}}
        """)).0

    static func read(_ bytes: [UInt8]) {
        guard let first = bytes.first, let target = Target(rawValue: first % UInt8(Target.allCases.count)) else { return }
        if target == .image {
            let formats: [MediaInspection.Format] = [.png, .jpeg, .gif, .svg]
            guard bytes.count > 1 else { return }
            _ = MediaInspector.inspect(Array(bytes.dropFirst(2)), claimed: formats[Int(bytes[1]) % formats.count])
            return
        }
        let file = SourceFile(path: target.path, text: String(decoding: bytes.dropFirst(), as: UTF8.self))
        switch target {
        case .version: _ = ProjectParser.parseEntry([file], configuration: configuration)
        case .projectFile: _ = ConfigurationParser.parse(file)
        case .sourcesFile: _ = BibliographyParser.parse(file, configuration: configuration)
        case .image: break
        }
    }
}
