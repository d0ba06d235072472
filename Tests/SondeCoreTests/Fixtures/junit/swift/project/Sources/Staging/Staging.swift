/// What the tests pretend to have read from staging: fixed answers, so every run fails alike.
public enum Staging {
    public static func status(of path: String) -> Int { path == "/checkout" ? 503 : 200 }
    public static func brokerReachable(port: Int) -> Bool { false }
}
