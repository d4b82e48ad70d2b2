import Diagnostics
import DocumentModel

/// The columns of a records file that are not the kind's fields.
public enum RecordColumns {
    public static let id = "id"
    public static let sameAs = "same-as"
    public static let notSameAs = "not-same-as"
    public static let reserved: Set<String> = [id, sameAs, notSameAs]
}

/// Reads a kind's records file (docs/records-files.md): UTF-8 CSV, a header
/// row naming the columns, one row per record. A file saved in another
/// form (a workbook, Windows-1251, `;` between fields) is recognised and
/// reported with what to do, and none of its rows is read.
public enum RecordFileParser {
    /// The column a header cell names.
    enum Column: Equatable {
        case id, sameAs, notSameAs
        case field(FieldSchema, language: LanguageTag?)
        /// Unknown or written twice: reported once, its cells not read.
        case ignored
    }

    public static func parse(_ bytes: [UInt8], path: String, kind: KindSchema, configuration: ProjectConfiguration) -> RecordFile {
        var file = RecordFile(path: path, kind: kind.name)
        func fileProblem(_ message: Message) -> RecordFile {
            file.diagnostics.append(Diagnostic(.recordFile, message, at: SourceLocation(path: path)))
            return file
        }
        if let form = SavedForm(bytes) { return fileProblem(Message(form.message, ["path": path])) }
        if let invalid = firstInvalidUTF8(bytes) {
            if looksLikeWindows1251(bytes) {
                let converted = String(path.dropLast(4)) + ".utf8.csv"
                return fileProblem(Message(.recordFileWindows1251, ["path": path, "converted": converted]))
            }
            file.diagnostics.append(Diagnostic(
                .recordFile, Message(.loadFileNotUTF8, ["byte": String(bytes[invalid.offset], radix: 16, uppercase: true)]),
                at: SourceLocation(path: path, line: invalid.line, column: invalid.column)))
            return file
        }
        var tokenizer = CSVTokenizer(bytes)
        var first = tokenizer.nextRow()
        while let row = first, row.fields.allSatisfy({ $0.text.isEmpty && !$0.isQuoted }), row.fields.count == 1 { first = tokenizer.nextRow() }
        guard let header = first else {
            return fileProblem(Message(.recordFileEmpty, ["kind": kind.name]))
        }
        if header.fields.count == 1, let other = otherSeparator(header.fields[0].text) {
            let at = SourceLocation(path: path, range: header.fields[0].range)
            file.diagnostics.append(Diagnostic(.recordFile, Message(other, ["path": path]), at: at))
            return file
        }
        let columns = readHeader(header, kind: kind, configuration: configuration, path: path, into: &file.diagnostics)
        guard let idColumn = columns.firstIndex(of: .id) else {
            file.diagnostics.append(Diagnostic(
                .recordFile, Message(.recordFileNoIDColumn, ["kind": kind.name]), at: SourceLocation(path: path, line: 1, column: 1)))
            return file
        }
        while let row = tokenizer.nextRow() {
            if row.fields.allSatisfy({ $0.text.isEmpty && !$0.isQuoted }) { continue }
            if let record = readRow(row, columns: columns, idColumn: idColumn, kind: kind, path: path, into: &file.diagnostics) {
                file.records.append(record)
            }
        }
        for (problem, position) in tokenizer.problems {
            let key: MessageKey = switch problem {
            case .quoteInUnquotedField: .recordFileQuoteInField
            case .textAfterClosingQuote: .recordFileTextAfterQuote
            case .quoteNotClosed: .recordFileQuoteNotClosed
            }
            file.diagnostics.append(Diagnostic(.recordFile, Message(key), at: SourceLocation(path: path, range: SourceRange(
                line: position.line, column: position.column))))
        }
        file.diagnostics.sort { ($0.location.range?.start.line ?? 0, $0.location.range?.start.column ?? 0) < ($1.location.range?.start.line ?? 0, $1.location.range?.start.column ?? 0) }
        return file
    }

