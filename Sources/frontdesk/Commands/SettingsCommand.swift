import ArgumentParser
import Foundation
import FrontDeskDomain
import FrontDeskUI

/// `frontdesk settings show|set`: the center's opening hours, slot grid, desk lock time and the
/// age bands of funder reports.
///
/// The time zone is shown but not changed here: instants are stored in UTC and schedules are
/// counted in the zone, so a zone change is a migration, not a setting (`--time-zone` chooses
/// the zone a command reads in).
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Show or change the center's opening hours, slot grid, desk lock time and report age bands.",
        subcommands: [Show.self, Change.self], defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the settings.")
        @OptionGroup var common: CommonOptions

        func run() throws {
            let db: any FrontDeskRepository = try common.openDatabase()
            let settings = try storeCall { try db.centerSettings() }
            print(SettingsCommand.describe(settings, zone: try common.calendar().zone, strings: try ShippedData.strings(common.language)),
                  terminator: "")
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
        @Option(help: ArgumentHelp("Age bands of funder reports, e.g. '0-4,5-11,12-17,18-24,25-59,60+' (from 0, no gaps, the last open-ended).", valueName: "bands"))
        var ageBands: String?

        func validate() throws {
            guard openingHours != nil || slotGrid != nil || deskLockMinutes != nil || ageBands != nil else {
                throw ValidationError(key: "cli.settings.nothing")
            }
        }

        func run() throws {
            let db: any FrontDeskRepository = try common.openDatabase()
            var settings = try storeCall { try db.centerSettings() }
            if let text = openingHours {
                guard let hours = WeeklyHours(spec: text) else {
                    throw UserError(key: "cli.settings.badHours", TextOutput.safe(text))
                }
                settings.openingHours = hours
            }
            if let grid = slotGrid {
                guard (5...120).contains(grid), 60 % grid == 0 || grid % 60 == 0 else {
                    throw UserError(key: "cli.settings.badGrid", grid)
                }
                settings.slotGridMinutes = grid
            }
            if let minutes = deskLockMinutes {
                guard CenterSettings.deskLockRange.contains(minutes) else {
                    throw UserError(key: "cli.settings.badLock", CenterSettings.deskLockRange.lowerBound, CenterSettings.deskLockRange.upperBound, minutes)
                }
                settings.deskLockMinutes = minutes
            }
            if let text = ageBands {
                guard let bands = AgeBands(spec: text) else { throw UserError(key: "cli.error.ageBands", TextOutput.safe(text)) }
                settings.ageBands = bands
            }
            try storeCall { try db.saveCenterSettings(settings, by: currentActor(), at: Date()) }
            print(SettingsCommand.describe(settings, zone: try common.calendar().zone, strings: try ShippedData.strings(common.language)),
                  terminator: "")
        }
    }

    /// The settings as `key: value` lines in the language of `strings` (the hours in the form
    /// `--opening-hours` takes); `zone` says where the zone's rules were read from (the
    /// system's tzdata and its version, or the built-in data).
    static func describe(_ s: CenterSettings, zone: ZoneRules, strings: Localizer) -> String {
        strings("cli.settings.describe", s.timeZoneId, TextOutput.safe(zone.source.description), s.openingHours.spec, s.slotGridMinutes,
                strings("cli.weekday." + s.firstWeekday.description), s.deskLockMinutes, s.ageBands)
    }
}
