import Foundation
import YTQCore
import YTQTerminal

extension UILoop {
    /// Reads the URLs this user added, newest first and each once, off the UI thread; they
    /// arrive as `.urlHistory`. The store is the one source: no history file of its own.
    func loadURLHistory() {
        background { actions, requester in
            do throws(ActionError) {
                return .urlHistory(try await actions.urlHistory(limit: URLHistory.limit, by: requester))
            } catch {
                return .notice(StatusMessage("Could not read the URL history: \(error)", kind: .failure, time: Date()))
            }
        }
    }

    /// Reads the whole record of the details overlay's task off the UI thread (the page's rows
    /// leave out its command line and metadata); it arrives as `.details`.
    func loadDetails(_ id: Int64) {
        background { actions, requester in
            do throws(ActionError) {
                return .details(try await actions.show(id: id, by: requester))
            } catch {
                return .detailsFailed(taskID: id, StatusMessage("Could not read task #\(id): \(error)", kind: .failure, taskID: id, time: Date()))
            }
        }
    }

    /// Looks for a task of this user's with exactly the request's URL off the UI thread; the
    /// answer arrives as `.duplicateChecked`. When the store cannot say, the download goes ahead.
    func checkDuplicate(_ request: DownloadRequest) {
        background { actions, requester in
            let page = try? await actions.page(filter: .text(request.url), order: .default, offset: 0, limit: 200, fields: .listed, by: requester)
            let own = (page?.tasks ?? []).filter { $0.isOwn(by: requester) }
            return .duplicateChecked(request, existing: DuplicateOffer.existing(among: own, url: request.url))
        }
    }
}
