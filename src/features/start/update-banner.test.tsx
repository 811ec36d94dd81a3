import { screen } from '@testing-library/react';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { startOffline } from '../../lib/offline';
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

describe('a new version of the app', () => {
  it('is offered on the start screen only when one is waiting, and applied when the adult asks', async () => {
    startOffline();
    const { user } = await renderApp();
    expect(screen.queryByRole('button', { name: 'Oppdater nå' })).not.toBeInTheDocument();

    act(() => serviceWorker.options?.onNeedRefresh?.());
    expect(screen.getByText(/En ny versjon av Kortprat er klar/)).toBeInTheDocument();
    expect(serviceWorker.update).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Oppdater nå' }));
    expect(serviceWorker.update).toHaveBeenCalledWith(true);
  });
});
