import DocumentModel

/// The comments and placeholders a new version file carries, in the
/// language of the file, so that an editor reads them in the language they
/// write. Languages without a table get English.
struct ScaffoldPhrases: Sendable {
    var headword: String
    var draft: String
    var required: String
    var optional: String
    var summary: String
    var aliases: String
    var categories: String
    var text: String
    var date: String
    var number: String
    var geo: String
    /// `%@` is the kinds' labels.
    var link: String
    var links: String
    var oneOf: String
    var source: String
    var noExample: String
    var lead: String
    var section: String
    /// The lead's form: the headword in bold, then what the editor writes.
    var leadPattern: String

    static func forLanguage(_ language: LanguageTag) -> ScaffoldPhrases {
        switch language.rawValue {
        case "kk": kazakh
        case "ru": russian
        default: english
        }
    }

    static let english = ScaffoldPhrases(
        headword: "The headword in this language.",
        draft: "Left out of books until you delete this line.",
        required: "Required.",
        optional: "Delete the # to fill it in.",
        summary: "One sentence for the index and previews.",
        aliases: "Other names, for the index.",
        categories: "Categories, from asyl.yaml:",
        text: "text",
        date: "a date (EDTF: 1845-08-10, 1845, 1845~, 184X, 1941/1945)",
        number: "a number",
        geo: "coordinates in degrees (WGS 84)",
        link: "a link to an entry of kind %@, written \"[[id]]\"",
        links: "a list of links to entries of kind %@",
        oneOf: "one of:",
        source: "a key of sources.yaml, or a list of keys",
        noExample: "no such entry yet: write one first",
        lead: "is …",
        section: "History",
        leadPattern: "**%@** %@")

    static let russian = ScaffoldPhrases(
        headword: "Заголовок статьи на этом языке.",
        draft: "Статья не попадёт в книги, пока вы не удалите эту строку.",
        required: "Обязательное поле.",
        optional: "Уберите #, чтобы заполнить.",
        summary: "Одно предложение для указателя и превью.",
        aliases: "Другие названия, для указателя.",
        categories: "Рубрики из asyl.yaml:",
        text: "текст",
        date: "дата (EDTF: 1845-08-10, 1845, 1845~, 184X, 1941/1945)",
        number: "число",
        geo: "координаты в градусах (WGS 84)",
        link: "ссылка на статью вида «%@» в форме \"[[id]]\"",
        links: "список ссылок на статьи вида «%@»",
        oneOf: "одно из значений:",
        source: "ключ из sources.yaml или список ключей",
        noExample: "таких статей пока нет: сначала напишите одну",
        lead: "— …",
        section: "История",
        leadPattern: "**%@** %@")

    static let kazakh = ScaffoldPhrases(
        headword: "Мақаланың осы тілдегі атауы.",
        draft: "Бұл жолды өшірмейінше мақала кітаптарға енбейді.",
        required: "Міндетті өріс.",
        optional: "Толтыру үшін # белгісін өшіріңіз.",
        summary: "Көрсеткіш пен алдын ала қарауға арналған бір сөйлем.",
        aliases: "Көрсеткішке арналған басқа атаулары.",
        categories: "asyl.yaml файлындағы санаттар:",
        text: "мәтін",
        date: "күні (EDTF: 1845-08-10, 1845, 1845~, 184X, 1941/1945)",
        number: "сан",
        geo: "градуспен берілген координаттар (WGS 84)",
        link: "«%@» түріндегі мақалаға сілтеме, \"[[id]]\" түрінде",
        links: "«%@» түріндегі мақалаларға сілтемелер тізімі",
        oneOf: "мына мәндердің бірі:",
        source: "sources.yaml файлындағы кілт немесе кілттер тізімі",
        noExample: "мұндай мақала әлі жоқ: алдымен соны жазыңыз",
        lead: "— …",
        section: "Тарихы",
        leadPattern: "**%@** %@")
}