    private static func readHeader(
        _ header: CSVTokenizer.Row, kind: KindSchema, configuration: ProjectConfiguration, path: String,
        into diagnostics: inout [Diagnostic]
    ) -> [Column] {
        var seen: Set<String> = []
        var names = Array(RecordColumns.reserved).sorted()
        for field in kind.fields {
            names.append(field.name)
            if case .text = field.type { names += configuration.languages.map { field.name + "." + $0.rawValue } }
        }
        return header.fields.map { cell in
            let name = cell.text.trimmingWhitespace
            let at = SourceLocation(path: path, range: cell.range)
            guard seen.insert(name).inserted else {
                diagnostics.append(Diagnostic(.recordFile, Message(.recordFileColumnTwice, ["column": name]), at: at))
                return .ignored
            }
            switch name {
            case RecordColumns.id: return .id
            case RecordColumns.sameAs: return .sameAs
            case RecordColumns.notSameAs: return .notSameAs
            default: break
            }
            var fieldName = Substring(name)
            var language: LanguageTag?
            if let dot = name.lastIndex(of: "."), configuration.languages.contains(LanguageTag(String(name[name.index(after: dot)...]))) {
                fieldName = name[..<dot]
                language = LanguageTag(String(name[name.index(after: dot)...]))
            }
            guard let field = kind.field(String(fieldName)) else {
                let message = NearMiss.closest(to: name, in: names).map {
                    Message(.recordFileColumnUnknownDidYouMean, ["column": name, "kind": kind.name, "near": $0])
                } ?? Message(.recordFileColumnUnknown, ["column": name, "kind": kind.name, "columns": names.joined(separator: ", ")])
                diagnostics.append(Diagnostic(.recordFile, message, at: at))
                return .ignored
            }
            if language != nil, field.type != .text {
                diagnostics.append(Diagnostic(
                    .recordFile, Message(.recordFileColumnLanguageNotText, ["column": name, "field": field.name]), at: at))
                return .ignored
            }
            return .field(field, language: language)
        }
    }

    private static func readRow(
        _ row: CSVTokenizer.Row, columns: [Column], idColumn: Int, kind: KindSchema, path: String,
        into diagnostics: inout [Diagnostic]
    ) -> Record? {
        let cells = row.fields
        if cells.count > columns.count {
            let extra = cells[columns.count]
            diagnostics.append(Diagnostic(
                .recordFile, Message(.recordFileTooManyFields, ["fields": cells.count, "columns": columns.count]),
                at: SourceLocation(path: path, range: SourceRange(line: extra.position.line, column: extra.position.column))))
        } else if cells.count < columns.count {
            diagnostics.append(Diagnostic(
                .recordFile, Message(.recordFileTooFewFields, ["fields": cells.count, "columns": columns.count]),
                at: SourceLocation(path: path, range: SourceRange(line: row.end.line, column: row.end.column))))
        }
        guard idColumn < cells.count else { return nil }
        let idCell = cells[idColumn].trimmed
        let id = idCell.text
        guard EntryID.isValid(id) else {
            let key: MessageKey = id.isEmpty ? .recordIDMissing : .recordIDInvalid
            diagnostics.append(Diagnostic(.recordField, Message(key, ["id": id]), at: SourceLocation(path: path, range: idCell.range)))
            return nil
        }
        var record = Record(id: RecordID(id), kind: kind.name, path: path, idRange: idCell.range)
        for (written, column) in zip(cells, columns) {
            let cell = written.trimmed
            let text = cell.text
            guard !text.isEmpty else { continue }
            switch column {
            case .id, .ignored: continue
            case .sameAs, .notSameAs:
                var ids: [Located<RecordID>] = []
                for part in parts(of: cell, separatedBy: [",", ";", " "]) {
                    guard EntryID.isValid(part.text) else {
                        diagnostics.append(Diagnostic(
                            .recordField, Message(.recordIDInvalid, ["id": part.text]), at: SourceLocation(path: path, range: part.range)))
                        continue
                    }
                    ids.append(Located(RecordID(part.text), range: part.range))
                }
                if column == .sameAs { record.sameAs += ids } else { record.notSameAs += ids }
            case .field(let field, let language):
                if let value = value(of: cell, text: text, field: field, path: path, into: &diagnostics) {
                    record.facts.append(RecordFact(field: field.name, language: language, value: value, range: cell.range))
                }
            }
        }
        for field in kind.fields where field.isRequired && !record.facts.contains(where: { $0.field == field.name }) {
            diagnostics.append(Diagnostic(
                .recordField, Message(.recordRequiredField, ["field": field.name, "id": id]),
                at: SourceLocation(path: path, range: idCell.range)))
        }
        return record
    }

