import Hummingbird
import YTQCore

/// Answers a request for no route (or a method a route does not take) with a 404 and the same
/// JSON error body as every other failure of the service, instead of an empty one.
struct NotFoundAsJSON: RouterMiddleware {
    typealias Context = ServiceRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return ServiceRoutes.failure(.badRequest(
                kind: "not_found",
                message: "no such route: \(request.method) \(request.uri.path) (the service's routes are under \(ServiceAPI.prefix)/)",
                status: .notFound))
        }
    }
}
