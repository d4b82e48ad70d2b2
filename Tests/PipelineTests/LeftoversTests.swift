@testable import Pipeline
import Testing

/// The temporary names a killed build leaves, which the next one sweeps.
@Suite struct LeftoversTests {
    @Test(arguments: [
        (".print-kk.123.tmp", 123), (".records-kk-Latn.45.tmp", 45), (".web.7.tmp", 7), (".plaques.8.tmp", 8),
        (".asyl-mura.kk.pdf.99.tmp", 99), (".asyl-mura.kk.epub.12.3.tmp", 12),
    ])
    func asylsOwnNamesNameTheirProcess(_ case_: (String, Int32)) {
        #expect(Leftovers.owner(case_.0) == case_.1)
    }

    @Test(arguments: [".notes.12.tmp", "print-kk.12.tmp", ".print-kk.tmp", ".asyl-mura.kk.pdf.x.tmp", ".records-kk.0.tmp"])
    func anyOtherNameIsLeftAlone(_ name: String) {
        #expect(Leftovers.owner(name) == nil)
    }
}
