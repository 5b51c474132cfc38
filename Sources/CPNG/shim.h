// libpng's simplified API only: the classic API reports errors by longjmp,
// which Swift cannot survive.
#include <png.h>
