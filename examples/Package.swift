// swift-tools-version:6.0
import PackageDescription

// The guide's code. Every file in Snippets/ is a program a reader can run with `swift run NAME`,
// and `swift test` runs each one against an in-process mock intake and checks what it printed
// and what the intake received.
let package = Package(
    name: "StepwiseExamples",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "ExampleSupport", targets: ["ExampleSupport"]),
        .library(name: "DogStatsD", targets: ["DogStatsD"]),
    ],
    dependencies: [
        // Only the tests use the root package, for its mock intake.
        .package(name: "Stepwise", path: ".."),
        // The same versions the root package resolves, so nothing new is fetched or built twice.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    ],
    targets: [
        .target(name: "ExampleSupport"),
        // A swift-metrics backend that speaks DogStatsD over UDP (chapter "Instrumenting it").
        .target(name: "DogStatsD", dependencies: [.product(name: "CoreMetrics", package: "swift-metrics")]),
        .testTarget(
            name: "LibraryTests",
            dependencies: [
                "DogStatsD",
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .testTarget(
            name: "SnippetTests",
            dependencies: [
                "ExampleSupport",
                .product(name: "MockIntake", package: "Stepwise"),
            ]
        ),
    ]
)
