import SynapseTensor

/// A model whose layers form a graph: several inputs and outputs, merges, shared layers and
/// shortcuts (Keras's functional `Model(inputs, outputs)`).
///
/// ```swift
/// let pixels = Input.symbolic(shape: [784])
/// let hidden = try Dense(64, activation: .relu)(pixels)
/// let shortcut = try Add()([hidden, try Dense(64, activation: .relu)(hidden)])
/// let model = try Functional(inputs: pixels, outputs: try Dense(10)(shortcut))
/// model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy(fromLogits: true))
/// ```
///
/// Shapes are checked as the graph is drawn; `init` orders the calls, gives duplicate layer
/// names a suffix (`dense_1`), and builds every layer not built yet from `seed`, in that order
/// (layers taken from a trained model keep their weights). A layer called twice is one layer
/// with one set of weights. A model with one input and one output trains with `fit` like a
/// `Sequential`; any model runs with `callAsFunction(inputs:training:)`.
public final class Functional: Model {
    public var name: String
    /// Whether training updates the model; setting it sets every layer's too (as Keras does),
    /// so a frozen model's `BatchNormalization` layers run in inference mode.
    public var isTrainable = true {
        didSet { for layer in layers { layer.isTrainable = isTrainable } }
    }
    public var trainingSetup: TrainingSetup?
    /// The seed of the generator the unbuilt layers' initial weights are drawn from.
    public let seed: UInt64
    /// The graph inputs, in the order batches are given.
    public let inputs: [SymbolicTensor]
    /// The graph outputs, in the order they are returned.
    public let outputs: [SymbolicTensor]
    /// Every layer once, graph inputs first, then in the order the graph runs them.
    public private(set) var layers: [any Layer] = []
    /// The layer calls (symbolic outputs that are not graph inputs), in the order they run.
    private(set) var calls: [SymbolicTensor] = []

    /// The layer calls in the order the graph runs them (each after the calls it takes), for
    /// code that walks the graph, such as exporters.
    public var layerCalls: [SymbolicTensor] { calls }
    /// The layer calls in the order they run; each names the slots of its inputs and output.
    private var steps: [(layer: any Layer, inputSlots: [Int], outputSlot: Int)] = []
    /// Where each symbolic tensor's value is kept while the graph runs.
    private var slots: [ObjectIdentifier: Int] = [:]

    /// The first input's sample shape: the graph is built when it is drawn.
    public var builtInputShape: Shape? { inputs.first?.shape }

    /// A model computing `outputs` from `inputs`.
    ///
    /// - Throws: `ModelError.invalidArgument` when there are no inputs or outputs, an input is
    ///   not a graph input (`Input.symbolic`) or is listed twice, or the outputs depend on a
    ///   graph input not listed; `ModelError.invalidInput` naming a shared layer called on
    ///   samples of two shapes; and the errors of building the layers.
    public init(inputs: [SymbolicTensor], outputs: [SymbolicTensor], name: String = "functional", seed: UInt64 = 0) throws {
        self.inputs = inputs
        self.outputs = outputs
        self.name = name
        self.seed = seed
        let owner = "Functional '\(name)'"
        guard !inputs.isEmpty, !outputs.isEmpty else {
            throw ModelError.invalidArgument(owner: owner, argument: inputs.isEmpty ? "inputs" : "outputs", expected: "at least one", received: "none")
        }
        if let bad = inputs.first(where: { !$0.isGraphInput }) {
            throw ModelError.invalidArgument(owner: owner, argument: "inputs", expected: "graph inputs made by Input.symbolic(shape:)", received: "\(bad)")
        }
        guard Set(inputs.map(ObjectIdentifier.init)).count == inputs.count else {
            throw ModelError.invalidArgument(owner: owner, argument: "inputs", expected: "each graph input once", received: "one listed twice")
        }
        for (index, input) in inputs.enumerated() { slots[ObjectIdentifier(input)] = index }
        for node in Self.callOrder(reaching: outputs) {
            if node.isGraphInput {
                guard slots[ObjectIdentifier(node)] != nil else {
                    throw ModelError.invalidArgument(owner: owner, argument: "inputs", expected: "every graph input the outputs depend on",
                                                     received: "none for '\(node.layer.name)' (shape \(node.shape))")
                }
                continue
            }
            let outputSlot = slots.count
            slots[ObjectIdentifier(node)] = outputSlot
            calls.append(node)
            steps.append((node.layer, node.inputs.map { slots[ObjectIdentifier($0)]! }, outputSlot))
        }
        layers = Self.uniqueLayers(inputs.map(\.layer) + steps.map(\.layer))
        Self.makeNamesUnique(layers)
        try buildLayers()
    }

    /// A model with one input and one output.
    ///
    /// - Throws: as `init(inputs:outputs:name:seed:)`.
    public convenience init(inputs: SymbolicTensor, outputs: SymbolicTensor, name: String = "functional", seed: UInt64 = 0) throws {
        try self.init(inputs: [inputs], outputs: [outputs], name: name, seed: seed)
    }

