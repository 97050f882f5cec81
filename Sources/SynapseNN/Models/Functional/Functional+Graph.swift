/// How `Functional` orders and names a graph's layers.
extension Functional {
    /// Every symbolic tensor the outputs depend on, each once, after all of its inputs
    /// (a depth-first post-order from the outputs, so the order is fixed by the graph).
    static func callOrder(reaching outputs: [SymbolicTensor]) -> [SymbolicTensor] {
        var order: [SymbolicTensor] = []
        var visited: Set<ObjectIdentifier> = []
        // An explicit stack: deep graphs (hundreds of layers) must not exhaust the call stack.
        var stack: [(node: SymbolicTensor, expanded: Bool)] = outputs.reversed().map { ($0, false) }
        while let (node, expanded) = stack.popLast() {
            if expanded {
                if visited.insert(ObjectIdentifier(node)).inserted { order.append(node) }
                continue
            }
            guard !visited.contains(ObjectIdentifier(node)) else { continue }
            stack.append((node, true))
            for input in node.inputs.reversed() where !visited.contains(ObjectIdentifier(input)) { stack.append((input, false)) }
        }
        return order
    }

    /// `layers` without repeats, in order of first appearance.
    static func uniqueLayers(_ layers: [any Layer]) -> [any Layer] {
        var seen: Set<ObjectIdentifier> = []
        return layers.filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    /// Renames layers whose name an earlier layer has: `dense`, `dense_1`, ….
    static func makeNamesUnique(_ layers: [any Layer]) {
        var taken: Set<String> = []
        for layer in layers {
            layer.name = LayerNaming.unique(layer.name, avoiding: taken)
            taken.insert(layer.name)
        }
    }
}

extension Functional {
    /// One row per layer, each naming the layers it is called on (a shared layer's calls
    /// separated by `;`), as Keras's "Connected to" column.
    public func summaryRows() -> [LayerSummaryRow] {
        layers.map { layer in
            let uses = calls.filter { $0.layer === layer }
            let sources = uses.map { call in call.inputs.map(\.layer.name).joined(separator: ", ") }
            return LayerSummaryRow(layer: "\(layer.name) (\(type(of: layer)))", outputShape: uses.first?.shape ?? inputs.first { $0.layer === layer }?.shape,
                                   parameterCount: layer.parameterCount, connectedTo: sources)
        }
    }
}
