// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Stepwise",
    // macOS 15 for `Mutex` (Synchronization); the few calls that differ from Linux are in SiteKit's Platform.swift.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "site", targets: ["site"]),
        .executable(name: "intake", targets: ["intake"]),
        .library(name: "SiteKit", targets: ["SiteKit"]),
        .library(name: "MockIntake", targets: ["MockIntake"]),
        .library(name: "SiteServe", targets: ["SiteServe"]),
        .library(name: "SnippetExpectations", targets: ["SnippetExpectations"]),
        .library(name: "LoopbackHTTP", targets: ["LoopbackHTTP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Minor versions only: SwiftClassifier uses swift-syntax's SPI (`@_spi(RawSyntax)`), which may change in any.
        .package(url: "https://github.com/swiftlang/swift-syntax", .upToNextMinor(from: "603.0.1")),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        // NIO's HTTP/1 types, for the intake's handler that closes HTTP/1.0 connections (`ab` needs it); Hummingbird
        // already depends on it, so nothing new is fetched.
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(name: "CommonMark", dependencies: ["CMark"]),
        // A snippet's trailing `// Output:` and exchange blocks: read, matched with placeholders, rewritten.
        // Dependency-free, so that the builder and the examples' tests share one format.
        .target(name: "SnippetExpectations"),
        // A bare loopback HTTP client and `ab` runs, for the tests of servers here and in the examples package.
        .target(name: "LoopbackHTTP"),
        .target(
            name: "SiteKit",
            dependencies: [
                "CommonMark",
                "SnippetExpectations",
                .product(name: "Yams", package: "Yams"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftIDEUtils", package: "swift-syntax"),
            ],
            resources: [.copy("Theme")]
        ),
        // `site serve`: the HTTP side of live rebuilds, apart so that SiteKit stays free of networking.
        .target(
            name: "SiteServe",
            dependencies: [
                "SiteKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "site",
            dependencies: [
                "SiteKit",
                "SiteServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc (libjemalloc-dev) replaces glibc's malloc: a build makes and frees millions of small
            // objects on every core, where glibc's allocator spent a tenth of the time (Benchmarks/build.sh).
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // pkg-config finds Homebrew's zstd on macOS (`brew install zstd pkg-config`), outside the default paths.
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"]), .brew(["zstd"])]
        ),
        .target(
            name: "MockIntake",
            dependencies: [
                "CZlib",
                "CZstd",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "intake",
            dependencies: [
                "MockIntake",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // In-process timings of site serve's incremental rebuilds; run by Benchmarks/serve.sh.
        .executableTarget(name: "serve-benchmark", dependencies: ["SiteKit"], path: "Benchmarks/ServeBenchmark"),
        .testTarget(name: "CommonMarkTests", dependencies: ["CommonMark"]),
        .testTarget(name: "SnippetExpectationsTests", dependencies: ["SnippetExpectations"]),
        .testTarget(
            name: "SiteKitTests",
            // swift-mustache only as the reference that CompiledTemplateTests compare the theme's engine with.
            dependencies: ["SiteKit", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "SiteServeTests", dependencies: ["SiteServe", "SiteKit"]),
        // The guide's reader commands: each `swift run NAME` exists, each curl to the local intake hits a route.
        .testTarget(name: "GuideTests", dependencies: ["CommonMark", "MockIntake"]),
        .testTarget(
            name: "MockIntakeTests",
            dependencies: [
                "MockIntake",
                "LoopbackHTTP",
                "CZlib",
                "CZstd",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            exclude: ["Scripts"]
        ),
    ]
)
