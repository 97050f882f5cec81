import SynapseNN
import SynapseTensor

/// A built `Sequential` as the equivalent `torch.nn.Sequential`: its modules, written as the
/// Python calls that construct them, and where each parameter goes in that network's
/// `state_dict` (`<module index>.weight`, `<module index>.bias`).
///
/// | Synapse layer | PyTorch modules | weight layout in PyTorch |
/// |---|---|---|
/// | `Input` | none | |
/// | `Dense(n, activation: a)` | `Linear(in_features=…, out_features=n, bias=…)`, then the module of `a` unless `a` is `.linear` | `[out, in]`, the kernel transposed; after a `Flatten` of an image or sequence, its columns in channels-first order |
/// | `Conv2D` | `Conv2d(in, out, kernel_size=(kh, kw), stride=(sh, sw)[, padding='same'][, dilation=(dh, dw)][, bias=False])`, then the activation's module | `[out, in, kh, kw]` from `[kh, kw, in, out]` |
/// | `Conv1D` | `Conv1d(in, out, kernel_size=(k,), stride=(s,)…)`, then the activation's module | `[out, in, k]` from `[k, in, out]` |
/// | `MaxPooling2D`, `AveragePooling2D` (valid padding) | `MaxPool2d(kernel_size=…, stride=…)`, `AvgPool2d(kernel_size=…, stride=…)` | |
/// | `MaxPooling1D`, `AveragePooling1D` (valid padding) | `MaxPool1d(…)`, `AvgPool1d(…)` | |
/// | `GlobalAveragePooling2D`/`1D`, `GlobalMaxPooling2D`/`1D` | `AdaptiveAvgPool2d(output_size=1)` (…`Max`…, …`1d`…), then `Flatten(start_dim=1, end_dim=-1)` | |
/// | `Flatten` | `Flatten(start_dim=1, end_dim=-1)` | |
/// | `Dropout(rate)` | `Dropout(p=rate)` | |
/// | `Activation(a)` | the module of `a` (`Identity()` for `.linear`) | |
///
/// PyTorch's convolutions take channels-first tensors: the network takes `x.permute(0, 3, 1, 2)`
/// for an image batch `[n, h, w, c]` (`x.permute(0, 2, 1)` for sequences), and its `Flatten`
/// flattens channels first, so the `Linear` after it reads its inputs in another order than
/// the Dense kernel: its columns are reordered on export and back on import.
struct PyTorchLayout {
    /// The modules, in order, as the Python calls that construct them (`nn.` omitted).
    private(set) var modules: [String] = []
    /// Where each parameter goes in the `state_dict`.
    private(set) var mappings: [WeightMapping] = []

