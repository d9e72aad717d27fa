// swift-tools-version:5.4
import PackageDescription

// libFuzzer harnesses for Stepwise's parsers, one executable each. A package of its own, so that the instrumented
// build (`-sanitize=fuzzer,address`) never touches the root package's. Scripts/fuzz builds and runs them:
//     swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// Tools version 5.4: from 5.5 on, SwiftPM renames an executable's entry point to `<target>_main` and links `main` to
// it, which a harness, whose `main` is libFuzzer's, does not have.
let harnesses: [(name: String, dependencies: [Target.Dependency])] = [
    ("FuzzSnippetMarkers", [.product(name: "SiteKit", package: "Stepwise")]),
    ("FuzzIncludes", [.product(name: "SiteKit", package: "Stepwise")]),
    ("FuzzMarkdown", [.product(name: "SiteKit", package: "Stepwise")]),
    ("FuzzDogStatsD", [.product(name: "MockIntake", package: "Stepwise")]),
    ("FuzzMetricQuery", [.product(name: "MockIntake", package: "Stepwise")]),
    (
        "FuzzV2Series",
        [.product(name: "MockIntake", package: "Stepwise"), .product(name: "NIOCore", package: "swift-nio")]
    ),
    (
        "FuzzBodyDecoder",
        [
            .product(name: "MockIntake", package: "Stepwise"), .product(name: "NIOCore", package: "swift-nio"),
            "FuzzCompression",
        ]
    ),
]

let package = Package(
    name: "StepwiseFuzz",
    platforms: [.macOS("15.0")],
    dependencies: [
        .package(name: "Stepwise", path: ".."),
        // The version the root package resolves, so nothing new is fetched.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
    ],
    targets: harnesses.map { .executableTarget(name: $0.name, dependencies: $0.dependencies) } + [
        // zlib and zstd's compressors, so the body decoder's harness can turn its input into valid frames.
        .systemLibrary(name: "FuzzCompression", path: "Sources/FuzzCompression")
    ]
)
