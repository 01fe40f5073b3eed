/// English ordinals for places in a queue: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st.
public enum Ordinal {
    public static func text(_ number: Int) -> String {
        let tens = number % 100
        let suffix: String
        if (11...13).contains(tens) {
            suffix = "th"
        } else {
            switch number % 10 {
            case 1: suffix = "st"
            case 2: suffix = "nd"
            case 3: suffix = "rd"
            default: suffix = "th"
            }
        }
        return "\(number)\(suffix)"
    }

    /// "next in your queue", "2nd in your queue", …
    public static func queuePlace(_ place: Int) -> String {
        place <= 1 ? "next in your queue" : "\(text(place)) in your queue"
    }
}
