/**
 * The teacher's review (adult): one conversation as a structured summary to act on —
 * the graded list of situations, hardest first, with each one's change since last time
 * and its course across the pupil's conversations; the hardest cards part by part; what
 * works; causes; wishes; the recap; and the adult's own notes, kept apart and marked as
 * the adult's. Reached only from adult screens (the list, or the end of a conversation
 * through the adult gate). Prints cleanly on A4 (see the print rules in styles.css).
 */

import { Fragment, useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cardPicture, useCardLabel } from '../../components/card-label';
import { choiceLabel, hasChoiceLabels } from '../../components/choice-label';
import { GradedTable } from '../../components/graded-table';
import { Picture } from '../../components/picture';
import { ProgressChart } from '../../components/progress-chart';
import { TableScroll } from '../../components/table-scroll';
import { ADULT_NOTE_MAX_LENGTH, type Conversation, setAdultNotes } from '../../domain/conversation';
import { type ExplorePart, PART_CHOICES, type PromptAnswer } from '../../domain/prompts';
import { type ExploredCard, REVIEW_PARTS, type ReviewEntry, reviewOf } from '../../domain/review';
import { navigate } from '../../lib/router';
import {
  applyToActive,
  closeConversation,
  createPlan,
  openConversation,
  planOfPupil,
  updatePlanFromConversation,
  useLibrary,
} from '../../stores/library-store';

export default function ReviewScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const openStatus = useLibrary((state) => (state.activeId === id ? state.openStatus : 'none'));
  const conversation = useLibrary((state) => state.conversations[id]);
  const pupil = useLibrary((state) => (conversation ? state.pupils[conversation.pupilId] : undefined));
  const conversations = useLibrary((state) => state.conversations);

  // Opened like a conversation (tab lock, newest copy from the database), so the adult's
  // notes are saved through the same path as every answer.
  useEffect(() => {
    void openConversation(id);
    return () => closeConversation();
  }, [id]);

  const review = useMemo(
    () => (conversation ? reviewOf(conversation, Object.values(conversations)) : null),
    [conversation, conversations],
  );

  if (openStatus === 'missing' || (!conversation && openStatus === 'open')) {
    return (
      <div className="notice" role="alert">
        <p>{t('review.missing')}</p>
        <BackButton />
      </div>
    );
  }
  if (!conversation || !pupil || !review) return <p className="loading">{t('app.loading')}</p>;

  return (
    <ReviewBody conversation={conversation} alias={pupil.alias} review={review} editable={openStatus === 'open'} />
  );
}

function BackButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--secondary" onClick={() => navigate({ name: 'start' })}>
      {t('app.backToList')}
    </button>
  );
}

