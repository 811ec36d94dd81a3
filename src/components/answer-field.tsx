/**
 * One prompt's answer: offered choices (toggle chips), own words, and "vet ikke".
 * Every change is reported at once so the caller can save it as it is given.
 */

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_ANSWER, type PromptAnswer } from '../domain/prompts';
import type { PictureSpec } from '../lib/pictures';
import { Picture } from './picture';
import { usePresentation, useReadOnTap } from './presentation';
import { SpeakButton } from './speak-button';

export interface AnswerFieldProps {
  prompt: string;
  answer: PromptAnswer | undefined;
  /** Offered choices; a choice's picture shows in picture mode, or always when `always` is set (faces). */
  choices?: readonly { id: string; label: string; picture?: PictureSpec | null; always?: boolean }[];
  /** A picture beside the prompt, in picture mode. */
  picture?: PictureSpec | null;
  /** Marks new words as typed by the adult on the pupil's behalf. */
  adultTyping: boolean;
  onChange(answer: PromptAnswer): void;
  textLabel?: string;
}

export function AnswerField({
  prompt,
  answer = EMPTY_ANSWER,
  choices = [],
  picture = null,
  adultTyping,
  onChange,
  textLabel,
}: AnswerFieldProps) {
  const { t } = useTranslation();
  const textId = useId();
  const presentation = usePresentation();
  const readOnTap = useReadOnTap();

  const toggle = (id: string) => {
    const chosen = answer.choices.includes(id) ? answer.choices.filter((c) => c !== id) : [...answer.choices, id];
    onChange({ ...answer, choices: chosen, unknown: false });
  };

  return (
    <fieldset className="answer">
      <legend className="answer__prompt">
        {picture && presentation.pictures ? <Picture spec={picture} size="choice" /> : null}
        <span>{prompt}</span>
      </legend>
      <SpeakButton text={() => prompt} />
      {choices.length > 0 ? (
        <div className="answer__choices">
          {choices.map((choice) => (
            <button
              key={choice.id}
              type="button"
              className="chip"
              aria-pressed={answer.choices.includes(choice.id)}
              onClick={() => {
                toggle(choice.id);
                readOnTap(choice.label);
              }}
            >
              {choice.picture && (presentation.pictures || choice.always) ? (
                <Picture spec={choice.picture} size={presentation.pictures ? 'choice' : 'small'} />
              ) : null}
              {choice.label}
            </button>
          ))}
        </div>
      ) : null}
      <label htmlFor={textId} className="answer__label">
        {textLabel ?? t('explore.ownWords')}
      </label>
      <textarea
        id={textId}
        className="answer__text"
        rows={3}
        maxLength={1000}
        value={answer.text}
        onChange={(event) =>
          onChange({
            ...answer,
            text: event.target.value,
            unknown: false,
            typedByAdult: answer.typedByAdult || adultTyping,
          })
        }
      />
      <button
        type="button"
        className="chip chip--unknown"
        aria-pressed={answer.unknown}
        onClick={() => onChange({ ...answer, unknown: !answer.unknown })}
      >
        {t('explore.unknown')}
      </button>
    </fieldset>
  );
}
