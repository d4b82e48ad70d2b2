/// What each rule finds and how to fix it: for `asyl check --explain`, for
/// SARIF's rule metadata (in English), and kept in step with docs/rules.md by
/// a test. The texts are in the message catalogues.
extension Rule {
    /// One line, in headline style.
    public var summary: Message {
        switch self {
        case .brokenLink: Message(.ruleBrokenLinkSummary)
        case .linkWrongKind: Message(.ruleLinkWrongKindSummary)
        case .untranslatedLink: Message(.ruleUntranslatedLinkSummary)
        case .linkToDraft: Message(.ruleLinkToDraftSummary)
        case .duplicateID: Message(.ruleDuplicateIDSummary)
        case .unknownCitation: Message(.ruleUnknownCitationSummary)
        case .citationWithoutAt: Message(.ruleCitationWithoutAtSummary)
        case .unusedSource: Message(.ruleUnusedSourceSummary)
        case .missingMedia: Message(.ruleMissingMediaSummary)
        case .invalidMedia: Message(.ruleInvalidMediaSummary)
        case .missingAlt: Message(.ruleMissingAltSummary)
        case .frontMatter: Message(.ruleFrontMatterSummary)
        case .factConflict: Message(.ruleFactConflictSummary)
        case .impossibleDate: Message(.ruleImpossibleDateSummary)
        case .config: Message(.ruleConfigSummary)
        case .orphan: Message(.ruleOrphanSummary)
        case .strayFile: Message(.ruleStrayFileSummary)
        case .markup: Message(.ruleMarkupSummary)
        case .unreadableFile: Message(.ruleUnreadableFileSummary)
        case .linkCycle: Message(.ruleLinkCycleSummary)
        case .reservedID: Message(.ruleReservedIDSummary)
        case .issuedAddress: Message(.ruleIssuedAddressSummary)
        case .outdatedTranslation: Message(.ruleOutdatedTranslationSummary)
        case .printResolution: Message(.rulePrintResolutionSummary)
        case .recordFile: Message(.ruleRecordFileSummary)
        case .recordField: Message(.ruleRecordFieldSummary)
        case .recordReference: Message(.ruleRecordReferenceSummary)
        case .duplicateRecord: Message(.ruleDuplicateRecordSummary)
        case .possibleDuplicate: Message(.rulePossibleDuplicateSummary)
        }
    }

    /// What the rule checks and how to fix what it finds.
    public var explanation: Message {
        switch self {
        case .brokenLink: Message(.ruleBrokenLinkExplanation)
        case .linkWrongKind: Message(.ruleLinkWrongKindExplanation)
        case .untranslatedLink: Message(.ruleUntranslatedLinkExplanation)
        case .linkToDraft: Message(.ruleLinkToDraftExplanation)
        case .duplicateID: Message(.ruleDuplicateIDExplanation)
        case .unknownCitation: Message(.ruleUnknownCitationExplanation)
        case .citationWithoutAt: Message(.ruleCitationWithoutAtExplanation)
        case .unusedSource: Message(.ruleUnusedSourceExplanation)
        case .missingMedia: Message(.ruleMissingMediaExplanation)
        case .invalidMedia: Message(.ruleInvalidMediaExplanation)
        case .missingAlt: Message(.ruleMissingAltExplanation)
        case .frontMatter: Message(.ruleFrontMatterExplanation)
        case .factConflict: Message(.ruleFactConflictExplanation)
        case .impossibleDate: Message(.ruleImpossibleDateExplanation)
        case .config: Message(.ruleConfigExplanation)
        case .orphan: Message(.ruleOrphanExplanation)
        case .strayFile: Message(.ruleStrayFileExplanation)
        case .markup: Message(.ruleMarkupExplanation)
        case .unreadableFile: Message(.ruleUnreadableFileExplanation)
        case .linkCycle: Message(.ruleLinkCycleExplanation)
        case .issuedAddress: Message(.ruleIssuedAddressExplanation)
        case .outdatedTranslation: Message(.ruleOutdatedTranslationExplanation)
        case .printResolution: Message(.rulePrintResolutionExplanation)
        case .recordFile: Message(.ruleRecordFileExplanation)
        case .recordField: Message(.ruleRecordFieldExplanation)
        case .recordReference: Message(.ruleRecordReferenceExplanation)
        case .duplicateRecord: Message(.ruleDuplicateRecordExplanation)
        case .possibleDuplicate: Message(.rulePossibleDuplicateExplanation)
        case .reservedID: Message(.ruleReservedIDExplanation)
        }
    }
}
