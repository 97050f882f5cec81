import Foundation
import SynapseTensor

/// The checks behind each warning.
extension TrainingDiagnostics {
    /// Compares the first batch's outputs with what `loss` expects: probabilities or logits.
    func checkOutputs(_ predictions: Tensor, against loss: any Loss) {
        guard let loss = loss as? any ProbabilityLoss, predictions.elementCount > 0 else { return }
        let classes = predictions.rank >= 2 ? predictions.shape[predictions.rank - 1] : 1
        let (lowest, highest, rowSumsAreOne) = predictions.withUnsafeBufferPointer { values in
            var sumsAreOne = true
            for start in stride(from: 0, to: values.count, by: classes) {
                let sum = values[start..<start + classes].reduce(0, +)
                if abs(sum - 1) > 1e-3 { sumsAreOne = false }
            }
            return (values.min() ?? 0, values.max() ?? 0, sumsAreOne)
        }
        let inUnitRange = lowest >= 0 && highest <= 1
        let distribution = loss.expectsDistribution && classes > 1
        let looksLikeProbabilities = inUnitRange && (!distribution || rowSumsAreOne)
        let range = "from \(Self.figure(lowest)) to \(Self.figure(highest))"
        if loss.fromLogits && looksLikeProbabilities {
            raise(DiagnosticWarning(
                .probabilitiesIntoLogitsLoss, epoch: epoch,
                problem: "the first batch's outputs look like probabilities (all in [0, 1]\(distribution ? ", each row summing to 1" : "")) but \(loss.name) was compiled with fromLogits: true, so it applies \(distribution ? "softmax" : "sigmoid") a second time, which flattens the outputs and shrinks the gradients.",
                remedy: "end the model with a linear layer so it outputs logits (recommended), or compile the loss with fromLogits: false."))
        } else if !loss.fromLogits && !looksLikeProbabilities {
            raise(DiagnosticWarning(
                .logitsIntoProbabilityLoss, epoch: epoch,
                problem: "\(loss.name) expects probabilities (fromLogits: false), but the first batch's outputs run \(range)\(distribution && inUnitRange ? " and their rows do not sum to 1" : ""): logits, not probabilities. Values outside [0, 1] are clipped, so those samples get no gradient.",
                remedy: "compile the loss with fromLogits: true (more stable), or end the model with \(distribution ? "softmax" : "sigmoid")."))
        }
    }

    /// Raises `learningRateTooHigh` when a batch's loss dwarfs the first batch's; on a
    /// non-finite batch loss, finds the first layer whose output is not finite (with the
    /// weights the batch was computed with) and says so.
    func checkLoss(of step: TrainingStep, model: any Model) throws {
        if firstBatchLoss == nil { firstBatchLoss = step.loss }
        if let first = firstBatchLoss, first > 0, step.loss.isFinite, step.loss > first * thresholds.batchDivergenceFactor {
            raiseDivergence(problem: "the batch loss grew from \(Self.figure(first)) at the first batch to \(Self.figure(step.loss)) at batch \(step.batch + 1) of epoch \(epoch + 1).")
        }
        if !step.loss.isFinite {
            let outputs = try model.layerOutputs(step.inputs, training: false)
            let culprit = outputs.first { $0.output.firstNonFiniteIndex != nil }
            if let culprit {
                raise(DiagnosticWarning(
                    .nonFiniteOutput, epoch: epoch, layer: culprit.layer.name,
                    problem: "the loss became \(step.loss) at batch \(step.batch + 1); the first layer whose output is not finite is '\(culprit.layer.name)'.",
                    remedy: "lower the learning rate, clip gradients (clipNorm: 1), normalise the inputs, or add BatchNormalization before '\(culprit.layer.name)'."))
            } else {
                let largest = outputs.map { ($0.layer.name, Self.largestMagnitude(of: $0.output)) }.max { $0.1 < $1.1 }
                raise(DiagnosticWarning(
                    .nonFiniteOutput, epoch: epoch,
                    problem: "the loss became \(step.loss) at batch \(step.batch + 1), though every layer's output is finite (the largest, \(Self.figure(largest?.1 ?? 0)), from '\(largest?.0 ?? "")'): the loss itself overflowed.",
                    remedy: "lower the learning rate and scale the targets if the outputs are huge; for cross-entropy, compute it from logits (fromLogits: true)."))
            }
            raiseDivergence(problem: "the loss became \(step.loss) at batch \(step.batch + 1) of epoch \(epoch + 1).")
        }
    }

    /// The per-epoch checks: dead and saturated units, gradient flow across depth, overfitting, and progress.
    func checkEpoch(_ figures: EpochDiagnostics, learningRate: Float) {
        for layer in figures.layers {
            if let dead = layer.activations.deadUnitFraction, dead >= thresholds.deadUnitFraction {
                raise(DiagnosticWarning(
                    .deadReLU, epoch: epoch, layer: layer.layer,
                    problem: "\(Self.percent(dead)) of its ReLU units output 0 for every one of \(sampleRows) training samples: they get no gradient and no longer learn (dead ReLU).",
                    remedy: "a lower learning rate, He initialisation (kernelInitializer: .heNormal), LeakyReLU or ELU, or BatchNormalization before the activation."))
            }
            // The output layer is left out: a confident classifier's sigmoid outputs are meant to be near 0 and 1.
            if layer.layer != figures.layers.last?.layer, let saturated = layer.activations.saturatedFraction, saturated >= thresholds.saturatedFraction {
                raise(DiagnosticWarning(
                    .saturatedActivations, epoch: epoch, layer: layer.layer,
                    problem: "\(Self.percent(saturated)) of its outputs sit within 0.01 of the activation's bounds, where its derivative is nearly 0: those units pass back almost no gradient (saturation).",
                    remedy: "smaller initial weights (glorotUniform), standardised inputs, BatchNormalization before the activation, or a ReLU-family activation."))
            }
        }
        checkGradientFlow(figures)
        checkOverfitting()
        checkProgress(figures, learningRate: learningRate)
    }

