import Diagnostics
import FileSystem
import Loading

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
