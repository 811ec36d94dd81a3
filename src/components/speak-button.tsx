/**
 * A speaker button that reads a text aloud in the page's language (or the one given, for
 * a part of the page in another language). Where the tablet has no voice for that
 * language it says so quietly beside the button; nothing else changes.
 */

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SPEAKER_GLYPH, glyphUrl } from '../lib/pictures';
import { speak } from '../lib/speech';

export interface SpeakButtonProps {
  text: () => string;
  /** What is read, for the button's name ("Les opp: Matte"); headings leave it out. */
  item?: string;
  className?: string;
  /** The language to read in and to name the button in, when it is not the page's (its texts already loaded). */
  language?: string;
}

export function SpeakButton({ text, item, className, language }: SpeakButtonProps) {
  const { i18n } = useTranslation();
  const lang = language ?? i18n.language;
  const t = useMemo(() => i18n.getFixedT(lang), [i18n, lang]);
  const [silent, setSilent] = useState(false);
  return (
    <span className={['speak', className].filter(Boolean).join(' ')}>
      <button
        type="button"
        className="button button--quiet speak__button"
        aria-label={item ? t('speech.readAloudItem', { text: item }) : t('speech.readAloud')}
        onClick={() => setSilent(speak(text(), lang) !== 'speaking')}
      >
        <img className="speak__icon" src={glyphUrl(SPEAKER_GLYPH)} alt="" draggable={false} />
      </button>
      <span className="speak__note" role="status">
        {silent ? t('speech.noVoice') : ''}
      </span>
    </span>
  );
}
