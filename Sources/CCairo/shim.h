// Cairo's image surfaces and toy text API: the figures' rasteriser and fonts.
#include <cairo/cairo.h>
