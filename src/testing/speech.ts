import { vi } from 'vitest';

export interface Spoken {
  text: string;
  lang: string;
}

/**
 * Stands in for the browser's speech synthesis with the given on-device voices and
 * returns what is read aloud, in order. Undo with `vi.unstubAllGlobals()`.
 */
export function stubSpeech(voiceLanguages: readonly string[]): Spoken[] {
  const spoken: Spoken[] = [];
  vi.stubGlobal('speechSynthesis', {
    getVoices: () => voiceLanguages.map((lang) => ({ lang, localService: true })),
    speak: (utterance: Spoken) => spoken.push(utterance),
    cancel: () => {},
  });
  vi.stubGlobal(
    'SpeechSynthesisUtterance',
    class {
      lang = '';
      voice = null;
      rate = 1;
      constructor(readonly text: string) {}
    },
  );
  return spoken;
}