    /// The graph's outputs for one batch per input.
    ///
    /// - Throws: `ModelError.invalidInput` naming the input layer when the number of batches or
    ///   a batch's sample shape is wrong, and the layers' errors.
    public func callAsFunction(inputs batches: [Tensor], training: Bool = false) throws -> [Tensor] {
        try forward(inputs: batches, training: training)
    }

    public func forward(inputs batches: [Tensor], training: Bool) throws -> [Tensor] {
        try run(batches, training: training) { _, _ in }
    }

    public var outputNames: [String] { outputs.map(\.layer.name) }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard inputs.count == 1, outputs.count == 1 else {
            throw ModelError.invalidInput(layer: name, expected: "\(inputs.count) input batches, given to callAsFunction(inputs:training:) (it has \(outputs.count) outputs)",
                                          received: "one batch")
        }
        return try run([input], training: training) { _, _ in }[0]
    }

    public func layerOutputs(_ inputs: [Tensor], training: Bool) throws -> [(layer: any Layer, output: Tensor)] {
        var outputs: [(layer: any Layer, output: Tensor)] = []
        _ = try run(inputs, training: training) { layer, output in outputs.append((layer, output)) }
        return outputs
    }

    public func build(inputShape: Shape) throws {
        try requireSingleInput(of: inputShape)
    }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        try requireSingleInput(of: inputShape)
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        try requireSingleInput(of: inputShape)
        guard outputs.count == 1 else {
            throw ModelError.invalidInput(layer: name, expected: "a model with one output, to be used as a layer", received: "\(outputs.count) outputs")
        }
        return outputs[0].shape
    }

    /// Runs the graph on `batches`, telling `record` each layer's output.
    private func run(_ batches: [Tensor], training: Bool, record: (any Layer, Tensor) -> Void) throws -> [Tensor] {
        guard batches.count == inputs.count else {
            throw ModelError.invalidInput(layer: name, expected: "\(inputs.count) input batches (\(inputs.map { "'\($0.layer.name)'" }.joined(separator: ", ")))",
                                          received: "\(batches.count)")
        }
        var values = [Tensor?](repeating: nil, count: slots.count)
        for (index, (input, batch)) in zip(inputs, batches).enumerated() {
            guard batch.rank >= 1, batch.shape.dimensions.dropFirst().elementsEqual(input.shape.dimensions) else {
                throw ModelError.invalidInput(layer: input.layer.name, expected: "samples of shape \(input.shape) (input [batch, \(input.shape.dimensions.map(String.init).joined(separator: ", "))])",
                                              received: "input of shape \(batch.shape)")
            }
            values[index] = batch
        }
        // Padding masks travel with each value (see `MaskSupportingLayer`); merges end them.
        var masks = [Tensor?](repeating: nil, count: slots.count)
        for step in steps {
            let arguments = step.inputSlots.map { values[$0]! }
            let output: Tensor
            if let merge = step.layer as? MergeLayer {
                output = try merge.forward(arguments, training: training)
            } else {
                (output, masks[step.outputSlot]) = try step.layer.forward(arguments[0], carrying: masks[step.inputSlots[0]], training: training)
            }
            record(step.layer, output)
            values[step.outputSlot] = output
        }
        return outputs.map { values[slots[ObjectIdentifier($0)]!]! }
    }

    /// Builds the layers not built yet, in the order the graph runs them, and checks that a
    /// layer called more than once sees one shape.
    private func buildLayers() throws {
        var generator = RandomGenerator(seed: seed)
        var seen: [ObjectIdentifier: [Shape]] = [:]
        for node in calls {
            let shapes = node.inputs.map(\.shape)
            if let earlier = seen[ObjectIdentifier(node.layer)] {
                guard earlier == shapes else {
                    throw ModelError.invalidInput(layer: node.layer.name, expected: "samples of shape \(earlier.map(\.description).joined(separator: ", ")) (as in its first call: a shared layer has one set of weights)",
                                                  received: "samples of shape \(shapes.map(\.description).joined(separator: ", "))")
                }
                continue
            }
            seen[ObjectIdentifier(node.layer)] = shapes
            if let merge = node.layer as? MergeLayer {
                if merge.builtInputShapes == nil { try merge.build(inputShapes: shapes) }
            } else if !node.layer.isBuilt {
                try node.layer.build(inputShape: shapes[0], using: &generator)
            }
        }
    }

    private func requireSingleInput(of inputShape: Shape) throws {
        guard inputs.count == 1, inputs[0].shape == inputShape else {
            throw ModelError.invalidInput(layer: name, expected: "samples of shape \(inputs.map(\.shape.description).joined(separator: " and "))",
                                          received: "samples of shape \(inputShape)")
        }
    }
}
