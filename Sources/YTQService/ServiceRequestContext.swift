import Hummingbird
import NIOCore
import YTQCore

/// The request context of `ytq serve`: Hummingbird's storage and the connection's channel,
/// from which the kernel tells who is asking (`PeerCredentials`).
public struct ServiceRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The accepted Unix-socket connection.
    public let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        channel = source.channel
    }

    public var maxUploadSize: Int { ServiceAPI.maxBodySize }
}
