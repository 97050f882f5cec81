// The fuzzing harness of Synapse's readers (see FuzzedReader.swift and scripts/fuzz.sh).
//
// Built by scripts/fuzz.sh with `-sanitize=fuzzer,address`, it hands the command line to
// libFuzzer, which calls the reader named by SYNAPSE_FUZZ_TARGET on each input it makes.
// Built plainly, it replays inputs instead, to reproduce a finding without libFuzzer:
//
//     swift run -c release SynapseFuzz npy .build-fuzz/findings/npy/crash-…
import CFuzzDriver
import Foundation

if synapse_fuzzer_is_linked() != 0 {
    exit(synapse_fuzzer_run(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
        FuzzedReader.selected.read(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    })
}
let arguments = Array(CommandLine.arguments.dropFirst())
guard let reader = arguments.first.flatMap(FuzzedReader.init(rawValue:)), arguments.count >= 2 else {
    print("usage: SynapseFuzz \(FuzzedReader.allCases.map(\.rawValue).joined(separator: "|")) FILE...")
    exit(2)
}
for path in arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        print("\(path): cannot read")
        exit(1)
    }
    reader.read(Array(data))
    print("\(path): read without crashing")
}
