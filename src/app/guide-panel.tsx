/**
 * The conversation guide: short tips for the adult beside the pupil's step, some built
 * from this pupil's own answers, and the path for "the pupil told me something
 * worrying" (what to do now, a note, the flag) with the adult's own notes. All of it in
 * the adult's language and never read aloud; nothing here changes what the pupil sees.
 */

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCardLabel } from '../components/card-label';
import { ADULT_NOTE_MAX_LENGTH, setAdultNotes, setConcern, setConcernNote } from '../domain/conversation';
import {
  CONCERN_STEPS,
  type GuideTip,
  type SummaryBack,
  guidePhrasing,
  guideTips,
  hasChoices,
  scaleQuestions,
  summaryBack,
} from '../domain/guide';
import { adultLanguage } from '../lib/adult-language';
import { direction } from '../lib/i18n';
import { motion, usePanelMotion } from '../lib/motion';
import { applyToActive, useActiveConversation } from '../stores/library-store';

/** One tip: what to do, and an example the adult can say to the pupil. */
function Tip({ advice, say, sayLabel }: { advice: string; say: string; sayLabel: string }) {
  return (
    <li className="guide__tip">
      <p className="guide__advice">{advice}</p>
      <p className="guide__say">
        <span className="guide__say-label">{sayLabel}</span> <q>{say}</q>
      </p>
    </li>
  );
}

