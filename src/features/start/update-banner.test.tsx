import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerOffline } from '../../lib/offline';
import { renderApp } from '../../testing/render';

const serviceWorker = vi.hoisted(() => ({
  options: null as null | { onNeedRefresh?: () => void },
  update: vi.fn(async () => {}),
}));

vi.mock('virtual:pwa-register', () => ({
  registerSW: (options: { onNeedRefresh?: () => void }) => {
    serviceWorker.options = options;
    return serviceWorker.update;
  },
}));

beforeEach(() => {
  serviceWorker.options = null;
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a new version of the app', () => {
  it('is offered on the start screen only when one is waiting, and applied when the adult asks', async () => {
    await registerOffline();
    const { user } = await renderApp();
    expect(screen.queryByRole('button', { name: 'Oppdater nå' })).not.toBeInTheDocument();

    act(() => serviceWorker.options?.onNeedRefresh?.());
    expect(screen.getByText(/En ny versjon av Kortprat er klar/)).toBeInTheDocument();
    expect(serviceWorker.update).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Oppdater nå' }));
    expect(serviceWorker.update).toHaveBeenCalledWith(true);
  });
});

describe('the service worker code', () => {
  it('is not loaded until the app says it is ready, then once, when the main thread is idle', async () => {
    // A module of its own: registration happens once per page.
    vi.resetModules();
    const { startOffline } = await import('../../lib/offline');
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    let ready = () => {};
    const started = startOffline(new Promise<void>((resolve) => (ready = resolve)));

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(idle).toHaveLength(0);
    ready();
    await vi.waitFor(() => expect(idle).toHaveLength(1));
    expect(serviceWorker.options).toBeNull();

    idle[0]!();
    await started;
    expect(serviceWorker.options).not.toBeNull();
  });
});
