import Foundation
import Synapse
import Testing

/// A model folder whose description declares more weights than its weights file holds is an
/// error before any weight is allocated (resource safety: loading allocates no more than the
/// files justify).
@Suite struct ForgedModelFileTests {
    @Test(arguments: [
        #"{"type": "dense", "units": 1000000000000}"#,
        #"{"type": "dense", "units": 4000000000000000000}"#,
        #"{"type": "layerNormalization"}, {"type": "dense", "units": 2}"#,
    ])
    func aForgedLayerSizeIsAnErrorNotAnAllocation(forgedLayers: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("synapse-forged-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Sequential(seed: 1) { Input(shape: [3]); Dense(2) }.save(to: folder)
        let input = forgedLayers.contains("layerNormalization") ? "[1000000000000]" : "[3]"
        let forged = #"{"layers": [{"type": "input", "shape": \#(input)}, \#(forgedLayers)]}"#
        try forged.write(to: folder.appendingPathComponent("model.json"), atomically: true, encoding: .utf8)
        let start = ContinuousClock.now
        let error = #expect(throws: (any Error).self) { _ = try Sequential.load(from: folder) }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains("weights.safetensors (8 values) allows") || message.contains("fits in Int"), "\(message)")
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func aFaithfulFolderStillLoads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("synapse-faithful-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = Sequential(seed: 2) { Input(shape: [3]); LayerNormalization(); Dense(4, activation: .relu); BatchNormalization(); Dense(2) }
        try model.save(to: folder)
        let x = try Tensor.ones([2, 3])
        #expect(try Sequential.load(from: folder).predict(x).scalars == model.predict(x).scalars)
    }

    /// The fuzzer's finding (its input, shortened): decoding a description built the nested
    /// `Sequential` it holds, allocating that model's weights before any budget applied, and a
    /// Dense of 888,888,888,888,888,885 units on 5 inputs trapped computing its buffer's size.
    /// Decoding now checks nested models without building them, and the byte size is checked.
    @Test func decodingANestedModelAllocatesNothingAndAHugeOneIsAnError() throws {
        let json = #"""
            {"formatVersion": 2, "layers": [{"type": "input", "shape": [5], "name": "x"},
             {"type": "sequential", "name": "base", "layers": [{"type": "input", "shape": [5]}, {"type": "dense", "units": 888888888888888885}]}],
             "graph": {"calls": [{"layer": 0, "inputs": []}, {"layer": 1, "inputs": [0]}], "inputs": [0], "outputs": [1]}}
            """#
        let description = try ModelDescription.decoded(from: Data(json.utf8), source: "fuzz.json")
        let error = #expect(throws: (any Error).self) { _ = try Functional(description) }
        #expect("\(error.map { "\($0)" } ?? "")".contains("fits in Int (in bytes)"))
        let large = json.replacingOccurrences(of: "888888888888888885", with: "100000000")
        let budget = #expect(throws: ModelError.self) {
            try WeightBudget.withLimit(1000, justifiedBy: "a test's budget") { _ = try Functional(try ModelDescription.decoded(from: Data(large.utf8), source: "f.json")) }
        }
        #expect("\(budget.map { "\($0)" } ?? "")".contains("a test's budget"))
        // A nested graph's calls are checked when decoded, as the top-level graph's are.
        let badCall = #"{"layers": [{"type": "input", "shape": [2]}, {"type": "functional", "layers": [{"type": "input", "shape": [2]}], "graph": {"calls": [{"layer": 3, "inputs": []}], "inputs": [0], "outputs": [0]}}]}"#
        let graphError = #expect(throws: ModelError.self) { _ = try ModelDescription.decoded(from: Data(badCall.utf8), source: "g.json") }
        #expect("\(graphError.map { "\($0)" } ?? "")".contains("calls[0].layer 3 is not in 0..<1"))
    }
}