    /// The layout of `model`.
    ///
    /// - Throws: `ModelError.notReady` for a model that is not built;
    ///   `ModelError.invalidArgument` naming the first layer PyTorch's `nn.Sequential` has no
    ///   equivalent for here (a recurrent layer, a normalisation, `same` pooling, a strided
    ///   `same` convolution, a Dense on unflattened images).
    init(of model: Sequential) throws {
        guard model.builtInputShape != nil else {
            throw ModelError.notReady(model: model.name, reason: "build it (call it, fit it, or start it with Input) before exchanging its weights with PyTorch")
        }
        func unsupported(_ layer: any Layer, _ expected: String) -> ModelError {
            .invalidArgument(owner: "PyTorch state_dict of '\(model.name)'", argument: "layer '\(layer.name)'", expected: expected, received: "\(type(of: layer))")
        }
        // The channels-last shape of the samples a `Flatten` flattened, until a Dense reads them.
        var flattenedSample: Shape?
        for layer in model.layers {
            let inputShape = layer.builtInputShape ?? []
            switch layer {
            case is Input:
                continue
            case let dense as Dense:
                guard let kernel = dense.kernel else { continue }
                guard inputShape.rank == 1 else {
                    throw unsupported(layer, "a Dense on flat samples (PyTorch's Linear would read the last axis of a channels-first tensor)")
                }
                let layout: WeightMapping.Layout = flattenedSample.map { .channelsFirstColumns(sample: $0) } ?? .transposed
                add("Linear(in_features=\(kernel.shape[0]), out_features=\(dense.units), bias=\(dense.useBias ? "True" : "False"))",
                    kernel: (kernel, layout), bias: dense.bias, of: dense)
                flattenedSample = nil
                if dense.activation != .linear { modules.append(Self.module(of: dense.activation)) }
            case let conv as ConvolutionalLayer where conv is Conv2D || conv is Conv1D:
                guard let kernel = conv.kernel else { continue }
                let image = conv is Conv2D
                if conv.padding == .same && (conv.windowStrides.height > 1 || conv.windowStrides.width > 1) {
                    throw unsupported(layer, "stride 1 with same padding (PyTorch's padding='same' takes no other stride)")
                }
                let (kernelSize, stride, dilation) = image
                    ? (Self.pair(conv.windowSize), Self.pair(conv.windowStrides), Self.pair(conv.windowDilation))
                    : ("(\(conv.windowSize.width),)", "(\(conv.windowStrides.width),)", "(\(conv.windowDilation.width),)")
                let unitDilation = conv.windowDilation.height == 1 && conv.windowDilation.width == 1
                let channels = kernel.shape[kernel.shape.rank - 2]
                let call = "Conv\(image ? 2 : 1)d(\(channels), \(conv.filters), kernel_size=\(kernelSize), stride=\(stride)"
                    + (conv.padding == .same ? ", padding='same'" : "") + (unitDilation ? "" : ", dilation=\(dilation)")
                    + (conv.useBias ? "" : ", bias=False") + ")"
                add(call, kernel: (kernel, .permuted(image ? [3, 2, 0, 1] : [2, 1, 0])), bias: conv.bias, of: conv)
                if conv.activation != .linear { modules.append(Self.module(of: conv.activation)) }
            case let pooling as PoolingLayer:
                guard pooling.padding == .valid else { throw unsupported(layer, "a pooling layer with valid padding") }
                let image = pooling is MaxPooling2D || pooling is AveragePooling2D
                let kind = pooling.statistic == .maximum ? "MaxPool" : "AvgPool"
                modules.append(image
                    ? "\(kind)2d(kernel_size=\(Self.pair(pooling.windowSize)), stride=\(Self.pair(pooling.windowStrides)))"
                    : "\(kind)1d(kernel_size=\(pooling.windowSize.width), stride=\(pooling.windowStrides.width))")
            case let pooling as GlobalPoolingLayer:
                let dimensions = inputShape.rank == 3 ? 2 : 1
                modules.append("Adaptive\(pooling.statistic == .maximum ? "Max" : "Avg")Pool\(dimensions)d(output_size=1)")
                modules.append(Self.flatten)
            case is Flatten:
                if inputShape.rank > 1 { flattenedSample = inputShape }
                modules.append(Self.flatten)
            case let dropout as Dropout:
                modules.append("Dropout(p=\(dropout.rate))")
            case let activation as Activation:
                modules.append(Self.module(of: activation.function))
            default:
                throw unsupported(layer, "a Dense, Conv1D, Conv2D, pooling, Flatten, Dropout or Activation layer")
            }
        }
    }

    /// Appends the module `call` and the mappings of its weight and bias.
    private mutating func add(_ call: String, kernel: (Parameter, WeightMapping.Layout), bias: Parameter?, of layer: any Layer) {
        let index = modules.count
        modules.append(call)
        mappings.append(WeightMapping(externalName: "\(index).weight", parameterName: layer.weightName(of: kernel.0), shape: kernel.0.shape, layout: kernel.1))
        if let bias {
            mappings.append(WeightMapping(externalName: "\(index).bias", parameterName: layer.weightName(of: bias), shape: bias.shape, layout: .same))
        }
    }

    /// PyTorch's `Flatten` module with its defaults.
    private static let flatten = "Flatten(start_dim=1, end_dim=-1)"

    /// A 2-D size as a Python tuple, `(height, width)`.
    private static func pair(_ size: Size2D) -> String { "(\(size.height), \(size.width))" }

    /// The PyTorch module computing `function`.
    static func module(of function: ActivationFunction) -> String {
        switch function {
        case .linear: return "Identity()"
        case .sigmoid: return "Sigmoid()"
        case .relu: return "ReLU()"
        case .leakyRelu(let alpha): return "LeakyReLU(negative_slope=\(alpha))"
        case .tanh: return "Tanh()"
        case .elu(let alpha): return "ELU(alpha=\(alpha))"
        case .selu: return "SELU()"
        case .swish: return "SiLU()"
        case .gelu(let approximate): return "GELU(approximate='\(approximate ? "tanh" : "none")')"
        case .softplus: return "Softplus(beta=1.0, threshold=20.0)"
        case .softmax: return "Softmax(dim=-1)"
        }
    }
}
