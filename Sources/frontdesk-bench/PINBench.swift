import Foundation
import FrontDeskDomain
import FrontDeskStore

/// Issue 5: how long one PIN check takes at the default PBKDF2 cost. Slow enough to resist
/// guessing, fast enough for a desk: the target is 50–500 ms per check.
enum PINBench {
    static func run(runs: Int) throws -> Verdict {
        let hash = try PINHash.make(pin: "4821")
        var verify: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            guard hash.verify("4821") else { throw BenchError("the PIN did not verify") }
            verify.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        // The whole sign-in as the TUI runs it: read, hash check, IMMEDIATE write with its audit row.
        let db = try AppDatabase.inMemory()
        let actor = Actor(name: "bench", terminal: "bench")
        let member = try db.addStaff(name: "Bench", role: .receptionist, pin: "4821", by: actor, at: Date())
        var signIn: [Double] = []
        for _ in 0..<max(5, runs / 2) {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try db.signIn(staffId: member.id, pin: "4821", terminal: "bench", at: Date())
            signIn.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        let median = Stats.median(verify), p99 = Stats.p99(verify)
        print("## PIN check (issue 5)\n")
        print("PBKDF2-HMAC-SHA256, \(PINHash.defaultIterations) iterations, 16-byte salt, through swift-crypto (BoringSSL).\n")
        print("| measure | median | p99 | min | max |")
        print("|---|---|---|---|---|")
        print(String(format: "| one PIN check (%d runs) | %.0f ms | %.0f ms | %.0f ms | %.0f ms |", verify.count, median, p99,
                     verify.min() ?? 0, verify.max() ?? 0))
        print(String(format: "| sign-in through the store (%d runs) | %.0f ms | %.0f ms | %.0f ms | %.0f ms |", signIn.count,
                     Stats.median(signIn), Stats.p99(signIn), signIn.min() ?? 0, signIn.max() ?? 0))
        print("")
        print(String(format: "Offline, one core trying every 4-digit PIN against a stolen hash needs about %.0f minutes (8 digits: about %.0f days);"
                     + " online, the lockout allows 5 tries per 5 minutes per login. The file's 0600 mode is the defense against theft.\n",
                     median * 10_000 / 60_000, median * 1e8 / 1000 / 86_400))
        return Verdict(target: "one PIN check 50–500 ms (issue 5)", measured: String(format: "median %.0f ms, p99 %.0f ms", median, p99),
                       met: median >= 50 && p99 <= 500)
    }
}
