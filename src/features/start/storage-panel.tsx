/** Tells the adult whether the browser promised to keep the conversations, and how much space they use. */

import { useTranslation } from 'react-i18next';
import { useLibrary } from '../../stores/library-store';

export function StoragePanel() {
  const { t, i18n } = useTranslation();
  const storage = useLibrary((state) => state.deviceStorage);
  if (!storage) return null;
  const megabytes = (bytes: number) =>
    new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
      bytes / 1_000_000,
    );
  const persisted = storage.persisted === null ? 'unknown' : storage.persisted ? 'granted' : 'refused';
  return (
    <section className="storage-panel" aria-labelledby="storage-heading">
      <h2 id="storage-heading">{t('start.storage.heading')}</h2>
      <p data-persisted={persisted}>{t(`start.storage.${persisted}`)}</p>
      {storage.usageBytes !== null && storage.quotaBytes !== null ? (
        <p>{t('start.storage.usage', { used: megabytes(storage.usageBytes), quota: megabytes(storage.quotaBytes) })}</p>
      ) : null}
    </section>
  );
}
