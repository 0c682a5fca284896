import Foundation
import Synchronization

/// Work started on another thread now and waited for later: a short command reads its strings
/// and reference lists while the database answers its query (two CPUs; about 3 ms of a funder
/// report's text, BENCHMARKS.md). Errors are kept and thrown by `value()`.
final class Prefetch<Value: Sendable>: Sendable {
    private let result = Mutex<Result<Value, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` on a new thread.
    init(_ work: @escaping @Sendable () throws -> Value) {
        Thread.detachNewThread { [self] in
            let outcome = Result { try work() }
            result.withLock { $0 = outcome }
            done.signal()
        }
    }

    /// Waits for the work: its value, or the error it threw.
    func value() throws -> Value {
        done.wait()
        done.signal() // a second call does not wait forever
        return try result.withLock { $0! }.get() // safe: set before the signal
    }
}
