import Diagnostics
import FileSystem
import Foundation
import Loading
import NativeBridge

extension Message {
    /// What an error of a stage says, for the command line and the preview;
    /// an error from elsewhere (a library) in its own words.
    public init(for error: any Error) {
        switch error {
        case let error as BuildError: self = error.message
        case let error as LoadingError: self = error.message
        case let error as TreeEditError: self = error.message
        case let error as FileSystem.Failure: self = Message(.cannotWrite, ["path": error.path, "reason": error.reason])
        case let error as TreeWatcher.Failure: self = Message(.cliCannotWatch, ["path": error.path, "reason": error.reason])
        default: self = Message(.cliOtherError, ["reason": "\(error)"])
        }
    }
}

/// What libxslt found wrong in a stylesheet, or in a transformation by it,
/// at the stylesheet's file and line: said once each, compiler style.
public struct StylesheetProblem: Sendable, Equatable {
    public var file: String
    public var line: Int
    /// libxslt's words, and the element it names.
    public var text: String

    /// The problems of a stylesheet that does not compile or a transformation
    /// that failed; empty for any other error, or one that names no place.
    public static func all(in error: any Error) -> [StylesheetProblem] {
        let problems: [XMLError.Problem] = switch error {
        case BuildError.stylesheet(let error): error.problems
        case let error as XMLError: error.problems
        default: []
        }
        return problems.map { problem in
            let text = problem.text.isEmpty ? "?" : problem.text
            return StylesheetProblem(
                file: problem.file, line: problem.line, text: problem.element.map { "\(text) (xsl:\($0))" } ?? text)
        }
    }

    /// `my-styles/epub.xsl:4: error: …`; a file of the tree by its path in it.
    public func message(in source: URL) -> Message {
        let root = source.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let shown = file.hasPrefix(root) ? String(file.dropFirst(root.count)) : file
        return Message(.buildStylesheetProblem, ["file": shown, "line": line, "text": text])
    }
}
