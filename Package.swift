// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Lode",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lode", targets: ["lode"]),
        .library(name: "LodeCore", targets: ["LodeCore"]),
        .library(name: "LodeStorage", targets: ["LodeStorage"]),
        .library(name: "LodeParquet", targets: ["LodeParquet"]),
        .library(name: "LodeFormats", targets: ["LodeFormats"]),
        .library(name: "LodeDelta", targets: ["LodeDelta"]),
        .library(name: "LodePlan", targets: ["LodePlan"]),
        .library(name: "LodeExecution", targets: ["LodeExecution"]),
        .library(name: "LodeEngine", targets: ["LodeEngine"]),
        .library(name: "LodePipeline", targets: ["LodePipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .target(name: "LodeCore"),
        .target(name: "LodeStorage", dependencies: ["LodeCore"]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "LodeParquet", dependencies: ["LodeCore", "CZlib"]),
        .target(name: "LodeFormats", dependencies: ["LodeCore"]),
        .target(name: "LodeSQL", dependencies: ["LodeCore"]),
        .target(name: "LodePlan", dependencies: ["LodeCore", "LodeSQL"]),
        .target(name: "LodeExecution", dependencies: ["LodeCore", "LodePlan"]),
        .target(name: "LodeDelta", dependencies: ["LodeCore", "LodeStorage", "LodeParquet"]),
        .target(
            name: "LodeEngine",
            dependencies: ["LodeCore", "LodeStorage", "LodeParquet", "LodeFormats", "LodeDelta", "LodeSQL", "LodePlan", "LodeExecution"]
        ),
        .target(
            name: "LodePipeline",
            dependencies: ["LodeCore", "LodeEngine", "LodeFormats", "LodeSQL", "LodePlan",
                           .product(name: "Yams", package: "Yams"), .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "lode",
            dependencies: [
                "LodeCore", "LodeStorage", "LodeParquet", "LodeFormats", "LodeDelta", "LodeEngine", "LodePipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "lode-bench", dependencies: ["LodeCore", "LodeParquet", "LodeDelta"]),
        .testTarget(name: "LodeCoreTests", dependencies: ["LodeCore"]),
        .testTarget(name: "LodeStorageTests", dependencies: ["LodeStorage"]),
        .testTarget(name: "LodeParquetTests", dependencies: ["LodeParquet"]),
        .testTarget(name: "LodeFormatsTests", dependencies: ["LodeFormats"]),
        .testTarget(name: "LodeSQLTests", dependencies: ["LodeSQL"]),
        .testTarget(name: "LodePlanTests", dependencies: ["LodePlan"]),
        .testTarget(name: "LodeExecutionTests", dependencies: ["LodeExecution"]),
        .testTarget(name: "LodeDeltaTests", dependencies: ["LodeDelta"]),
        .testTarget(name: "LodeEngineTests", dependencies: ["LodeEngine"]),
        .testTarget(name: "LodePipelineTests", dependencies: ["LodePipeline", "LodeSQL"]),
    ],
    swiftLanguageModes: [.v5]
)
