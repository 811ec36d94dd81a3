import { afterEach, describe, expect, it, vi } from 'vitest';
import { speak, voiceFor } from './speech';

const voice = (lang: string, localService = true) =>
  ({ lang, localService, name: `${lang}-${localService}`, default: false, voiceURI: lang }) as SpeechSynthesisVoice;

describe('choosing a voice', () => {
  it("takes a voice of the pupil's language that runs on the device, never one that sends the text away", () => {
    const voices = [voice('en-GB'), voice('ar-SA', false), voice('ar-EG', true)];
    expect(voiceFor('ar', voices)?.lang).toBe('ar-EG');
    expect(voiceFor('en', voices)?.lang).toBe('en-GB');
    expect(voiceFor('ar', [voice('ar-SA', false)])).toBeNull();
  });

  it('accepts a Norwegian voice tagged "no" for bokmål and nynorsk', () => {
    expect(voiceFor('nb', [voice('no-NO')])?.lang).toBe('no-NO');
    expect(voiceFor('nn', [voice('nb-NO'), voice('nn-NO')])?.lang).toBe('nn-NO');
  });

  it('never reads in another language when there is none for this one', () => {
    expect(voiceFor('so', [voice('en-US'), voice('sv-SE')])).toBeNull();
  });
});

describe('speaking', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads the text with the chosen voice, cutting off what was being read', () => {
    const spoken: SpeechSynthesisUtterance[] = [];
    const cancel = vi.fn();
    vi.stubGlobal('speechSynthesis', {
      getVoices: () => [voice('uk-UA')],
      speak: (utterance: SpeechSynthesisUtterance) => spoken.push(utterance),
      cancel,
    });
    vi.stubGlobal(
      'SpeechSynthesisUtterance',
      class {
        voice: SpeechSynthesisVoice | null = null;
        lang = '';
        rate = 1;
        constructor(readonly text: string) {}
      },
    );
    expect(speak('Привіт', 'uk')).toBe('speaking');
    expect(cancel).toHaveBeenCalled();
    expect(spoken).toHaveLength(1);
    expect(spoken[0]).toMatchObject({ text: 'Привіт', lang: 'uk-UA' });
    expect(speak('Salaan', 'so')).toBe('no-voice');
    expect(spoken).toHaveLength(1);
  });

  it('says so where the browser has no speech synthesis', () => {
    vi.stubGlobal('speechSynthesis', undefined);
    expect(speak('Hei', 'nb')).toBe('unsupported');
  });
});
