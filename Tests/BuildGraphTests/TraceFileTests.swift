import Testing

@testable import BuildGraph

@Suite struct TraceFileTests {
    let file: TraceFile = {
        let keys = [
            QueryKey(kind: "parsed-entry", argument: "abai"), QueryKey(kind: "entry-files", argument: "abai"),
            QueryKey(kind: "listing", argument: ""), QueryKey(kind: "entry-files", argument: "berel"),
        ]
        return TraceFile(keys: keys, traces: [
            Trace(dependencies: [Dependency(node: 1, fingerprint: .of([4])), Dependency(node: 2, fingerprint: .of([5]))], fingerprint: .of([3])),
            Trace(dependencies: [Dependency(node: 2, fingerprint: .of([5])), Dependency(node: 3, fingerprint: .of([6]))], fingerprint: .of([4])),
            Trace(dependencies: [], fingerprint: .of([5])),
            Trace(dependencies: [], fingerprint: .of([6])),
        ])
    }()

    @Test func tracesReadBackAsTheyWereWritten() throws {
        #expect(try TraceFile(decoding: file.encoded()) == file)
        #expect(try TraceFile(decoding: TraceFile(keys: [], traces: []).encoded()).traces.isEmpty)
    }

    /// A dependency read as its own trace records it (as most are) costs no fingerprint; others keep theirs.
    @Test func aDependencyAsItsOwnTraceRecordsItTakesNoFingerprint() throws {
        let keys = [QueryKey(kind: "sum", argument: "ab"), QueryKey(kind: "cell", argument: "a")]
        let current = TraceFile(keys: keys, traces: [
            Trace(dependencies: [Dependency(node: 1, fingerprint: .of([1]))], fingerprint: .of([2])),
            Trace(dependencies: [], fingerprint: .of([1])),
        ])
        var stale = current
        stale.traces[0]!.dependencies[0].fingerprint = .of([7])
        let (short, long) = (current.encoded(), stale.encoded())
        #expect(long.count == short.count + 32)
        #expect(try TraceFile(decoding: short) == current)
        #expect(try TraceFile(decoding: long) == stale)
    }

    /// Only the traces kept are written, and only the keys they name, numbered afresh.
    @Test func aRunWritesWhatItKeepsNumberedAfresh() throws {
        let kept = [(node: 3, trace: file.traces[3]!), (node: 1, trace: file.traces[1]!), (node: 2, trace: file.traces[2]!)]
        let read = try TraceFile(decoding: TraceFile.encode(keys: file.keys, kept: kept))
        #expect(read.keys == [file.keys[3], file.keys[1], file.keys[2]])
        #expect(read.traces[1] == Trace(
            dependencies: [Dependency(node: 2, fingerprint: .of([5])), Dependency(node: 0, fingerprint: .of([6]))], fingerprint: .of([4])))
    }

    @Test func eachKeyIsWrittenOnce() {
        #expect(file.encoded().count < 4 * 32 + 80)
    }

    /// The store's hash guards the file; a damaged one must still never crash or hang the reader.
    @Test func aFileCutShortOrFlippedIsRefusedOrReadWithoutCrashing() {
        let bytes = file.encoded()
        for length in 0..<bytes.count {
            #expect(throws: TraceFile.Malformed.self) { try TraceFile(decoding: Array(bytes[..<length])) }
        }
        for position in bytes.indices {
            for flip: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = bytes
                damaged[position] ^= flip
                _ = try? TraceFile(decoding: damaged)
            }
        }
        #expect(throws: TraceFile.Malformed.self) { try TraceFile(decoding: bytes + [0]) }
    }

    @Test func aFingerprintKeepsItsBytesAndOrder() {
        let digest = (0..<32).map { UInt8($0 * 7 & 0xFF) }
        #expect(Fingerprint(digest: digest).bytes == digest)
        #expect(Fingerprint.of([1]) != Fingerprint.of([2]))
        let sorted = [Fingerprint.of([1]), .of([2]), .of([3])].sorted()
        #expect(sorted.map(\.hex) == sorted.map(\.hex).sorted())
    }
}
