import { useTranslation } from 'react-i18next';
import { retrySaves, useLibrary } from '../stores/library-store';

/** Tells the adult, in plain words, when the last change could not be saved. */
export function SaveBanner() {
  const { t } = useTranslation();
  const problem = useLibrary((state) => state.saveProblem);
  const unreadable = useLibrary((state) => state.unreadable);
  return (
    <>
      {problem ? (
        <div className="banner banner--error" role="alert">
          <p>{t(`storage.saveFailed.${problem}`)}</p>
          <button type="button" className="button button--secondary" onClick={() => void retrySaves()}>
            {t('storage.retry')}
          </button>
        </div>
      ) : null}
      {unreadable > 0 ? (
        <div className="banner banner--warning" role="status">
          <p>{t('storage.unreadable', { count: unreadable })}</p>
        </div>
      ) : null}
    </>
  );
}
