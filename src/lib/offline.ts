/**
 * The service worker's side of the app: register it, and hold a waiting update until
 * an adult chooses to apply it. Nothing here reloads the page by itself, so an update
 * can never interrupt a pupil in the middle of a conversation.
 *
 * None of it is on the first screen: the registration helper (and with it
 * workbox-window) loads only when `startOffline` is told the app is ready for it and the
 * main thread then has a free moment. An update is only ever offered on the adult's
 * list, so nothing is missed by waiting; a service worker already installed serves the
 * app from its cache all the same.
 */

import { useSyncExternalStore } from 'react';

let applyUpdate: ((reload?: boolean) => Promise<void>) | null = null;
let registering: Promise<void> | null = null;
let updateWaiting = false;
const listeners = new Set<() => void>();

/** How long a busy page may keep the registration waiting for an idle moment. */
const IDLE_TIMEOUT_MS = 2_000;
/** Where there is no requestIdleCallback (Safari): a pause after the current work instead. */
const NO_IDLE_CALLBACK_DELAY_MS = 200;

/**
 * Registers the service worker now: loads vite-plugin-pwa's helper and workbox-window.
 * Once only; a failed load (offline before anything was cached) may be tried again.
 */
export function registerOffline(): Promise<void> {
  registering ??= import('virtual:pwa-register').then(
    ({ registerSW }) => {
      // registerSW does nothing where there are no service workers.
      applyUpdate = registerSW({
        onNeedRefresh() {
          updateWaiting = true;
          listeners.forEach((listener) => listener());
        },
      });
    },
    () => {
      registering = null;
    },
  );
  return registering;
}

function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, NO_IDLE_CALLBACK_DELAY_MS);
  });
}

/** Registers the service worker once `ready` has resolved and the main thread is idle. */
export async function startOffline(ready: Promise<unknown> = Promise.resolve()): Promise<void> {
  await ready;
  await whenIdle();
  await registerOffline();
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
  await registering;
  await applyUpdate?.(true);
}
