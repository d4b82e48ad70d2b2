// swift-tools-version:6.0
// Asyl: source tree → typed model → checks → XML → XSLT → EPUB / print HTML.
// Modules follow the pipeline (docs/architecture.md); C lives only in the two
// system-library targets and NativeBridge.
import PackageDescription

let package = Package(
    name: "Asyl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "asyl", targets: ["asyl"]),
        .executable(name: "asyl-fuzz", targets: ["asyl-fuzz"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The live preview's web server: small, no other dependency, quick to build (CI builds it every run).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // C libraries, each behind a module map, and the one module that calls them.
        .systemLibrary(
            name: "CCmarkGFM", path: "Sources/CSystem/CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(
            name: "CLibXML", path: "Sources/CSystem/CLibXML", pkgConfig: "libexslt",
            providers: [.apt(["libxml2-dev", "libxslt1-dev"])]),
        .systemLibrary(
            name: "CZlib", path: "Sources/CSystem/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CJemalloc", path: "Sources/CSystem/CJemalloc", pkgConfig: "jemalloc", providers: [.apt(["libjemalloc-dev"])]),
        .systemLibrary(
            name: "CQRencode", path: "Sources/CSystem/CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CLinux", path: "Sources/CSystem/CLinux"),
        .systemLibrary(name: "CFuzzer", path: "Sources/CSystem/CFuzzer"),
        .target(name: "NativeBridge", dependencies: ["CCmarkGFM", "CLibXML", "CZlib", "CJemalloc", "CQRencode"]),

        // Values shared by every stage.
        // What Asyl says to its users, in kk, ru and en: catalogues as data, one file per language.
        .target(name: "Messages", resources: [.copy("Catalogues")]),
        .target(name: "Diagnostics", dependencies: ["Messages"]),
        .target(name: "Parallelism"),
        .target(name: "EDTF", dependencies: ["Messages"]),
        .target(name: "DocumentModel", dependencies: ["Diagnostics", "EDTF"]),
        .target(name: "FileSystem", dependencies: ["CLinux"]),
        // Products memoised by what they are made from, and the store that keeps them.
        .target(name: "BuildGraph", dependencies: ["FileSystem", .product(name: "Crypto", package: "swift-crypto")]),

        // The pipeline stages, in the order data flows through them.
        .target(name: "Loading", dependencies: ["Diagnostics", "Parallelism", "FileSystem", "NativeBridge"]),
        .target(
            name: "Parsing",
            dependencies: [
                "Loading", "DocumentModel", "NativeBridge", "EDTF", "Parallelism",
                .product(name: "Yams", package: "Yams"),
            ]),
        .target(name: "Resolution", dependencies: ["DocumentModel", "Parallelism"]),
        .target(name: "Checking", dependencies: ["Resolution", "DocumentModel", "Parallelism"]),
        // An image file's bytes against what its name claims, its size and, for SVG, what it holds.
        .target(name: "Media", dependencies: ["DocumentModel", "FileSystem", "NativeBridge"]),
        .target(name: "Localisation", dependencies: ["Resolution", "DocumentModel", "EDTF"]),
        .target(
            name: "XMLSerialisation",
            dependencies: ["Localisation", "NativeBridge", "Resolution", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Packaging", dependencies: ["NativeBridge", "FileSystem"]),
        // New trees and new entries, written for editors to fill in.
        .target(name: "Scaffolding", dependencies: ["DocumentModel"]),
        .target(
            name: "Pipeline",
            dependencies: [
                "Loading", "Parsing", "Resolution", "Checking", "Media", "Localisation", "XMLSerialisation", "NativeBridge", "Packaging",
                "Parallelism", "BuildGraph", "FileSystem", "Scaffolding", .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // `asyl serve`: the web edition served on 127.0.0.1 and built again on every save.
        .target(
            name: "Preview",
            dependencies: ["Pipeline", "FileSystem", "Diagnostics", "DocumentModel", .product(name: "FlyingFox", package: "FlyingFox")]),

        // The command line: argument parsing only; the work is in Pipeline.
        .target(
            name: "CommandLineInterface",
            dependencies: ["Pipeline", "Preview", "BuildGraph", "FileSystem", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "asyl", dependencies: ["CommandLineInterface"]),
        // The reader under libFuzzer (`make fuzz`); built as usual, it reads the regression corpus (`make test`).
        .executableTarget(name: "asyl-fuzz", dependencies: ["Parsing", "Loading", "DocumentModel", "Media", "CFuzzer"]),

        // Tests mirror Sources/; TestSupport holds the fixture trees they share.
        .target(
            name: "TestSupport", dependencies: ["Pipeline", "Loading", "Parsing", "Resolution"],
            path: "Tests/TestSupport", resources: [.copy("Fixtures")]),
        .testTarget(name: "EDTFTests", dependencies: ["EDTF"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "MessagesTests", dependencies: ["Messages"]),
        .testTarget(name: "NativeBridgeTests", dependencies: ["NativeBridge"]),
        .testTarget(name: "ParsingTests", dependencies: ["Parsing", "TestSupport"]),
        .testTarget(name: "ResolutionTests", dependencies: ["Resolution", "Loading", "TestSupport"]),
        .testTarget(name: "CheckingTests", dependencies: ["Checking", "Parsing", "TestSupport"]),
        .testTarget(name: "LocalisationTests", dependencies: ["Localisation", "EDTF", "TestSupport"]),
        .testTarget(
            name: "XMLSerialisationTests", dependencies: ["XMLSerialisation", "Localisation", "NativeBridge", "TestSupport"],
            exclude: ["Golden"]),
        .testTarget(name: "PackagingTests", dependencies: ["Packaging"]),
        .testTarget(name: "BuildGraphTests", dependencies: ["BuildGraph", "FileSystem"]),
        .testTarget(name: "FileSystemTests", dependencies: ["FileSystem"]),
        .testTarget(name: "ScaffoldingTests", dependencies: ["Scaffolding"]),
        .testTarget(name: "MediaTests", dependencies: ["Media", "DocumentModel"]),
        .testTarget(
            name: "PipelineTests",
            dependencies: ["Pipeline", "Packaging", "BuildGraph", "TestSupport", .product(name: "Crypto", package: "swift-crypto")]),
    ]
)
