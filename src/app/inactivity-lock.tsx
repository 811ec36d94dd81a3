/**
 * Locks the app after the chosen time without a touch or key press. Before it locks it
 * shows a warning for LOCK_WARNING_MS (at least 20 s, WCAG 2.2.1) with one big button to
 * stay. Locking writes everything first, then forgets the key and every decrypted record.
 */

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type IdlePhase, idlePhase } from '../domain/device-settings';
import { currentTime, lockVault, useLibrary } from '../stores/library-store';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function InactivityLock() {
  const { t } = useTranslation();
  const settings = useLibrary((state) => state.settings);
  const lastActivity = useRef(currentTime());
  const [phase, setPhase] = useState<IdlePhase>('active');
  const [secondsLeft, setSecondsLeft] = useState(0);

  useEffect(() => {
    const mark = () => {
      lastActivity.current = currentTime();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, mark, { capture: true, passive: true });
    const timer = setInterval(() => {
      const now = currentTime();
      const next = idlePhase(lastActivity.current, now, settings);
      setPhase(next);
      setSecondsLeft(Math.max(0, Math.ceil((lastActivity.current + settings.inactivityMinutes * 60_000 - now) / 1000)));
      if (next === 'locked') void lockVault();
    }, 1000);
    return () => {
      clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, mark, { capture: true });
    };
  }, [settings]);

  if (phase !== 'warning') return null;
  return (
    <div className="dialog-backdrop">
      <div role="alertdialog" aria-modal="true" aria-labelledby="lock-warning" className="dialog" data-lock-warning>
        <h2 id="lock-warning">{t('vault.lock.warningHeading')}</h2>
        <p>{t('vault.lock.warning', { count: secondsLeft })}</p>
        <button
          type="button"
          className="button button--primary"
          autoFocus
          onClick={() => {
            lastActivity.current = currentTime();
            setPhase('active');
          }}
        >
          {t('vault.lock.stillHere')}
        </button>
      </div>
    </div>
  );
}
