/// What each rule finds and how to fix it: for `asyl check --explain`, for
/// SARIF's rule metadata, and kept in step with docs/rules.md by a test.
extension Rule {
    /// One line, in headline style.
    public var summary: String {
        switch self {
        case .brokenLink: "A link to an entry or section that does not exist"
        case .linkWrongKind: "A link fact points at an entry of a kind the field does not allow"
        case .untranslatedLink: "A link to an entry that has no version in this language"
        case .linkToDraft: "A link to a version marked draft, which books leave out"
        case .duplicateID: "Two versions of one entry in one language"
        case .unknownCitation: "A citation key that sources.yaml does not define"
        case .citationWithoutAt: "A source's key in brackets without @, printed as it is written"
        case .unusedSource: "A source that no entry cites"
        case .missingMedia: "An image that is missing, of an unsupported type, or outside the source tree"
        case .missingAlt: "An image without alternative text"
        case .frontMatter: "Front matter that cannot be read or does not fit the entry's kind"
        case .factConflict: "Versions disagree on a language-neutral fact"
        case .impossibleDate: "Dates that cannot all be true"
        case .config: "A problem in asyl.yaml or sources.yaml"
        case .orphan: "An entry that no other entry links to"
        case .strayFile: "A file under entries/ that is not a version file"
        case .markup: "Markdown that Asyl does not accept"
        case .unreadableFile: "A file that is not UTF-8 text, or is too large"
        case .linkCycle: "Places that lie inside each other through region or part-of links"
        case .reservedID: "An entry id that a web edition's own address already takes"
        case .issuedAddress: "An address printed on a plaque that the web edition would no longer have"
        case .outdatedTranslation: "A translation whose source version has changed since it was translated"
        }
    }

    /// What the rule checks and how to fix what it finds.
    public var explanation: String {
        switch self {
        case .brokenLink:
            "The target of [[id]], of [[id#section]], or of a link fact does not exist. Fix the id (ids are file names without .LANG.md) or the section: a section's anchor is its {#anchor}, or the slug of its heading in the same language. Link to sections from other languages with explicit anchors, which are the same in every language."
        case .linkWrongKind:
            "The field's declaration in asyl.yaml lists the kinds it may link to (kinds: [place]). Link to an entry of one of those kinds."
        case .untranslatedLink:
            "The book in this language does not contain the target, so the link is printed as text naming the language the target exists in. Translate the target, or accept the warning."
        case .linkToDraft:
            "The target's version in this language has draft: true, so a build without --drafts leaves it out and prints the link as text. Finish the target and remove its draft: true, or build with --drafts to see both. A draft that links to a draft raises nothing: neither is in the book."
        case .duplicateID:
            "Two files give the same entry in the same language, wherever they are. Remove or rename one; the note points at the version kept."
        case .unknownCitation:
            "[@key] names a source that sources.yaml does not define. Add the source, or correct the key. When sources.yaml is missing or cannot be read, one note counts the citations that wait for it instead."
        case .citationWithoutAt:
            "[samashev-2011, 14-б.] names a key of sources.yaml but has no @, so it is not a citation and the book prints the brackets and the key. Write [@samashev-2011, 14-б.], as the finding's note does."
        case .unusedSource:
            "A source in sources.yaml that no entry cites. Cite it, or remove it."
        case .missingMedia:
            "The image file does not exist, is not JPEG, PNG, GIF or SVG, is on the web, or its path leaves the source tree. Put the file under media/ and write its path from the source tree's root: ![…](media/plan.svg)."
        case .missingAlt:
            "![](media/plan.svg) has no alternative text. Write what the image shows between the brackets: readers who cannot see it hear or read this text."
        case .frontMatter:
            "The front matter is missing (a version starts with ---), unclosed, not valid YAML, or does not fit the kind: an unknown key, a value of the wrong type, a malformed date (the column points at the bad part), a missing title or required field, an unknown kind, category or enum value, or a link fact without quotes."
        case .factConflict:
            "Dates, numbers, links, places, enums, kind and categories have one value per entry. The first version in the order of `languages` that writes one gives it; write the value in one version only, or make them equal."
        case .impossibleDate:
            "On the entry's merged facts: died before born, a life longer than 120 years, or an interval that ends before it starts. Dates compare by the first and last day they can mean, so 1845~ and 184X raise no false alarm. Correct the date."
        case .config:
            "asyl.yaml or sources.yaml is missing, a link out of the tree, or cannot be read, has an unknown key, a value of the wrong type, a misspelled source type, a key written twice, an undeclared archive, kind or category, or an unknown rule under checks:. The message says which in words (a ':' inside a value needs quotes, a key indented wrongly against which keys, a tab) and suggests a near spelling or the fix."
        case .orphan:
            "No other entry links to this one, so readers find it only through the index. Link to it from a related entry."
        case .strayFile:
            "The file under entries/ is not named ID.LANG.md with one of the project's languages, and is ignored. Rename it, or move it out of entries/."
        case .markup:
            "A level-1 heading (sections start at ##), raw HTML, a link to another .md file (use [[id]]), a footnote reference without a definition or a definition never referenced, a malformed {#anchor}, nesting deeper than 100 levels, or half-written markup that would be printed as it is written: [[ with no ]] in its paragraph, ]] that closes no link, a citation [@key with no ] on its line, a footnote reference [^1 with no ], a heading's {#anchor with no }, a link or image whose address has no ), a table row with more cells than its header. Where the completion is plain ([[berel → [[berel]], [[berel] → [[berel]], [@key → [@key]), the finding carries it as a fix."
        case .unreadableFile:
            "The file is not UTF-8 text (the position of the first bad byte is given) or is larger than 8 MiB. Save it as UTF-8; split what is too long."
        case .linkCycle:
            "A chain of region and part-of links leads back to where it started (a district part of itself, or two places part of each other), so an edition selected by region cannot say what lies where. Correct the link that points the wrong way; the finding is at the first entry of the circle."
        case .issuedAddress:
            "plaques.lock lists every address printed on a QR plaque (asyl plaques --issue writes it). Each must go on leading to a page: the entry it names must still exist, or another entry must list its id under `redirect-from:` in its front matter (the site then has a page there that sends the reader on), and a web edition must still be published at its base URL. Restore the entry, add the redirect, or keep the old base-url; a plaque cast in metal cannot be changed."
        case .outdatedTranslation:
            "A version whose translated-from names its source language and the fingerprints of the source's lead and sections as they were when it was translated (asyl translations --mark FILE writes them) is compared with the source as it is now. The finding names the sections whose text changed, those that are new and those removed, and its notes show the changed sections' first lines in the source. Translate what changed, then mark the file again; a version whose source language the entry no longer has is reported too. translated-from: kk alone, without fingerprints, is never compared."
        case .reservedID:
            "An edition built as web gives every entry the language-neutral address /ID/ beside the folders of its languages (/kk/, /ru/, /en/, /kk-latn/), so an entry whose id is one of those tags would have no address of its own. Rename the entry's files (kk.kk.md → kk-language.kk.md) and its links. The site's other pages live under /_/ and /LANG/_/, which no id can reach."
        }
    }
}
