// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Markbench",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "markbench", targets: ["markbench"]),
        .library(name: "RubricModel", targets: ["RubricModel"]),
        .library(name: "RubricLoader", targets: ["RubricLoader"]),
        .library(name: "MarkbenchEngine", targets: ["MarkbenchEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // System C libraries (Debian packages; see README "Dependencies").
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CStemmer",
            path: "Sources/CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        // Safe libxml2 parsing and XSD validation; no rubric knowledge.
        // Diagnostics (file:line:col messages) and checks on user-supplied bytes. No I/O.
        .target(name: "MarkbenchDiagnostics"),
        .target(name: "MarkbenchXML", dependencies: ["CLibXML2", "MarkbenchDiagnostics"]),
        // Plain Sendable values: rubrics, lexicons, rules. No I/O.
        .target(name: "RubricModel", dependencies: ["MarkbenchDiagnostics"]),
        // Reads rubric and lexicon files, validates them, builds RubricModel values.
        .target(name: "RubricLoader", dependencies: ["MarkbenchXML", "RubricModel", "MarkbenchDiagnostics"]),
        // Reading accounts: UTF-8 checks, tokens, sentences, paragraphs, normalisation. No rubric knowledge.
        .target(name: "MarkbenchText", dependencies: ["CStemmer", "MarkbenchDiagnostics"]),
        // The rule engine: one pass over an account with a compiled matcher, detectors, scoring.
        .target(name: "MarkbenchEngine", dependencies: ["MarkbenchText", "RubricModel", "MarkbenchDiagnostics"]),
        // Importing submissions: .txt, .md, .docx and .odt (ZIP archives of XML) with explicit limits.
        .target(name: "MarkbenchImport", dependencies: [
            "MarkbenchXML", "MarkbenchDiagnostics", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Cohort marking: manifests, parallel batches, cohort summaries, portfolio cross-referencing.
        .target(name: "MarkbenchBatch", dependencies: [
            "MarkbenchEngine", "MarkbenchImport", "MarkbenchReports", "MarkbenchQA", "RubricModel", "MarkbenchDiagnostics",
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        // Writes the sample cohort's .docx and .odt files from plain-text accounts (Samples/cohort).
        .executableTarget(name: "make-sample-cohort", dependencies: [
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // IQA: decision records and risk-based CAMERA sampling plans.
        .target(name: "MarkbenchIQA", dependencies: ["MarkbenchQA", "MarkbenchDiagnostics", .product(name: "CSV", package: "CSV.swift")]),
        // Agreement statistics and evaluation against labelled accounts (IQA later).
        .target(name: "MarkbenchQA", dependencies: ["MarkbenchEngine"]),
        // Renders results for people and scripts (text, JSON; later Markdown and HTML).
        .target(name: "MarkbenchReports", dependencies: ["MarkbenchEngine", "MarkbenchText", "RubricModel"]),
        // The command-line front end.
        .executableTarget(
            name: "markbench",
            dependencies: [
                "RubricLoader", "RubricModel", "MarkbenchReports", "MarkbenchDiagnostics", "MarkbenchEngine", "MarkbenchText", "MarkbenchQA", "MarkbenchImport", "MarkbenchBatch", "MarkbenchIQA",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "RubricLoaderTests", dependencies: ["RubricLoader", "RubricModel"], exclude: ["Fixtures"]),
        .testTarget(name: "MarkbenchReportsTests",
                    dependencies: ["MarkbenchReports", "MarkbenchEngine", "MarkbenchXML", "RubricLoader"],
                    exclude: ["Golden"]),
        .testTarget(name: "MarkbenchImportTests", dependencies: [
            "MarkbenchImport", "MarkbenchDiagnostics", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "MarkbenchBatchTests", dependencies: ["MarkbenchBatch", "MarkbenchEngine", "RubricLoader"]),
        .testTarget(name: "MarkbenchQATests", dependencies: ["MarkbenchQA", "MarkbenchEngine", "RubricLoader"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "MarkbenchIQATests", dependencies: ["MarkbenchIQA", "MarkbenchQA", "MarkbenchXML"]),
        .testTarget(name: "MarkbenchTextTests", dependencies: ["MarkbenchText"]),
        .testTarget(name: "MarkbenchEngineTests", dependencies: ["MarkbenchEngine", "MarkbenchText", "RubricLoader", "RubricModel"],
                    exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
