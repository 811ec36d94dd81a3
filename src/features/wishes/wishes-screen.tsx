/** Wishes (pupil): what would make school easier, and what adults, parents and the pupil could do. */

import { useTranslation } from 'react-i18next';
import { AnswerField } from '../../components/answer-field';
import { StepFrame } from '../../components/step-frame';
import { setWish } from '../../domain/conversation';
import { WISH_IDS, type WishId } from '../../domain/prompts';
import { pictureOf } from '../../lib/pictures';
import { applyToActive, useActivePart } from '../../stores/library-store';
import { goTo } from '../../stores/step-navigation';

// Each wish follows its own answer, so a typed letter renders that one field.
export default function WishesScreen() {
  const { t } = useTranslation();
  return (
    <StepFrame
      step="wishes"
      title={t('wishes.heading')}
      intro={<p>{t('wishes.intro')}</p>}
      onBack={() => void goTo('explore')}
      onNext={() => void goTo('recap')}
    >
      <div className="wishes">
        {WISH_IDS.map((wish) => (
          <WishAnswer key={wish} wish={wish} />
        ))}
      </div>
    </StepFrame>
  );
}

function WishAnswer({ wish }: { wish: WishId }) {
  const { t } = useTranslation();
  const answer = useActivePart((conversation) => conversation.wishes[wish]);
  return (
    <AnswerField
      prompt={t(`wishes.prompt.${wish}`)}
      picture={pictureOf('wishes', wish)}
      answer={answer}
      adultTyping={false}
      onChange={(next) => void applyToActive((c, now) => setWish(c, wish, next, now))}
    />
  );
}
