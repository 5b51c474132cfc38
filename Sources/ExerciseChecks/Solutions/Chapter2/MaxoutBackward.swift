import GANCore

// [excerpt: maxout-backward]
/// Maxout's backward pass, as `GANCore.Maxout` computes it: each unit's
/// gradient goes to the piece that won its max, and the others get 0.
/// Unit u's pieces are the input columns u·pieces ..< (u+1)·pieces.
func maxoutBackward(input x: Matrix<Double>, pieces: Int, outputGradient dy: Matrix<Double>) -> Matrix<Double> {
    let units = x.columns / pieces
    let dx = Matrix<Double>(rows: x.rows, columns: x.columns)
    for r in 0..<x.rows {
        for u in 0..<units {
            let first = u * pieces
            let winner = (first..<first + pieces).max { x[r, $0] < x[r, $1] }!
            dx[r, winner] = dy[r, u]
        }
    }
    return dx
}
// [end: maxout-backward]
