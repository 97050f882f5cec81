import SynapseTensor

/// A network that can be compiled, trained, evaluated and asked for predictions.
///
/// A model is also a layer (as in Keras), so models nest. Conformers (`Sequential`) say how
/// their layers are connected (`layers`, `build`, `forward`); everything else (`compile`,
/// `fit`, `evaluate`, `predict`, `summary`, layers by name) comes from extensions.
public protocol Model: Layer {
    /// The layers, in order.
    var layers: [any Layer] { get }
    /// Builds every layer for samples of shape `inputShape`, from the model's own seed.
    ///
    /// - Throws: `ModelError.invalidInput` naming the first layer that cannot take its input.
    func build(inputShape: Shape) throws
    /// What `compile` chose: optimizer, loss and metrics (`nil` before `compile`).
    var trainingSetup: TrainingSetup? { get set }
    /// Every layer's output for one batch per input, in the order the layers run: what
    /// diagnostics inspect. Has a default for a stack, each layer feeding the next.
    ///
    /// - Throws: `ModelError.invalidInput` naming the first layer that cannot take its input.
    func layerOutputs(_ inputs: [Tensor], training: Bool) throws -> [(layer: any Layer, output: Tensor)]
    /// The outputs for one batch per input. Has a default for a model of one input and one
    /// output (`forward`).
    ///
    /// - Throws: `ModelError.invalidInput` for another number of batches than inputs, and the
    ///   layers' errors.
    func forward(inputs: [Tensor], training: Bool) throws -> [Tensor]
    /// The names outputs are logged under: the output layers' names. Has a default for a
    /// stack: its last layer's name.
    var outputNames: [String] { get }
    /// One row per layer for `summary()`. Has a default for a stack.
    func summaryRows() -> [LayerSummaryRow]
}

extension Model {
    public func layerOutputs(_ inputs: [Tensor], training: Bool) throws -> [(layer: any Layer, output: Tensor)] {
        let input = try onlyInput(of: inputs)
        if builtInputShape == nil { try build(inputShape: Shape(Array(input.shape.dimensions.dropFirst()))) }
        var outputs: [(layer: any Layer, output: Tensor)] = []
        var (output, mask): (Tensor, Tensor?) = (input, nil)
        for layer in layers {
            (output, mask) = try layer.forward(output, carrying: mask, training: training)
            outputs.append((layer, output))
        }
        return outputs
    }

    public func forward(inputs: [Tensor], training: Bool) throws -> [Tensor] {
        [try forward(try onlyInput(of: inputs), training: training)]
    }

    public var outputNames: [String] { [layers.last?.name ?? name] }

    /// The one batch of a single-input model.
    private func onlyInput(of inputs: [Tensor]) throws -> Tensor {
        guard inputs.count == 1 else {
            throw ModelError.invalidInput(layer: name, expected: "one input batch", received: "\(inputs.count)")
        }
        return inputs[0]
    }

    /// Every parameter of every layer, in layer order.
    public var parameters: [Parameter] { layers.flatMap(\.parameters) }

    /// The parameters training updates: none when the model is frozen, else those of its
    /// trainable layers.
    public var trainableParameters: [Parameter] { isTrainable ? layers.flatMap(\.trainableParameters) : [] }

    /// The layer called `name`.
    ///
    /// - Throws: `ModelError.invalidArgument` listing the layer names when there is none.
    public func layer(named name: String) throws -> any Layer {
        guard let layer = layers.first(where: { $0.name == name }) else {
            throw ModelError.invalidArgument(
                owner: "model '\(self.name)'", argument: "layer name", expected: "one of \(layers.map(\.name))", received: "'\(name)'")
        }
        return layer
    }
}
