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
        .library(name: "VotingApp", targets: ["VotingApp"]),
        .library(name: "LoadGenerator", targets: ["LoadGenerator"]),
        .executable(name: "VotingServer", targets: ["VotingServer"]),
        .executable(name: "LoadTest", targets: ["LoadTest"]),
    ],
    dependencies: [
        // Only the tests use the root package: its mock intake, and the `// Output:` format the site reads.
        .package(name: "Stepwise", path: ".."),
        // The same versions the root package resolves, so nothing new is fetched or built twice.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // NIO's HTTP/1 types, for the voting app's handler that closes HTTP/1.0 connections (`ab` needs it).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        .target(name: "ExampleSupport"),
        // A swift-metrics backend that speaks DogStatsD over UDP (chapter "Instrumenting it").
        .target(name: "DogStatsD", dependencies: [.product(name: "CoreMetrics", package: "swift-metrics")]),
        // The web app the guide watches (chapter "A web app to watch").
        .target(
            name: "VotingApp",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
            ]
        ),
        .executableTarget(
            name: "VotingServer",
            dependencies: [
                "ExampleSupport", "DogStatsD", "VotingApp",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A bounded load generator that reports like `ab` (chapter "Load testing").
        .target(
            name: "LoadGenerator",
            dependencies: ["ExampleSupport", .product(name: "Metrics", package: "swift-metrics")]
        ),
        .executableTarget(
            name: "LoadTest",
            dependencies: [
                "ExampleSupport", "DogStatsD", "LoadGenerator",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "LibraryTests",
            dependencies: [
                "DogStatsD", "VotingApp", "LoadGenerator", "ExampleSupport",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "MockIntake", package: "Stepwise"),
                .product(name: "LoopbackHTTP", package: "Stepwise"),
            ]
        ),
        .testTarget(
            name: "SnippetTests",
            dependencies: [
                "ExampleSupport",
                .product(name: "MockIntake", package: "Stepwise"),
                .product(name: "SnippetExpectations", package: "Stepwise"),
            ]
        ),
    ]
)

// MARK: - Tutorial checkpoints (examples/Steps), one block: see README.md, "Tutorial steps".
// Each folder Steps/<Tutorial>/<NN> is the reader's own package at step NN. Rather than build each as a package of
// its own (Hummingbird rebuilt for every step), this package compiles every checkpoint's sources as a target named
// <Tutorial><NN>, with the same products its Package.swift names, and its tests with `Votes` aliased to that target.
// Tests/StepTests runs each checkpoint and checks each Package.swift against these targets.
let hummingbird: Target.Dependency = .product(name: "Hummingbird", package: "hummingbird")
let nio: [Target.Dependency] = [
    .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
]
let metrics: Target.Dependency = .product(name: "Metrics", package: "swift-metrics")
let http1: [Target.Dependency] = [
    .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
]
// (target, the executable's dependencies, the tests' dependencies besides the executable)
let checkpoints: [(name: String, dependencies: [Target.Dependency], tests: [Target.Dependency])] = [
    ("Votes01", [], []),
    ("Votes02", [hummingbird], []),
    ("Votes03", [hummingbird], []),
    ("Votes04", [hummingbird], []),
    ("Votes05", [hummingbird], []),
    ("Votes06", [hummingbird] + nio, nio),
    ("Votes07", [hummingbird] + nio + [metrics], nio),
    ("Votes08", [hummingbird] + nio + [metrics], nio),
    ("Votes09", [hummingbird] + nio + [metrics] + http1, nio),
]
for (name, dependencies, tests) in checkpoints {
    let folder = "Steps/\(name.dropLast(2))/\(name.suffix(2))"
    package.targets += [
        .executableTarget(name: name, dependencies: dependencies, path: "\(folder)/Sources/Votes"),
        .testTarget(
            name: "\(name)Tests", dependencies: [.target(name: name)] + tests, path: "\(folder)/Tests/VotesTests",
            swiftSettings: [.unsafeFlags(["-module-alias", "Votes=\(name)"])]),
    ]
}
package.targets.append(
    .testTarget(name: "StepTests", dependencies: nio + [.product(name: "LoopbackHTTP", package: "Stepwise")]))
// MARK: - End of tutorial checkpoints