    private static func value(
        of cell: CSVTokenizer.Field, text: String, field: FieldSchema, path: String, into diagnostics: inout [Diagnostic]
    ) -> RecordValue? {
        let position = cell.valuePosition
        do throws(FactParser.FactError) {
            switch field.type {
            case .link:
                if text.hasPrefix("[[") { return .typed(try FactParser.typed(text, at: position, as: field)) }
                if EntryID.isValid(text) {
                    return .typed(.link(FactLink(target: EntryID(text), range: cell.range)))
                }
                return .name(text)
            case .links:
                var links: [FactLink] = []
                for part in parts(of: cell, separatedBy: [";"]) {
                    let link = part.text.hasPrefix("[[") ? part.text : "[[\(part.text)]]"
                    if case .link(let target) = try FactParser.typed(link, at: part.range.start, as: FieldSchema(
                        name: field.name, type: .link(kinds: []), label: field.label)) {
                        links.append(FactLink(target: target.target, range: part.range))
                    }
                }
                return .typed(.links(links))
            case .source:
                var items: [CitationItem] = []
                for part in parts(of: cell, separatedBy: [";"]) {
                    let pieces = part.text.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
                    let key = String(pieces[0]).trimmingWhitespace
                    guard BibliographyParser.isCitationKey(key) else {
                        throw FactParser.FactError(message: Message(.recordSourceForm, ["field": field.name, "text": part.text]), range: part.range)
                    }
                    let locator = pieces.count > 1 ? String(pieces[1]).trimmingWhitespace : nil
                    items.append(CitationItem(key: key, locator: locator?.isEmpty == true ? nil : locator, range: part.range))
                }
                return .citations(items)
            case .geo:
                let numbers = text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
                guard numbers.count == 2, FactParser.isDecimal(numbers[0]), FactParser.isDecimal(numbers[1]),
                      let latitude = Double(numbers[0]), let longitude = Double(numbers[1]), abs(latitude) <= 90, abs(longitude) <= 180
                else {
                    throw FactParser.FactError(message: Message(.recordGeoForm, ["field": field.name, "text": text]), range: cell.range)
                }
                return .typed(.geo(latitude: latitude, longitude: longitude))
            case .text, .date, .number, .enumeration:
                return .typed(try FactParser.typed(text, at: position, as: field))
            }
        } catch {
            diagnostics.append(Diagnostic(.recordField, error.message, at: SourceLocation(path: path, range: error.range), fix: error.fix))
            return nil
        }
    }

    /// A cell's parts between separators, trimmed, each with its place (on the cell's first line).
    private static func parts(of cell: CSVTokenizer.Field, separatedBy separators: Set<Character>) -> [(text: String, range: SourceRange)] {
        var result: [(String, SourceRange)] = []
        var line = cell.valuePosition.line
        var column = cell.valuePosition.column
        var current = ""
        var start = SourcePosition(line: line, column: column)
        func flush() {
            let leading = current.prefix { $0.isWhitespace }.unicodeScalars.count
            let trimmed = current.trimmingWhitespace
            if !trimmed.isEmpty {
                result.append((trimmed, SourceRange(line: start.line, column: start.column + leading, length: trimmed.unicodeScalars.count)))
            }
        }
        // A value's quotes written twice count one here: a part after one sits a column early.
        for character in cell.text {
            if separators.contains(character) || character == "\n" {
                flush()
                current = ""
                if character == "\n" { line += 1; column = 1 } else { column += 1 }
                start = SourcePosition(line: line, column: column)
                continue
            }
            current.append(character)
            column += character.unicodeScalars.count
        }
        flush()
        return result
    }

    /// A file that is not text: what it was saved as.
    enum SavedForm {
        case workbook, oldWorkbook, utf16

        init?(_ bytes: [UInt8]) {
            if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { self = .workbook }
            else if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { self = .oldWorkbook }
            else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { self = .utf16 }
            else { return nil }
        }

        var message: MessageKey {
            switch self {
            case .workbook: .recordFileWorkbook
            case .oldWorkbook: .recordFileOldWorkbook
            case .utf16: .recordFileUTF16
            }
        }
    }

    /// A header that is one field but splits on `;` or a tab into several: the other separators spreadsheets save with.
    static func otherSeparator(_ header: String) -> MessageKey? {
        if header.split(separator: ";").count > 1 { return .recordFileSemicolons }
        if header.split(separator: "\t").count > 1 { return .recordFileTabs }
        return nil
    }

    /// Where the first byte that is not UTF-8 is.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (offset: Int, line: Int, column: Int)? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var line = 1
        var column = 1
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return nil
            case .error:
                return (offset, line, column)
            }
        }
    }

    /// Windows-1251 writes Cyrillic letters as single bytes 0xC0–0xFF (and Ё, ё, Қ… in 0x80–0xBF):
    /// text that is not UTF-8 whose high bytes are mostly those letters, in runs, is Cyrillic in that code page.
    static func looksLikeWindows1251(_ bytes: [UInt8]) -> Bool {
        var letters = 0
        var others = 0
        for byte in bytes.prefix(65_536) where byte >= 0x80 {
            if byte >= 0xC0 || [0xA8, 0xB8, 0xAA, 0xBA, 0xAF, 0xBF, 0xB2, 0xB3, 0xA1, 0xA2].contains(byte) { letters += 1 } else { others += 1 }
        }
        return letters > 0 && letters >= others * 4
    }
}
