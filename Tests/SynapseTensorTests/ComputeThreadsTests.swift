import Foundation
import SynapseTensor
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `ComputeThreads`' default: the cores this process may run on, not every core of the machine.
@Suite struct ComputeThreadsTests {
    @Test func usableCoresAreAtLeastOneAndAtMostTheMachines() {
        let usable = ComputeThreads.usableCores()
        #expect(usable >= 1)
        #expect(usable <= ProcessInfo.processInfo.activeProcessorCount)
    }

    #if os(Linux)
    /// A thread pinned to one core (as `taskset -c 0` pins a process) is told 1.
    @Test func aThreadPinnedToOneCoreIsToldOne() throws {
        // Glibc declares sched_{get,set}affinity only under _GNU_SOURCE, which Swift's Glibc
        // module lacks: reach them through the dynamic linker, with their C types.
        typealias Affinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32
        let process = dlopen(nil, RTLD_NOW)
        let getAffinity = try #require(dlsym(process, "sched_getaffinity")), setAffinity = try #require(dlsym(process, "sched_setaffinity"))
        let (get, set) = (unsafeBitCast(getAffinity, to: Affinity.self), unsafeBitCast(setAffinity, to: Affinity.self))
        let seenBuffer = UnsafeMutableBufferPointer<Int>.allocate(capacity: 1)
        defer { seenBuffer.deallocate() }
        seenBuffer.initialize(repeating: 0)
        let seen = UncheckedBuffer(seenBuffer)
        let done = DispatchSemaphore(value: 0)
        let pinned = Thread {
            // Keep only the first core this thread may use now (core 0 may be outside a container's set).
            var cores = [UInt8](repeating: 0, count: 128)  // cpu_set_t: 1,024 bits
            cores.withUnsafeMutableBytes { bytes in
                guard get(0, bytes.count, bytes.baseAddress!) == 0, let byte = bytes.firstIndex(where: { $0 != 0 }) else { return }
                let lowestBit = bytes[byte] & (~bytes[byte] &+ 1)
                bytes.initializeMemory(as: UInt8.self, repeating: 0)
                bytes[byte] = lowestBit
                if set(0, bytes.count, bytes.baseAddress!) == 0 { seen.buffer[0] = ComputeThreads.usableCores() }
            }
            done.signal()
        }
        pinned.start()
        done.wait()
        #expect(seenBuffer[0] == 1)
    }
    #endif
}
