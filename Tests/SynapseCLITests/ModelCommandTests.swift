import Foundation
import Synapse
import Testing

/// `synapse train`, `evaluate`, `predict` and `summary`, run as the built binary on small
/// files the tests write themselves (no dataset folder needed).
@Suite struct ModelCommandTests {
    /// A folder with a separable two-class CSV (label 1 when x + y > 0) and room for a model.
    private func workspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("synapse-cli-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var rows = ["x,y,label"]
        for index in 0..<200 {
            let x = Double(index % 20) / 10 - 1, y = Double(index / 20) / 5 - 1
            rows.append("\(x),\(y),\(x + y > 0 ? 1 : 0)")
        }
        try rows.joined(separator: "\n").write(to: folder.appendingPathComponent("points.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func trainEvaluatePredictAndSummaryWorkTogether() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("points.csv").path, model = folder.appendingPathComponent("model").path
        let trained = try SynapseProcess.run(["train", "--data", data, "--hidden", "8", "--epochs", "40", "--learning-rate", "0.05", "--output", model, "--quiet"])
        #expect(trained.status == 0, "\(trained.standardError)")
        #expect(trained.standardOutput.contains("saved to \(model)"))
        let evaluated = try SynapseProcess.run(["evaluate", model, "--data", data])
        #expect(evaluated.status == 0)
        let accuracy = evaluated.standardOutput.split(separator: "\n").first { $0.hasPrefix("accuracy: ") }.flatMap { Double($0.dropFirst(10)) }
        #expect((accuracy ?? 0) > 0.9, "\(evaluated.standardOutput)")
        let predicted = try SynapseProcess.run(["predict", model, "--data", data, "--rows", "0,199"])
        #expect(predicted.status == 0 && predicted.standardOutput.contains("row 1: predicted 1 (label 1)"), "\(predicted.standardOutput)")
        let summary = try SynapseProcess.run(["summary", model])
        #expect(summary.status == 0 && summary.standardOutput.contains("Total params: 42"), "\(summary.standardOutput)")
        let (onnx, npz) = (folder.appendingPathComponent("m.onnx").path, folder.appendingPathComponent("m.npz").path)
        let exported = try SynapseProcess.run(["export", model, "--onnx", onnx, "--numpy", npz])
        #expect(exported.status == 0 && exported.standardOutput.contains("ONNX \(onnx)"), "\(exported.standardOutput)\(exported.standardError)")
        let onnxBytes = try Data(contentsOf: URL(fileURLWithPath: onnx))
        #expect(onnxBytes.count > 42 * 4 && String(decoding: onnxBytes, as: UTF8.self).contains("MatMul"))
        #expect(FileManager.default.fileExists(atPath: npz))
    }

    @Test func aResumedRunEndsWithTheUninterruptedRunsWeights() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("points.csv").path
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let common = ["train", "--data", data, "--hidden", "6", "--batch-size", "16", "--seed", "5", "--quiet"]
        let straight = try SynapseProcess.run(common + ["--epochs", "4", "--output", path("straight")])
        #expect(straight.status == 0, "\(straight.standardError)")
        let firstHalf = try SynapseProcess.run(common + ["--epochs", "2", "--checkpoint", path("run"), "--output", path("half")])
        #expect(firstHalf.status == 0, "\(firstHalf.standardError)")
        let resumed = try SynapseProcess.run(common + ["--epochs", "4", "--checkpoint", path("run"), "--resume",
                                                       "--output", path("resumed"), "--history", path("h.json")])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        let straightWeights = try Data(contentsOf: URL(fileURLWithPath: path("straight/weights.safetensors")))
        let halfWeights = try Data(contentsOf: URL(fileURLWithPath: path("half/weights.safetensors")))
        let resumedWeights = try Data(contentsOf: URL(fileURLWithPath: path("resumed/weights.safetensors")))
        #expect(resumedWeights == straightWeights)
        #expect(halfWeights != straightWeights)
        let history = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("h.json")))) as? [String: Any]
        #expect(history?["epochs"] as? [Int] == [0, 1, 2, 3])
        let unresumable = try SynapseProcess.run(common + ["--epochs", "4", "--resume", "--output", path("x")])
        #expect(unresumable.status != 0 && unresumable.standardError.contains("--resume needs --checkpoint"))
    }

    @Test func reportsHistoriesAndPlots() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("points.csv").path
        let (model, report, history, curves) = (folder.appendingPathComponent("m").path, folder.appendingPathComponent("r.html").path,
                                                folder.appendingPathComponent("h.json").path, folder.appendingPathComponent("c.svg").path)
        let trained = try SynapseProcess.run(["train", "--data", data, "--hidden", "4", "--epochs", "3", "--output", model,
                                              "--report", report, "--history", history, "--quiet"])
        #expect(trained.status == 0 && trained.standardError.contains("report written to \(report)"), "\(trained.standardError)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("Classification report") && html.contains("Confusion matrix") && html.contains("Training curves"))
        let plotted = try SynapseProcess.run(["plot", history, "--output", curves])
        let svg = try String(contentsOfFile: curves, encoding: .utf8)
        #expect(plotted.status == 0 && svg.contains("<svg"))
        let evaluated = try SynapseProcess.run(["evaluate", model, "--data", data, "--report", report])
        #expect(evaluated.status == 0)
        let missing = try SynapseProcess.run(["plot", folder.appendingPathComponent("none.csv").path])
        #expect(missing.status != 0 && missing.standardError.split(separator: "\n").count == 1)
    }

    @Test func diagnoseExplainsAHealthyRunAndADivergingOne() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("points.csv").path
        let (report, history) = (folder.appendingPathComponent("r.html").path, folder.appendingPathComponent("h.json").path)
        let healthy = try SynapseProcess.run(["train", "--data", data, "--hidden", "8", "--epochs", "3", "--learning-rate", "0.05", "--diagnose",
                                              "--output", folder.appendingPathComponent("m").path, "--report", report, "--history", history, "--quiet"])
        #expect(healthy.status == 0, "\(healthy.standardError)")
        #expect(healthy.standardOutput.contains("Diagnostics after epoch 3") && healthy.standardOutput.contains("Gradient norm by epoch")
                && healthy.standardOutput.contains("No warnings."), "\(healthy.standardOutput)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("Gradient norm per layer") && html.contains("Layers after epoch 3"))
        let saved = try JSONDecoder().decode(History.self, from: Data(contentsOf: URL(fileURLWithPath: history)))
        #expect(saved.diagnostics?.epochs.count == 3)

        let diverging = try SynapseProcess.run(["train", "--data", data, "--hidden", "8", "--epochs", "20", "--optimizer", "sgd", "--learning-rate", "50",
                                                "--task", "regression", "--diagnose", "--output", folder.appendingPathComponent("d").path, "--quiet"])
        #expect(diverging.status != 0 && diverging.standardError.contains("the loss became"))
        #expect(diverging.standardOutput.contains("Warnings:") && diverging.standardOutput.contains("The learning rate is probably too high"),
                "\(diverging.standardOutput)")
    }

    @Test func summaryEvaluateAndPredictReadAGraphModelFolder() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let x = Input.symbolic(shape: [2], name: "point")
        let hidden = try Dense(8, activation: .tanh)(x)
        let joined = try Add()([hidden, try Dense(8, activation: .tanh)(hidden)])
        let model = try Functional(inputs: x, outputs: try Dense(2)(joined), name: "residual_points", seed: 1)
        model.compile(optimizer: Adam(learningRate: 0.05), loss: .sparseCategoricalCrossentropy(fromLogits: true))
        let table = try CSV.read(contentsOf: folder.appendingPathComponent("points.csv"))
        let points = try Tensor(shape: [200, 2], scalars: zip(try table.values(column: "x"), try table.values(column: "y")).flatMap { [$0, $1] })
        try model.fit(points, try Tensor(shape: [200], scalars: try table.values(column: "label")), epochs: 30, verbose: 0)
        let saved = folder.appendingPathComponent("graph").path
        try model.save(to: URL(fileURLWithPath: saved))
        let summary = try SynapseProcess.run(["summary", saved])
        #expect(summary.status == 0 && summary.standardOutput.contains("Connected to") && summary.standardOutput.contains("residual_points"), "\(summary.standardError)")
        let evaluated = try SynapseProcess.run(["evaluate", saved, "--data", folder.appendingPathComponent("points.csv").path])
        let accuracy = evaluated.standardOutput.split(separator: "\n").first { $0.hasPrefix("accuracy: ") }.flatMap { Double($0.dropFirst(10)) }
        #expect(evaluated.status == 0 && (accuracy ?? 0) > 0.9, "\(evaluated.standardOutput) \(evaluated.standardError)")
        let predicted = try SynapseProcess.run(["predict", saved, "--data", folder.appendingPathComponent("points.csv").path, "--rows", "0,199"])
        #expect(predicted.status == 0, "\(predicted.standardError)")
        let onnx = folder.appendingPathComponent("graph.onnx").path
        let exported = try SynapseProcess.run(["export", saved, "--onnx", onnx])
        #expect(exported.status == 0 && FileManager.default.fileExists(atPath: onnx), "\(exported.standardError)")
        let weights = try SynapseProcess.run(["export", saved, "--pytorch", folder.appendingPathComponent("graph.safetensors").path])
        #expect(weights.status != 0 && weights.standardError.contains("graph model"), "\(weights.standardError)")
    }

    @Test func crossValidationPrintsEveryFoldAndTheMean() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try SynapseProcess.run(["cv", "--data", folder.appendingPathComponent("points.csv").path, "--hidden", "4",
                                             "--folds", "3", "--epochs", "5", "--learning-rate", "0.05"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 4 && lines[0].hasPrefix("fold 1: loss: ") && lines[3].hasPrefix("mean ± std over 3 folds: loss: "))
    }

    @Test func trainFromAModelDescriptionFile() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let description = folder.appendingPathComponent("model.json")
        try #"{"layers": [{"type": "input", "shape": [2]}, {"type": "dense", "units": 4, "activation": "tanh"}, {"type": "dense", "units": 2}]}"#
            .write(to: description, atomically: true, encoding: .utf8)
        let result = try SynapseProcess.run(["train", "--model", description.path, "--data", folder.appendingPathComponent("points.csv").path,
                                             "--epochs", "2", "--output", folder.appendingPathComponent("m").path, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
    }

    /// A convolutional description trains on flat rows (as every data source gives them),
    /// reshaped to its `Input` shape, and the saved model evaluates and predicts the same way.
    @Test func convolutionalDescriptionsTrainOnFlatRows() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 6×6 images with one bright pixel, labelled by the half it lies in.
        var pixels: [Float] = [], labels: [Float] = []
        for index in 0..<240 {
            let (row, column) = ((index * 7) % 6, index % 6)
            pixels += (0..<36).map { $0 == row * 6 + column ? 1 : 0 }
            labels.append(column < 3 ? 0 : 1)
        }
        let data = folder.appendingPathComponent("images.npz")
        try NPZWriter.write(["x": try Tensor(shape: [240, 36], scalars: pixels), "y": try Tensor(shape: [240], scalars: labels)], to: data)
        let description = folder.appendingPathComponent("cnn.json")
        try #"{"layers": [{"type": "input", "shape": [6, 6, 1]}, {"type": "conv2D", "filters": 4, "kernelSize": 3, "padding": "same", "activation": "relu"}, {"type": "maxPooling2D", "poolSize": 2}, {"type": "flatten"}, {"type": "dense", "units": 2}]}"#
            .write(to: description, atomically: true, encoding: .utf8)
        let model = folder.appendingPathComponent("cnn").path
        let trained = try SynapseProcess.run(["train", "--model", description.path, "--data", data.path, "--epochs", "30",
                                              "--learning-rate", "0.02", "--output", model, "--quiet"])
        #expect(trained.status == 0, "\(trained.standardError)")
        let evaluated = try SynapseProcess.run(["evaluate", model, "--data", data.path])
        #expect(evaluated.status == 0 && evaluated.standardOutput.contains("accuracy"), "\(evaluated.standardError)")
        let predicted = try SynapseProcess.run(["predict", model, "--data", data.path, "--rows", "0,1"])
        #expect(predicted.status == 0 && predicted.standardOutput.contains("row 1"), "\(predicted.standardError)")
        let wrong = try SynapseProcess.run(["train", "--model", description.path, "--data", folder.appendingPathComponent("points.csv").path,
                                            "--output", model, "--quiet"])
        #expect(wrong.status != 0 && wrong.standardError.contains("samples of shape [6, 6, 1]"), "\(wrong.standardError)")
    }

    @Test(arguments: [
        (["train", "--data", "nope", "--output", "x"], "--data: expected mnist, iris, digits8x8"),
        (["evaluate", "/nonexistent/model", "--data", "iris"], "no readable model.json"),
        (["predict", "/nonexistent/model"], "no readable model.json"),
        (["summary", "/nonexistent/model"], "no readable model.json"),
        (["export", "/nonexistent/model", "--onnx", "m.onnx"], "no readable model.json"),
        (["export", "/nonexistent/model"], "--onnx FILE"),
    ])
    func mistakesExitNonZeroWithOneLine(arguments: [String], expected: String) throws {
        let result = try SynapseProcess.run(arguments)
        #expect(result.status != 0)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains(expected), "\(result.standardError)")
    }
}
