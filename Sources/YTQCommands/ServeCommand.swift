import ArgumentParser
import Foundation
import YTQCore
import YTQDownloader
import YTQScheduler
import YTQService
import YTQSettings
import YTQStore

/// `ytq serve`: own the shared queue of this machine and answer its users on a Unix socket.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Own a shared queue for every user of this machine (usually run by systemd as ytq.service).",
        discussion: """
            The only process that opens the shared database and runs yt-dlp. Every user's ytq becomes its client \
            when `server = "SOCKET"` is set (in /etc/ytq/config.toml, their config, YTQ_SERVER or --server); the \
            kernel tells the service which user each client is, so the limits (this command's settings only), \
            ownership and privacy hold whatever a client sends. Each user's files go to STATE/library/USER, \
            readable by that user alone. SIGTERM stops the downloads gracefully; they resume on the next start.
            Try it: curl --unix-socket SOCKET http://ytq/v1/tasks
            """
    )

    @Option(help: ArgumentHelp("The socket to listen on (default: the `server` setting, else /run/ytq/ytq.sock).", valueName: "path"))
    var socket: String?

    @Option(name: .customLong("state-dir"), help: ArgumentHelp("Where the database, partial files and library live (default /var/lib/ytq).", valueName: "dir"))
    var stateDirectory = "/var/lib/ytq"

    @Option(name: .customLong("admin"), help: ArgumentHelp("A user or group who may see and act on every task (repeatable; config key admins).", valueName: "name"))
    var admins: [String] = []

    @Option(help: ArgumentHelp("Stop a download that received no data for this many seconds (default 60).", valueName: "seconds"))
    var stallTimeout: Int?

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if let stallTimeout, stallTimeout < 1 { throw ValidationError("--stall-timeout must be at least 1 second") }
        if options.server != nil { throw ValidationError("--server names a service to be a client of; `ytq serve` takes --socket") }
    }

    func run() async throws {
        var layer = options.layer
        layer.databasePath = layer.databasePath ?? stateDirectory + "/ytq.sqlite"
        layer.downloadDirectory = layer.downloadDirectory ?? stateDirectory + "/library"
        let settings: Settings
        do {
            settings = try SettingsResolver().resolve(layer)
        } catch {
            throw CLIError.settings(error)
        }
        do {
            try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
            chmod(stateDirectory, 0o711)
        } catch {
            throw CLIError.usage("cannot make the state folder \(stateDirectory): \(error.localizedDescription)")
        }
        let database: AppDatabase
        do {
            database = try await AppDatabase.open(path: settings.databasePath)
        } catch {
            throw CLIError.store(error)
        }
        var configuration = CommandContext.schedulerConfiguration(settings: settings, database: database)
        if let stallTimeout { configuration.stallTimeout = .seconds(stallTimeout) }
        let admins = ServiceAdmins(names: admins + settings.admins)
        for name in admins.unknownNames {
            StandardOutput.writeErrorLine("ytq serve: \(name) (in admins) is neither a user nor a group here; ignored")
        }
        let socketPath = socket ?? settings.server ?? "/run/ytq/ytq.sock"
        let server = ServiceServer(socketPath: socketPath, database: database, configuration: configuration, admins: admins)
        StandardOutput.writeErrorLine("ytq serve: listening on \(socketPath); limits \(settings.limits.perUser) per user, "
            + "\(settings.limits.system) system-wide; library \(settings.downloadDirectory)")
        do {
            try await server.run()
        } catch let error as ServiceServer.StartError {
            throw CLIError.usage("ytq serve cannot start: \(error.description)")
        }
    }
}
