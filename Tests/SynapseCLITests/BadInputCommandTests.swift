import Foundation
import Synapse
import Testing

/// The command line's side of docs/ERRORS.md: each mistake exits non-zero with exactly one
/// line on standard error, naming the thing, what was expected and what was received.
@Suite struct BadInputCommandTests {
    /// A scratch folder with `points.csv`: 40 rows of two features and a 0/1 label.
    private final class Workspace {
        let folder: URL
        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("synapse-cli-bad-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var rows = ["x,y,label"]
            for index in 0..<40 {
                let x = Double(index % 8) / 4 - 1, y = Double(index / 8) / 2 - 1
                rows.append("\(x),\(y),\(x + y > 0 ? 1 : 0)")
            }
            try write(rows.joined(separator: "\n"), to: "points.csv")
        }
        deinit { try? FileManager.default.removeItem(at: folder) }

        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        @discardableResult
        func write(_ text: String, to name: String) throws -> String {
            try text.write(toFile: path(name), atomically: true, encoding: .utf8)
            return path(name)
        }
    }

    /// Runs `arguments` and expects failure with one line on standard error containing every
    /// fragment of `expected`.
    private func expectOneLineError(_ arguments: [String], _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try SynapseProcess.run(arguments)
        let lines = result.standardError.split(separator: "\n")
        #expect(result.status != 0, sourceLocation: sourceLocation)
        #expect(lines.count == 1 && expected.allSatisfy { lines[0].contains($0) }, "\(result.standardError)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        (["--epochs", "0"], "fit: epochs must be at least 1, got 0"),
        (["--batch-size", "0"], "fit: batchSize must be at least 1, got 0"),
        (["--validation-split", "1.5"], "validationSplit must be a fraction in [0, 1), got 1.5"),
        (["--learning-rate", "0"], "Adam: learningRate must be a finite value > 0, got 0.0"),
        (["--learning-rate", "nan"], "learningRate must be a finite value > 0, got nan"),
        (["--hidden", "4,0"], "--hidden: sizes must be at least 1"),
    ])
    func badTrainingOptionsAreNamed(option: [String], expected: String) throws {
        let workspace = try Workspace()
        try expectOneLineError(["train", "--data", workspace.path("points.csv"), "--output", workspace.path("m"), "--quiet"] + option, [expected])
    }

    @Test func modelMistakesAreNamed() throws {
        let workspace = try Workspace()
        let description = try workspace.write(
            #"{"layers": [{"type": "input", "shape": [2]}, {"type": "dense", "units": 4}, {"type": "conv2D", "filters": 2, "kernelSize": 3}]}"#,
            to: "m.json")
        try expectOneLineError(["train", "--model", description, "--data", workspace.path("points.csv"), "--output", workspace.path("m"), "--quiet"],
                               ["layer 'conv2d'", "received samples of shape [4]", "from layer 'dense'"])
        let single = try workspace.write(#"{"layers": [{"type": "input", "shape": [2]}, {"type": "dense", "units": 1}]}"#, to: "single.json")
        try expectOneLineError(["train", "--model", single, "--data", workspace.path("points.csv"), "--output", workspace.path("m"), "--quiet"],
                               ["classification needs a model with one output per class (2); the model ends in a single output"])
    }

    @Test func dataMistakesAreNamed() throws {
        let workspace = try Workspace()
        let empty = try workspace.write("x,y,label\n", to: "empty.csv")
        for task in ["regression", "classification"] {
            try expectOneLineError(["train", "--data", empty, "--task", task, "--output", workspace.path("m"), "--quiet"],
                                   ["empty.csv", "expected rows of data after the header line, found none"])
        }
        let fractional = try workspace.write("x,y,label\n0,1,0\n1,0,1.5\n1,1,1\n", to: "fractional.csv")
        try expectOneLineError(["train", "--data", fractional, "--output", workspace.path("m"), "--quiet"],
                               ["classification needs whole-number class labels ≥ 0; row 1 has 1.5"])
        let infinite = try workspace.write("x,y,label\n0,1,0\n1,0,1\ninf,1,1\n0,0,0\n", to: "infinite.csv")
        try expectOneLineError(["train", "--data", infinite, "--validation-split", "0", "--output", workspace.path("m"), "--quiet"],
                               ["x row 2 must be finite values, got inf"])
        var garbled = Data([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03])
        garbled.append(Data(repeating: 0xff, count: 24))
        try garbled.write(to: URL(fileURLWithPath: workspace.path("garbled.csv")))
        try expectOneLineError(["train", "--data", workspace.path("garbled.csv"), "--output", workspace.path("m"), "--quiet"],
                               ["garbled.csv", "expected valid gzip data"])
        let npz = workspace.path("arrays.npz")
        try NPZWriter.write(["a": try Tensor.zeros([3, 2])], to: URL(fileURLWithPath: npz))
        try expectOneLineError(["train", "--data", npz, "--output", workspace.path("m"), "--quiet"], ["expected arrays named x and y, found [\"a\"]"])
    }

    @Test func inputsOfTheWrongWidthAreNamed() throws {
        let workspace = try Workspace()
        let model = workspace.path("model")
        let trained = try SynapseProcess.run(["train", "--data", workspace.path("points.csv"), "--epochs", "1", "--output", model, "--quiet"])
        #expect(trained.status == 0, "\(trained.standardError)")
        let wide = try workspace.write("a,b,c,label\n1,2,3,0\n3,2,1,1\n", to: "wide.csv")
        try expectOneLineError(["evaluate", model, "--data", wide], ["layer 'input'", "expected samples of shape [2]", "[2, 3]"])
        let row = try workspace.write("a,b,c\n1,2,3\n", to: "row.csv")
        try expectOneLineError(["predict", model, "--input", row], ["--input: the model takes 2 features; the row has 3"])
    }

    @Test func fileMistakesAreNamed() throws {
        let workspace = try Workspace()
        let model = workspace.path("model")
        let trained = try SynapseProcess.run(["train", "--data", workspace.path("points.csv"), "--epochs", "1", "--output", model, "--quiet"])
        #expect(trained.status == 0, "\(trained.standardError)")
        let descriptionURL = URL(fileURLWithPath: model).appendingPathComponent("model.json")
        let original = try String(contentsOf: descriptionURL, encoding: .utf8)
        try original.replacingOccurrences(of: "\"dense\"", with: "\"conv9d\"").write(to: descriptionURL, atomically: true, encoding: .utf8)
        try expectOneLineError(["summary", model], ["model.json", "unknown layer type 'conv9d'"])
        try edited(original, setting: "formatVersion", to: 99).write(to: descriptionURL)
        try expectOneLineError(["summary", model], ["format version 99 is not supported"])
        try expectOneLineError(["train", "--model", workspace.path("missing.json"), "--data", workspace.path("points.csv"), "--output", model, "--quiet"],
                               ["--model: cannot read", "missing.json"])

        let common = ["train", "--data", workspace.path("points.csv"), "--epochs", "2", "--checkpoint", workspace.path("run"), "--quiet"]
        let checkpointed = try SynapseProcess.run(common + ["--output", workspace.path("half")])
        #expect(checkpointed.status == 0, "\(checkpointed.standardError)")
        let record = URL(fileURLWithPath: workspace.path("run")).appendingPathComponent("training.json")
        try edited(try String(contentsOf: record, encoding: .utf8), setting: "formatVersion", to: 7).write(to: record)
        try expectOneLineError(common + ["--resume", "--output", workspace.path("resumed")], ["training.json", "format version 7 is newer than this Synapse reads"])
    }

    /// `json` with its top-level `key` set to `value`.
    private func edited(_ json: String, setting key: String, to value: Int) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        object[key] = value
        return try JSONSerialization.data(withJSONObject: object)
    }
}
