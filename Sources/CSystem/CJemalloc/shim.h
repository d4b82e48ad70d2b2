/* jemalloc replaces the C library's malloc for the whole process by being
 * linked in; nothing calls it by name. See docs/architecture.md ("Memory"). */
#include <jemalloc/jemalloc.h>
