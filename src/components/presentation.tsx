/**
 * How the running conversation is shown to the pupil: with pictures (picture mode) and
 * whether everything is read aloud. The conversation route provides it; cards, choices
 * and step frames read it, so no screen has to pass it down by hand.
 */

import { createContext, useCallback, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { speak } from '../lib/speech';

export interface Presentation {
  readonly pictures: boolean;
  readonly readAloud: boolean;
}

const PresentationContext = createContext<Presentation>({ pictures: false, readAloud: false });

export const PresentationProvider = PresentationContext.Provider;

export function usePresentation(): Presentation {
  return useContext(PresentationContext);
}

/**
 * Reads a text aloud in the pupil's language when "read everything aloud" is on (after a
 * tap on a card or a choice); does nothing otherwise.
 */
export function useReadOnTap(): (text: string) => void {
  const { readAloud } = usePresentation();
  const { i18n } = useTranslation();
  return useCallback(
    (text: string) => {
      if (readAloud) speak(text, i18n.language);
    },
    [readAloud, i18n.language],
  );
}
