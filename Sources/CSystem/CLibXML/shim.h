/* libxml2, libxslt and libexslt for Swift.
 *
 * Debian builds libxml2 with ICU; its headers would pull the system ICU into
 * modules that also see the toolchain's ICU (through Foundation), and the two
 * clash. Undefining LIBXML_ICU_ENABLED after xmlversion.h hides only two
 * private fields that Swift never touches. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlIO.h>
#include <libxml/relaxng.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>
#include <libxslt/security.h>
#include <libexslt/exslt.h>

/* xmlFree is a global function pointer, which Swift 6 rejects as shared
 * mutable state; call it through a function instead. */
static inline void asyl_xmlFree(void *p) { xmlFree(p); }
