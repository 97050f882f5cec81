// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Synapse",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Synapse", targets: ["Synapse"]),
        .executable(name: "synapse", targets: ["SynapseCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // OpenBLAS on Linux, found through pkg-config; Apple platforms use Accelerate instead.
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // Elementwise kernels compiled per instruction set and chosen at run time.
        .target(name: "CSynapseKernels"),
        .target(
            name: "SynapseTensor",
            dependencies: ["CSynapseKernels", .target(name: "CBLAS", condition: .when(platforms: [.linux]))],
            exclude: ["README.md"],
            linkerSettings: [.linkedFramework("Accelerate", .when(platforms: [.macOS, .iOS]))]
        ),
        .target(name: "SynapseNN", dependencies: ["SynapseTensor", "CSynapseKernels"], exclude: ["README.md"]),
        .target(name: "SynapseData", dependencies: ["SynapseTensor", "CZlib"], exclude: ["README.md"]),
        // zlib through pkg-config, for gzip-compressed datasets.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "SynapseIO", dependencies: ["SynapseTensor", "SynapseNN", "SynapseData"], exclude: ["README.md"]),
        .target(name: "SynapseReport", dependencies: ["SynapseTensor", "SynapseNN", "SynapseData", "CZlib"], exclude: ["README.md"]),
        .target(name: "Synapse", dependencies: ["SynapseTensor", "SynapseNN", "SynapseData", "SynapseIO", "SynapseReport"]),
        .executableTarget(
            name: "SynapseCLI",
            dependencies: [
                "Synapse",
                "SeedPrograms",
                .target(name: "CBLAS", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Runnable examples, built and run by CI. The seed programs live in one library so that
        // the examples and `synapse demo` share them.
        .executableTarget(name: "GradientTape", dependencies: ["Synapse"], path: "Examples/GradientTape"),
        .target(name: "SeedPrograms", dependencies: ["Synapse"], path: "Examples/SeedPrograms"),
        .executableTarget(name: "DigitRecognizer", dependencies: ["SeedPrograms"], path: "Examples/DigitRecognizer"),
        .executableTarget(name: "BinaryDigits", dependencies: ["SeedPrograms"], path: "Examples/BinaryDigits"),
        .executableTarget(name: "MultiLabel", dependencies: ["SeedPrograms"], path: "Examples/MultiLabel"),
        .executableTarget(name: "Regression", dependencies: ["SeedPrograms"], path: "Examples/Regression"),
        .executableTarget(name: "CoffeeRoasting", dependencies: ["SeedPrograms"], path: "Examples/CoffeeRoasting"),
        .executableTarget(name: "IrisClassifier", dependencies: ["SeedPrograms"], path: "Examples/IrisClassifier"),
        .executableTarget(name: "ConvolutionalDigits", dependencies: ["SeedPrograms"], path: "Examples/ConvolutionalDigits"),
        .executableTarget(name: "PulseDetection", dependencies: ["SeedPrograms"], path: "Examples/PulseDetection"),
        .executableTarget(name: "DeepClassifier", dependencies: ["SeedPrograms"], path: "Examples/DeepClassifier"),
        .executableTarget(name: "Overfitting", dependencies: ["SeedPrograms"], path: "Examples/Overfitting"),
        .executableTarget(name: "VanishingGradients", dependencies: ["SeedPrograms"], path: "Examples/VanishingGradients"),
        .executableTarget(name: "ResidualDigits", dependencies: ["SeedPrograms"], path: "Examples/ResidualDigits"),
        .executableTarget(name: "TransferLearning", dependencies: ["SeedPrograms"], path: "Examples/TransferLearning"),
        .executableTarget(name: "GenerativeAdversarial", dependencies: ["SeedPrograms"], path: "Examples/GenerativeAdversarial"),
        .executableTarget(name: "ActivationComparison", dependencies: ["SeedPrograms"], path: "Examples/ActivationComparison"),
        .executableTarget(name: "CharacterLanguageModel", dependencies: ["SeedPrograms"], path: "Examples/CharacterLanguageModel"),
        .executableTarget(name: "SeriesForecasting", dependencies: ["SeedPrograms"], path: "Examples/SeriesForecasting"),
        // The readers' fuzzing harness: libFuzzer under scripts/fuzz.sh, an input replayer otherwise.
        .target(name: "CFuzzDriver", path: "Fuzz/CFuzzDriver"),
        .executableTarget(name: "SynapseFuzz", dependencies: ["Synapse", "CFuzzDriver"], path: "Fuzz/SynapseFuzz"),
        .target(
            name: "SynapseTestSupport",
            dependencies: ["Synapse"],
            path: "Tests/SynapseTestSupport"
        ),
        .testTarget(name: "SynapseTensorTests", dependencies: ["Synapse", "SynapseTensor", "SynapseTestSupport"]),
        .testTarget(name: "SynapseNNTests", dependencies: ["Synapse", "SynapseTestSupport"]),
        .testTarget(name: "SynapseDataTests", dependencies: ["Synapse", "SynapseTestSupport"]),
        // Runs the built `synapse` binary as a subprocess; depending on SynapseCLI builds it first.
        .testTarget(name: "SynapseCLITests", dependencies: ["SynapseCLI", "SeedPrograms"]),
        .testTarget(name: "SynapseIOTests", dependencies: ["Synapse", "SynapseTestSupport"]),
        .testTarget(name: "SynapseReportTests", dependencies: ["Synapse", "SynapseTestSupport"]),
    ]
)