export function GuidePanel({ id }: { id: string }) {
  const { i18n } = useTranslation();
  // The guide reads the whole conversation (what the pupil has said so far), so it follows every change.
  const conversation = useActiveConversation();
  const adult = adultLanguage.get();
  const t = useMemo(() => i18n.getFixedT(adult, 'guide'), [i18n, adult]);
  const appT = useMemo(() => i18n.getFixedT(adult), [i18n, adult]);
  const cardLabel = useCardLabel(conversation.settings, adult);
  const { concern, notes } = conversation.adult;
  const [concernOpen, setConcernOpen] = useState(concern.flagged);
  const young = guidePhrasing(conversation.settings.grade) === 'youngest';
  const sayLabel = t('panel.say');
  const panelMotion = usePanelMotion();

  const tipText = (tip: GuideTip, part: 'advice' | 'say' | 'sayYoung') =>
    // The ids come from GUIDE_TIPS, which the locales test checks against every adult language.
    t(`tips.${tip.step}.${tip.id}.${part}` as 'tips.welcome.purpose.advice');

  const list = (items: string[]) => new Intl.ListFormat(adult, { type: 'conjunction' }).format(items);

  const summarySentence = (summary: Extract<SummaryBack, { kind: 'hard' }>) => {
    const clauses = [
      summary.thoughts.length > 0
        ? t('summary.thoughts', {
            list: list(summary.thoughts.map((thought) => t('summary.quote', { text: appT(`thought.${thought}`) }))),
          })
        : null,
      summary.feelings.length > 0
        ? t('summary.feelings', { list: list(summary.feelings.map((feeling) => t(`feeling.${feeling}`))) })
        : null,
      summary.body.length > 0 ? t('summary.body', { list: list(summary.body.map((sign) => t(`body.${sign}`))) }) : null,
    ].filter((clause): clause is string => clause !== null);
    const what =
      clauses.length > 1
        ? t('summary.joinLast', { rest: clauses.slice(0, -1).join(', '), last: clauses[clauses.length - 1] })
        : clauses[0];
    return t('summary.sentence', { card: cardLabel(summary.cardId), what });
  };

  /** Tips made from what this pupil has answered so far, on the steps where there is something to use. */
  const fromAnswers = (): { key: string; advice: string; say: string }[] => {
    if (conversation.step === 'scale') {
      const { hardest, best } = scaleQuestions(conversation);
      const tips = [];
      if (hardest) {
        const values = { card: cardLabel(hardest.cardId), number: hardest.rating };
        tips.push({
          key: 'hardest',
          advice: t('scale.hardestAdvice'),
          say: young ? t('scale.hardestYoung', values) : t('scale.hardest', values),
        });
      }
      if (best) {
        const values = { card: cardLabel(best.cardId), number: best.rating };
        tips.push({
          key: 'best',
          advice: t('scale.bestAdvice'),
          say: young ? t('scale.bestYoung', values) : t('scale.best', values),
        });
      }
      return tips;
    }
    if (conversation.step === 'explore') {
      const summary = summaryBack(conversation);
      if (!summary) return [];
      const card = cardLabel(summary.cardId);
      if (summary.kind === 'good') {
        return [{ key: 'good', advice: t('summary.goodAdvice'), say: t('summary.good', { card }) }];
      }
      if (!hasChoices(summary)) {
        return [{ key: 'generic', advice: t('summary.genericAdvice'), say: t('summary.generic', { card }) }];
      }
      return [{ key: 'summary', advice: t('summary.advice'), say: summarySentence(summary) }];
    }
    return [];
  };

  const answerTips = fromAnswers();
  const headingId = `${id}-heading`;
  const concernId = `${id}-concern`;

  return (
    <motion.aside
      {...panelMotion}
      id={id}
      className="guide"
      lang={adult}
      dir={direction(adult)}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="guide__heading">
        {t('panel.heading')}
      </h2>
      <p className="guide__note">{t('panel.adultOnly')}</p>

      {concern.flagged ? <p className="guide__flagged">{t('concern.flagged')}</p> : null}
      <button
        type="button"
        className="button button--secondary guide__concern-toggle"
        aria-expanded={concernOpen}
        aria-controls={concernOpen ? concernId : undefined}
        onClick={() => setConcernOpen(!concernOpen)}
      >
        {t('concern.open')}
      </button>
      {concernOpen ? (
        <section id={concernId} className="guide__concern" aria-labelledby={`${concernId}-heading`}>
          <h3 id={`${concernId}-heading`}>{t('concern.heading')}</h3>
          <p>{t('concern.intro')}</p>
          <ol className="guide__concern-steps">
            {CONCERN_STEPS.map((step) => (
              <li key={step}>{t(`concern.steps.${step}`)}</li>
            ))}
          </ol>
          <div className="field">
            <label htmlFor={`${concernId}-note`}>{t('concern.note')}</label>
            <textarea
              id={`${concernId}-note`}
              rows={4}
              maxLength={ADULT_NOTE_MAX_LENGTH}
              value={concern.note}
              aria-describedby={`${concernId}-saved`}
              onChange={(event) => void applyToActive((c, now) => setConcernNote(c, event.target.value, now))}
            />
            <p id={`${concernId}-saved`} className="field__hint">
              {t('panel.saved')}
            </p>
          </div>
          <label className="option">
            <input
              type="checkbox"
              checked={concern.flagged}
              aria-describedby={`${concernId}-flag-hint`}
              onChange={(event) => void applyToActive((c, now) => setConcern(c, event.target.checked, now))}
            />
            <span>{t('concern.flag')}</span>
          </label>
          <p id={`${concernId}-flag-hint`} className="field__hint">
            {t('concern.flagHint')}
          </p>
        </section>
      ) : null}

      <section className="guide__step" aria-labelledby={`${id}-step`}>
        <h3 id={`${id}-step`}>{t('panel.forStep', { step: appT(`steps.${conversation.step}`) })}</h3>
        {young ? <p className="guide__note">{t('panel.youngest')}</p> : null}
        {answerTips.length > 0 ? (
          <div className="guide__answers">
            <h4>{t('panel.fromAnswers')}</h4>
            <ul className="guide__tips">
              {answerTips.map((tip) => (
                <Tip key={tip.key} advice={tip.advice} say={tip.say} sayLabel={sayLabel} />
              ))}
            </ul>
          </div>
        ) : conversation.step === 'scale' ? (
          <p className="guide__note">{t('scale.none')}</p>
        ) : null}
        <ul className="guide__tips">
          {guideTips(conversation).map((tip) => (
            <Tip
              key={tip.id}
              advice={tipText(tip, 'advice')}
              say={tipText(tip, tip.phrasing === 'youngest' ? 'sayYoung' : 'say')}
              sayLabel={sayLabel}
            />
          ))}
        </ul>
      </section>

      <div className="field guide__notes">
        <label htmlFor={`${id}-notes`}>{t('panel.notes')}</label>
        <textarea
          id={`${id}-notes`}
          rows={4}
          maxLength={ADULT_NOTE_MAX_LENGTH}
          value={notes}
          aria-describedby={`${id}-notes-saved`}
          onChange={(event) => void applyToActive((c, now) => setAdultNotes(c, event.target.value, now))}
        />
        <p id={`${id}-notes-saved`} className="field__hint">
          {t('panel.saved')}
        </p>
      </div>
    </motion.aside>
  );
}
