/** Welcome (pupil): what will happen, no wrong answers, pause any time, who will see it. */

import { useTranslation } from 'react-i18next';
import { StepFrame } from '../../components/step-frame';
import { useActiveConversation, useLibrary } from '../../stores/library-store';
import { goTo } from '../../stores/step-navigation';

export default function WelcomeScreen() {
  const { t } = useTranslation();
  const conversation = useActiveConversation();
  const alias = useLibrary((state) => state.pupils[conversation.pupilId]?.alias ?? '');
  return (
    <StepFrame
      step="welcome"
      title={t('welcome.heading', { alias })}
      onNext={() => void goTo('causes')}
      nextLabel={t('welcome.start')}
    >
      <ul className="welcome-points">
        <li>{t('welcome.what')}</li>
        <li>{t('welcome.noWrong')}</li>
        <li>{t('welcome.pause')}</li>
        <li>{t('welcome.whoSees')}</li>
      </ul>
    </StepFrame>
  );
}
