/// How a graph model's layers are connected, in a model description: the layer calls in the
/// order they run, each naming its layer and the calls whose outputs it takes.
///
/// ```json
/// "graph": {
///   "calls": [{"layer": 0, "inputs": []}, {"layer": 1, "inputs": [0]}, {"layer": 2, "inputs": [1]},
///             {"layer": 3, "inputs": [0, 2]}],
///   "inputs": [0], "outputs": [3]
/// }
/// ```
///
/// A graph input is a call of an `input` layer with no inputs; a shared layer is called more
/// than once.
public struct GraphDescription: Codable, Hashable, Sendable {
    /// One layer call: the layer's index in `layers` and the indices of the calls it takes.
    public struct Call: Codable, Hashable, Sendable {
        /// The index of the layer in the description's `layers`.
        public var layer: Int
        /// The indices of earlier calls whose outputs this call takes, in order.
        public var inputs: [Int]

        /// A call of layer `layer` on the outputs of `inputs`.
        public init(layer: Int, inputs: [Int]) {
            self.layer = layer
            self.inputs = inputs
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case layer, inputs }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.allCases.map(\.rawValue), in: "a graph call")
            let container = try decoder.container(keyedBy: CodingKeys.self)
            layer = try container.decode(Int.self, forKey: .layer)
            inputs = try container.decode([Int].self, forKey: .inputs)
        }
    }

    /// Every call, each after the calls it takes.
    public var calls: [Call]
    /// The calls that are the model's inputs, in order.
    public var inputs: [Int]
    /// The calls whose outputs are the model's outputs, in order.
    public var outputs: [Int]

    /// A graph of `calls` with these inputs and outputs.
    public init(calls: [Call], inputs: [Int], outputs: [Int]) {
        self.calls = calls
        self.inputs = inputs
        self.outputs = outputs
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case calls, inputs, outputs }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.allCases.map(\.rawValue), in: "the graph")
        let container = try decoder.container(keyedBy: CodingKeys.self)
        calls = try container.decode([Call].self, forKey: .calls)
        inputs = try container.decode([Int].self, forKey: .inputs)
        outputs = try container.decode([Int].self, forKey: .outputs)
    }

    /// Throws a decoding error at `key` when a call names a layer out of range or a call that
    /// does not come before it, or the inputs or outputs name calls out of range.
    func validate<Key: CodingKey>(layerCount: Int, in container: KeyedDecodingContainer<Key>, key: Key) throws {
        func fail(_ problem: String) -> DecodingError { .dataCorruptedError(forKey: key, in: container, debugDescription: problem) }
        for (index, call) in calls.enumerated() {
            guard (0..<layerCount).contains(call.layer) else { throw fail("calls[\(index)].layer \(call.layer) is not in 0..<\(layerCount)") }
            if let bad = call.inputs.first(where: { !(0..<index).contains($0) }) {
                throw fail("calls[\(index)].inputs names call \(bad), which does not come before it")
            }
        }
        for (name, list) in [("inputs", inputs), ("outputs", outputs)] {
            if let bad = list.first(where: { !(0..<calls.count).contains($0) }) { throw fail("\(name) names call \(bad), not in 0..<\(calls.count)") }
        }
        if inputs.isEmpty || outputs.isEmpty { throw fail("a graph needs at least one input and one output") }
        if let bad = inputs.first(where: { !calls[$0].inputs.isEmpty }) { throw fail("input call \(bad) takes other calls' outputs") }
    }
}
