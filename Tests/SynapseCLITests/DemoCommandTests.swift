import Foundation
import Testing

/// `synapse demo`, run as a subprocess of the built binary.
@Suite struct DemoCommandTests {
    /// Whether the datasets folder is known, as CI sets it.
    static let hasData = ProcessInfo.processInfo.environment["SYNAPSE_DATA"].map { !$0.isEmpty } ?? false

    /// `--help` teaches: every demo, the data variable, JSON output and examples.
    @Test func helpNamesEveryDemo() throws {
        let output = try SynapseProcess.run(["demo", "--help"])
        #expect(output.status == 0)
        for name in ["coffee", "binary-digits", "digits", "multilabel", "regression", "iris", "SYNAPSE_DATA", "--json", "Examples"] {
            #expect(output.standardOutput.contains(name), "help lacks \(name)")
        }
        let root = try SynapseProcess.run(["--help"])
        #expect(root.status == 0 && root.standardOutput.contains("demo"))
    }

    /// A demo without data prints exactly one JSON object with its figures and exits 0.
    @Test func multilabelJSONIsOneObjectWithItsFigures() throws {
        let output = try SynapseProcess.run(["demo", "multilabel", "--json"])
        #expect(output.status == 0, "stderr: \(output.standardError)")
        let object = try SynapseProcess.jsonObject(output.standardOutput)
        #expect(object["demo"] as? String == "multilabel")
        for label in ["car", "bus", "pedestrian"] {
            let accuracy = try #require(object["test_accuracy_\(label)"] as? Double)
            #expect(accuracy >= 0.9)
        }
        #expect(object["met_target"] as? Bool == true)
    }

    @Test func vanishingShowsTheSigmoidStacksGradientShrinkAndTheWarning() throws {
        let text = try SynapseProcess.run(["demo", "vanishing"])
        #expect(text.status == 0, "stderr: \(text.standardError)")
        #expect(text.standardOutput.contains("first ÷ last") && text.standardOutput.contains("the gradient vanishes on its way back"))
        #expect(text.standardOutput.contains("relu + He: no warnings."))
        let object = try SynapseProcess.jsonObject(try SynapseProcess.run(["demo", "vanishing", "--json"]).standardOutput)
        #expect(try #require(object["sigmoid_log10_gradient_ratio"] as? Double) < -3)
        #expect(try #require(object["relu_he_log10_gradient_ratio"] as? Double) > -1)
        #expect(object["met_target"] as? Bool == true)
    }

    /// The digit recogniser reaches its target and reports a full confusion matrix.
    @Test(.enabled(if: hasData, "SYNAPSE_DATA is not set")) func digitsJSONReachesTheTarget() throws {
        let output = try SynapseProcess.run(["demo", "digits", "--json"])
        #expect(output.status == 0, "stderr: \(output.standardError)")
        let object = try SynapseProcess.jsonObject(output.standardOutput)
        let accuracy = try #require(object["test_accuracy"] as? Double)
        #expect(accuracy >= 0.91)
        let matrix = try #require(object["confusion_matrix"] as? [[Int]])
        #expect(matrix.count == 10 && matrix.allSatisfy { $0.count == 10 })
        #expect(matrix.joined().reduce(0, +) == 10_000)
    }

    /// The text report holds the figures, the confusion matrix and drawn mistakes.
    @Test(.enabled(if: hasData, "SYNAPSE_DATA is not set")) func digitsTextShowsMatrixAndMistakes() throws {
        let output = try SynapseProcess.run(["demo", "digits", "--quiet", "--mistakes", "3"])
        #expect(output.status == 0, "stderr: \(output.standardError)")
        #expect(output.standardOutput.contains("test_accuracy: "))
        #expect(output.standardOutput.contains("Confusion matrix"))
        #expect(output.standardOutput.contains("most confident"))
        #expect(output.standardOutput.contains("→ predicted"))
    }

    /// An unknown name fails with one line naming it and the valid names.
    @Test func unknownDemoIsAOneLineError() throws {
        let output = try SynapseProcess.run(["demo", "cats"])
        #expect(output.status != 0)
        #expect(output.standardOutput.isEmpty)
        let lines = output.standardError.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(output.standardError.contains("cats") && output.standardError.contains("binary-digits"))
    }

    /// Missing data fails with one line saying where it looked and naming SYNAPSE_DATA. Iris is
    /// a dataset the catalogue never downloads, so the test cannot reach the network (a missing
    /// MNIST would be downloaded where the network allows).
    @Test(arguments: ["iris"]) func missingDataNamesSYNAPSEDATA(demo: String) throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("synapse-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let output = try SynapseProcess.run(["demo", demo, "--json"], environment: ["SYNAPSE_DATA": empty.path, "HOME": empty.path])
        #expect(output.status != 0)
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.split(separator: "\n").count == 1)
        #expect(output.standardError.contains("SYNAPSE_DATA"))
        #expect(output.standardError.contains(empty.path))
    }
}
