// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Sonde",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sonde", targets: ["sonde"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // HeapModule: the scheduler's timetable (already in the graph through swift-nio).
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // grpc: the Health/Check call on HTTP/2 frames of our own (docs/design.md); already in the
        // graph through Hummingbird.
        .package(url: "https://github.com/apple/swift-nio-http2", from: "1.46.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // exec: targets (Nagios plugins) and suites' run: commands, in process groups of their own.
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.5.0"),
        // Only the benchmark's reference for the exposition (Benchmarks/metrics).
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        .target(
            name: "SondeCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .target(
            name: "SondeProbes",
            dependencies: [
                "SondeCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOHTTP2", package: "swift-nio-http2"),
                .product(name: "NIOHPACK", package: "swift-nio-http2"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .target(name: "SondeTUI", dependencies: ["SondeCore", "CNcursesw", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "SondeDemo",
            dependencies: [
                "SondeCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ]
        ),
        .target(
            name: "SondeHistory",
            dependencies: ["SondeCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Alert channels: webhook, Slack, Alertmanager, a command, the terminal (issue 14).
        .target(
            name: "SondeAlerts",
            dependencies: [
                "SondeCore", "SondeProbes", .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // One run's engine wiring, store and history recorder: what every command shares.
        .target(name: "SondeSession", dependencies: ["SondeCore", "SondeHistory"]),
        // Prometheus exposition (/metrics, /probe) of what a session's store holds.
        .target(
            name: "SondeMetrics",
            dependencies: [
                "SondeCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // `sonde report --format html`: the Markdown report's content plus SVG charts from history.
        .target(name: "SondeHTML", dependencies: ["SondeCore"]),
        .executableTarget(
            name: "sonde",
            dependencies: [
                "SondeCore", "SondeProbes", "SondeTUI", "SondeDemo", "SondeHistory", "SondeSession", "SondeAlerts", "SondeMetrics",
                "SondeHTML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks/README.md: figures, not tests.
        .executableTarget(
            name: "sonde-bench",
            dependencies: [
                "SondeCore", "SondeProbes", "SondeTUI", "SondeMetrics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            path: "Benchmarks/SondeBench"
        ),
        // Time travel through a week of history: apart from sonde-bench so that measuring it
        // builds GRDB and the view, not NIO, BoringSSL and Hummingbird.
        .executableTarget(
            name: "sonde-travel-bench",
            dependencies: [
                "SondeCore", "SondeHistory", "SondeSession", "SondeTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/TravelBench"
        ),
        .testTarget(name: "SondeCoreTests", dependencies: ["SondeCore", "SondeProbes"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "SondeProbesTests",
            dependencies: [
                "SondeCore", "SondeProbes", "SondeDemo",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHPACK", package: "swift-nio-http2"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SondeAlertsTests",
            dependencies: [
                "SondeCore", "SondeAlerts", "SondeSession",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "SondeSessionTests", dependencies: ["SondeCore", "SondeHistory", "SondeSession"]),
        .testTarget(
            name: "SondeMetricsTests",
            dependencies: ["SondeCore", "SondeMetrics", "SondeProbes"]
        ),
        .testTarget(name: "SondeTUITests", dependencies: ["SondeCore", "SondeTUI"]),
        .testTarget(name: "SondeHTMLTests", dependencies: ["SondeCore", "SondeHTML", "SondeHistory"]),
        .testTarget(
            name: "SondeHistoryTests",
            dependencies: [
                "SondeCore", "SondeHistory",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "SondeEndToEndTests",
            // SondeProbes and SondeTUI: the fleet reader's rows and screens against a real Prometheus.
            dependencies: ["SondeCore", "SondeProbes", "SondeTUI", .product(name: "Hummingbird", package: "hummingbird")]
        ),
    ]
)
