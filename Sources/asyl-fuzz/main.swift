import Foundation

// Built for `make fuzz` with -sanitize=fuzzer and -parse-as-library, libFuzzer
// gives the main function and calls this one; built as usual, the program
// reads the files it is given (the regression corpus, in `make test`).
#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzInput.read(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
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
