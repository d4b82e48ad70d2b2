/// The languages Asyl speaks to its users in. Books never depend on it.
public enum InterfaceLanguage: String, CaseIterable, Sendable, Codable {
    case english = "en"
    case kazakh = "kk"
    case russian = "ru"

    /// `--ui-lang` when given, else the locale as POSIX orders it (`LC_ALL`,
    /// then `LC_MESSAGES`, then `LANG`), else English. `kk_KZ.UTF-8` is Kazakh;
    /// `C`, `POSIX` and languages Asyl does not speak are English.
    public static func chosen(flag: String?, environment: [String: String]) -> InterfaceLanguage {
        if let flag { return InterfaceLanguage(tag: flag) ?? .english }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return InterfaceLanguage(tag: value) ?? .english
        }
        return .english
    }

    /// From a language tag or a POSIX locale name: `kk`, `kk-KZ`, `ru_RU.UTF-8`, `en_US@euro`.
    public init?(tag: String) {
        let language = tag.prefix { $0.isLetter }.lowercased()
        guard let known = InterfaceLanguage(rawValue: language) else { return nil }
        self = known
    }
}
