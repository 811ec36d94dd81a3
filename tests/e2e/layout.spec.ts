/**
 * The board on small screens: on a phone (portrait and landscape) and a tablet in
 * portrait, the sort and scale steps never scroll sideways and every button is at least
 * 48 × 48 CSS pixels. And with reduced motion asked for, cards still move.
 */

import { type Page, expect, test } from '@playwright/test';
import {
  card,
  createConversation,
  expectCardIn,
  expectStep,
  nextButton,
  onlyOnProject,
  pointerFor,
  tap,
  tapMove,
  walkTo,
  zone,
} from './support/kortprat';
import { expectTouchFriendly } from './support/checks';

const LONG = 'Sitte ved siden av noen jeg ikke kjenner i kantina';

/** Setup with all three decks and a long custom card (the longest labels there are), then sort. */
async function sortOnSmallScreen(page: Page) {
  await createConversation(page, { alias: 'Liv', grade: '3', customCards: [LONG] }, tap);
  await walkTo(page, 'sort', tap);
  await expectTouchFriendly(page, 'sort, nothing sorted');

  for (const id of ['svare-muntlig-i-klassen', 'matte', 'gym-garderobe']) {
    await tapMove(page, tap, card(page, id), 'applies');
    await expectCardIn(page, id, 'applies');
  }
  await tapMove(page, tap, card(page, { text: LONG }), 'applies');
  await expectCardIn(page, { text: LONG }, 'applies');
  await tapMove(page, tap, card(page, 'friminutt'), 'not');
  await expectCardIn(page, 'friminutt', 'not');
  // With a card picked, the zone headers carry the long "Legg … her" labels.
  await tap(card(page, 'laerer-1'));
  await expect(card(page, 'laerer-1')).toHaveAttribute('aria-pressed', 'true');
  await expectTouchFriendly(page, 'sort, cards sorted and one picked');
  await tap(card(page, 'laerer-1'));
  await expect(card(page, 'laerer-1')).toHaveAttribute('aria-pressed', 'false');
}

async function scaleOnSmallScreen(page: Page) {
  await tap(nextButton(page));
  await expectStep(page, 'scale');
  await expectTouchFriendly(page, 'scale, all in the tray');
  await tapMove(page, tap, card(page, 'svare-muntlig-i-klassen'), '1');
  await tapMove(page, tap, card(page, { text: LONG }), '1');
  await tapMove(page, tap, card(page, 'matte'), '5');
  await tapMove(page, tap, card(page, 'gym-garderobe'), '10');
  await expectCardIn(page, 'gym-garderobe', '10');
  await expectCardIn(page, { text: LONG }, '1');
  await expectTouchFriendly(page, 'scale, all placed');
}

const SCREENS = [
  { name: 'phone portrait', viewport: { width: 390, height: 844 } },
  { name: 'phone landscape', viewport: { width: 844, height: 390 } },
  { name: 'tablet portrait', viewport: { width: 768, height: 1024 } },
];

for (const screen of SCREENS) {
  test.describe(`${screen.name} ${screen.viewport.width}×${screen.viewport.height}`, () => {
    onlyOnProject('tablet-touch');
    test.use({ viewport: screen.viewport });

    test('sort and scale fit the width and have big enough buttons', async ({ page }) => {
      await sortOnSmallScreen(page);
      await scaleOnSmallScreen(page);
    });
  });
}

test.describe('reduced motion', () => {
  test('a card still moves by drag and by tap, and nothing slides, when the device asks for less motion', async ({
    page,
  }, info) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const { press, drag } = pointerFor(info);
    await createConversation(page, { alias: 'Mo', grade: '7', withoutDecks: ['Lærere', 'Situasjoner'] }, press);
    await walkTo(page, 'sort', press);
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);

    await drag(page, card(page, 'musikk'), 'applies');
    await expectCardIn(page, 'musikk', 'applies');
    await tapMove(page, press, card(page, 'engelsk'), 'not');
    await expectCardIn(page, 'engelsk', 'not');
    // Back to the deck: a card entering a zone is shown at once, not left invisible.
    await drag(page, card(page, 'engelsk'), 'deck');
    await expectCardIn(page, 'engelsk', 'deck');
    await expect(card(page, 'engelsk')).toBeVisible();
    await expect(card(page, 'engelsk')).toHaveCSS('opacity', '1');

    await press(nextButton(page));
    await expectStep(page, 'scale');
    await drag(page, card(page, 'musikk'), '6');
    await expectCardIn(page, 'musikk', '6');
    await expect(card(page, 'musikk')).toHaveCSS('opacity', '1');
    await expect(card(page, 'musikk').locator('xpath=..')).toHaveCSS('animation-name', 'none');

    // The adult's guide panel opens where it stays, in every frame from the first.
    const frames = await page.evaluate(async () => {
      const toggle = document.querySelector<HTMLButtonElement>('.conversation__guide-toggle')!;
      toggle.click();
      const transforms: string[] = [];
      for (let frame = 0; frame < 12; frame++) {
        await new Promise((done) => requestAnimationFrame(done));
        const panel = document.querySelector('.guide');
        transforms.push(panel ? getComputedStyle(panel).transform : 'not open');
      }
      return transforms;
    });
    expect(frames.every((transform) => transform === 'none')).toBe(true);
  });
});

test.describe('a full scale on a landscape tablet', () => {
  onlyOnProject('tablet-touch');
  test.use({ viewport: { width: 1024, height: 768 } });

  test('with every card placed but a few, the numbers never cover the tray', async ({ page }) => {
    test.slow();
    await createConversation(page, { alias: 'Siv', grade: '7' }, tap);
    await walkTo(page, 'sort', tap);
    const ids = await zone(page, 'deck')
      .locator('button[data-card-id]')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-card-id') ?? ''));
    expect(ids.length).toBeGreaterThanOrEqual(45);
    for (const id of ids) await tapMove(page, tap, card(page, id), 'applies');
    await tap(nextButton(page));
    await expectStep(page, 'scale');

    const [last, ...rest] = ids.slice().reverse();
    for (const [index, id] of rest.slice(0, ids.length - 4).entries()) {
      await tapMove(page, tap, card(page, id), String((index % 10) + 1));
    }
    // The last card left in the tray can still be tapped where it is (nothing lies on top
    // of it) and placed.
    const left = card(page, last!);
    await left.scrollIntoViewIfNeeded();
    const box = (await left.boundingBox())!;
    const onTop = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('button[data-card-id]')?.getAttribute('data-card-id'),
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    expect(onTop).toBe(last);
    await tapMove(page, tap, left, '10');
    await expectCardIn(page, last!, '10');
  });
});
