/// What `sonde --version` prints: the release number and the commit the binary was built from,
/// so a binary found on a bastion says which source it is.
enum SondeVersion {
    /// Bumped by hand at a release; packaging/build-deb.sh names the package after it.
    static let number = "0.1.0"

    static var text: String { "\(number) (commit \(BuildCommit.id))" }
}
