import Synapse
import Testing

/// The checks every layer must pass, in one call (Keras's `run_layer_test`):
///
/// - building from a batch infers the parameters: `parameterCount` as expected, and the output
///   shape equals both `outputShape(forInputShape:)` and `expectedOutputShape`;
/// - the same seed builds the same parameters, another seed different ones (when random);
/// - gradients reach every trainable parameter (each gets a non-zero gradient somewhere) and match
///   finite differences, as does the gradient with respect to the input;
/// - after building, a batch of another sample shape is refused with `ModelError.invalidInput`
///   naming the layer.
///
/// - Parameters:
///   - makeLayer: creates a fresh, unbuilt layer.
///   - inputShape: the per-sample input shape to build for.
///   - wrongInputShape: a per-sample shape the built layer must refuse (`nil` to skip).
///   - gradientStep: the finite-difference step; smaller for layers with kinks (ReLU), so
///     that no step crosses one.
public func expectLayerConforms(
    _ makeLayer: () -> any Layer, inputShape: Shape, expectedOutputShape: Shape, expectedParameterCount: Int,
    wrongInputShape: Shape? = nil, batchSize: Int = 3, gradientStep: Float = 1e-2, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    var generator = RandomGenerator(seed: 1)
    let input = try Tensor.randomNormal(Shape([batchSize] + inputShape.dimensions), using: &generator)

    let layer = makeLayer()
    let output = try layer(input, training: true, seed: 7)
    #expect(layer.isBuilt, "the layer is built after its first call", sourceLocation: sourceLocation)
    #expect(layer.parameterCount == expectedParameterCount, "parameter count", sourceLocation: sourceLocation)
    // Evaluated outside `#expect`: a `try` inside the macro comparing two `Shape`s crashes debug
    // builds of Swift 6.3 (a borrowed argument is destroyed twice in the expansion).
    let inferredShape = try layer.outputShape(forInputShape: inputShape)
    #expect(inferredShape == expectedOutputShape, "outputShape(forInputShape:)", sourceLocation: sourceLocation)
    #expect(output.shape == Shape([batchSize] + expectedOutputShape.dimensions), "output shape of a call", sourceLocation: sourceLocation)

    let sameSeed = makeLayer()
    _ = try sameSeed(input, training: true, seed: 7)   // the same call: training updates statistics alike
    #expect(sameSeed.weights == layer.weights, "the same seed builds the same parameters", sourceLocation: sourceLocation)

    let weights = try Tensor.randomUniform(output.shape, in: 0.5...1.5, using: &generator)
    let (_, gradients) = try valueWithGradient(of: layer.parameters) { try (layer(input, training: true) * weights).sum() }
    for (parameter, gradient) in zip(layer.parameters, gradients) where parameter.isTrainable {
        #expect(gradient.scalars.contains { $0 != 0 }, "gradient reaches parameter '\(parameter.name)'", sourceLocation: sourceLocation)
    }
    // The checker passes watched copies of the weights; put them in the parameters as they are
    // (not through setWeights, which detaches) so the tape reaches them.
    let saved = layer.weights
    defer { for (parameter, value) in zip(layer.parameters, saved) { parameter.value = value } }
    try expectGradientsMatchFiniteDifferences(at: [input] + saved, step: gradientStep, sourceLocation: sourceLocation) { values in
        for (parameter, value) in zip(layer.parameters, values.dropFirst()) { parameter.value = value }
        return try layer(values[0], training: true)
    }

    if let wrongInputShape {
        let wrong = try Tensor.zeros(Shape([batchSize] + wrongInputShape.dimensions))
        let error = #expect(throws: ModelError.self, "a batch of another sample shape is refused", sourceLocation: sourceLocation) {
            try layer(wrong)
        }
        #expect("\(error.map { "\($0)" } ?? "")".contains(layer.name), "the error names the layer", sourceLocation: sourceLocation)
    }
}
