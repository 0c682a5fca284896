import CNCursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signal handlers that give the terminal back (`endwin`) before the process dies.
///
/// Signal dispositions are process-wide, so the previous ones are kept in process-wide storage,
/// read from the handlers. No SIGWINCH handler is installed: ncurses has its own and reports
/// resizes as `KEY_RESIZE`.
enum CursesSignals {
    /// Signals that end the process: the handler restores the terminal and exits with 128 + signal.
    static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// Signals of a crash: the handler restores the terminal, then re-raises the signal under the
    /// previous disposition (the Swift runtime's backtracer, or the default: a core dump).
    static let crashing: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// The dispositions in force before `install()`, indexed by signal number.
    nonisolated(unsafe) private static let previous: UnsafeMutablePointer<sigaction> = {
        let storage = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        storage.initialize(repeating: sigaction(), count: 65)
        return storage
    }()

    static func install() {
        // A launcher may hand us blocked or ignored signals (threads of a Swift or dispatch
        // program block them, and children inherit the mask through exec): unblock the ones we
        // rely on, and give SIGWINCH its default disposition so ncurses installs its handler
        // and resizes arrive as KEY_RESIZE.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in terminating + [SIGWINCH] { sigaddset(&unblock, signal) }
        _ = pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        _ = Glibc.signal(SIGWINCH, SIG_DFL)
        for signal in terminating {
            set(signal, handler: { signal in
                if !isendwin() { _ = endwin() }
                _exit(128 + signal)
            }, flags: 0)
        }
        for signal in crashing {
            set(signal, handler: { signal in
                if !isendwin() { _ = endwin() }
                _ = sigaction(signal, CursesSignals.previous + Int(signal), nil)
                _ = raise(signal) // delivered when this handler returns, to the previous disposition
            }, flags: 0)
        }
    }

    static func restore() {
        for signal in terminating + crashing {
            _ = sigaction(signal, previous + Int(signal), nil)
        }
    }

    private static func set(_ signal: Int32, handler: @convention(c) (Int32) -> Void, flags: Int32) {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        _ = sigaction(signal, &action, previous + Int(signal))
    }
}
