import Diagnostics
import DocumentModel
import Foundation
import Loading
import Parsing
import Pipeline
import Resolution

/// A copy of a fixture tree in a temporary folder, with files added,
/// replaced or removed, so each test states only what differs from the base.
public struct FixtureProject {
    public let root: URL

    /// `files`: path → new contents; a nil value removes the file.
    /// `appending`: path → text added at the end of the base's file.
    public init(base: String = "base", files: [String: String?] = [:], appending: [String: String] = [:]) throws {
        let source = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(base)
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("asyl-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: root)
        for (path, contents) in files {
            let url = root.appendingPathComponent(path)
            if let contents {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(contents.utf8).write(to: url)
            } else {
                try FileManager.default.removeItem(at: url)
            }
        }
        for (path, text) in appending {
            let url = root.appendingPathComponent(path)
            try Data((try String(contentsOf: url, encoding: .utf8) + text).utf8).write(to: url)
        }
    }

    public func write(_ path: String, bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    public func check() throws -> CheckReport {
        try CheckAction(source: root).run()
    }

    /// Findings as (rule, file, line, column), the parts tests assert on.
    public func findings() throws -> [Finding] {
        try check().diagnostics.map(Finding.init)
    }

    public func parsed() throws -> ParsedProject {
        ProjectParser.parse(try SourceTreeLoader().load(root))
    }

    public func resolved() throws -> ResolvedProject {
        let tree = try SourceTreeLoader().load(root)
        let parsed = ProjectParser.parse(tree)
        return Resolver.resolve(
            versions: parsed.versions, configuration: parsed.configuration,
            bibliography: parsed.bibliography, files: tree.allFiles)
    }

    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// The stable parts of a finding: rule id, file, line and column.
public struct Finding: Hashable, CustomStringConvertible, Sendable {
    public var rule: String
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(_ diagnostic: Diagnostic) {
        rule = diagnostic.rule.rawValue
        path = diagnostic.location.path
        line = diagnostic.location.range?.start.line ?? 0
        column = diagnostic.location.range?.start.column ?? 0
        message = diagnostic.message.english
    }

    public var description: String { "\(path):\(line):\(column): \(rule): \(message)" }

    /// Whether this finding is `rule` at `path:line:column` (column 0: any).
    public func matches(_ rule: String, _ path: String, _ line: Int, _ column: Int = 0) -> Bool {
        self.rule == rule && self.path == path && self.line == line && (column == 0 || self.column == column)
    }
}
