// [excerpt: smoothed-optimal-discriminator]
/// The optimal discriminator when real samples are labelled α and generated
/// ones β instead of 1 and 0 (Salimans et al. 2016, arXiv:1606.03498, §3.4).
/// At each x, y ↦ p·[α log y + (1 − α) log(1 − y)] + q·[β log y + (1 − β) log(1 − y)]
/// is a·log y + b·log(1 − y) with a = αp + βq and b = p + q − a, so
/// Proposition 1's maximiser gives
/// ```
/// D*(x) = (α p_data(x) + β p_g(x)) / (p_data(x) + p_g(x))
/// ```
/// With β > 0, D* is pulled towards 1 where only G puts mass, which rewards
/// G's mistakes there: why the smoothing is applied to the real side only.
func smoothedOptimalDiscriminator(pData p: Double, pG q: Double, realLabel alpha: Double, fakeLabel beta: Double) -> Double {
    (alpha * p + beta * q) / (p + q)
}
// [end: smoothed-optimal-discriminator]
