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
    ],
    dependencies: [
        // Only the tests use the root package, for its mock intake.
        .package(name: "Stepwise", path: ".."),
    ],
    targets: [
        .target(name: "ExampleSupport"),
        .testTarget(
            name: "SnippetTests",
            dependencies: [
                "ExampleSupport",
                .product(name: "MockIntake", package: "Stepwise"),
            ]
        ),
    ]
)
