/**
 * A pupil new to Norway in their own language while the adult follows in bokmål: Arabic
 * turns the whole page right to left (the piles and the scale included), every card
 * carries its bokmål label small beneath, the translation is marked as not yet reviewed,
 * and the adult's screens come back in bokmål, left to right.
 */

import { type Page, expect, test } from '@playwright/test';
import {
  card,
  createConversation,
  gradedRows,
  passAdultGate,
  pointerFor,
  spokenSoFar,
  storedConversation,
  stubSpeech,
  tapMove,
  zone,
} from './support/kortprat';

const next = (page: Page) => page.locator('.step__nav').getByRole('button', { name: 'التالي', exact: true });
const x = async (locator: ReturnType<typeof zone>) => (await locator.boundingBox())!.x;

test('an Arabic conversation runs right to left to the end, with bokmål labels and the graded list for the adult', async ({
  page,
}, info) => {
  test.slow();
  const { press } = pointerFor(info);
  await stubSpeech(page, 'ar-SA');
  const conversationId = await createConversation(
    page,
    { alias: 'Amal', grade: '6', withoutDecks: ['Lærere', 'Situasjoner'], language: 'العربية' },
    press,
  );
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('مرحبًا يا Amal!');
  await expect(page.getByText('لم يراجع متحدثٌ أصلي هذه الترجمة بعد.')).toBeVisible();

  // The speaker button reads the welcome aloud in Arabic.
  await press(page.getByRole('button', { name: 'اقرأ بصوت عالٍ' }).first());
  const spoken = await spokenSoFar(page);
  expect(spoken).toHaveLength(1);
  expect(spoken[0]!.lang).toBe('ar-SA');
  expect(spoken[0]!.text).toContain('مرحبًا يا Amal!');

  await press(page.getByRole('button', { name: 'هيّا نبدأ' }));
  await expect(page.getByRole('heading', { level: 1, name: 'ما الذي قد يجعل المدرسة صعبة؟' })).toBeVisible();
  await press(next(page));

  // Sorting: the cards speak Arabic, with the bokmål label beneath for the adult.
  const matte = card(page, 'matte');
  await expect(matte).toContainText('الرياضيات');
  await expect(matte.locator('.card__sub')).toHaveText('Matte');
  await expect(matte.locator('.card__sub')).toHaveAttribute('lang', 'nb');
  // Right to left: the deck, first in reading order, is on the right; the piles left of it.
  expect(await x(zone(page, 'deck'))).toBeGreaterThan(await x(zone(page, 'applies')));
  // No sideways scrolling in either direction.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    await page.evaluate(() => window.innerWidth),
  );
  await tapMove(page, press, matte, 'applies');
  await tapMove(page, press, card(page, 'norsk'), 'applies');
  await press(next(page));

  // The scale runs from right to left too: 1 on the right.
  await expect(page.locator('.conversation[data-step="scale"]')).toHaveCount(1);
  expect(await x(zone(page, '1'))).toBeGreaterThan(await x(zone(page, '2')));
  await tapMove(page, press, card(page, 'matte'), '2');
  await expect(zone(page, '2').locator('[data-card-id="matte"] .card__sub')).toHaveText('Matte');

  await tapMove(page, press, card(page, 'norsk'), '8');
  await press(next(page));

  // Explore in Arabic: the feelings offered in Arabic, "لا أعرف" (don't know) for the rest.
  await expect(page.locator('.conversation[data-step="explore"]')).toHaveCount(1);
  await expect(page.locator('.card--focus')).toContainText('الرياضيات');
  for (let i = 0; i < 12 && (await page.locator('.conversation[data-step="explore"]').count()) > 0; i++) {
    const sadness = page.getByRole('button', { name: 'حزن', exact: true });
    if ((await sadness.count()) > 0) {
      await press(sadness);
      await expect(sadness).toHaveAttribute('aria-pressed', 'true');
    } else {
      await press(page.getByRole('button', { name: 'لا أعرف' }));
    }
    await press(next(page));
  }
  await expect(page.locator('.conversation[data-step="wishes"]')).toHaveCount(1);
  await page.locator('.answer__text').first().fill('مكان هادئ');
  await press(next(page));
  await expect(page.locator('.recap__section--hard li').first()).toContainText('الرياضيات');
  await press(page.getByRole('button', { name: 'نعم، هذا صحيح' }));

  // Handover: thanks in Arabic; the graded list and the end button in bokmål for the adult,
  // the pupil's own words as written.
  await expect(page.getByRole('heading', { level: 1, name: 'شكرًا لأنك أخبرتنا!' })).toBeVisible();
  const list = page.getByRole('region', { name: 'Gradert liste: vanskeligst først' });
  await expect(list).toHaveAttribute('lang', 'nb');
  expect(await gradedRows(page)).toEqual([
    ['1', 'Matte', '2'],
    ['2', 'Norsk', '8'],
  ]);
  const stored = await storedConversation(page, conversationId);
  expect(stored).toContain('مكان هادئ');
  await press(page.getByRole('button', { name: 'Avslutt samtalen' }));

  // The adult's screens are bokmål and left to right again.
  await passAdultGate(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Resultat: Amal' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await press(page.getByRole('button', { name: 'Til samtalelisten' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Samtaler' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await expect(page.locator('.conversation-row')).toContainText('Ferdig');
});
