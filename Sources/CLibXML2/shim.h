#ifndef MARKBENCH_CLIBXML2_SHIM_H
#define MARKBENCH_CLIBXML2_SHIM_H

/* Foundation ships its own ICU; hide libxml2's ICU-only declarations to avoid the
   "'UErrorCode' has different definitions" clash (see shared notes). */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlIO.h>

/* xmlFree is a global function pointer, which Swift 6 strict concurrency rejects. */
static inline void mb_xmlFree(void *p) { xmlFree(p); }

static inline const char *mb_libxml_version(void) { return LIBXML_DOTTED_VERSION; }

/* Deny-all external entity loader: nothing outside the document is ever read. */
static inline xmlParserInputPtr mb_denyEntityLoader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}
static inline void mb_installDenyAllEntityLoader(void) {
    xmlSetExternalEntityLoader(mb_denyEntityLoader);
}

#endif
