/// How models keep layer names unique.
enum LayerNaming {
    /// `name` if it is free, else `name_1`, `name_2`, … the first one not in `taken`.
    static func unique(_ name: String, avoiding taken: Set<String>) -> String {
        guard taken.contains(name) else { return name }
        var suffix = 1
        while taken.contains("\(name)_\(suffix)") { suffix += 1 }
        return "\(name)_\(suffix)"
    }
}
