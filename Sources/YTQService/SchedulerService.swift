import ServiceLifecycle
import YTQScheduler

/// The scheduler as a service of `ytq serve`'s service group: it runs until the group shuts
/// down gracefully (SIGTERM, SIGINT), then stops its downloads resumably, like `ytq worker`.
struct SchedulerService: Service {
    let scheduler: Scheduler

    func run() async throws {
        await withGracefulShutdownHandler {
            await scheduler.run()
        } onGracefulShutdown: {
            Task { await scheduler.shutdown() }
        }
        scheduler.events.finish()
    }
}
