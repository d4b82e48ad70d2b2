import NativeBridge
import Testing

/// libxslt's and libxml2's words, read back as one problem per place they name.
@Suite struct XMLErrorTests {
    @Test func aStylesheetThatDoesNotCompileGivesOneProblemPerPlace() {
        let error = XMLError(message: "stylesheet s.xsl does not compile", details: """
            Invalid expression
            compilation error: file /p/s.xsl line 4 element value-of
            xsl:value-of : could not compile select expression 'foo(('
            compilation error: file /p/s.xsl line 6 element bogus
            xsltStylePreCompute: unknown xsl:bogus
            """)
        #expect(error.problems == [
            .init(file: "/p/s.xsl", line: 4, element: "value-of",
                  text: "Invalid expression; xsl:value-of : could not compile select expression 'foo(('"),
            .init(file: "/p/s.xsl", line: 6, element: "bogus", text: "xsltStylePreCompute: unknown xsl:bogus"),
        ])
    }

    @Test func aTransformationThatFailsGivesWhatTheExpressionSaid() {
        let error = XMLError(message: "the transformation failed", details: """
            xmlXPathCompOpEval: function nothing not found
            Unregistered function
            runtime error: file /p/s.xsl line 4 element value-of
            XPath evaluation returned no result.
            """)
        #expect(error.problems.map(\.line) == [4])
        #expect(error.problems.first?.text
            == "xmlXPathCompOpEval: function nothing not found; Unregistered function; XPath evaluation returned no result.")
    }

    @Test func xmlThatDoesNotReadKeepsItsWordsNotItsSourceLine() {
        let error = XMLError(message: "cannot read", details: """
            /p/s.xsl:7: parser error : Opening and ending tag mismatch: p line 7 and xsl:template
              <xsl:template match="a:x"><p></xsl:template>
                                                          ^
            """)
        #expect(error.problems == [
            .init(file: "/p/s.xsl", line: 7, element: nil, text: "Opening and ending tag mismatch: p line 7 and xsl:template"),
        ])
        #expect(XMLError(message: "cannot start a transformation").problems.isEmpty)
    }
}
