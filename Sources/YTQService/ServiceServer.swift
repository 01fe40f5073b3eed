import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import UnixSignals
import YTQClient
import YTQCore
import YTQScheduler
import YTQStore

/// `ytq serve`: the one process that owns a shared queue. It opens the database, runs the
/// scheduler (and so every yt-dlp), and answers `ServiceAPI` v1 on a Unix socket, where the
/// kernel says which user each client is. Files go to `<library>/<user name>/`, readable by
/// that user only.
public struct ServiceServer: Sendable {
    public let socketPath: String
    public let database: AppDatabase
    public let configuration: SchedulerConfiguration
    public let admins: ServiceAdmins

    /// `configuration.downloadDirectory` is the library; each user gets a folder in it.
    public init(socketPath: String, database: AppDatabase, configuration: SchedulerConfiguration, admins: ServiceAdmins) {
        self.socketPath = socketPath
        self.database = database
        var shared = configuration
        shared.perUserFolders = true
        self.configuration = shared
        self.admins = admins
    }

    /// Why the service cannot start.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Serves until SIGTERM or SIGINT, then stops the downloads gracefully (they resume on
    /// the next start) and removes its socket.
    public func run() async throws {
        // Nothing the service writes (database, partial files, downloads) is readable by
        // other users, but through the ACLs it grants.
        umask(0o077)
        try prepareLibrary()
        try prepareSocketPath()
        let scheduler = Scheduler(database: database, configuration: configuration)
        let actions = EngineActions(database: database, configuration: configuration).publishing(to: scheduler.events)
        let router = Router(context: ServiceRequestContext.self)
        ServiceRoutes(actions: actions, admins: admins, events: scheduler.events).register(on: router)
        let responder = router.buildResponder()
        let logger = Self.logger
        // HummingbirdCore's server without `Application`, whose `Date` header cache would wake
        // an idle service every second.
        let server = try HTTPServerBuilder.http1(configuration: .init(idleTimeout: .seconds(60))).buildServer(
            configuration: ServerConfiguration(address: .unixDomainSocket(path: socketPath), serverName: "ytq"),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger,
            responder: { request, writer, channel in
                let context = ServiceRequestContext(source: ApplicationRequestContextSource(channel: channel, logger: logger))
                let response: Response
                do {
                    response = try await responder.respond(to: request, context: context)
                } catch {
                    response = ServiceRoutes.failure(.badRequest(kind: "internal", message: "\(error)", status: .internalServerError))
                }
                try await writer.write(response: response.head, body: response.body)
            },
            onServerRunning: { [socketPath] _ in
                // Every local user may connect; what each may do is decided per request.
                chmod(socketPath, 0o666)
            })
        defer { unlink(socketPath) }
        // SIGTERM and SIGINT shut the group down gracefully, in reverse order: the server (its
        // event streams end), then the scheduler (downloads stop resumably).
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [SchedulerService(scheduler: scheduler), server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// Hummingbird's own messages: warnings and worse, on stderr.
    private static var logger: Logger {
        var logger = Logger(label: "ytq.serve")
        logger.logLevel = .warning
        return logger
    }

    /// The library folder: made if missing, traversable (not listable) by everyone, so each
    /// user reaches their own folder by name and sees no one else's.
    private func prepareLibrary() throws(StartError) {
        let library = configuration.downloadDirectory
        do {
            try FileManager.default.createDirectory(atPath: library, withIntermediateDirectories: true)
        } catch {
            throw StartError(description: "cannot make the library folder \(library): \(error.localizedDescription)")
        }
        var info = stat()
        guard lstat(library, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw StartError(description: "the library \(library) is not a folder (a link is never followed)")
        }
        guard info.st_uid == geteuid() else {
            throw StartError(description: "the library \(library) belongs to uid \(info.st_uid), not to the service's user")
        }
        chmod(library, 0o711)
    }

    /// Removes a stale socket left by a service that died; refuses when another service
    /// answers on it, or when something else is at that path.
    private func prepareSocketPath() throws(StartError) {
        let folder = (socketPath as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            } catch {
                throw StartError(description: "cannot make the socket's folder \(folder): \(error.localizedDescription)")
            }
        }
        var info = stat()
        guard lstat(socketPath, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFSOCK else {
            throw StartError(description: "\(socketPath) exists and is not a socket; remove it or choose another --socket")
        }
        if UnixSocketProbe.problem(connecting: socketPath) == nil {
            throw StartError(description: "another ytq serve is already running on \(socketPath)")
        }
        unlink(socketPath)
    }
}
