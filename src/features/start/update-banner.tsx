/** A new version is ready: offered here, on the adult's screen only, and applied after saving. */

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyWaitingUpdate, useUpdateWaiting } from '../../lib/offline';
import { flushSaves } from '../../stores/library-store';

export function UpdateBanner() {
  const { t } = useTranslation();
  const waiting = useUpdateWaiting();
  const [updating, setUpdating] = useState(false);
  if (!waiting) return null;
  return (
    <div className="banner" role="status">
      <p>{t('start.update.ready')}</p>
      <button
        type="button"
        className="button button--primary"
        disabled={updating}
        onClick={async () => {
          setUpdating(true);
          await flushSaves();
          await applyWaitingUpdate();
        }}
      >
        {t('start.update.apply')}
      </button>
    </div>
  );
}
