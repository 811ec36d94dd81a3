/**
 * A pupil's step-up plan (opptrappingsplan), an adult screen: the editor, the printable
 * cooperation agreement (samarbeidsavtale), or the pupil's own view of the agreed steps.
 * The words of the plan screens and the measures bank load with it (namespace `plan`).
 */

import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultSettings } from '../../domain/conversation';
import { adultLanguage } from '../../lib/adult-language';
import { loadPlan } from '../../lib/i18n';
import { type PlanView, navigate } from '../../lib/router';
import { useLibrary } from '../../stores/library-store';
import { AgreementView } from './agreement-view';
import { PlanEditor } from './plan-editor';
import { PupilSteps } from './pupil-steps';

export default function PlanScreen({ id, view }: { id: string; view: PlanView }) {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  const plan = useLibrary((state) => state.plans[id]);
  const pupil = useLibrary((state) => (plan ? state.pupils[plan.pupilId] : undefined));
  const conversation = useLibrary((state) => (plan ? state.conversations[plan.conversationId] : undefined));
  // The cards' words come from the conversation the plan builds on (teacher names, the
  // pupil's own cards); should it have been deleted, built-in cards still have theirs.
  const settings = useMemo(() => conversation?.settings ?? defaultSettings(5, 'nb'), [conversation]);

  useEffect(() => {
    let live = true;
    void loadPlan(adultLanguage.get()).then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);

  if (!plan || !pupil) {
    return (
      <div className="notice" role="alert">
        <p>{t('app.planNotFound')}</p>
        <button type="button" className="button button--secondary" onClick={() => navigate({ name: 'start' })}>
          {t('app.backToList')}
        </button>
      </div>
    );
  }
  if (!ready) return <p className="loading">{t('app.loading')}</p>;
  if (view === 'agreement') {
    return <AgreementView plan={plan} pupil={pupil} conversation={conversation} settings={settings} />;
  }
  if (view === 'pupil') return <PupilSteps plan={plan} settings={settings} />;
  return <PlanEditor plan={plan} pupil={pupil} conversation={conversation} settings={settings} />;
}