function ReviewBody({
  conversation,
  alias,
  review,
  editable,
}: {
  conversation: Conversation;
  alias: string;
  review: ReturnType<typeof reviewOf>;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const notesId = useId();
  const cardLabel = useCardLabel(conversation.settings);
  const date = useMemo(() => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }), [i18n.language]);
  const shortDate = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'numeric' }),
    [i18n.language],
  );
  const { concern } = review.adult;

  const change = (entry: ReviewEntry) => {
    if (entry.change === null) return t('review.new');
    if (entry.change === 0) return t('review.same');
    return entry.change < 0
      ? t('review.easier', { count: -entry.change })
      : t('review.harder', { count: entry.change });
  };

  return (
    <article className="review">
      <header className="review__header">
        <h1>{t('review.heading', { alias })}</h1>
        <div className="review__actions">
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            {t('review.print')}
          </button>
          <BackButton />
        </div>
      </header>

      {concern.flagged ? (
        <section className="review__concern" aria-label={t('review.concernFlag', { date: '' }).trim()}>
          <p className="review__concern-flag">
            <span aria-hidden="true">⚠ </span>
            {t('review.concernFlag', { date: concern.at !== null ? date.format(concern.at) : '' })}
          </p>
          {concern.note.trim() ? (
            <p>
              <span className="review__label">{t('review.concernNote')}: </span>
              {concern.note}
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="review-meta">
        <h2 id="review-meta" className="visually-hidden">
          {t('review.meta')}
        </h2>
        <dl className="review__meta">
          <div>
            <dt>{t('review.date')}</dt>
            <dd>{date.format(review.startedAt)}</dd>
          </div>
          <div>
            <dt>{t('review.grade')}</dt>
            <dd>{conversation.settings.grade}</dd>
          </div>
          <div>
            <dt>{t('review.duration')}</dt>
            <dd>{t('review.minutes', { count: review.minutes })}</dd>
          </div>
          <div>
            <dt>{t('review.scale')}</dt>
            <dd>{t(`setup.scaleKinds.${review.scaleKind}`)}</dd>
          </div>
          <div>
            <dt>{t('review.language')}</dt>
            <dd>{t(`language.${conversation.settings.language}` as 'language.nb')}</dd>
          </div>
          <div>
            <dt>{t('review.count')}</dt>
            <dd>{review.conversationCount}</dd>
          </div>
        </dl>
        {review.finishedAt === null ? <p className="notice">{t('review.unfinished')}</p> : null}
      </section>

      <section className="review__section review__graded" aria-labelledby="review-graded">
        <h2 id="review-graded">{t('handover.listHeading')}</h2>
        {review.graded.length === 0 ? (
          <p>{t('handover.empty')}</p>
        ) : (
          <TableScroll labelledBy="review-graded">
            <GradedTable
              entries={review.graded}
              t={t}
              cardName={(entry) => {
                const picture = cardPicture(conversation.settings, entry.card.id);
                return (
                  <span className="review__card">
                    {picture ? <Picture spec={picture} size="small" /> : null}
                    {cardLabel(entry.card.id)}
                  </span>
                );
              }}
              extra={[
                {
                  heading: t('review.change'),
                  cell: (entry) => (
                    <td className="review__change" data-change={entry.change ?? 'new'}>
                      {change(entry)}
                    </td>
                  ),
                },
                {
                  heading: t('review.course'),
                  cell: (entry) => (
                    <td>
                      <ProgressChart
                        points={entry.course}
                        label={t('review.courseLabel', {
                          card: cardLabel(entry.card.id),
                          points: entry.course
                            .map((point) => `${shortDate.format(point.at)}: ${point.rating}`)
                            .join(', '),
                        })}
                      />
                    </td>
                  ),
                },
              ]}
            />
          </TableScroll>
        )}
      </section>

      <ReviewPlan conversation={conversation} />

      <section className="review__section" aria-labelledby="review-explored">
        <h2 id="review-explored">{t('review.explored')}</h2>
        {review.hard.length === 0 ? <p>{t('review.none')}</p> : null}
        {review.hard.map((card) => (
          <ExploredDetails key={card.cardId} card={card} label={cardLabel(card.cardId)} parts={REVIEW_PARTS} />
        ))}
      </section>

      <section className="review__section" aria-labelledby="review-works">
        <h2 id="review-works">{t('review.works')}</h2>
        {review.good.length === 0 ? <p>{t('review.none')}</p> : null}
        {review.good.map((card) => (
          <ExploredDetails key={card.cardId} card={card} label={cardLabel(card.cardId)} parts={['good']} />
        ))}
      </section>

      <section className="review__section" aria-labelledby="review-causes">
        <h2 id="review-causes">{t('review.causes')}</h2>
        {review.causes.length === 0 ? (
          <p>{t('review.none')}</p>
        ) : (
          <ul>
            {review.causes.map((cause) => (
              <li key={cause.id}>
                {t(`cause.${cause.id}`)} – {t(`causes.size.${cause.size}`)}
                {cause.id === 'noe-annet' && review.causeOtherText ? (
                  <>
                    : <q>{review.causeOtherText}</q>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="review__section" aria-labelledby="review-wishes">
        <h2 id="review-wishes">{t('review.wishes')}</h2>
        {review.wishes.length === 0 ? (
          <p>{t('review.none')}</p>
        ) : (
          <dl className="review__parts">
            {review.wishes.map((wish) => (
              <div key={wish.id}>
                <dt>{t(`wishes.prompt.${wish.id}`)}</dt>
                <dd>
                  <AnswerText answer={wish.answer} />
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section className="review__section" aria-labelledby="review-recap">
        <h2 id="review-recap">{t('review.recap')}</h2>
        <p>
          {review.recap.confirmed ? t('handover.confirmed') : t('handover.notConfirmed')}{' '}
          {review.recap.changedAfterRecap ? t('handover.changed') : null}
        </p>
      </section>

      <section className="review__section review__adult" aria-labelledby="review-notes">
        <h2 id="review-notes">{t('review.notes')}</h2>
        <p className="field__hint" id={`${notesId}-hint`}>
          {t('review.notesHint')}
        </p>
        <label htmlFor={notesId} className="visually-hidden">
          {t('review.notes')}
        </label>
        <textarea
          id={notesId}
          className="review__notes-input"
          rows={5}
          maxLength={ADULT_NOTE_MAX_LENGTH}
          aria-describedby={`${notesId}-hint`}
          readOnly={!editable}
          value={review.adult.notes}
          onChange={(event) => void applyToActive((c, now) => setAdultNotes(c, event.target.value, now))}
        />
        {/* The printout shows the notes as text (a textarea prints cut off). */}
        <p className="review__notes-print">{review.adult.notes}</p>
      </section>
    </article>
  );
}

/**
 * The way from the graded list to the pupil's step-up plan: draft one, open it, or bring
 * it up to date when it builds on an older conversation. Not printed.
 */
function ReviewPlan({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const plan = useLibrary((state) => planOfPupil(state, conversation.pupilId));
  const basedOn = useLibrary((state) => (plan ? state.conversations[plan.conversationId] : undefined));
  // Only a newer conversation updates the plan; an older one would take its ratings back.
  const newer =
    plan !== undefined && plan.conversationId !== conversation.id && (basedOn?.createdAt ?? 0) < conversation.createdAt;
  const open = (id: string) => navigate({ name: 'plan', id, view: 'edit' });
  return (
    <section className="review__section review__plan" aria-labelledby="review-plan">
      <h2 id="review-plan">{t('review.plan')}</h2>
      {newer ? <p>{t('review.planBasedOnOther')}</p> : null}
      <div className="review__plan-actions">
        {plan ? (
          <>
            <button type="button" className="button button--primary" onClick={() => open(plan.id)}>
              {t('review.openPlan')}
            </button>
            {newer ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void updatePlanFromConversation(plan.id, conversation.id).then(() => open(plan.id))}
              >
                {t('review.updatePlan')}
              </button>
            ) : null}
          </>
        ) : (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void createPlan(conversation.id).then((created) => created && open(created.id))}
          >
            {t('review.makePlan')}
          </button>
        )}
      </div>
    </section>
  );
}

function ExploredDetails({ card, label, parts }: { card: ExploredCard; label: string; parts: readonly ExplorePart[] }) {
  const { t } = useTranslation();
  return (
    <section className="review__explored" data-card-id={card.cardId}>
      <h3>
        {label}
        {card.rating !== undefined ? <span className="card__number">{card.rating}</span> : null}
      </h3>
      <dl className="review__parts">
        {parts.map((part) => (
          <div key={part} data-part={part}>
            <dt>{t(`review.part.${part}`)}</dt>
            <dd>
              {card.answers[part] ? (
                <AnswerText answer={card.answers[part]} part={part} />
              ) : (
                <span className="review__none">{t('review.notAnswered')}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The pupil's answer as given: chosen words, own words in quotes, "vet ikke"; words the adult typed are marked. */
function AnswerText({ answer, part }: { answer: PromptAnswer; part?: ExplorePart }) {
  const { t } = useTranslation();
  const choices =
    part && hasChoiceLabels(part)
      ? answer.choices
          .filter((choice) => PART_CHOICES[part].includes(choice))
          .map((choice) => choiceLabel(t, part, choice))
      : [];
  const text = answer.text.trim();
  return (
    <>
      {choices.join(', ')}
      {choices.length > 0 && text ? '. ' : null}
      {text ? (
        <Fragment>
          <q>{text}</q>
          {answer.typedByAdult ? <span className="review__by-adult"> ({t('review.typedByAdult')})</span> : null}
        </Fragment>
      ) : null}
      {answer.unknown ? (
        <span>
          {choices.length > 0 || text ? ' · ' : null}
          {t('explore.unknown')}
        </span>
      ) : null}
    </>
  );
}
