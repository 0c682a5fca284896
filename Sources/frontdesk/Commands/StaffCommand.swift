import ArgumentParser
import Foundation
import FrontDeskDomain
import FrontDeskUI

/// `frontdesk staff add|list|disable|reset-pin`: staff logins.
///
/// A PIN is never an argument (it would sit in the shell history and in `ps`): it comes from
/// `$FRONTDESK_PIN` (scripts, tests), else from the terminal without echo (asked twice), else
/// from the first line of standard input.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Manage staff logins: roles and PINs.",
        subcommands: [Add.self, List.self, Disable.self, ResetPIN.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a staff login; the PIN is read from $FRONTDESK_PIN, the terminal (no echo) or stdin.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The name shown on the sign-in screen.") var name: String
        @Option(help: "receptionist, counselor, coordinator or admin.") var role: StaffRole
        @Option(help: "For a counselor: their counselor record (id or name).") var counselor: String?

        func run() throws {
            let db: any FrontDeskRepository = try common.openDatabase()
            let counselorId = try counselor.map { try findCounselor($0, in: db).id }
            let pin = try readPIN(try ShippedData.strings(common.language))
            let member = try staffCall(db.calendar) {
                try db.addStaff(name: name, role: role, counselorId: counselorId, pin: pin, by: currentActor(), at: try clockNow())
            }
            let strings = try ShippedData.strings(common.language)
            print(strings("cli.staff.added", member.id, TextOutput.safe(member.name), strings.roleWord(member.role)))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List staff logins.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "text, json, csv or xlsx (a workbook: with --output FILE or redirected).") var format: OutputFormat = .text
        @Flag(help: "Include disabled logins.") var all = false

        func run() throws {
            try output.redirect(common.language, format: format)
            let db: any FrontDeskRepository = try common.openDatabaseForReading()
            let staff = try storeCall { try db.staff(includeInactive: all) }
            switch format {
            case .text:
                let strings = try ShippedData.strings(common.language)
                for m in staff {
                    print([String(m.id), TextOutput.safe(m.name), strings.roleWord(m.role)].joined(separator: "\t")
                          + (m.active ? "" : "\t" + strings("cli.staff.disabledWord")))
                }
            case .csv, .xlsx:
                var csv = CSVWriter.forOutput()
                csv.appendHeader(["id", "name", "role", "counselor_id", "active"])
                for m in staff {
                    csv.append([.number(Int(m.id)), .text(m.name), .text(m.role.rawValue),
                                m.counselorId.map { .number(Int($0)) } ?? .text(""), .text(m.active ? "yes" : "no")])
                }
                print(csv.finished(sheet: "staff"), terminator: "")
            case .json:
                print(JSONOutput.encode(staff), terminator: "")
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable a login (kept for the audit trail).")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The staff member's name.") var name: String

        func run() throws {
            let db: any FrontDeskRepository = try common.openDatabase()
            try staffCall(db.calendar) { try db.disableStaff(named: name, by: currentActor(), at: try clockNow()) }
            print(try ShippedData.strings(common.language)("cli.staff.disabled", TextOutput.safe(name)))
        }
    }

    struct ResetPIN: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-pin", abstract: "Set a new PIN (read like 'staff add'); also lifts a lock and re-enables the login.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The staff member's name.") var name: String

        func run() throws {
            let db: any FrontDeskRepository = try common.openDatabase()
            let pin = try readPIN(try ShippedData.strings(common.language))
            try staffCall(db.calendar) { try db.resetPIN(named: name, pin: pin, by: currentActor(), at: try clockNow()) }
            print(try ShippedData.strings(common.language)("cli.staff.pinSet", TextOutput.safe(name)))
        }
    }
}

extension StaffRole: ExpressibleByArgument {}

/// Runs a staff or access call, turning refusals into one-line messages in the command's
/// language. (An `AccessError` carries its own English words; the command line acts as the
/// file's owner, whom no access rule refuses.)
@discardableResult
func staffCall<T>(_ calendar: CenterCalendar, _ body: () throws -> T) throws -> T {
    do {
        return try schedulingCall(calendar, body)
    } catch let error as StaffError {
        throw UserError { $0.cliMessage(for: error) }
    } catch let error as AccessError {
        throw UserError(error.description)
    }
}

/// The PIN for `staff add` and `staff reset-pin`: `$FRONTDESK_PIN`; else, at a terminal, typed
/// twice without echo (asked in the language of `strings`); else the first line of standard
/// input. Arabic-Indic digits are read as ASCII digits.
/// - Throws: `UserError` when it is not 4–8 digits or the two typings differ.
func readPIN(_ strings: Localizer) throws -> String {
    let pin: String
    if let env = ProcessInfo.processInfo.environment["FRONTDESK_PIN"] {
        pin = env
    } else if isatty(0) == 1 {
        let first = promptHidden(strings("cli.pin.ask"))
        let second = promptHidden(strings("cli.pin.again"))
        guard first == second else { throw UserError(key: "cli.pin.differ") }
        pin = first
    } else {
        pin = readLine(strippingNewline: true) ?? ""
    }
    // Typed on an Arabic keyboard, `٤٧٢٩` is the PIN 4729, as at the sign-in screen.
    let trimmed = PIN.normalized(pin.trimmingCharacters(in: .whitespaces))
    guard PIN.isValid(trimmed) else { throw UserError(key: "cli.pin.invalid") }
    return trimmed
}

/// Asks on the terminal with echo off (termios), restoring the mode afterwards.
private func promptHidden(_ prompt: String) -> String {
    FileHandle.standardError.write(Data(prompt.utf8))
    var saved = termios()
    tcgetattr(0, &saved)
    var silent = saved
    silent.c_lflag &= ~tcflag_t(ECHO)
    tcsetattr(0, TCSANOW, &silent)
    defer {
        tcsetattr(0, TCSANOW, &saved)
        FileHandle.standardError.write(Data("\n".utf8))
    }
    return readLine(strippingNewline: true) ?? ""
}
