/**
 * A speaker button that reads a text aloud in the page's language. Where the tablet has
 * no voice for that language it says so quietly beside the button; nothing else changes.
 */

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { speak } from '../lib/speech';

export function SpeakButton({ text }: { text: () => string }) {
  const { t, i18n } = useTranslation();
  const [silent, setSilent] = useState(false);
  return (
    <span className="speak">
      <button
        type="button"
        className="button button--quiet speak__button"
        aria-label={t('speech.readAloud')}
        onClick={() => setSilent(speak(text(), i18n.language) !== 'speaking')}
      >
        <span aria-hidden="true">🔊</span>
      </button>
      <span className="speak__note" role="status">
        {silent ? t('speech.noVoice') : ''}
      </span>
    </span>
  );
}
