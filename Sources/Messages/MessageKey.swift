/// Every message Asyl says, by the key its catalogues give it under. A key
/// here lacks no catalogue and no catalogue has a key not here (a test).
/// Grouped by the stage that says them.
public enum MessageKey: String, CaseIterable, Hashable, Sendable, Codable {
    // MARK: The text report
    case severityError
    case severityWarning
    case severityNote
    case fixLabel
    case countErrors
    case countWarnings
    case countNotes
    case reportSummary
    case ruleSummaryHidden

    // MARK: The command line
    case cliError
    case cliOtherError
    case cannotWrite
    case cliCannotWriteUntouched
    case cliCannotWatch
    case cliNoTree
    case cliSourceDateEpoch
    case cliBuildStopped
    case cliCoverage
    case cliCoverageMissing
    case cliCoverageDrafts
    case cliIDs
    case cliIDsAndMore
    case cliWrote
    case cliNotice
    case cliUnknownRule
    case cliUnknownRuleDidYouMean
    case cliWatchNeedsTerminal
    case cliWatching
    case cliByRule
    case cliFindingsHidden
    case cliTranslationRow
    case cliTranslationRowMissing
    case cliPlaquesFixFirst
    case cliPlaqueNotIssued
    case cliPlaquesNone
    case cliPlaquesIssued
    case cliPlaquesWaiting
    case cliInitNext
    case cliNewUnfilled
    case cliNewNext
    case cliMarked
    case cliFromWithoutMark
    case cliStateMissing
    case cliStateOutdated
    case cliStateCurrent
    case cliStateUnmarked
    case cliStateChangedSince
    case cliStateBehindSince

    // MARK: The progress line
    case progressFindings
    case progressSeconds
    case progressReadingTree
    case progressReading
    case progressChecking
    case progressEPUB
    case progressPrint
    case progressWeb
    case progressSearchIndex
    case progressPlaques

    // MARK: asyl serve
    case serveNoWebEdition
    case serveCannotPreview
    case serveCannotServe
    case serveServing
    case serveChanged
    case serveChangedAndMore
    case serveBuilt
    case serveStopped
    case serveLastSaveHasErrors
    case serveMoreFindings

    // MARK: Builds
    case buildUnknownEdition
    case buildUnknownLanguage
    case buildFormatNotBuilt
    case buildNothingSelected
    case buildStylesNotFound
    case buildStylesheet
    case buildSearchIndex
    case buildEditions
    case buildNoSearchIndex
    case buildNoMap

