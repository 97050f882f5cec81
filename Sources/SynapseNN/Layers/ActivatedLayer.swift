/// A layer whose output passes through an activation function last: `Dense`, the
/// convolutions and `Activation`. Diagnostics read it to know which statistics apply (dead
/// units for ReLU, saturation for sigmoid and tanh).
public protocol ActivatedLayer: Layer {
    /// The function the layer applies last.
    var outputActivation: ActivationFunction { get }
}

extension Dense: ActivatedLayer {
    public var outputActivation: ActivationFunction { activation }
}

extension ConvolutionalLayer: ActivatedLayer {
    public var outputActivation: ActivationFunction { activation }
}

extension Activation: ActivatedLayer {
    public var outputActivation: ActivationFunction { function }
}
