/**
 * After the first visit the app starts and works with the network off: the service
 * worker serves the shell, every lazily loaded step and the locales from its cache.
 */

import { expect, test } from '@playwright/test';
import {
  card,
  createConversation,
  expectStep,
  onlyOnProject,
  tapMove,
  click,
  walkTo,
  waitForHydration,
} from './support/kortprat';

onlyOnProject('desktop');

test('the app starts and a conversation runs with the network off after the first visit', async ({ page, context }) => {
  await page.goto('/');
  await waitForHydration(page);
  // The first visit installs the service worker; from the next load on it serves the app.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await waitForHydration(page);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Samtaler' })).toBeVisible();

  await createConversation(page, { alias: 'Una', grade: '5', withoutDecks: ['Lærere', 'Situasjoner'] });
  await walkTo(page, 'sort');
  await tapMove(page, click, card(page, 'matte'), 'applies');
  await page.getByRole('button', { name: 'Videre' }).click();
  await expectStep(page, 'scale');
  await tapMove(page, click, card(page, 'matte'), '3');
  await page.getByRole('button', { name: 'Videre' }).click();
  await expectStep(page, 'explore');
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
});
