import SynapseTensor

/// Runs a recurrent layer over the sequence in both directions and merges the two outputs
/// (Keras's `Bidirectional`). The backward layer is a copy of the forward one with
/// `goBackwards` flipped (or the one given); with `returnSequences`, its output is put back in
/// time order before merging, so step `t` of the result sees the whole sequence.
///
/// ```swift
/// Bidirectional(LSTM(32, returnSequences: true))   // [batch, steps, f] → [batch, steps, 64]
/// ```
public final class Bidirectional: StochasticLayer, MaskSupportingLayer {
    /// How the two directions' outputs are combined.
    public enum MergeMode: String, Codable, Sendable, CaseIterable {
        /// Side by side along the last axis (twice the units).
        case concat
        /// Added.
        case sum
        /// Averaged.
        case average
        /// Multiplied elementwise.
        case multiply
    }

    /// The layer reading the steps in their order.
    public let forwardLayer: RecurrentLayer
    /// The layer reading them in reverse: the one given, or, until built, `nil`.
    public private(set) var backwardLayer: RecurrentLayer?
    /// How the outputs are combined.
    public let mergeMode: MergeMode
    public var name: String
    /// Whether training updates both directions (setting it sets both layers').
    public var isTrainable = true {
        didSet { for layer in [forwardLayer, backwardLayer].compactMap({ $0 }) { layer.isTrainable = isTrainable } }
    }
    public private(set) var builtInputShape: Shape?
    /// Seeds both directions' dropout generators at every training pass, so that a checkpoint
    /// holding this one generator resumes both.
    public var generator = RandomGenerator(seed: 0)

    /// Both directions of `layer`; `backwardLayer` defaults to a copy of `layer` reading the
    /// steps in reverse. The layers are checked when this one is built.
    public init(_ layer: RecurrentLayer, mergeMode: MergeMode = .concat, backwardLayer: RecurrentLayer? = nil, name: String = "bidirectional") {
        self.forwardLayer = layer
        self.backwardLayer = backwardLayer
        self.mergeMode = mergeMode
        self.name = name
        layer.parameterPrefix = "forward_"
        backwardLayer?.parameterPrefix = "backward_"
    }

    public var parameters: [Parameter] { forwardLayer.parameters + (backwardLayer?.parameters ?? []) }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        let backward = try backwardLayer ?? makeBackwardLayer()
        backward.parameterPrefix = "backward_"
        backwardLayer = backward
        _ = try outputShape(forInputShape: inputShape)
        if !forwardLayer.isBuilt { try forwardLayer.build(inputShape: inputShape, using: &generator) }
        if !backward.isBuilt { try backward.build(inputShape: inputShape, using: &generator) }
        self.generator = RandomGenerator(seed: generator.next())
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        let backward = backwardLayer ?? forwardLayer
        guard backward.returnSequences == forwardLayer.returnSequences, backward.units == forwardLayer.units else {
            throw ModelError.invalidArgument(
                owner: "Bidirectional '\(name)'", argument: "backwardLayer",
                expected: "\(forwardLayer.units) units and returnSequences \(forwardLayer.returnSequences), as the forward layer",
                received: "\(backward.units) units and returnSequences \(backward.returnSequences)")
        }
        var shape = try forwardLayer.outputShape(forInputShape: inputShape)
        if mergeMode == .concat { shape[shape.rank - 1] *= 2 }
        return shape
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        try forward(input, mask: nil, training: training)
    }

    public func forward(_ input: Tensor, mask: Tensor?, training: Bool) throws -> Tensor {
        guard let backwardLayer else { throw ModelError.notReady(model: name, reason: "the layer is not built") }
        if training {
            forwardLayer.generator = RandomGenerator(seed: generator.next())
            backwardLayer.generator = RandomGenerator(seed: generator.next())
        }
        let ahead = try forwardLayer.forward(input, mask: mask, training: training)
        var behind = try backwardLayer.forward(input, mask: mask, training: training)
        if backwardLayer.returnSequences, backwardLayer.goBackwards != forwardLayer.goBackwards {
            let steps = behind.shape[1]
            behind = try behind.gathering(atIndices: Array((0..<steps).reversed()), alongAxis: 1)
        }
        switch mergeMode {
        case .concat: return try Tensor.concatenating([ahead, behind], alongAxis: -1)
        case .sum: return try ahead + behind
        case .average: return try (ahead + behind) * 0.5
        case .multiply: return try ahead * behind
        }
    }

    public func outputMask(forInput input: Tensor, mask: Tensor?) throws -> Tensor? {
        forwardLayer.returnSequences ? mask : nil
    }

    /// A copy of the forward layer's settings reading the steps in reverse, named `backward_…`.
    private func makeBackwardLayer() throws -> RecurrentLayer {
        guard let describable = forwardLayer as? any ConfigurableLayer else {
            throw ModelError.invalidArgument(owner: "Bidirectional '\(name)'", argument: "backwardLayer",
                                             expected: "a layer, as the forward layer cannot describe itself to be copied", received: "none")
        }
        var settings = try describable.configuration().settings
        settings["goBackwards"] = .bool(!forwardLayer.goBackwards)
        settings["name"] = .string("backward_" + forwardLayer.name)
        let configuration = LayerConfiguration(type: type(of: describable).typeName, settings: settings)
        guard let copy = try configuration.makeLayer() as? RecurrentLayer else {
            throw ModelError.invalidArgument(owner: "Bidirectional '\(name)'", argument: "layer", expected: "a recurrent layer", received: "\(forwardLayer)")
        }
        return copy
    }
}
