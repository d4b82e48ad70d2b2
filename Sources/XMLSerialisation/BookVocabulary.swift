/// The intermediate XML vocabulary: one namespace for edition outlines and
/// content chunks. Documented in docs/xml-vocabulary.md; the RELAX NG schema
/// is styles/schema/asyl-book.rng.
public enum BookVocabulary {
    public static let namespace = "urn:asyl:book:1"
}
