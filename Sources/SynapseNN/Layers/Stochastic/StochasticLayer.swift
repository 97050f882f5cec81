import SynapseTensor

/// A layer whose forward pass draws random numbers in training (augmentation, noise) from a
/// generator of its own, since `forward(_:training:)` receives none.
///
/// `build(inputShape:using:)` seeds the layer's generator from the generator it is given
/// (`RandomGenerator(seed: generator.next())`), so a model's seed determines every draw and
/// the same seed gives the same run.
public protocol StochasticLayer: Layer {
    /// The generator the layer draws from in training; each forward pass in training advances
    /// it. Checkpoints save and restore it, so that a resumed run draws what an uninterrupted
    /// one would.
    var generator: RandomGenerator { get set }
}
