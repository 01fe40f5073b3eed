import Foundation
import YTQCore
import YTQSettings
import YTQStore

/// What a command needs once its options are parsed: the settings, the database, who asks.
struct CommandContext {
    let settings: Settings
    let database: AppDatabase
    let requester: Requester

    init(_ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws(CLIError) {
        do {
            settings = try SettingsResolver(environment: environment).resolve(options.layer)
        } catch {
            throw .settings(error)
        }
        do {
            database = try AppDatabase.open(path: settings.databasePath)
        } catch {
            throw .store(error)
        }
        requester = Requester.current(uid: Int(getuid()), environment: environment)
    }

    var createDownload: CreateDownload {
        CreateDownload(database: database, limits: settings.limits, requester: requester)
    }
}
