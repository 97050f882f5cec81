/// The names parameters go by in weight files, checkpoints and TensorBoard.
extension Model {
    /// Every parameter with its name: `layer/parameter` (e.g. `dense/kernel`), and for the
    /// layers of a nested model `model/layer/parameter` (e.g. `base/conv2d/kernel`), so that two
    /// nested models' layers never share a name. In `parameters` order.
    public var namedParameters: [(name: String, parameter: Parameter)] {
        layers.flatMap { layer in
            if let nested = layer as? any Model { return nested.namedParameters.map { ("\(layer.name)/\($0.name)", $0.parameter) } }
            return layer.parameters.map { (layer.weightName(of: $0), $0) }
        }
    }

    /// The trainable parameters with their names (see `namedParameters`), in
    /// `trainableParameters` order.
    public var namedTrainableParameters: [(name: String, parameter: Parameter)] {
        guard isTrainable else { return [] }
        return layers.flatMap { layer in
            if let nested = layer as? any Model { return nested.namedTrainableParameters.map { ("\(layer.name)/\($0.name)", $0.parameter) } }
            return layer.trainableParameters.map { (layer.weightName(of: $0), $0) }
        }
    }
}