    // MARK: asyl init, asyl new, asyl translations --mark
    case treeConfigurationHasErrors
    case treeInitFolderNotEmpty
    case treeInitNotAFolder
    case treeNewMalformedID
    case treeNewIDTaken
    case treeNewUnknownKind
    case treeNewUnknownKindDidYouMean
    case treeNewReservedID
    case treeNewFolderThroughLink
    case treeNewNoLanguage
    case treeNewDerivedLanguage
    case treeNewUnknownLanguage
    case treeNewFolderOutside
    case translationsNotAVersion
    case translationsNotUTF8
    case translationsMarkUnreadable
    case translationsMarkNoSource
    case translationsMarkMultiline
    case translationsNoFrontMatter
    case translationsOutsideEntries
    case translationsUnknownFrom
    case translationsNoOtherLanguage
    case translationsSinceNoGit
    case translationsSinceFailed
    case translationsSinceNotRepository
    // MARK: Checking: duplicates, web addresses and plaques
    case checkDuplicateVersion
    case checkDuplicateVersionKept
    case checkReservedID
    case checkRedirectFromReserved
    case checkRedirectFromExistingEntry
    case checkRedirectFromClaimed
    case checkIssuedAddressNoSite
    case checkIssuedAddressNoSiteOfThose
    case checkIssuedAddressNotEntry
    case checkIssuedAddressNoPage
    case checkIssuedAddressNoEntry
    // MARK: Checking: suggestions
    case checkDidYouMean
    // MARK: Checking: citations and sources
    case checkCitationsNotChecked
    case checkUnusedSource
    case checkCitationWithoutAt
    case checkUnknownCitation
    // MARK: Checking: orphans
    case checkOrphan
    // MARK: Checking: facts and dates
    case checkFactConflict
    case checkFactConflictKind
    case checkFactConflictCategories
    case checkFactConflictReference
    case checkPlaceCycle
    case checkRequiredField
    case checkIntervalReversed
    case checkBornHere
    case checkDiedBeforeBorn
    case checkLifeTooLong
    // MARK: Checking: links
    case checkLinkToDraft
    case checkUntranslatedLink
    case checkBrokenLinkNoEntry
    case checkBrokenLinkInvalidID
    case checkBrokenLinkLeftOpen
    case checkBrokenLinkNoSection
    case checkBrokenLinkSectionAnchors
    case checkLinkWrongKind
    case checkLinkWrongKindOfNoKind
    case checkKindAlternatives
    // MARK: Checking: images
    case checkImageWithoutAlt
    case checkImageNotFound
    case checkImageWithoutType
    case checkImageTypeUnsupported
    case checkImageLeavesTree
    case checkImageExternal
    // MARK: Checking: translations
    case checkTranslationSourceMissing
    case checkTranslationChanged
    case checkTranslationChangedLead
    case checkTranslationChangedLeadAnd
    case checkTranslationNew
    case checkTranslationRemoved
    case checkTranslationChangeList
    case checkTranslationOutdated
    case checkTranslationLeadChanged
    case checkTranslationSectionNew
    case checkTranslationSectionChanged
    // MARK: Loading the source tree
    case loadNotAFolder
    case loadNoProjectFile
    case loadProjectFileIsLink
    case loadSourcesFileIsLink
    case loadSourcesFileMissing
    case loadFileUnreadable
    case loadFileTooLarge
    case loadFileNotUTF8

    // MARK: What each rule finds (asyl check --explain, SARIF's rule metadata)
    case ruleBrokenLinkSummary
    case ruleLinkWrongKindSummary
    case ruleUntranslatedLinkSummary
    case ruleLinkToDraftSummary
    case ruleDuplicateIDSummary
    case ruleUnknownCitationSummary
    case ruleCitationWithoutAtSummary
    case ruleUnusedSourceSummary
    case ruleMissingMediaSummary
    case ruleMissingAltSummary
    case ruleFrontMatterSummary
    case ruleFactConflictSummary
    case ruleImpossibleDateSummary
    case ruleConfigSummary
    case ruleOrphanSummary
    case ruleStrayFileSummary
    case ruleMarkupSummary
    case ruleUnreadableFileSummary
    case ruleLinkCycleSummary
    case ruleReservedIDSummary
    case ruleIssuedAddressSummary
    case ruleOutdatedTranslationSummary
    case ruleBrokenLinkExplanation
    case ruleLinkWrongKindExplanation
    case ruleUntranslatedLinkExplanation
    case ruleLinkToDraftExplanation
    case ruleDuplicateIDExplanation
    case ruleUnknownCitationExplanation
    case ruleCitationWithoutAtExplanation
    case ruleUnusedSourceExplanation
    case ruleMissingMediaExplanation
    case ruleMissingAltExplanation
    case ruleFrontMatterExplanation
    case ruleFactConflictExplanation
    case ruleImpossibleDateExplanation
    case ruleConfigExplanation
    case ruleOrphanExplanation
    case ruleStrayFileExplanation
    case ruleMarkupExplanation
    case ruleUnreadableFileExplanation
    case ruleLinkCycleExplanation
    case ruleIssuedAddressExplanation
    case ruleOutdatedTranslationExplanation
    case ruleReservedIDExplanation

