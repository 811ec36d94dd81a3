/**
 * Choosing a custom card's picture in setup: the bundled pictures, or a photo from the
 * tablet's camera or files (downscaled on the tablet, see lib/photo.ts).
 */

import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Picture } from '../../components/picture';
import type { CustomCard, CustomCardPicture } from '../../domain/catalog';
import { PhotoProblem, type PhotoProblemReason, downscalePhoto } from '../../lib/photo';
import { PICTURE_LIBRARY } from '../../lib/pictures';

/**
 * An inline panel under a custom card: the bundled pictures as toggle buttons, a photo
 * from the camera or the files, and removing the picture. Focus moves in when it opens;
 * "Done" or Escape closes it and the setup screen puts focus back on the opening button.
 */
export function PicturePanel({
  id,
  card,
  onChange,
  onClose,
}: {
  id: string;
  card: CustomCard;
  onChange: (picture: CustomCardPicture | null) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [photo, setPhoto] = useState<'working' | PhotoProblemReason | null>(null);
  // Only the latest choice counts: a photo still being prepared is dropped when the
  // adult picks something else meanwhile.
  const attempt = useRef(0);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    panel.current?.focus();
  }, []);

  const choose = (picture: CustomCardPicture | null) => {
    attempt.current += 1;
    setPhoto(null);
    onChange(picture);
  };

  const takePhoto = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    // Cleared so that choosing the same file again is a change too.
    event.currentTarget.value = '';
    if (!file) return;
    const mine = (attempt.current += 1);
    setPhoto('working');
    try {
      const dataUrl = await downscalePhoto(file);
      if (mine !== attempt.current) return;
      onChange({ kind: 'photo', dataUrl });
      setPhoto(null);
    } catch (error) {
      if (mine !== attempt.current) return;
      setPhoto(error instanceof PhotoProblem ? error.reason : 'unreadable');
    }
  };

  const chosenGlyph = card.picture?.kind === 'glyph' ? card.picture.glyph : null;
  return (
    <div
      id={id}
      ref={panel}
      className="picture-panel"
      role="group"
      aria-label={t('setup.picturePanel', { text: card.text })}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="picture-panel__grid" role="group" aria-label={t('setup.pictureLibrary')}>
        {PICTURE_LIBRARY.map((glyph, index) => {
          const selected = glyph === chosenGlyph;
          return (
            <button
              key={glyph}
              type="button"
              className="picture-panel__choice"
              aria-pressed={selected}
              onClick={() => choose(selected ? null : { kind: 'glyph', glyph })}
            >
              <Picture spec={{ glyphs: [glyph] }} size="choice" />
              <span className="visually-hidden">{t('setup.pictureNumber', { number: index + 1 })}</span>
            </button>
          );
        })}
      </div>
      <div className="picture-panel__photo">
        <input
          id={`${id}-photo`}
          className="picture-panel__file visually-hidden"
          type="file"
          accept="image/*"
          aria-describedby={`${id}-hint`}
          onChange={(event) => void takePhoto(event)}
        />
        <label htmlFor={`${id}-photo`} className="button button--secondary picture-panel__file-label">
          {t('setup.photoInput')}
        </label>
        <p className="field__hint" id={`${id}-hint`}>
          {t('setup.photoHint')}
        </p>
      </div>
      <p className="picture-panel__status" role="status">
        {photo === 'working' ? t('setup.photoWorking') : ''}
      </p>
      {photo && photo !== 'working' ? (
        <p className="field__error" role="alert">
          {t(`setup.photoErrors.${photo}`)}
        </p>
      ) : null}
      <div className="picture-panel__actions">
        {card.picture ? (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              choose(null);
              // The button goes away with the picture; focus stays in the panel.
              panel.current?.focus();
            }}
          >
            {t('setup.removePicture')}
          </button>
        ) : null}
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('setup.pictureDone')}
        </button>
      </div>
    </div>
  );
}
