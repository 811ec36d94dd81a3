/**
 * Handover (adult): the graded list, hardest first, with the pupil's own numbers. The
 * full teacher review builds on this in a later step of the product.
 */

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCardLabel } from '../../components/card-label';
import { GradedTable } from '../../components/graded-table';
import { StepFrame } from '../../components/step-frame';
import { finishConversation } from '../../domain/conversation';
import { gradedList } from '../../domain/graded-list';
import { adultLanguage } from '../../lib/adult-language';
import { direction } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { applyToActive, useActiveConversation } from '../../stores/library-store';
import { goTo } from '../../stores/step-navigation';

/**
 * The pupil is thanked in their own language; everything from here on is the adult's —
 * the graded list and the button that ends the conversation — in the adult's language.
 */
export default function HandoverScreen() {
  const { t: pupilT, i18n } = useTranslation();
  const adult = adultLanguage.get();
  const t = useMemo(() => i18n.getFixedT(adult), [i18n, adult]);
  const conversation = useActiveConversation();
  const cardLabel = useCardLabel(conversation.settings, adult);
  const list = gradedList(conversation);
  const { recap, finishedAt } = conversation;

  return (
    <StepFrame
      step="handover"
      title={pupilT('handover.heading')}
      intro={<p>{pupilT('handover.toAdult')}</p>}
      onBack={finishedAt === null ? () => void goTo('recap') : undefined}
      onNext={async () => {
        await applyToActive(finishConversation);
        // The review is an adult screen: in pupil mode the gate comes first.
        navigate({ name: 'review', id: conversation.id });
      }}
      nextLabel={t('handover.finish')}
      nextLang={adult}
    >
      <section className="graded" aria-labelledby="graded-heading" lang={adult} dir={direction(adult)}>
        <h2 id="graded-heading">{t('handover.listHeading')}</h2>
        <p>{t('handover.listIntro')}</p>
        <p>{t('handover.scaleUsed', { scale: t(`setup.scaleKinds.${conversation.settings.scaleKind}`) })}</p>
        <p className="graded__recap">
          {recap.confirmed ? t('handover.confirmed') : t('handover.notConfirmed')}{' '}
          {recap.changedAfterRecap ? t('handover.changed') : null}
        </p>
        {finishedAt !== null ? (
          <p>
            {t('handover.finishedAt', {
              date: new Intl.DateTimeFormat(adult, { dateStyle: 'medium', timeStyle: 'short' }).format(finishedAt),
            })}
          </p>
        ) : null}
        {list.length === 0 ? (
          <p>{t('handover.empty')}</p>
        ) : (
          <GradedTable entries={list} t={t} cardName={(entry) => cardLabel(entry.card.id)} />
        )}
      </section>
    </StepFrame>
  );
}
