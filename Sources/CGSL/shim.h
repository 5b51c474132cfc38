// GSL for derivatives, quadrature, minimisation, linear systems and random numbers, with
// OpenBLAS as its CBLAS. Only GSL's CBLAS header is imported: OpenBLAS's own
// cblas.h defines the same enums and Swift rejects the two together.
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_deriv.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_min.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_cblas.h>

// OpenBLAS extras, declared here rather than through <cblas.h> (see above).
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
char *openblas_get_corename(void);
char *openblas_get_config(void);

// GSL's generator types are mutable C globals, which Swift 6 will not read
// directly; a function returning the one we use is safe to call.
static inline const gsl_rng_type *study_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_min_fminimizer_type *study_min_fminimizer_brent(void) { return gsl_min_fminimizer_brent; }
