import Foundation
import Synapse

/// A generative adversarial network on MNIST (a DCGAN with InfoGAN's categorical code), trained
/// with a custom loop of alternating updates, judged by a classifier instead of by eye.
///
/// The generator maps 62 normal noise values and a one-hot code of 10 categories (drawn
/// uniformly; no labels are used) through Dense 7·7·128 → BatchNorm → relu → Reshape 7×7×128 →
/// Conv2D 128 3×3 → BatchNorm → relu → Conv2DTranspose 128 4×4 stride 2 → BatchNorm → relu →
/// Conv2DTranspose 1 4×4 stride 2 tanh to a 28×28 image in [−1, 1]. The discriminator's body,
/// Conv2D 64 4×4 stride 2 leaky relu → Conv2D 128 4×4 stride 2 leaky relu → Flatten, feeds two
/// heads: Dense 1, the real-or-generated logit, and Dense 128 → BatchNorm → leaky relu → Dense
/// 10, which guesses a generated image's code (InfoGAN, Chen et al. 2016). Guessing the code is
/// a cross-entropy both sides minimise: the generator learns to make the categories tell apart,
/// and on MNIST they become the digits, so samples fall on one digit rather than between two.
///
/// Each step, on a batch of 128 real images scaled to [−1, 1]: the discriminator (body and both
/// heads) takes one Adam step (4e-4, β₁ 0.5) on binary cross-entropy from logits (real
/// labelled 0.9, one-sided smoothing; generated 0) plus the code's cross-entropy on the
/// generated batch; then the generator one (2e-4) on fooling it (generated labelled 1) plus the
/// code's cross-entropy, each model with its own optimizer. Both learning rates fall linearly
/// over the last ten epochs, to a tenth in the last. An exponential moving average of the
/// generator's weights (`WeightAverage`, decay 0.999), with batch statistics recomputed for the
/// averaged weights (`recomputeBatchStatistics`), makes the samples: the averaged generator is
/// the one judged and saved.
///
/// The judge is the CNN demo's classifier (`seedCNN`, 6 epochs on the real images), trained
/// first, so every epoch's log line gives the averaged generator's confident share; a grid of
/// 40 of its digits (the same noise every time, one code a column) goes to `sampleDirectory` as
/// SVG. The averaged generator is saved as a model folder in `sampleDirectory/generator`.
/// Target: of 1,000 new samples (codes drawn uniformly) the judge gives ≥ 80 % a class with
/// confidence ≥ 0.9, and every digit 0–9 appears among those it calls.
///
/// - Parameters:
///   - dataDirectory: the folder holding the MNIST files; `nil` searches as `DatasetCatalogue` does.
///   - epochs: passes over the 60,000 training images.
///   - sampleDirectory: where the per-epoch grids go (`gan-epoch-01.svg`, …); `nil` writes none.
///   - seed: the seed of the weights, the noise and the batch order.
///   - log: where the per-epoch losses and the verdict go.
/// - Throws: the catalogue's errors when the data cannot be found or read; file errors.
public func generativeAdversarial(
    dataDirectory: URL? = nil, epochs: Int = 25, sampleDirectory: URL? = nil, seed: UInt64 = 0, log: (String) -> Void = { print($0) }
) throws -> SeedReport {
    let ((images, labels), (testImages, testLabels)) = try mnistImages(dataDirectory: dataDirectory)
    let pixels = images * 2 - 1
    let noiseSize = 62, codeCount = 10, batchSize = 128, informationWeight: Float = 1
    func makeGenerator() -> Sequential {
        Sequential(name: "generator", seed: seed) {
            Input(shape: [noiseSize + codeCount])
            Dense(7 * 7 * 128)
            BatchNormalization()
            Activation(.relu)
            Reshape([7, 7, 128])
            Conv2D(128, kernelSize: 3, padding: .same)
            BatchNormalization()
            Activation(.relu)
            Conv2DTranspose(128, kernelSize: 4, strides: 2, padding: .same)
            BatchNormalization()
            Activation(.relu)
            Conv2DTranspose(1, kernelSize: 4, strides: 2, padding: .same, activation: .tanh)
        }
    }
    let generator = makeGenerator(), averagedGenerator = makeGenerator()
    let average = try WeightAverage(of: generator, decay: 0.999)
    let body = Sequential(name: "discriminator_body", seed: seed &+ 1) {
        Input(shape: [28, 28, 1])
        Conv2D(64, kernelSize: 4, strides: 2, padding: .same, activation: .leakyRelu(alpha: 0.2))
        Conv2D(128, kernelSize: 4, strides: 2, padding: .same, activation: .leakyRelu(alpha: 0.2))
        Flatten()
    }
    let head = Sequential(name: "discriminator_head", seed: seed &+ 4) { Input(shape: [7 * 7 * 128]); Dense(1) }
    let codeHead = Sequential(name: "code_head", seed: seed &+ 5) {
        Input(shape: [7 * 7 * 128])
        Dense(128)
        BatchNormalization()
        Activation(.leakyRelu(alpha: 0.2))
        Dense(codeCount)
    }
    /// `count` generator inputs: normal noise and a one-hot code, uniform over the codes unless given.
    func latent(_ count: Int, codes given: [Int]? = nil, using random: inout RandomGenerator) throws -> (input: Tensor, codes: Tensor) {
        let noise = try Tensor.randomNormal([count, noiseSize], using: &random)
        let codes = try Tensor(shape: [count], scalars: (given ?? (0..<count).map { _ in Int.random(in: 0..<codeCount, using: &random) }).map(Float.init))
        return (try Tensor.concatenating([noise, try oneHot(codes, classes: codeCount)], alongAxis: 1), codes)
    }

    // The judge: the CNN demo's classifier, trained as the demo trains it (6 epochs, batch 64).
    let judge = seedCNN(seed: seed)
    judge.compile(optimizer: Adam(learningRate: 1e-3), loss: .sparseCategoricalCrossentropy(fromLogits: true), metrics: [.accuracy])
    try judge.fit(images, labels, epochs: 6, batchSize: 64, verbose: 0, seed: seed)
    let judgeAccuracy = try judge.evaluate(testImages, testLabels, batchSize: 256)[.accuracy] ?? .nan
    log(String(format: "judge (the CNN demo's classifier, 6 epochs): %.4f on the test images", judgeAccuracy))
    /// The judge's verdict on `count` samples of the averaged generator: how many it calls with
    /// confidence ≥ 0.9, and how many of each digit.
    func verdict(count: Int, using random: inout RandomGenerator) throws -> (confident: Int, perDigit: [Int]) {
        let generated = try (averagedGenerator.predict(try latent(count, using: &random).input) + 1) / 2
        let probabilities = try judge.predict(generated, batchSize: 250).softmax(alongAxis: -1)
        let confidence = try probabilities.max(alongAxes: [1]).scalars, classes = try probabilities.argmax(alongAxis: 1).scalars.map { Int($0) }
        let called = zip(confidence, classes).filter { $0.0 >= 0.9 }.map(\.1)
        return (called.count, (0..<10).map { digit in called.filter { $0 == digit }.count })
    }
    let learningRate: Float = 2e-4, decayEpochs = 10
    let generatorOptimizer = Adam(learningRate: learningRate, beta1: 0.5), discriminatorOptimizer = Adam(learningRate: 2 * learningRate, beta1: 0.5)
    let crossEntropy = BinaryCrossentropy(fromLogits: true), codeLoss = SparseCategoricalCrossentropy(fromLogits: true)
    var random = RandomGenerator(seed: seed)
    let gridCount = 4 * codeCount  // four rows, one code a column
    let fixedNoise = try latent(gridCount, codes: (0..<gridCount).map { $0 % codeCount }, using: &random).input
    if let sampleDirectory { try FileManager.default.createDirectory(at: sampleDirectory, withIntermediateDirectories: true) }

    let rows = pixels.shape[0], steps = rows / batchSize
    let discriminatorParameters = body.trainableParameters + head.trainableParameters + codeHead.trainableParameters
    let generatorParameters = generator.trainableParameters
    let seconds = try secondsElapsed {
        for epoch in 1...epochs {
            // The learning rates fall linearly over the last `decayEpochs` epochs, to a tenth in the
            // last; the discriminator's is twice the generator's throughout.
            let rate = learningRate * Float(min(decayEpochs, epochs - epoch + 1)) / Float(decayEpochs)
            generatorOptimizer.learningRate = rate
            discriminatorOptimizer.learningRate = 2 * rate
            var order = Array(0..<rows)
            order.shuffle(using: &random)
            var discriminatorLoss = 0.0, generatorLoss = 0.0
            for step in 0..<steps {
                let real = try pixels.gathering(atIndices: Array(order[(step * batchSize)..<((step + 1) * batchSize)]), alongAxis: 0)
                let (fakeLatent, fakeCodes) = try latent(batchSize, using: &random)
                let fake = try withoutGradients { try generator(fakeLatent, training: true) }
                let realLabels = try Tensor.full([batchSize, 1], value: 0.9), fakeLabels = try Tensor.zeros([batchSize, 1])
                let (dLoss, dGradients) = try valueWithGradient(of: discriminatorParameters) {
                    let fakeFeatures = try body(fake, training: true)
                    return try crossEntropy(realLabels, head(try body(real, training: true), training: true))
                        + crossEntropy(fakeLabels, head(fakeFeatures, training: true))
                        + informationWeight * codeLoss(fakeCodes, codeHead(fakeFeatures, training: true))
                }
                try discriminatorOptimizer.apply(dGradients, to: discriminatorParameters)
                let (input, codes) = try latent(batchSize, using: &random)
                let (gLoss, gGradients) = try valueWithGradient(of: generatorParameters) {
                    let features = try body(try generator(input, training: true), training: true)
                    return try crossEntropy(try Tensor.ones([batchSize, 1]), head(features, training: true))
                        + informationWeight * codeLoss(codes, codeHead(features, training: true))
                }
                try generatorOptimizer.apply(gGradients, to: generatorParameters)
                try average.update()
                discriminatorLoss += Double(try dLoss.scalar)
                generatorLoss += Double(try gLoss.scalar)
            }
            try average.copy(to: averagedGenerator)
            // The averaged weights get batch statistics of their own (PyTorch's update_bn).
            var statisticsNoise = RandomGenerator(seed: seed &+ 3)
            try averagedGenerator.recomputeBatchStatistics(try latent(2048, using: &statisticsNoise).input)
            var judgeNoise = RandomGenerator(seed: seed &+ 2)
            let epochVerdict = try verdict(count: 1000, using: &judgeNoise)
            log(String(format: "epoch %2d/%d: discriminator loss %.3f, generator loss %.3f; averaged generator: %.1f %% confident",
                       epoch, epochs, discriminatorLoss / Double(steps), generatorLoss / Double(steps), Double(epochVerdict.confident) / 10))
            if let sampleDirectory {
                let samples = try (averagedGenerator.predict(fixedNoise) + 1) / 2
                let grid = try ImageGrid(images: samples, captions: Array(repeating: "", count: gridCount), columns: codeCount, title: "Generated digits, epoch \(epoch)")
                try grid.document().write(to: sampleDirectory.appendingPathComponent(String(format: "gan-epoch-%02d.svg", epoch)))
            }
        }
    }

    if let sampleDirectory { try averagedGenerator.save(to: sampleDirectory.appendingPathComponent("generator", isDirectory: true)) }

    // The verdict: 1,000 new samples, from noise the per-epoch lines never saw.
    let (confident, counts) = try verdict(count: 1000, using: &random)
    let calledClasses = counts.filter { $0 > 0 }.count
    log("of 1000 generated digits, \(confident) called with confidence ≥ 0.9; per digit: \(counts.map(String.init).joined(separator: " "))")
    let share = Double(confident) / 1000
    return SeedReport(
        name: "gan",
        figures: [("confident_share", share), ("digits_present", Double(calledClasses)), ("judge_test_accuracy", Double(judgeAccuracy)),
                  ("epochs", Double(epochs)), ("gan_seconds", seconds)],
        target: "≥ 80 % of 1000 samples called with confidence ≥ 0.9, all 10 digits among them",
        metTarget: share >= 0.8 && calledClasses == 10)
}
