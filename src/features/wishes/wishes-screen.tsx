/** Wishes (pupil): what would make school easier, and what adults, parents and the pupil could do. */

import { useTranslation } from 'react-i18next';
import { AnswerField } from '../../components/answer-field';
import { StepFrame } from '../../components/step-frame';
import { setWish } from '../../domain/conversation';
import { WISH_IDS } from '../../domain/prompts';
import { pictureOf } from '../../lib/pictures';
import { applyToActive, useActiveConversation } from '../../stores/library-store';
import { goTo } from '../../stores/step-navigation';

export default function WishesScreen() {
  const { t } = useTranslation();
  const conversation = useActiveConversation();
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
          <AnswerField
            key={wish}
            prompt={t(`wishes.prompt.${wish}`)}
            picture={pictureOf('wishes', wish)}
            answer={conversation.wishes[wish]}
            adultTyping={false}
            onChange={(answer) => void applyToActive((c, now) => setWish(c, wish, answer, now))}
          />
        ))}
      </div>
    </StepFrame>
  );
}
