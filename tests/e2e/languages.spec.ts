/**
 * A pupil new to Norway in their own language while the adult follows in bokmål: Arabic
 * turns the whole page right to left (the piles and the scale included), every card
 * carries its bokmål label small beneath, the translation is marked as not yet reviewed,
 * and the adult's screens come back in bokmål, left to right.
 */

import { expect, test } from '@playwright/test';
import { card, createConversation, passAdultGate, pointerFor, tapMove, zone } from './support/kortprat';

const x = async (locator: ReturnType<typeof zone>) => (await locator.boundingBox())!.x;

test('an Arabic conversation runs right to left with bokmål labels for the adult', async ({ page }, info) => {
  const { press } = pointerFor(info);
  // Chromium here has no voices: give it an Arabic one that records what it is asked to say
  // (a plain utterance class too, since a real one only takes real voices).
  await page.addInitScript(() => {
    const spoken: { text: string; lang: string }[] = [];
    const arabic = { lang: 'ar-SA', localService: true, name: 'Test', default: true, voiceURI: 'test' };
    Object.assign(window, {
      spoken,
      SpeechSynthesisUtterance: class {
        lang = '';
        voice: unknown = null;
        rate = 1;
        constructor(readonly text: string) {}
      },
    });
    Object.assign(window.speechSynthesis, {
      getVoices: () => [arabic],
      speak: (utterance: { text: string; lang: string }) => spoken.push({ text: utterance.text, lang: utterance.lang }),
      cancel: () => {},
    });
  });
  await createConversation(
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
  const spoken = await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
  expect(spoken).toHaveLength(1);
  expect(spoken[0]!.lang).toBe('ar-SA');
  expect(spoken[0]!.text).toContain('مرحبًا يا Amal!');

  await press(page.getByRole('button', { name: 'هيّا نبدأ' }));
  await expect(page.getByRole('heading', { level: 1, name: 'ما الذي قد يجعل المدرسة صعبة؟' })).toBeVisible();
  await press(page.locator('.step__nav').getByRole('button', { name: 'التالي', exact: true }));

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
  await press(page.locator('.step__nav').getByRole('button', { name: 'التالي', exact: true }));

  // The scale runs from right to left too: 1 on the right.
  await expect(page.locator('.conversation[data-step="scale"]')).toHaveCount(1);
  expect(await x(zone(page, '1'))).toBeGreaterThan(await x(zone(page, '2')));
  await tapMove(page, press, card(page, 'matte'), '2');
  await expect(zone(page, '2').locator('[data-card-id="matte"] .card__sub')).toHaveText('Matte');

  // The adult's screens are bokmål and left to right again.
  await press(page.getByRole('button', { name: 'إلى قائمة المحادثات' }));
  await passAdultGate(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Samtaler' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
});
