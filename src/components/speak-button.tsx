/**
 * A speaker button that reads a text aloud in the page's language. Where the tablet has
 * no voice for that language it says so quietly beside the button; nothing else changes.
 */

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SPEAKER_GLYPH, glyphUrl } from '../lib/pictures';
import { speak } from '../lib/speech';

export interface SpeakButtonProps {
  text: () => string;
  /** What is read, for the button's name ("Les opp: Matte"); headings leave it out. */
  item?: string;
  className?: string;
}

export function SpeakButton({ text, item, className }: SpeakButtonProps) {
  const { t, i18n } = useTranslation();
  const [silent, setSilent] = useState(false);
  return (
    <span className={['speak', className].filter(Boolean).join(' ')}>
      <button
        type="button"
        className="button button--quiet speak__button"
        aria-label={item ? t('speech.readAloudItem', { text: item }) : t('speech.readAloud')}
        onClick={() => setSilent(speak(text(), i18n.language) !== 'speaking')}
      >
        <img className="speak__icon" src={glyphUrl(SPEAKER_GLYPH)} alt="" draggable={false} />
      </button>
      <span className="speak__note" role="status">
        {silent ? t('speech.noVoice') : ''}
      </span>
    </span>
  );
}
