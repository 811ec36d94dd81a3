/**
 * A picture from the bundled set: one glyph, a glyph with a smaller badge, a teacher with
 * an initial, or a custom card's photo. Always decorative (the label beside it names the
 * thing), so it is hidden from screen readers and cannot be dragged out as an image.
 */

import { type PictureSpec, glyphUrl } from '../lib/pictures';

export type PictureSize = 'card' | 'small' | 'choice' | 'face';

export function Picture({ spec, size = 'card' }: { spec: PictureSpec; size?: PictureSize }) {
  const [glyph, badge] = spec.glyphs;
  return (
    <span className={`picture picture--${size}`} aria-hidden="true" data-glyphs={spec.glyphs.join(' ')}>
      {spec.photo ? (
        <img className="picture__photo" src={spec.photo} alt="" draggable={false} />
      ) : glyph ? (
        <img className="picture__glyph" src={glyphUrl(glyph)} alt="" draggable={false} />
      ) : null}
      {!spec.photo && badge ? <img className="picture__badge" src={glyphUrl(badge)} alt="" draggable={false} /> : null}
      {spec.initial ? <span className="picture__initial">{spec.initial}</span> : null}
    </span>
  );
}
