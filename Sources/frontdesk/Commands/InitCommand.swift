import ArgumentParser
import Foundation
import FrontDeskDomain
import FrontDeskUI

/// `frontdesk init`: creates the database (0600) and loads the default service catalog.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create the database and load the default service catalog.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        let db: any FrontDeskRepository = try common.openDatabase(create: true)
        let services = try ShippedData.services()
        try storeCall { try db.loadCatalog(services, by: currentActor(), at: Date()) }
        print(try ShippedData.strings(common.language).plural("cli.init.ready", services.count, common.databasePath))
    }
}

/// Runs a store call, turning store errors into one-line user errors.
func storeCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw error // worded in the command's language by `FrontDeskCommand.main`
    } catch let error as UserError {
        throw error
    }
}
