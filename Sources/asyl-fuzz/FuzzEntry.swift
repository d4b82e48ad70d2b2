import Foundation
#if FUZZING
import CFuzzer
#endif

/// Built for `make fuzz` (-sanitize=fuzzer, -DFUZZING), the program hands its
/// arguments to libFuzzer's driver, which calls `FuzzInput.read` with each
/// input it makes; built as usual, it reads the files it is given (the
/// regression corpus, in `make test`). Either way a crash is the finding.
@main
struct FuzzEntry {
    static func main() {
        #if FUZZING
        var count = CommandLine.argc
        var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&count, &arguments) { data, size in
            FuzzInput.read(Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        })
        #else
        var read = 0
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("asyl-fuzz: cannot read \(path)\n".utf8))
                exit(2)
            }
            FuzzInput.read(Array(data))
            read += 1
        }
        print("asyl-fuzz: \(read) inputs read, none failed")
        #endif
    }
}
