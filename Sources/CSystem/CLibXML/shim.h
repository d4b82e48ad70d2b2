/* libxml2, libxslt and libexslt for Swift.
 *
 * Debian builds libxml2 with ICU; its headers would pull the system ICU into
 * modules that also see the toolchain's ICU (through Foundation), and the two
 * clash. Undefining LIBXML_ICU_ENABLED after xmlversion.h hides only two
 * private fields that Swift never touches. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <stdarg.h>
#include <stdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlIO.h>
#include <libxml/relaxng.h>
#include <libxml/parserInternals.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltutils.h>
#include <libxslt/security.h>
#include <libxslt/documents.h>
#include <libxslt/imports.h>
#include <libexslt/exslt.h>

/* xmlFree is a global function pointer, which Swift 6 rejects as shared
 * mutable state; call it through a function instead. */
static inline void asyl_xmlFree(void *p) { xmlFree(p); }

/* Messages from libxml2 and libxslt are collected here instead of being
 * printed to stderr; Swift turns them into errors. Their error callbacks are
 * variadic, which Swift cannot implement, so the collector is C. */
typedef struct { char text[4096]; size_t length; } asyl_messages;

static void asyl_collect(void *context, const char *format, ...) {
    asyl_messages *messages = (asyl_messages *)context;
    if (messages == NULL || messages->length >= sizeof messages->text - 1) return;
    va_list arguments;
    va_start(arguments, format);
    int written = vsnprintf(messages->text + messages->length, sizeof messages->text - messages->length, format, arguments);
    va_end(arguments);
    if (written > 0) {
        messages->length += (size_t)written;
        if (messages->length > sizeof messages->text - 1) messages->length = sizeof messages->text - 1;
    }
}

/* Routes this thread's libxml2 and libxslt messages into `messages` (NULL: drop them). */
static inline void asyl_collect_messages(asyl_messages *messages) {
    xmlSetGenericErrorFunc(messages, asyl_collect);
    xsltSetGenericErrorFunc(messages, asyl_collect);
}

static inline void asyl_collect_transform_messages(xsltTransformContextPtr context, asyl_messages *messages) {
    xsltSetTransformErrorFunc(context, messages, asyl_collect);
}

static inline void asyl_collect_relaxng_messages(xmlRelaxNGValidCtxtPtr context, asyl_messages *messages) {
    xmlRelaxNGSetValidErrors(context, asyl_collect, asyl_collect, messages);
}

static inline void asyl_collect_relaxng_parser_messages(xmlRelaxNGParserCtxtPtr context, asyl_messages *messages) {
    xmlRelaxNGSetParserErrors(context, asyl_collect, asyl_collect, messages);
}

/* xsltDocDefaultLoader is a global function pointer, like xmlFree: read it
 * through a function. */
static inline xsltDocLoaderFunc asyl_default_document_loader(void) { return xsltDocDefaultLoader; }

/* xsltTransformError is variadic: a refusal's message reaches it through here
 * (to a transform's collector, or for a stylesheet being compiled, to this
 * thread's). */
static inline void asyl_transform_error(xsltTransformContextPtr context, xsltStylesheetPtr style, const char *message) {
    xsltTransformError(context, style, NULL, "%s\n", message);
}
