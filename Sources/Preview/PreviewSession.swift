import Diagnostics
import DocumentModel
import FileSystem
import Foundation
import Pipeline

/// What the open pages are told after a build: which build the site is
/// at, whether the last one stopped, and the lines of the overlay.
public struct PreviewState: Sendable {
    /// The number of the last build that wrote the site; a page stamped with another reloads.
    public var generation: Int
    /// The last build stopped (an error in the sources or a stylesheet): the site is the build before.
    public var stopped: Bool
    /// `file:line:column: severity: message [rule]`, errors and warnings, as many as an overlay can show.
    public var lines: [String]

    static let shown = 30

    init(generation: Int, stopped: Bool, heading: Message?, findings: [Diagnostic], language: InterfaceLanguage) {
        self.generation = generation
        self.stopped = stopped
        let visible = findings.filter { $0.severity != .note }
        var lines = heading.map { [$0.text(in: language)] } ?? []
        lines += visible.prefix(Self.shown).map { finding in
            var place = finding.location.path
            if let start = finding.location.range?.start { place += ":\(start.line):\(start.column)" }
            let severity = Message(finding.severity == .error ? .severityError : .severityWarning).text(in: language)
            return "\(place): \(severity): \(finding.message.text(in: language)) [\(finding.rule.rawValue)]"
        }
        if visible.count > Self.shown { lines.append(Message(.serveMoreFindings, ["more": visible.count - Self.shown]).text(in: language)) }
        self.lines = lines
    }

    var json: String {
        "{\"generation\": \(generation), \"stopped\": \(stopped), \"lines\": ["
            + lines.map(JSONText.string).joined(separator: ", ") + "]}"
    }
}

/// `asyl serve`: builds an edition's web site into a folder of its own,
/// serves it, and builds again on every save, for as long as it runs.
public final class PreviewSession: @unchecked Sendable {
    /// What one build gave, for the terminal.
    public enum Outcome: Sendable {
        case built(BuildReport, seconds: Double)
        /// The build stopped on findings (in `report.check`) or on an error that is not one.
        case stopped(BuildReport?, Message?, seconds: Double)
    }

    public let source: URL
    public let edition: String
    public let output: URL
    public let server: PreviewServer
    let styles: URL
    let date: Date
    /// The overlay's language, the terminal's.
    let language: InterfaceLanguage
    private let watcher: TreeWatcher
    private var generation = 0
    /// Every build of the preview goes on from the graph the last one left in memory.
    private let builds = BuildSession()

    /// The site is built into `output` (made for the session, and removed by the caller).
    public init(
        source: URL, edition: String, port: UInt16, styles: URL, date: Date, output: URL, language: InterfaceLanguage
    ) throws {
        self.source = source
        self.language = language
        self.edition = edition
        self.styles = styles
        self.date = date
        self.output = output
        // What changes under a dot-folder or `build/` is not a save of the sources.
        watcher = try TreeWatcher(root: source.path) { folder in folder == "build" }
        server = try PreviewServer(
            port: port, site: output.appendingPathComponent(edition).appendingPathComponent("web"),
            script: styles.appendingPathComponent("preview/live.js"), language: language)
    }

    /// The edition a preview shows when none is named: the first built as web.
    public static func edition(in source: URL) -> String? {
        try? CheckAction(source: source).configuration()?.editions.first { $0.formats.contains(.web) }?.id
    }

    /// Builds once, and tells the open pages.
    public func build() async -> Outcome {
        let start = DispatchTime.now()
        func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }
        let action = BuildAction(
            source: source, output: output, editions: [edition], formats: [.web], date: date, styles: styles,
            searchIndex: false, session: builds)
        let outcome: Outcome
        let state: PreviewState
        do {
            let report = try action.run()
            if report.check.failed(strict: false) {
                outcome = .stopped(report, nil, seconds: seconds())
                state = PreviewState(
                    generation: generation, stopped: true,
                    heading: Message(.serveLastSaveHasErrors), findings: report.check.diagnostics, language: language)
            } else {
                generation += 1
                outcome = .built(report, seconds: seconds())
                state = PreviewState(
                    generation: generation, stopped: false, heading: nil, findings: report.check.diagnostics, language: language)
            }
        } catch {
            outcome = .stopped(nil, Message(for: error), seconds: seconds())
            state = PreviewState(generation: generation, stopped: true, heading: Message(for: error), findings: [], language: language)
        }
        await server.publish(state)
        return outcome
    }

    /// Waits for the next save in the tree; returns the paths that changed.
    public func nextSave() -> [String] {
        while true {
            let changed = watcher.next()
            if !changed.isEmpty { return changed }
        }
    }
}
