import ArgumentParser
import Foundation
import Synapse

/// The optimizers `synapse train --optimizer` offers, with Keras's default learning rates.
enum OptimizerChoice: String, CaseIterable, ExpressibleByArgument {
    case adam, adamw, sgd, rmsprop, adagrad

    /// A new optimizer of this kind; `learningRate` overrides the default.
    func make(learningRate: Float?) -> any Optimizer {
        switch self {
        case .adam: return Adam(learningRate: learningRate ?? 1e-3)
        case .adamw: return AdamW(learningRate: learningRate ?? 1e-3)
        case .sgd: return SGD(learningRate: learningRate ?? 0.01)
        case .rmsprop: return RMSprop(learningRate: learningRate ?? 1e-3)
        case .adagrad: return Adagrad(learningRate: learningRate ?? 1e-3)
        }
    }
}

/// What `synapse train` learns: classes (integer labels) or a number.
enum TaskChoice: String, CaseIterable, ExpressibleByArgument {
    case classification, regression
}

extension ActivationFunction: ExpressibleByArgument {
    /// An activation by its model-file name (`relu`, `tanh`, `gelu`, …).
    public init?(argument: String) {
        guard let value = try? JSONDecoder().decode(ActivationFunction.self, from: Data("\"\(argument)\"".utf8)) else { return nil }
        self = value
    }
}

/// How a trained model's outputs are read, inferred from its last layer: several outputs are
/// class scores (logits, unless the model ends in softmax), one sigmoid output is a binary
/// class probability, one other output is a regression target.
enum OutputKind {
    case classScores(logits: Bool)
    case binaryProbability
    case value

    init(model: any Model) {
        let units = model.layers.compactMap { $0 as? Dense }.last?.units ?? 1
        let endsInSoftmax = (model.layers.last as? Activation)?.function == .softmax || (model.layers.last as? Dense)?.activation == .softmax
        let endsInSigmoid = (model.layers.last as? Activation)?.function == .sigmoid || (model.layers.last as? Dense)?.activation == .sigmoid
        if units > 1 { self = .classScores(logits: !endsInSoftmax) }
        else if endsInSigmoid { self = .binaryProbability }
        else { self = .value }
    }

    /// Class probabilities (or the predicted value) for each row of `outputs`.
    func probabilities(_ outputs: Tensor) throws -> Tensor {
        switch self {
        case .classScores(logits: true): return try outputs.softmax()
        default: return outputs
        }
    }

    /// The predicted class of each row (for `.value`, the value itself).
    func predictions(_ outputs: Tensor) throws -> [Float] {
        switch self {
        case .classScores: return try outputs.argmax(alongAxis: -1).scalars
        case .binaryProbability: return outputs.scalars.map { $0 >= 0.5 ? 1 : 0 }
        case .value: return outputs.scalars
        }
    }
}
