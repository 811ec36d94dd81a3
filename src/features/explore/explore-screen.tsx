/**
 * Explore (pupil): for the hardest cards, a short run through the five-part model
 * (situation, thoughts, feelings, body, behaviour); for the best cards, what makes them
 * good. One prompt at a time; "vet ikke" is always an answer; the adult may type on the
 * pupil's behalf (marked as such) and may pick other cards than the suggested ones.
 */

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnswerField, type AnswerFieldProps } from '../../components/answer-field';
import { useCardLabel, useCardPicture } from '../../components/card-label';
import { choiceLabel, hasChoiceLabels } from '../../components/choice-label';
import { Picture } from '../../components/picture';
import { StepFrame } from '../../components/step-frame';
import type { CardId } from '../../domain/catalog';
import { type Conversation, answerPrompt, setExploreCursor } from '../../domain/conversation';
import { clampCursor, exploreRun, nextCursor, previousCursor } from '../../domain/explore';
import { EMPTY_ANSWER, type ExplorePart, PART_CHOICES } from '../../domain/prompts';
import { type PictureGroup, pictureOf } from '../../lib/pictures';
import { applyToActive, useActiveAnswer, useActivePart } from '../../stores/library-store';
import { goTo } from '../../stores/step-navigation';
import { CardPicker } from './card-picker';

/** The picture groups of the offered choices (lib/pictures.json). */
const CHOICE_PICTURES: Partial<Record<ExplorePart, PictureGroup>> = {
  thoughts: 'thoughts',
  feelings: 'feelings',
  body: 'body',
  behaviour: 'behaviour',
};

const pickSettings = (conversation: Conversation) => conversation.settings;
const pickPiles = (conversation: Conversation) => conversation.piles;
const pickRatings = (conversation: Conversation) => conversation.ratings;
const pickSelection = (conversation: Conversation) => conversation.exploreSelection;
const pickCursor = (conversation: Conversation) => conversation.exploreCursor;

// The screen follows what the run of prompts is made from, not the answers: a choice
// renders its answer field (ExploreAnswer) and not the screen around it, and a typed
// letter renders nothing (the text box keeps its own words; see AnswerField).
export default function ExploreScreen() {
  const { t } = useTranslation();
  const settings = useActivePart(pickSettings);
  const piles = useActivePart(pickPiles);
  const ratings = useActivePart(pickRatings);
  const selection = useActivePart(pickSelection);
  const storedCursor = useActivePart(pickCursor);
  const cardLabel = useCardLabel(settings);
  const cardPicture = useCardPicture(settings);
  const [adultTyping, setAdultTyping] = useState(false);
  const [picking, setPicking] = useState(false);

  const run = useMemo(
    () => exploreRun({ settings, piles, ratings, exploreSelection: selection }),
    [settings, piles, ratings, selection],
  );
  const cursor = clampCursor(run, storedCursor);

  const moveTo = (target: ReturnType<typeof nextCursor>, otherwise: () => void) => {
    if (target) void applyToActive((c, now) => setExploreCursor(c, target, now));
    else otherwise();
  };

  const adultTools = (
    <div className="adult-tools">
      <label className="option">
        <input type="checkbox" checked={adultTyping} onChange={(event) => setAdultTyping(event.target.checked)} />
        <span>{t('explore.adultTyping')}</span>
      </label>
      <button
        type="button"
        className="button button--quiet"
        aria-expanded={picking}
        onClick={() => setPicking(!picking)}
      >
        {t('explore.pickCards')}
      </button>
      {picking ? <CardPicker onDone={() => setPicking(false)} /> : null}
    </div>
  );

  if (!cursor) {
    return (
      <StepFrame
        step="explore"
        title={t('explore.heading')}
        onBack={() => void goTo('scale')}
        onNext={() => void goTo('wishes')}
        adultTools={adultTools}
      >
        <p className="notice">{t('explore.nothing')}</p>
      </StepFrame>
    );
  }

  const item = run[cursor.card]!;
  const part = item.parts[cursor.part]!;
  const choices = hasChoiceLabels(part)
    ? PART_CHOICES[part].map((id) => ({
        id,
        label: choiceLabel(t, part, id),
        picture: CHOICE_PICTURES[part] ? pictureOf(CHOICE_PICTURES[part], id) : null,
        // Feelings show their faces in text mode too, like the paper tool's feeling cards.
        always: part === 'feelings',
      }))
    : [];
  const rating = ratings[item.cardId];
  const focusPicture = cardPicture?.(item.cardId) ?? null;
  const prompt = t(`explore.prompt.${part}`);

  return (
    <StepFrame
      step="explore"
      title={t('explore.heading')}
      onBack={() => moveTo(previousCursor(run, cursor), () => void goTo('scale'))}
      onNext={() => moveTo(nextCursor(run, cursor), () => void goTo('wishes'))}
      adultTools={adultTools}
      readAlso={`${cardLabel(item.cardId)}. ${prompt}`}
    >
      <div className={`explore explore--${item.kind}`}>
        <p className="explore__progress">
          {t('explore.cardProgress', {
            card: cursor.card + 1,
            cards: run.length,
            part: cursor.part + 1,
            parts: item.parts.length,
          })}
        </p>
        <div className="explore__card">
          <p className={`card card--focus${focusPicture ? ' card--picture' : ''}`} data-card-id={item.cardId}>
            {focusPicture ? <Picture spec={focusPicture} /> : null}
            <span className="card__label">{cardLabel(item.cardId)}</span>
          </p>
          <p>
            {item.kind === 'hard' ? t('explore.hardIntro') : t('explore.goodIntro')}{' '}
            {rating !== undefined ? t('explore.yourNumber', { number: rating }) : null}
          </p>
        </div>
        <ExploreAnswer
          key={`${item.cardId}-${part}`}
          cardId={item.cardId}
          part={part}
          prompt={prompt}
          choices={choices}
          adultTyping={adultTyping}
        />
      </div>
    </StepFrame>
  );
}

/** The answer to one prompt, following only that answer's choices and "vet ikke" in the store. */
function ExploreAnswer({
  cardId,
  part,
  ...field
}: { cardId: CardId; part: ExplorePart } & Pick<AnswerFieldProps, 'prompt' | 'choices' | 'adultTyping'>) {
  const view = useActiveAnswer((conversation) => conversation.answers[cardId]?.[part]);
  return (
    <AnswerField
      {...field}
      {...view}
      onChange={(edit) =>
        void applyToActive((c, now) =>
          answerPrompt(c, cardId, part, edit(c.answers[cardId]?.[part] ?? EMPTY_ANSWER), now),
        )
      }
    />
  );
}
