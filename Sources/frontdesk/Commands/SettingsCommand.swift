import ArgumentParser
import Foundation
import FrontDeskDomain

/// `frontdesk settings show|set`: the center's opening hours, slot grid and desk lock time.
///
/// The time zone is shown but not changed here: instants are stored in UTC and schedules are
/// counted in the zone, so a zone change is a migration, not a setting (`--time-zone` chooses
/// the zone a command reads in).
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Show or change the center's opening hours, slot grid and desk lock time.",
        subcommands: [Show.self, Change.self], defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the settings.")
        @OptionGroup var common: CommonOptions

        func run() throws {
            let db: any FrontDeskRepository = try common.openDatabase()
            let settings = try storeCall { try db.centerSettings() }
            print(SettingsCommand.describe(settings, zone: try common.calendar().zone), terminator: "")
        }
    }

    struct Change: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Change the opening hours or the slot grid.")
        @OptionGroup var common: CommonOptions
        @Option(help: ArgumentHelp("Opening hours, e.g. 'mon-fri 09:00-17:00; sat 09:00-12:00'.", valueName: "hours"))
        var openingHours: String?
        @Option(help: "Slot grid in minutes (5 to 120, dividing an hour or a multiple of 60).")
        var slotGrid: Int?
        @Option(help: "Minutes without a key before a receptionist's session at a desk locks (1 to 60; default 2). Each terminal reads it when it starts.")
        var deskLockMinutes: Int?

        func validate() throws {
            guard openingHours != nil || slotGrid != nil || deskLockMinutes != nil else {
                throw ValidationError("give --opening-hours, --slot-grid or --desk-lock-minutes")
            }
        }

        func run() throws {
            let db: any FrontDeskRepository = try common.openDatabase()
            var settings = try storeCall { try db.centerSettings() }
            if let text = openingHours {
                guard let hours = WeeklyHours(spec: text) else {
                    throw UserError("opening hours not understood: '\(TextOutput.safe(text))' (like 'mon-fri 09:00-12:30,13:30-17:00')")
                }
                settings.openingHours = hours
            }
            if let grid = slotGrid {
                guard (5...120).contains(grid), 60 % grid == 0 || grid % 60 == 0 else {
                    throw UserError("slot grid must be 5 to 120 minutes and divide an hour (or be 60 or 120): \(grid)")
                }
                settings.slotGridMinutes = grid
            }
            if let minutes = deskLockMinutes {
                guard CenterSettings.deskLockRange.contains(minutes) else {
                    throw UserError("desk lock time must be 1 to 60 minutes: \(minutes)")
                }
                settings.deskLockMinutes = minutes
            }
            try storeCall { try db.saveCenterSettings(settings, by: currentActor(), at: Date()) }
            print(SettingsCommand.describe(settings, zone: try common.calendar().zone), terminator: "")
        }
    }

    /// The settings as `key: value` lines; `zone` says where the zone's rules were read from
    /// (the system's tzdata and its version, or the built-in data).
    static func describe(_ s: CenterSettings, zone: ZoneRules) -> String {
        "time zone: \(s.timeZoneId)\ntime-zone rules: \(TextOutput.safe(zone.source.description))\nopening hours: \(s.openingHours.spec)\nslot grid: \(s.slotGridMinutes) min\nweek starts: \(s.firstWeekday)\n"
            + "desk lock: \(s.deskLockMinutes) min\n"
    }
}
