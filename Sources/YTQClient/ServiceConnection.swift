import AsyncHTTPClient
import NIOCore

/// The one AsyncHTTPClient of a process that talks to `ytq serve`, set up for a local socket:
/// no TLS, no redirects, no decompression (each a setup or a pipeline handler
/// `HTTPClient.shared` pays for on every first connection), and a connection that fails is a
/// failed request at once, where `HTTPClient.shared` tries again until the deadline. It lives
/// as long as the process, so it is never shut down (as `HTTPClient.shared` is not).
enum ServiceConnection {
    static let client: HTTPClient = {
        // A local socket connects at once or not at all; the event stream must have no read timeout.
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: nil, redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5)), proxy: nil, decompression: .disabled)
        // AsyncHTTPClient means this for tests, where a server that is not there should fail
        // fast. So is a shared queue's service: a socket that refuses is a service that is down
        // (or a listen queue that is full), and the user is told so rather than kept waiting.
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}
