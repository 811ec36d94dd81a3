/**
 * What to say after a wrong passphrase, and whether the next try must wait: the wait
 * counts down on screen so the adult knows when to try again.
 */

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Attempt = { ok: true } | { ok: false; reason: 'wrong' | 'too-soon'; retryAt: number };

/**
 * `runningWait` tells a freshly shown form of a wait still running from earlier wrong
 * tries (after a reload, or from another screen), so it counts down from the start.
 */
export function usePassphraseFailure(now: () => number, runningWait?: () => Promise<number | null>) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<Extract<Attempt, { ok: false }> | null>(null);
  const [seconds, setSeconds] = useState(0);

  useEffect(() => {
    if (!runningWait) return;
    let current = true;
    runningWait()
      .then((retryAt) => {
        if (current && retryAt !== null) setFailure((shown) => shown ?? { ok: false, reason: 'too-soon', retryAt });
      })
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [runningWait]);

  useEffect(() => {
    if (!failure) return;
    const tick = () => setSeconds(Math.max(0, Math.ceil((failure.retryAt - now()) / 1000)));
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [failure, now]);

  const parts = failure
    ? [failure.reason === 'wrong' ? t('vault.wrong') : null, seconds > 0 ? t('vault.wait', { count: seconds }) : null]
    : [];
  const message = parts.filter(Boolean).join(' ') || undefined;
  return {
    message,
    waiting: failure !== null && seconds > 0,
    record: (attempt: Attempt) => setFailure(attempt.ok ? null : attempt),
  };
}
