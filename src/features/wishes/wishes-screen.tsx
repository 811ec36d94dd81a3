/** Wishes (pupil): what would make school easier, and what adults, parents and the pupil could do. */

import { useTranslation } from 'react-i18next';
import { AnswerField } from '../../components/answer-field';
import { StepFrame } from '../../components/step-frame';
import { setWish } from '../../domain/conversation';
import { EMPTY_ANSWER, WISH_IDS, type WishId } from '../../domain/prompts';
import { pictureOf } from '../../lib/pictures';
import { applyToActive, useActiveAnswer } from '../../stores/library-store';
import { goTo } from '../../stores/step-navigation';

// Each wish follows only its own answer's choices and "vet ikke": a typed letter renders nothing.
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
  const view = useActiveAnswer((conversation) => conversation.wishes[wish]);
  return (
    <AnswerField
      prompt={t(`wishes.prompt.${wish}`)}
      picture={pictureOf('wishes', wish)}
      {...view}
      adultTyping={false}
      onChange={(edit) => void applyToActive((c, now) => setWish(c, wish, edit(c.wishes[wish] ?? EMPTY_ANSWER), now))}
    />
  );
}
