/**
 * One prompt's answer: offered choices (toggle chips), own words, and "vet ikke".
 * Every change is reported at once, as an edit of the stored answer, so the caller can
 * save it as it is given.
 *
 * The text box keeps its own words once it has shown them (it is not a controlled
 * field): a typed letter is saved but renders nothing, which on a slow tablet is what
 * keeps the save of each letter short. Nothing else writes an answer's words while its
 * field is on screen; a field for another prompt is a new field (the callers key it).
 */

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerEdit, AnswerView } from '../domain/prompts';
import type { PictureSpec } from '../lib/pictures';
import { Picture } from './picture';
import { usePresentation, useReadOnTap } from './presentation';
import { SpeakButton } from './speak-button';

export interface AnswerFieldProps extends AnswerView {
  prompt: string;
  /** Offered choices; a choice's picture shows in picture mode, or always when `always` is set (faces). */
  choices?: readonly { id: string; label: string; picture?: PictureSpec | null; always?: boolean }[];
  /** A picture beside the prompt, in picture mode. */
  picture?: PictureSpec | null;
  /** Marks new words as typed by the adult on the pupil's behalf. */
  adultTyping: boolean;
  onChange(edit: AnswerEdit): void;
  textLabel?: string;
}

export function AnswerField({
  prompt,
  chosen,
  unknown,
  initialText,
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

  const toggle = (id: string) =>
    onChange((answer) => ({
      ...answer,
      choices: answer.choices.includes(id) ? answer.choices.filter((c) => c !== id) : [...answer.choices, id],
      unknown: false,
    }));

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
              aria-pressed={chosen.includes(choice.id)}
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
        defaultValue={initialText}
        onChange={(event) => {
          const text = event.target.value;
          onChange((answer) => ({
            ...answer,
            text,
            unknown: false,
            typedByAdult: answer.typedByAdult || adultTyping,
          }));
        }}
      />
      <button
        type="button"
        className="chip chip--unknown"
        aria-pressed={unknown}
        onClick={() => onChange((answer) => ({ ...answer, unknown: !answer.unknown }))}
      >
        {t('explore.unknown')}
      </button>
    </fieldset>
  );
}
