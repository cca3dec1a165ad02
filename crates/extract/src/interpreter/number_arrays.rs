//! Rectangles and matrices from PDF arrays (`/Rect`, `/BBox`, `/Matrix`), read leniently:
//! `None` for anything missing, short, non-numeric or not finite.

use lopdf::{Document, Object};

/// The first `N` items of an array object as finite numbers.
pub(crate) fn numbers<const N: usize>(doc: &Document, obj: &Object) -> Option<[f32; N]> {
    let items = obj.as_array().ok()?;
    let mut out = [0.0f32; N];
    if items.len() < N {
        return None;
    }
    for (slot, item) in out.iter_mut().zip(items) {
        let v = doc.dereference(item).ok()?.1.as_float().ok()?;
        if !v.is_finite() {
            return None;
        }
        *slot = v;
    }
    Some(out)
}