    // MARK: Parsing: YAML (YAMLReader, MappingReader)
    case yamlInvalid
    case yamlInvalidProblem
    case yamlKeysWrittenTwice
    case yamlTooManyKeysWrittenTwice
    case yamlTooManyValues
    case yamlKeyWrittenTwice
    case yamlKeyWrittenTwiceFirst
    case yamlTagNotRead
    case yamlControlCharacter
    case yamlNotMapping
    case yamlKeyNotWord
    case yamlUnknownKey
    case yamlUnknownKeyDidYouMean
    // MARK: Parsing: YAML mistakes explained (YAMLErrorExplainer)
    case yamlProblemContext
    case yamlKeyReadAsValue
    case yamlColonStartsNoKey
    case yamlColonInValue
    case yamlListItemForKey
    case yamlLineNotKey
    case yamlKeyBetweenMappings
    case yamlKeyMisindented
    case yamlKeyWithoutColon
    case yamlQuoteNotClosed
    case yamlListNotClosed
    case yamlMappingNotClosed
    case yamlTab
    case yamlTabInIndentation
    case yamlReservedStart
    // MARK: Parsing: what a message is about (nested in other messages)
    case whatSingleValue
    case whatList
    case whatMapping
    case whatAsylYAML
    case whatSourcesYAML
    case whatKey
    case whatDerivedLanguage
    case whatDerivedLanguageNamed
    case whatKind
    case whatField
    case whatEdition
    case whatSource
    // MARK: Parsing: asyl.yaml (ConfigurationParser)
    case configEmpty
    case configFormatUnsupported
    case configFormatMissing
    case configLanguageTagInvalid
    case configLanguageListedTwice
    case configLanguagesEmpty
    case configLanguagesMissing
    case configTitleMissing
    case configTypographyNotBoolean
    case configDerivedTagInvalid
    case configDerivedFromMissing
    case configDerivedScriptUnknown
    case configKindNameInvalid
    case configFieldNameReserved
    case configFieldTypeMissing
    case configFieldTypeUnknown
    case configKindsOnlyForLinks
    case configEnumValuesMissing
    case configValuesOnlyForEnum
    case configRequiredNotBoolean
    case configLinkKindUndeclared
    case configEditionIDInvalid
    case configEditionDeclaredTwice
    case configEditionLanguageUnlisted
    case configOutputFormatUnknown
    case configCitationsInvalid
    case configISBNNotPerLanguage
    case configPlaquesKindsMissing
    case configPlaquesNotWeb
    case configPlaquesNoAddress
    case configStylesMissing
    case configStylesOutsideTree
    case configStylesNoFolder
    case configRuleUnknown
    case configRuleUnknownDidYouMean
    case configRuleSettingInvalid
    case configTilesURLInvalid
    case configTilesAttributionMissing
    case configBaseURLInvalid
    case configTrimInvalid
    case configBleedInvalid
    case configMarksInvalid
    case configNotList
    case configExpectedKindName
    case configExpectedCategoryName
    case configExpectedEntryName
    case configKindUnknown
    case configKindUnknownDidYouMean
    case configCategoryUnknown
    case configCategoryUnknownDidYouMean
    case configLanguageUndeclared
    case configExpectedText
    case configLabelIDInvalid
    // MARK: Parsing: plaques.lock (IssuedAddressParser)
    case plaquesLockLineNotAddress
    // MARK: Parsing: the project's files (ProjectParser)
    case projectLanguageDerived
    case projectLanguageUnlisted
    case projectKindMissing
    case projectNotVersionFile
    case projectVersionFileLanguageMissing
    case projectEntryIDInvalid
    case projectLanguageTagCase
    case projectVersionFileExtension
    // MARK: Parsing: sources.yaml (BibliographyParser)
    case sourcesKeyInvalid
    case sourcesTypeUnknown
    case sourcesTypeUnknownDidYouMean
    case sourcesTypeMissing
    case sourcesFieldArchivalOnly
    case sourcesYearNotNumber
    case sourcesDateNotText
    case sourcesDateMalformed
    case sourcesArchiveUndeclared
    case sourcesArchiveUndeclaredDidYouMean
    case sourcesFieldNotSingle
    case sourcesArchiveMissing
    case sourcesFondMissing
    case sourcesTitleMissing
    case sourcesNamesNotList
    case sourcesNameNotText

