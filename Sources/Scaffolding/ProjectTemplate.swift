import DocumentModel

/// The files of a new encyclopedia (`asyl init`): asyl.yaml with the three
/// languages and the usual kinds, an empty sources.yaml, and one entry to
/// show how a version file looks. It checks with no error and no warning
/// and builds every format.
public struct ProjectTemplate: Sendable {
    public struct File: Sendable, Equatable {
        /// Relative to the new tree.
        public var path: String
        public var text: String
    }

    /// The edition's id: the folder's name if it is a valid id, else `encyclopedia`.
    public var editionID: String

    public init(folderName: String) {
        let name = folderName.lowercased()
        // `-x` is an id, but not a YAML list item's plain value.
        editionID = EntryID.isValid(name) && name.first != "-" ? name : "encyclopedia"
    }

    /// The folders the tree has even when empty.
    public static let folders = ["entries", "media"]

    public var files: [File] {
        [
            File(path: "asyl.yaml", text: projectFile),
            File(path: "sources.yaml", text: Self.sourcesFile),
            File(path: ".gitignore", text: "# What `asyl build` writes, when run in this folder.\n/build/\n"),
        ] + Self.exampleEntry
    }

    private var projectFile: String {
        """
        # The project file: languages, kinds of entries and their facts, editions.
        # Every key is described in docs/format.md of Asyl.
        format: 1
        languages: [kk, ru, en]
        # Made from the kk versions by the 2021 Kazakh Latin alphabet.
        derived: {kk-Latn: {from: kk, script: latn-2021}}
        # Change the title and the publisher to your own.
        title: {kk: Жаңа энциклопедия, ru: Новая энциклопедия, en: New Encyclopedia}
        publisher: {kk: Баспа, ru: Издательство, en: Publisher}

        kinds:
          person:
            label: {kk: Тұлға, ru: Персона, en: Person}
            fields:
              born:       {type: date, label: {kk: Туған, ru: Родился, en: Born}}
              died:       {type: date, label: {kk: Қайтыс болған, ru: Умер, en: Died}}
              birthplace: {type: link, kinds: [place], label: {kk: Туған жері, ru: Место рождения, en: Birthplace}}
              deathplace: {type: link, kinds: [place], label: {kk: Қайтыс болған жері, ru: Место смерти, en: Place of death}}
              occupation: {type: text, label: {kk: Қызметі, ru: Род деятельности, en: Occupation}}
          monument:
            label: {kk: Ескерткіш, ru: Памятник, en: Monument}
            fields:
              region:   {type: link, kinds: [place], required: true, label: {kk: Өңірі, ru: Регион, en: Region}}
              location: {type: geo, label: {kk: Орналасуы, ru: Координаты, en: Location}}
              period:   {type: date, label: {kk: Кезеңі, ru: Период, en: Period}}
              heritage:
                type: enum
                label: {kk: Мәртебесі, ru: Статус, en: Status}
                values:
                  world:      {kk: ЮНЕСКО Бүкіләлемдік мұра нысаны, ru: Объект Всемирного наследия ЮНЕСКО, en: UNESCO World Heritage Site}
                  republican: {kk: Республикалық маңызы бар ескерткіш, ru: Памятник республиканского значения, en: Monument of national significance}
                  local:      {kk: Жергілікті маңызы бар ескерткіш, ru: Памятник местного значения, en: Monument of local significance}
          place:
            label: {kk: Мекен, ru: Место, en: Place}
            fields:
              place-type:
                type: enum
                label: {kk: Түрі, ru: Тип, en: Type}
                values:
                  country:  {kk: Мемлекет, ru: Государство, en: Country}
                  region:   {kk: Облыс, ru: Область, en: Region}
                  district: {kk: Аудан, ru: Район, en: District}
                  city:     {kk: Қала, ru: Город, en: City}
                  village:  {kk: Ауыл, ru: Село, en: Village}
              part-of:  {type: link, kinds: [place], label: {kk: Құрамында, ru: Входит в, en: Part of}}
              centre:   {type: link, kinds: [place], label: {kk: Орталығы, ru: Центр, en: Centre}}
              location: {type: geo, label: {kk: Орналасуы, ru: Координаты, en: Location}}
              founded:  {type: date, label: {kk: Құрылған, ru: Основан, en: Founded}}
          organisation:
            label: {kk: Ұйым, ru: Организация, en: Organisation}
            fields:
              founded:  {type: date, label: {kk: Құрылған, ru: Основан, en: Founded}}
              seat:     {type: link, kinds: [place], label: {kk: Орналасқан жері, ru: Местонахождение, en: Seat}}
          archive-collection:
            label: {kk: Мұрағат қоры, ru: Архивный фонд, en: Archival collection}
            fields:
              holder:   {type: link, kinds: [organisation], label: {kk: Сақтаушы, ru: Место хранения, en: Held by}}
              dates:    {type: date, label: {kk: Құжаттар мерзімі, ru: Даты документов, en: Dates}}
              extent:   {type: number, label: {kk: Сақтау бірлігі, ru: Единиц хранения, en: Units}}

        categories:
          history:      {kk: Тарих, ru: История, en: History}
          archaeology:  {kk: Археология, ru: Археология, en: Archaeology}
          architecture: {kk: Сәулет, ru: Архитектура, en: Architecture}
          geography:    {kk: География, ru: География, en: Geography}

        editions:
          - id: \(editionID)
            languages: [kk, ru, en, kk-Latn]
            select: {kinds: [person, monument, place, organisation, archive-collection]}
            formats: [epub, print, web]

        """
    }

    private static let sourcesFile = """
        # The bibliography: one key per source, cited in entries as [@key].
        # Types and fields: docs/format.md of Asyl, "sources.yaml".
        {}

        """

    /// Kazakhstan in three languages: the facts are those of content/'s entry.
    private static let exampleEntry = [
        File(path: "entries/places/kazakhstan.kk.md", text: """
            ---
            kind: place
            title: Қазақстан
            aliases: [Қазақстан Республикасы]
            place-type: country
            categories: [geography]
            summary: Орталық Азиядағы мемлекет, астанасы — Астана.
            ---
            **Қазақстан Республикасы** — Орталық Азиядағы мемлекет, астанасы — Астана. Ел 1991 жылғы 16 желтоқсанда мемлекеттік тәуелсіздігін жариялады.

            ## Әкімшілік бөлінісі {#divisions}

            2022 жылдан бері ел 17 облысқа және республикалық маңызы бар үш қалаға — Астана, Алматы және Шымкентке бөлінеді.

            """),
        File(path: "entries/places/kazakhstan.ru.md", text: """
            ---
            kind: place
            title: Казахстан
            aliases: [Республика Казахстан]
            summary: Государство в Центральной Азии со столицей в Астане.
            ---
            **Республика Казахстан** — государство в Центральной Азии, столица — Астана. Государственную независимость страна провозгласила 16 декабря 1991 года.

            ## Административное деление {#divisions}

            С 2022 года страна делится на 17 областей и три города республиканского значения — Астану, Алматы и Шымкент.

            """),
        File(path: "entries/places/kazakhstan.en.md", text: """
            ---
            kind: place
            title: Kazakhstan
            aliases: [Republic of Kazakhstan]
            summary: A state in Central Asia with its capital at Astana.
            ---
            The **Republic of Kazakhstan** is a state in Central Asia; its capital is Astana. The country declared its independence on 16 December 1991.

            ## Administrative divisions {#divisions}

            Since 2022 the country has been divided into 17 regions and three cities of national significance: Astana, Almaty and Shymkent.

            """),
    ]
}
