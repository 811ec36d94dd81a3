/**
 * Read-aloud with the browser's own speech synthesis: no recorded audio, nothing from
 * the net. Only voices that run on the device are used (some browsers also offer voices
 * that send the text to a server). A voice is used only if one exists for the pupil's
 * language; otherwise the caller is told, so it can say so quietly instead of reading in
 * the wrong language.
 */

export type SpeakResult = 'speaking' | 'no-voice' | 'unsupported';

/** Language tags a voice may carry for each of our languages (Norwegian voices are often "no" or "nb"). */
const ACCEPTED: Readonly<Record<string, readonly string[]>> = {
  nb: ['nb', 'no', 'nn'],
  nn: ['nn', 'no', 'nb'],
};

const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] ?? '';

/** The best on-device voice for a language, its own tag first ("nn" before "no" for nynorsk). */
export function voiceFor(language: string, voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  const accepted = ACCEPTED[language] ?? [language];
  const candidates = voices
    .filter((voice) => voice.localService && accepted.includes(primary(voice.lang)))
    .sort((a, b) => accepted.indexOf(primary(a.lang)) - accepted.indexOf(primary(b.lang)));
  return candidates[0] ?? null;
}

export function speak(text: string, language: string): SpeakResult {
  const synthesis = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  if (!synthesis || typeof SpeechSynthesisUtterance === 'undefined') return 'unsupported';
  const voice = voiceFor(language, synthesis.getVoices());
  if (!voice) return 'no-voice';
  synthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = 0.9;
  synthesis.speak(utterance);
  return 'speaking';
}