    // MARK: Dates (EDTF)
    case dateEmpty
    case dateIntervalNeedsKnownEnd
    case dateIntervalUnspecifiedDigits
    case dateTooManySlashes
    case dateMonthTwoDigits
    case dateMonthAfterUnspecifiedYear
    case dateSeasonLevel2
    case dateNoSuchMonth
    case dateDayTwoDigits
    case dateNoSuchDay
    case dateKnownDayInUnspecifiedMonth
    case dateTimeNeedsCompleteDate
    case dateUnexpectedCharacter
    case dateTimeQualified
    case dateOneQualifierOnly
    case dateUnexpectedAfterDate
    case dateYYearTooShort
    case dateYearTooLong
    case dateQualifierBeforeDate
    case dateYearFourDigits
    case dateYearFourDigitsNotMore
    case dateUnspecifiedDigitsNotLast
    case dateNegativeZeroYear
    case dateTimeForm
    case dateTimeZoneForm

    // MARK: Dates as people write them, and what EDTF writes instead
    case dateGuessYearFirst
    case dateGuessYearAlone
    case dateGuessDecade
    case dateGuessCirca
    case dateGuessTwoDigits

    // MARK: Things in front matter, as a finding about a mapping names them
    case whatEntryFrontMatter
    case whatEntryTranslatedFrom
    case whatEntrySections

    // MARK: A version's front matter
    case frontMatterFileEmpty
    case frontMatterNotFirst
    case frontMatterUnclosed
    case frontMatterEmpty
    case frontMatterNotText
    case frontMatterNotTextList
    case frontMatterUnknownKind
    case frontMatterUnknownKindDidYouMean
    case frontMatterTitleEmpty
    case frontMatterUnknownCategory
    case frontMatterUnknownCategoryDidYouMean
    case frontMatterDraftNotBoolean
    case frontMatterRedirectFromNotID
    case frontMatterTitleMissing
    case frontMatterTranslatedFromNotLanguage
    case frontMatterTranslatedFromNotProjectLanguage
    case frontMatterTranslatedFromNotFingerprint
    case frontMatterTranslatedFromNeedsLanguage
    case frontMatterTranslatedFromNeedsLead

    // MARK: Facts, typed by their kind's fields
    case factUnknownField
    case factUnknownFieldDidYouMean
    case factNotScalar
    case factExpectedText
    case factExpectedDate
    case factExpectedNumber
    case factExpectedEnumeration
    case factExpectedCitationKey
    case factDateMalformed
    case factNotNumber
    case factLinksForm
    case factEnumerationValueUnknown
    case factEnumerationValueDidYouMean
    case factSourcesForm
    case factGeoForm
    case factGeoUnknownKey
    case factGeoNotNumber
    case factGeoOutOfRange
    case factLinkUnquoted
    case factLinkNotScalar
    case factLinkMalformed
    case factLinkToSection
    case factLinkInvalidID

    // MARK: A version's body (Markdown)
    case bodyHeadingLevelOne
    case bodyRawHTML
    case bodyAnchorUnclosed
    case bodyAnchorInvalid
    case bodyAnchorDuplicate
    case bodyTableRowCellsBeyondHeader
    case bodyLinkToMarkdownFile
    case bodyLinkNotWeb
    case bodyLinkClosedByOneBracket
    case bodyLinkUnclosedAfterID
    case bodyLinkUnclosed
    case bodyLinkTargetFormatted
    case bodyLinkTextEmpty
    case bodyFootnoteUndefined
    case bodyLinkStrayCloser
    case bodyDestinationUnclosed
    case bodyFootnoteReferenceUnclosed
    case bodyCitationUnclosed
    case bodyCitationUnclosedBeforeLocator
    case bodyFootnoteUnreferenced
    case bodyNestingTooDeep
}
