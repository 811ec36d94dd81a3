/**
 * The one-field passphrase form shared by the lock screen and the pupil-mode gate: what
 * is typed, the check in flight, the wait after wrong tries, and a storage failure.
 */

import { type FormEvent, useState } from 'react';
import { usePassphraseFailure } from '../../components/use-passphrase-failure';
import { currentTime, runningWait, type unlockVault } from '../../stores/library-store';

type PassphraseResult = Awaited<ReturnType<typeof unlockVault>>;

export function usePassphraseEntry(check: (secret: string) => Promise<PassphraseResult>) {
  const [passphrase, setPassphrase] = useState('');
  const [working, setWorking] = useState(false);
  const [storageFailed, setStorageFailed] = useState(false);
  const failure = usePassphraseFailure(currentTime, runningWait);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working || failure.waiting || passphrase === '') return;
    setWorking(true);
    setStorageFailed(false);
    try {
      const result = await check(passphrase);
      failure.record(result);
      if (!result.ok) setPassphrase('');
    } catch {
      setStorageFailed(true);
    }
    setWorking(false);
  };

  return { passphrase, setPassphrase, working, storageFailed, setStorageFailed, failure, submit };
}
