/// A graph model's architecture as a `ModelDescription` with a `graph`, and back.
extension Functional {
    /// A graph model built from `description` (the layers not built yet are drawn from the
    /// description's seed).
    ///
    /// - Throws: `ModelError.invalidArgument` when the description is a stack, a layer's
    ///   settings do not make a layer, or a graph input is not an `input` layer; the errors of
    ///   drawing the graph (shapes that do not fit).
    public convenience init(_ description: ModelDescription) throws {
        let owner = "model description '\(description.name)'"
        guard let graph = description.graph else {
            throw ModelError.invalidArgument(owner: owner, argument: "graph", expected: "a graph for Functional", received: "a stack (build it with Sequential(description))")
        }
        let layers = try description.layers.map { try $0.makeLayer() }
        var tensors: [SymbolicTensor] = []
        for (index, call) in graph.calls.enumerated() {
            let layer = layers[call.layer], inputs = call.inputs.map { tensors[$0] }
            if inputs.isEmpty {
                guard let input = layer as? Input else {
                    throw ModelError.invalidArgument(owner: owner, argument: "graph.calls[\(index)]", expected: "an input layer (a call without inputs)", received: "'\(layer.name)'")
                }
                tensors.append(SymbolicTensor(shape: input.shape, layer: input, inputs: []))
            } else if let merge = layer as? MergeLayer {
                tensors.append(try merge(inputs))
            } else {
                guard inputs.count == 1 else {
                    throw ModelError.invalidArgument(owner: owner, argument: "graph.calls[\(index)]", expected: "one input for '\(layer.name)'", received: "\(inputs.count)")
                }
                tensors.append(try layer(inputs[0]))
            }
        }
        try self.init(inputs: graph.inputs.map { tensors[$0] }, outputs: graph.outputs.map { tensors[$0] }, name: description.name, seed: description.seed)
    }

    /// The model's description: its layers, each once, and the calls that connect them.
    ///
    /// - Throws: `ModelError.invalidArgument` for a layer of a kind the format does not know
    ///   (a nested model among them).
    public func describedModel() throws -> ModelDescription {
        let layerIndex = Dictionary(uniqueKeysWithValues: layers.enumerated().map { (ObjectIdentifier($0.element), $0.offset) })
        let nodes = inputs + self.calls
        let callIndex = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { (ObjectIdentifier($0.element), $0.offset) })
        let described = nodes.map { node in
            GraphDescription.Call(layer: layerIndex[ObjectIdentifier(node.layer)]!, inputs: node.inputs.map { callIndex[ObjectIdentifier($0)]! })
        }
        let graph = GraphDescription(calls: described, inputs: Array(inputs.indices), outputs: outputs.map { callIndex[ObjectIdentifier($0)]! })
        return ModelDescription(name: name, seed: seed, layers: try layers.map { try LayerConfiguration.describing($0, in: name) }, graph: graph)
    }
}
