import SynapseTensor

/// The input check of the layers that work on whole channels-last images (`ZeroPadding2D`,
/// `Cropping2D`, `UpSampling2D`, the image augmentation layers): samples of shape
/// `[height, width, channels]`.
enum ImageLayerInput {
    /// Throws `ModelError.invalidInput` naming `layer` unless `inputShape` is `[height, width, channels]`.
    static func check(_ inputShape: Shape, layer: String) throws {
        guard inputShape.rank == 3, inputShape.dimensions.allSatisfy({ $0 >= 1 }) else {
            throw ModelError.invalidInput(layer: layer, expected: "samples of shape [height, width, channels] (channels last)",
                                          received: "samples of shape \(inputShape)")
        }
    }
}
