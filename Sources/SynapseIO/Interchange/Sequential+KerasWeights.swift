import Foundation
import SynapseNN
import SynapseTensor

/// Importing weights trained with Keras from a NumPy `.npz` archive. Keras and Synapse share
/// the layout (a Dense kernel is `[in, out]` in both), so nothing is transposed. Two layouts
/// are accepted, told apart by the names in the archive:
///
/// - **Positional**, every array named `arr_<i>`: what `numpy.savez(path, *model.get_weights())`
///   writes, in layer order, kernel then bias for each Dense.
/// - **Named**, by variable: `np.savez(path, **{w.path: w.numpy() for w in model.weights})`.
///   A name matches the parameter `layer/parameter` by its last two components, after dropping
///   a `:0` suffix, so Keras 3's `sequential/dense/kernel` and Keras 2's `dense/kernel:0` both
///   match `dense/kernel`. Layers are matched by name (Keras and Synapse both name them
///   `dense`, `dense_1`, …).
///
/// ```python
/// np.savez("keras.npz", *model.get_weights())
/// ```
/// ```swift
/// try model.importKerasWeights(fromNPZ: URL(fileURLWithPath: "keras.npz"))
/// ```
extension Sequential {
    /// Sets every parameter from the Keras weights in the `.npz` archive `url` (either layout
    /// above).
    ///
    /// - Throws: `ModelError` naming the file and the array: for the positional layout, when
    ///   the number of arrays differs from the model's parameters (listing the expected ones);
    ///   for either, an array that is unknown, missing, or has another shape (expected and
    ///   received). `DataError` for a malformed archive.
    public func importKerasWeights(fromNPZ url: URL) throws {
        let arrays = try readWeights(from: url)
        let isPositional = !arrays.isEmpty && arrays.keys.allSatisfy { $0.wholeMatch(of: /arr_[0-9]+/) != nil }
        if isPositional {
            let mappings = positionalWeightMappings
            guard arrays.count == mappings.count else {
                throw ModelError.invalidArgument(
                    owner: "Keras weights \(url.path)", argument: "arrays",
                    expected: "\(mappings.count) (\(mappings.map { "\($0.externalName): \($0.parameterName) \($0.shape)" }.joined(separator: ", ")))",
                    received: "\(arrays.count) (\(arrays.keys.sorted { $0.count == $1.count ? $0 < $1 : $0.count < $1.count }.map { "\($0) \(arrays[$0]!.shape)" }.joined(separator: ", ")))")
            }
            try assignExternalWeights(arrays, mappings: mappings, source: url.path)
        } else {
            // Each parameter takes the name of the array that matches it, so errors name the
            // array as the file spells it.
            var fileName: [String: String] = [:]
            for key in arrays.keys.sorted() { fileName[Self.kerasParameterName(key)] = fileName[Self.kerasParameterName(key)] ?? key }
            let mappings = synapseWeightMappings.map {
                WeightMapping(externalName: fileName[$0.parameterName] ?? $0.parameterName, parameterName: $0.parameterName, shape: $0.shape, layout: .same)
            }
            try assignExternalWeights(arrays, mappings: mappings, source: url.path)
        }
    }

    /// The `layer/parameter` name a Keras variable name denotes: its last two components,
    /// without a `:0` suffix (`sequential/dense/kernel:0` → `dense/kernel`).
    static func kerasParameterName(_ variable: String) -> String {
        let trimmed = variable.hasSuffix(":0") ? String(variable.dropLast(2)) : variable
        return trimmed.split(separator: "/", omittingEmptySubsequences: false).suffix(2).joined(separator: "/")
    }
}
