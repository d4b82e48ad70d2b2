/* zlib, for the EPUB container: raw deflate and CRC-32 (ZIP's own). */
#include <zlib.h>
