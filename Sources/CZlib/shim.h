// zlib's gz* file interface, for gzip'd IDX data.
#include <zlib.h>
