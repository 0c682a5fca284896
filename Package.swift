// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "FrontDesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "frontdesk", targets: ["frontdesk"]),
        .executable(name: "frontdesk-bench", targets: ["frontdesk-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // PIN hashing (PBKDF2-SHA256) for staff sign-in.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // File paths (the desk name remembered in the user's configuration directory).
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        // The log for IT (system log or $FRONTDESK_LOG), with a small handler of our own.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Model and rules, no I/O.
        .target(name: "FrontDeskDomain"),
        // Believable, fictitious demo data (visitors, walk-ins, a center's schedule), seeded: for
        // `frontdesk demo`, the benchmark and tests. Nothing of it ships in the Domain.
        .target(name: "FrontDeskDemo", dependencies: ["FrontDeskDomain"]),
        // Shipped data: service catalog, countries, languages, UI strings (French, English),
        // embedded in the code at build time: the binary runs from any folder.
        .target(name: "FrontDeskResources", path: "Resources", exclude: ["data", "debian", "systemd"], plugins: ["EmbedResourcesPlugin"]),
        // The log for IT: swift-log to syslog (journald) or a file; never personal data.
        .target(name: "FrontDeskLog", dependencies: [.product(name: "Logging", package: "swift-log")]),
        .plugin(name: "EmbedResourcesPlugin", capability: .buildTool(), dependencies: ["embed-resources"],
                path: "Sources/EmbedResourcesPlugin"),
        .executableTarget(name: "embed-resources", path: "Sources/embed-resources"),
        // SQLite through GRDB: the only module that imports GRDB.
        .target(
            name: "FrontDeskStore",
            dependencies: [
                "FrontDeskDomain", "CPlatform", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // glibc's wcwidth and setlocale, which Swift's Glibc module hides.
        .target(name: "CWidth"),
        // C calls the store needs that Swift cannot make: SQLite's variadic sqlite3_config, glibc's CPU sets.
        .target(name: "CPlatform", linkerSettings: [.linkedLibrary("sqlite3")]),
        // Generic terminal UI toolkit: keys, cells, frames, width, widgets, headless terminal.
        .target(name: "TerminalKit", dependencies: ["CWidth"]),
        // ncursesw, imported through a shim header.
        .systemLibrary(name: "CNCursesw", path: "Sources/CNCursesw"),
        // libxlsxwriter (Debian's libxlsxwriter-dev to build, libxlsxwriter4 to run), loaded with
        // dlopen on the first workbook: no start pays for it and for libcrypto behind it.
        .target(name: "CXlsxWriter"),
        // Spreadsheet workbooks (`--format xlsx`) from the typed cells exports already make.
        .target(name: "FrontDeskSpreadsheet", dependencies: ["FrontDeskDomain", "CXlsxWriter"]),
        // The only code that calls ncurses.
        .target(name: "CursesBackend", dependencies: ["TerminalKit", "CNCursesw"]),
        // Screens: state + pure update + render.
        .target(name: "FrontDeskUI", dependencies: ["FrontDeskDomain", "TerminalKit"]),
        // The app: per-screen effect handlers and the main loop, against the repository
        // protocols (no store, no GRDB) with the clock passed in.
        .target(name: "FrontDeskApp", dependencies: ["FrontDeskDomain", "FrontDeskUI", "TerminalKit", "FrontDeskLog", "FrontDeskSpreadsheet",
                                                     .product(name: "Logging", package: "swift-log"),
                                                     .product(name: "SystemPackage", package: "swift-system")]),
        .executableTarget(
            name: "frontdesk",
            dependencies: [
                "FrontDeskDomain", "FrontDeskDemo", "FrontDeskStore", "FrontDeskUI", "FrontDeskApp", "FrontDeskResources",
                "TerminalKit", "CursesBackend", "FrontDeskLog", "CPlatform", "FrontDeskSpreadsheet",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .executableTarget(
            name: "frontdesk-bench",
            dependencies: ["FrontDeskDomain", "FrontDeskDemo", "FrontDeskStore", "FrontDeskUI", "FrontDeskResources", "TerminalKit"]
        ),
        .testTarget(name: "FrontDeskDomainTests", dependencies: ["FrontDeskDomain", "FrontDeskResources", "FrontDeskTestSupport"]),
        .testTarget(name: "FrontDeskDemoTests", dependencies: ["FrontDeskDemo", "FrontDeskDomain", "FrontDeskResources"]),
        .testTarget(
            name: "FrontDeskStoreTests",
            dependencies: ["FrontDeskStore", "FrontDeskDomain", "FrontDeskDemo", "FrontDeskResources", "FrontDeskTestSupport",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(
            name: "FrontDeskUITests",
            dependencies: ["FrontDeskUI", "FrontDeskDomain", "FrontDeskResources", "TerminalKit"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "FrontDeskAppTests",
            dependencies: ["FrontDeskApp", "FrontDeskStore", "FrontDeskDomain", "FrontDeskUI", "FrontDeskResources", "TerminalKit"]
        ),
        // Runs the real binaries: CLI output, several processes on one file, tmux end to end.
        .testTarget(
            name: "FrontDeskCLITests",
            dependencies: ["frontdesk", "FrontDeskStore", "FrontDeskDomain", "FrontDeskTestSupport",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // What tests share across targets: the rule for tests that need a program from the machine.
        .target(name: "FrontDeskTestSupport", path: "Tests/FrontDeskTestSupport"),
    ]
)
