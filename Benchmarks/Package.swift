// swift-tools-version: 6.1
// Benchmarks live in their own package so `swift test` in the main package stays fast and
// needs none of the benchmark tooling. Run: cd Benchmarks && swift package benchmark
import PackageDescription

let package = Package(
    name: "MarkbenchBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Markbench", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "MarkingBenchmark",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "MarkbenchEngine", package: "Markbench"),
                .product(name: "RubricLoader", package: "Markbench"),
                .product(name: "RubricModel", package: "Markbench"),
            ],
            path: "Benchmarks/MarkingBenchmark",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
