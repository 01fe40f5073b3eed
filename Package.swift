// swift-tools-version: 6.2
// ytq — a keyboard-driven terminal download manager for yt-dlp.
//
// Layers, from the inside out (each one may import only those above it):
//   YTQCore      domain: tasks, status, formats, requests, rules, events. No I/O.
//   YTQStore     SQLite persistence (GRDB) behind intent-named methods.
//   YTQSettings  where things live: XDG paths, environment, config.toml.
//   YTQDownloader  runs one yt-dlp process (posix_spawn through the CChildSpawn C target, one
//                output thread for every child), parses its output, classifies errors.
//   YTQScheduler the actor that claims tasks and runs them as DownloadJobs; the event stream.
//   YTQTerminal  the screen: pure views into a cell grid, key commands, and the only ncurses user
//                (through the CNcursesShim C target).
//   YTQApp       the terminal UI's loop: one thread owns curses and the UI state; scheduler
//                events, database changes and signals reach it through one inbox.
//   YTQService   `ytq serve`: the shared queue's HTTP/JSON API on a Unix socket (Hummingbird);
//                who asks comes from the kernel (SO_PEERCRED), every action from EngineActions.
//   YTQClient    the service's client (AsyncHTTPClient over the socket): TaskActions for a
//                shared queue.
//   YTQCommands  the command line (swift-argument-parser), wiring the layers together.
//   ytq          the executable: calls YTQCommands.
//
// Linux only: the code uses Glibc, inotify, /proc and <ncursesw/curses.h>, so no Apple
// platform is declared (a macOS build would fail on those, not on a deployment target).
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "ytq",
    products: [
        .executable(name: "ytq", targets: ["ytq"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(name: "YTQCore", swiftSettings: strict),
        .target(
            name: "YTQStore",
            dependencies: ["YTQCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .target(
            name: "YTQSettings",
            dependencies: ["YTQCore", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strict
        ),
        .target(
            name: "YTQCommands",
            dependencies: [
                "YTQCore", "YTQStore", "YTQSettings", "YTQDownloader", "YTQScheduler", "YTQApp", "YTQService", "YTQClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .target(name: "CChildSpawn"),
        .target(name: "YTQDownloader", dependencies: ["YTQCore", "CChildSpawn"], swiftSettings: strict),
        .target(
            name: "YTQScheduler",
            dependencies: ["YTQCore", "YTQStore", "YTQDownloader"],
            swiftSettings: strict
        ),
        .systemLibrary(name: "CNcursesShim", path: "Sources/CNcursesShim"),
        .target(name: "YTQTerminal", dependencies: ["YTQCore", "CNcursesShim"], swiftSettings: strict),
        .target(
            name: "YTQApp",
            dependencies: ["YTQCore", "YTQStore", "YTQDownloader", "YTQScheduler", "YTQTerminal", "YTQClient"],
            swiftSettings: strict
        ),
        .target(
            name: "YTQService",
            dependencies: [
                "YTQCore", "YTQStore", "YTQDownloader", "YTQScheduler", "YTQClient",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "YTQClient",
            dependencies: [
                "YTQCore", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "ytq", dependencies: ["YTQCommands"], swiftSettings: strict),
        .executableTarget(
            name: "ytq-bench",
            dependencies: ["YTQCore", "YTQStore", "YTQDownloader", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),

        .target(
            name: "YTQTestSupport",
            dependencies: ["YTQCore"],
            path: "Tests/YTQTestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "YTQCoreTests", dependencies: ["YTQCore"], swiftSettings: strict),
        .testTarget(
            name: "YTQStoreTests",
            dependencies: ["YTQStore", "YTQTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(name: "YTQDownloaderTests", dependencies: ["YTQDownloader", "YTQTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "YTQSchedulerTests",
            dependencies: ["YTQScheduler", "YTQStore", "YTQDownloader", "YTQTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "YTQTerminalTests", dependencies: ["YTQTerminal", "YTQTestSupport"], exclude: ["Snapshots"], swiftSettings: strict),
        .testTarget(name: "YTQTestSupportTests", dependencies: ["YTQTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "YTQAppTests", dependencies: ["YTQTestSupport", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        .testTarget(name: "YTQClientTests", dependencies: ["YTQClient"], swiftSettings: strict),
        .testTarget(
            name: "YTQServiceTests", dependencies: ["YTQClient", "YTQCore", "YTQTestSupport"], swiftSettings: strict),
        .testTarget(name: "YTQSettingsTests", dependencies: ["YTQSettings", "YTQTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "YTQCommandsTests",
            dependencies: ["YTQCommands", "YTQStore", "YTQTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
    ]
)
