/**
 * The service worker's side of the app: register it, and hold a waiting update until
 * an adult chooses to apply it. Nothing here reloads the page by itself, so an update
 * can never interrupt a pupil in the middle of a conversation.
 */

import { useSyncExternalStore } from 'react';
import { registerSW } from 'virtual:pwa-register';

let applyUpdate: ((reload?: boolean) => Promise<void>) | null = null;
let updateWaiting = false;
const listeners = new Set<() => void>();

export function startOffline(): void {
  // registerSW does nothing where there are no service workers.
  if (applyUpdate) return;
  applyUpdate = registerSW({
    onNeedRefresh() {
      updateWaiting = true;
      listeners.forEach((listener) => listener());
    },
  });
}

export function useUpdateWaiting(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => updateWaiting,
  );
}

/** Activates the waiting version and reloads into it. Save everything first. */
export async function applyWaitingUpdate(): Promise<void> {
  await applyUpdate?.(true);
}