    /// Compares gradient norms across depth; skipped in an epoch whose loss diverged, where
    /// they say more about the divergence than about the architecture.
    private func checkGradientFlow(_ figures: EpochDiagnostics) {
        guard !record.warnings.contains(where: { $0.kind == .learningRateTooHigh && $0.epoch == epoch }) else { return }
        let norms = figures.layers.filter { $0.gradientNorm != nil }
        if let broken = norms.first(where: { !$0.gradientNorm!.isFinite }) {
            raise(DiagnosticWarning(
                .explodingGradients, epoch: epoch, layer: broken.layer,
                problem: "its gradient norm is \(broken.gradientNorm!): the gradient overflowed.",
                remedy: "clip gradients (clipNorm: 1), lower the learning rate, or add BatchNormalization."))
            return
        }
        guard let ratio = figures.gradientDepthRatio, let first = norms.first, let last = norms.last else { return }
        let figuresText = "the first layer's gradient norm (\(first.layer): \(Self.figure(first.gradientNorm!))) is \(Self.figure(ratio)) times the last layer's (\(last.layer): \(Self.figure(last.gradientNorm!)))"
        if ratio < thresholds.vanishingRatio {
            raise(DiagnosticWarning(
                .vanishingGradients, epoch: epoch,
                problem: "\(figuresText): the gradient vanishes on its way back through \(norms.count) layers, so the early layers hardly learn.",
                remedy: "ReLU-family activations with He initialisation instead of sigmoid or tanh in hidden layers, BatchNormalization, or fewer layers."))
        } else if ratio > thresholds.explodingRatio {
            raise(DiagnosticWarning(
                .explodingGradients, epoch: epoch,
                problem: "\(figuresText): the gradient explodes on its way back through \(norms.count) layers.",
                remedy: "gradient clipping (clipNorm: 1), a smaller initialisation (glorotUniform, heNormal), BatchNormalization, or a lower learning rate."))
        }
    }

    private func checkOverfitting() {
        let validation = losses.enumerated().compactMap { epoch, loss in loss.validation.map { (epoch, $0) } }
        guard let best = validation.min(by: { $0.1 < $1.1 }), let current = validation.last, current.0 - best.0 >= 2,
              current.1 > best.1 * (1 + thresholds.overfittingRise), losses[current.0].training < losses[best.0].training else { return }
        raise(DiagnosticWarning(
            .overfitting, epoch: epoch,
            problem: "the validation loss rose from \(Self.figure(best.1)) at epoch \(best.0 + 1) to \(Self.figure(current.1)) while the training loss fell from \(Self.figure(losses[best.0].training)) to \(Self.figure(losses[current.0].training)): the model is memorising the training data.",
            remedy: "EarlyStopping(monitor: .validationLoss, restoreBestWeights: true), Dropout, L2 regularisation, data augmentation, more data, or a smaller model."))
    }

    private func checkProgress(_ figures: EpochDiagnostics, learningRate: Float) {
        guard let first = losses.first?.training, let current = losses.last?.training else { return }
        let lowest = losses.map(\.training).min() ?? current
        if !current.isFinite || current > lowest * thresholds.divergenceFactor {
            raiseDivergence(problem: "the training loss climbed from \(Self.figure(lowest)) to \(Self.figure(current)).")
            return
        }
        guard losses.count >= thresholds.patience, first > 0, (first - current) / first < thresholds.noProgressFraction else { return }
        let ratios = figures.layers.compactMap(\.updateRatio)
        guard let largest = ratios.max(), largest < thresholds.smallUpdateRatio else { return }
        raise(DiagnosticWarning(
            .learningRateTooLow, epoch: epoch,
            problem: "after \(losses.count) epochs the training loss has moved less than \(Self.percent(thresholds.noProgressFraction)) (\(Self.figure(first)) → \(Self.figure(current))), and each step changes the weights by at most \(Self.figure(largest)) of their size (about 1e-3 is typical) at learning rate \(Self.figure(learningRate)).",
            remedy: "raise the learning rate tenfold (or use Adam at 1e-3)."))
    }

    /// Raises `learningRateTooHigh` saying `problem`.
    func raiseDivergence(problem: String) {
        raise(DiagnosticWarning(
            .learningRateTooHigh, epoch: epoch, problem: problem + " The learning rate is probably too high.",
            remedy: "lower the learning rate tenfold, add gradient clipping (clipNorm: 1), or use a schedule with warmup."))
    }

    /// The largest absolute value in `tensor`.
    static func largestMagnitude(of tensor: Tensor) -> Float {
        tensor.withUnsafeBufferPointer { values in values.reduce(0) { Swift.max($0, abs($1)) } }
    }

    /// `x` with 3 significant digits.
    static func figure(_ x: Float) -> String { TrainingDiagnosticsRecord.figure(x) }

    /// `x` (a fraction) as a whole percentage.
    static func percent(_ x: Float) -> String { TrainingDiagnosticsRecord.percent(x) }
}
