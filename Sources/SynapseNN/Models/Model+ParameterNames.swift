/// The names parameters go by in weight files, checkpoints and TensorBoard.
extension Model {
    /// Every parameter with its name: `layer/parameter` (e.g. `dense/kernel`), and for the
    /// layers of a nested model `model/layer/parameter` (e.g. `base/conv2d/kernel`), so that two
    /// nested models' layers never share a name. In `parameters` order.
    public var namedParameters: [(name: String, parameter: Parameter)] {
        named(\.parameters, nested: \.namedParameters)
    }

    /// The trainable parameters with their names (see `namedParameters`), in
    /// `trainableParameters` order.
    public var namedTrainableParameters: [(name: String, parameter: Parameter)] {
        isTrainable ? named(\.trainableParameters, nested: \.namedTrainableParameters) : []
    }

    /// The parameters `own` picks from each layer, named `layer/parameter`, and those `nested`
    /// picks from each nested model, prefixed with the model's name.
    private func named(
        _ own: (any Layer) -> [Parameter], nested: (any Model) -> [(name: String, parameter: Parameter)]
    ) -> [(name: String, parameter: Parameter)] {
        layers.flatMap { layer in
            if let model = layer as? any Model { return nested(model).map { ("\(layer.name)/\($0.name)", $0.parameter) } }
            return own(layer).map { (layer.weightName(of: $0), $0) }
        }
    }
}
