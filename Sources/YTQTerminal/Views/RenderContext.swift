import Foundation

/// What a view needs besides the state: the clock and the time zone to show times in.
struct RenderContext {
    var now: Date
    var timeZone: TimeZone
}
