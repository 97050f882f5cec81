import SynapseNN
import SynapseTensor

/// How one tensor of a foreign weights file (PyTorch, Keras, NumPy) corresponds to a Synapse
/// parameter: its name in that file, the parameter's `layer/parameter` name, and how the file
/// lays it out.
///
/// Every importer and exporter in `Interchange/` is a list of these; the checks (unknown,
/// missing, misshapen tensors) and the layout changes live here once.
struct WeightMapping: Equatable, Sendable {
    /// How the foreign file lays out a parameter, relative to Synapse's layout.
    enum Layout: Equatable, Sendable {
        /// As Synapse: a bias, or any tensor of a Synapse-layout file.
        case same
        /// A matrix transposed: PyTorch's `Linear.weight` `[out, in]` for a Dense kernel `[in, out]`.
        case transposed
        /// Axes permuted: the file's axis `i` is Synapse's axis `axes[i]`, e.g. `[3, 2, 0, 1]`
        /// for PyTorch's `Conv2d.weight` `[out, in, kh, kw]` from a kernel `[kh, kw, in, out]`.
        case permuted([Int])
        /// A Dense kernel `[d₁·…·dₖ·c, out]` reading a flattened channels-last sample of shape
        /// `[d₁, …, dₖ, c]`, stored as PyTorch's `Linear.weight` `[out, c·d₁·…·dₖ]` reading the
        /// same sample flattened channels-first (as `nn.Flatten` flattens an `NCHW` tensor).
        case channelsFirstColumns(sample: Shape)
    }

    /// The tensor's name in the foreign file, e.g. `0.weight` or `arr_0`.
    let externalName: String
    /// The parameter's Synapse name, `layer/parameter`, e.g. `dense/kernel`.
    let parameterName: String
    /// The parameter's shape in Synapse's layout.
    let shape: Shape
    /// How the foreign file lays the parameter out.
    let layout: Layout

    /// The shape the tensor has in the foreign file.
    var externalShape: Shape {
        switch layout {
        case .same: return shape
        case .transposed, .channelsFirstColumns: return Shape(shape.dimensions.reversed())
        case .permuted(let axes): return Shape(axes.map { shape[$0] })
        }
    }

    /// The tensor as the foreign file stores it, given the parameter's value.
    func exported(_ value: Tensor) throws -> Tensor {
        switch layout {
        case .same: return value
        case .transposed: return value.transposed()
        case .permuted(let axes): return try value.permuted(axes)
        case .channelsFirstColumns(let sample):
            // [d…, c, out] → [c, d…, out] → [c·d…, out] → [out, c·d…]
            let units = shape[1], rank = sample.rank
            let grouped = try value.reshaped(to: Shape(sample.dimensions + [units]))
            let channelsFirst = try grouped.permuted([rank - 1] + Array(0..<(rank - 1)) + [rank])
            return try channelsFirst.reshaped(to: shape).transposed()
        }
    }

    /// The parameter's value, given the tensor as the foreign file stores it.
    func imported(_ value: Tensor) throws -> Tensor {
        switch layout {
        case .same: return value
        case .transposed: return value.transposed()
        case .permuted(let axes):
            var inverse = [Int](repeating: 0, count: axes.count)
            for (position, axis) in axes.enumerated() { inverse[axis] = position }
            return try value.permuted(inverse)
        case .channelsFirstColumns(let sample):
            // [out, c·d…] → [c·d…, out] → [c, d…, out] → [d…, c, out] → [d…·c, out]
            let units = shape[1], rank = sample.rank
            let channelsFirst = try value.transposed().reshaped(to: Shape([sample[rank - 1]] + sample.dimensions.dropLast() + [units]))
            return try channelsFirst.permuted(Array(1..<rank) + [0, rank]).reshaped(to: shape)
        }
    }
}

extension Sequential {
    /// The model's parameters renamed (and transposed) as `mappings` say.
    func exportedWeights(_ mappings: [WeightMapping]) throws -> [String: Tensor] {
        let named = namedWeights()
        return Dictionary(uniqueKeysWithValues: try mappings.map { ($0.externalName, try $0.exported(named[$0.parameterName]!)) })
    }

    /// Sets every parameter from `weights`, a foreign file's tensors named and laid out as
    /// `mappings` say, then hands them to `assignNamedWeights(_:source:)`.
    ///
    /// - Throws: `ModelError.invalidArgument` naming `source` and the tensor by its name in the
    ///   file: one the mapping does not know, one missing, or one whose shape differs (expected
    ///   and received in the file's layout).
    func assignExternalWeights(_ weights: [String: Tensor], mappings: [WeightMapping], source: String) throws {
        let known = Set(mappings.map(\.externalName))
        if let unknown = weights.keys.sorted().first(where: { !known.contains($0) }) {
            throw ModelError.invalidArgument(owner: "weights \(source)", argument: "tensor '\(unknown)'",
                                             expected: "one of \(mappings.map(\.externalName))", received: "an unknown name")
        }
        var named: [String: Tensor] = [:]
        for mapping in mappings {
            guard let value = weights[mapping.externalName] else {
                throw ModelError.invalidArgument(owner: "weights \(source)", argument: "tensor '\(mapping.externalName)' (\(mapping.parameterName))",
                                                 expected: "present, shape \(mapping.externalShape)", received: "missing")
            }
            guard value.shape == mapping.externalShape else {
                throw ModelError.invalidArgument(owner: "weights \(source)", argument: "tensor '\(mapping.externalName)' (\(mapping.parameterName))",
                                                 expected: "shape \(mapping.externalShape)", received: "shape \(value.shape)")
            }
            named[mapping.parameterName] = try mapping.imported(value)
        }
        try assignNamedWeights(named, source: source)
    }

    /// Each parameter under its own `layer/parameter` name, untransposed: Synapse's layout.
    var synapseWeightMappings: [WeightMapping] {
        namedParameters.map { WeightMapping(externalName: $0.name, parameterName: $0.name, shape: $0.parameter.shape, layout: .same) }
    }

    /// Each parameter as `arr_<i>`, numbered in layer order (kernel, then bias, per Dense):
    /// `numpy.savez(path, *model.get_weights())`'s layout.
    var positionalWeightMappings: [WeightMapping] {
        synapseWeightMappings.enumerated().map { WeightMapping(externalName: "arr_\($0.offset)", parameterName: $0.element.parameterName, shape: $0.element.shape, layout: .same) }
    }
}
