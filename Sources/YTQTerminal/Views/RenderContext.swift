import Foundation
import YTQCore

/// What a view needs besides the state: the clock and the time zone to show times in.
struct RenderContext {
    var now: Date
    var zone: CivilTime.Zone
}
