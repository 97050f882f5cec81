import SynapseTensor

/// The checks shared by the image augmentation layers (`RandomFlip`, `RandomTranslation`,
/// `RandomRotation`, `RandomZoom`): they take channels-last batches
/// `[batch, height, width, channels]` and draw their factors from ranges within [−1, 1].
enum ImageAugmentation {
    /// The number of images in `images`, after checking it is a batch of images.
    static func imageCount(of images: Tensor, layer: String) throws -> Int {
        guard images.rank == 4 else {
            throw ModelError.invalidInput(
                layer: layer, expected: "a batch of images [batch, height, width, channels]", received: "a tensor of shape \(images.shape)")
        }
        return images.shape[0]
    }

    /// Throws `ModelError.invalidArgument` unless `values` holds `count` values, all finite.
    static func checkPerImage(_ values: [Float], count: Int, owner: String, argument: String) throws {
        try checkCount(values.count, count: count, owner: owner, argument: argument)
        if let bad = values.first(where: { !$0.isFinite }) {
            throw ModelError.invalidArgument(owner: owner, argument: argument, expected: "finite values", received: "\(bad)")
        }
    }

    /// Throws `ModelError.invalidArgument` unless `received` equals `count`, the number of images.
    static func checkCount(_ received: Int, count: Int, owner: String, argument: String) throws {
        guard received == count else {
            throw ModelError.invalidArgument(
                owner: owner, argument: argument, expected: "one value per image (\(count))", received: "\(received) values")
        }
    }

    /// Throws `ModelError.invalidArgument` unless `factor` lies within [−1, 1], as Keras requires.
    static func checkFactor(_ factor: FactorRange, owner: String, argument: String) throws {
        guard factor.lies(within: -1...1) else {
            throw ModelError.invalidArgument(owner: owner, argument: argument, expected: "a range within [-1, 1]", received: "\(factor)")
        }
    }

    /// Throws `ModelError.invalidArgument` unless the fill value is finite.
    static func checkFillValue(_ value: Float, owner: String) throws {
        guard value.isFinite else {
            throw ModelError.invalidArgument(owner: owner, argument: "fillValue", expected: "finite", received: "\(value)")
        }
    }
}
