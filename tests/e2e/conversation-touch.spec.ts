/**
 * A whole conversation on the tablet with fingers only: taps (`locator.tap()`), finger
 * drags through the DevTools protocol (each part announced: lift, over, drop, and a
 * cancelled touch), and the tap alternative (tap a card, tap a zone).
 */

import { expect, test } from '@playwright/test';
import {
  card,
  createConversation,
  dragAnnouncements,
  expectCardIn,
  expectStep,
  gradedRows,
  nextButton,
  onlyOnProject,
  passAdultGate,
  tap,
  tapAnnouncements,
  tapMove,
  touchDrag,
  visibleCentre,
  zone,
  zoneTarget,
} from './support/kortprat';

onlyOnProject('tablet-touch');

test('a whole conversation by touch ends in a graded list, hardest first', async ({ page }) => {
  // A whole conversation, every step: longer than the default minute on a busy machine.
  test.slow();
  await createConversation(page, { alias: 'Ola', grade: '5', withoutDecks: ['Situasjoner'] }, tap);

  await tap(page.getByRole('button', { name: 'Jeg er klar' }));
  await expectStep(page, 'causes');
  const sovn = page.locator('[data-cause="sovn"]');
  await tap(sovn);
  await tap(sovn);
  await expect(sovn).toHaveAccessibleName('Søvnproblemer En del');
  const other = page.locator('[data-cause="noe-annet"]');
  await tap(other);
  await expect(other).toHaveAttribute('aria-pressed', 'true');
  await page.getByLabel('Skriv med dine egne ord').fill('Bussen er full');
  await tap(nextButton(page));

  // Sort: finger drags, and one tap-select + tap-zone move.
  await expectStep(page, 'sort');
  for (const id of ['matte', 'gym-ute', 'musikk', 'krle']) {
    await touchDrag(page, card(page, id), 'applies');
    await expectCardIn(page, id, 'applies');
  }
  const live = dragAnnouncements(page);
  await expect(live).toHaveText('KRLE ble lagt i Gjelder meg.');
  // The rest of a finger drag is spoken too: the pick-up with where the card is, the zone
  // it comes over, and a touch the tablet takes away (touchcancel) puts the card back.
  const valgfag = card(page, 'valgfag');
  await valgfag.scrollIntoViewIfNeeded();
  const from = await visibleCentre(page, valgfag);
  const to = await visibleCentre(page, zone(page, 'not'));
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove', x: number, y: number) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: [{ x, y, id: 1, radiusX: 5, radiusY: 5, force: 1 }] });
  await touch('touchStart', from.x, from.y);
  for (let i = 1; i <= 4; i++) await touch('touchMove', from.x + 5 * i, from.y);
  await expect(live).toHaveText('Du løftet Valgfag. Valgfag er over Kortbunke.');
  for (let i = 1; i <= 10; i++) {
    await touch('touchMove', from.x + 20 + ((to.x - from.x - 20) * i) / 10, from.y + ((to.y - from.y) * i) / 10);
  }
  await expect(live).toHaveText('Valgfag er over Gjelder ikke meg.');
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchCancel', touchPoints: [] });
  await cdp.detach();
  await expect(live).toHaveText('Flyttingen av Valgfag ble avbrutt.');
  await expectCardIn(page, 'valgfag', 'deck');
  await touchDrag(page, valgfag, 'not');
  await expectCardIn(page, 'valgfag', 'not');

  const spise = card(page, 'naturfag');
  await tap(spise);
  await expect(spise).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.selection-hint')).toHaveText('Valgt: Naturfag. Trykk der kortet skal.');
  await expect(zoneTarget(page, 'applies')).toHaveAccessibleName('Legg Naturfag her – Gjelder meg');
  await tap(zoneTarget(page, 'applies'));
  await expectCardIn(page, 'naturfag', 'applies');
  await expect(tapAnnouncements(page)).toHaveText('Naturfag ble lagt i Gjelder meg.');
  await expect(page.locator('.selection-hint')).toHaveCount(0);

  // Musikk back to the deck, by finger.
  await touchDrag(page, card(page, 'musikk'), 'deck');
  await expectCardIn(page, 'musikk', 'deck');
  await tap(nextButton(page));

  // Scale: finger drags (Matte and KRLE tie on 2), one tap move.
  await expectStep(page, 'scale');
  await touchDrag(page, card(page, 'matte'), '2');
  await expectCardIn(page, 'matte', '2');
  await touchDrag(page, card(page, 'krle'), '2');
  await expectCardIn(page, 'krle', '2');
  await touchDrag(page, card(page, 'gym-ute'), '9');
  await expectCardIn(page, 'gym-ute', '9');
  await tapMove(page, tap, card(page, 'naturfag'), '5');
  await expectCardIn(page, 'naturfag', '5');
  // Gym – ute moves from 9 to 10.
  await touchDrag(page, card(page, 'gym-ute'), '10');
  await expectCardIn(page, 'gym-ute', '10');
  await tap(nextButton(page));

  // Explore: three hard cards, then one good.
  await expectStep(page, 'explore');
  const progress = page.locator('.explore__progress');
  await expect(progress).toHaveText('Kort 1 av 4 · spørsmål 1 av 5');
  await expect(page.locator('.explore__card [data-card-id]')).toHaveAttribute('data-card-id', 'matte');
  await page.getByLabel('Med egne ord').fill('Det er trangt og bråkete');
  await tap(nextButton(page));
  await expect(progress).toHaveText('Kort 1 av 4 · spørsmål 2 av 5');
  await tap(nextButton(page));
  await expect(progress).toHaveText('Kort 1 av 4 · spørsmål 3 av 5');
  const sad = page.getByRole('button', { name: 'Trist' });
  const stress = page.getByRole('button', { name: 'Stress' });
  await tap(sad);
  await tap(stress);
  await expect(sad).toHaveAttribute('aria-pressed', 'true');
  await expect(stress).toHaveAttribute('aria-pressed', 'true');
  await tap(sad);
  await expect(sad).toHaveAttribute('aria-pressed', 'false');
  // "Vet ikke" after choices: the answer is "vet ikke".
  const unknown = page.getByRole('button', { name: 'Vet ikke' });
  await tap(unknown);
  await expect(unknown).toHaveAttribute('aria-pressed', 'true');
  for (const text of [
    'Kort 1 av 4 · spørsmål 4 av 5',
    'Kort 1 av 4 · spørsmål 5 av 5',
    ...[2, 3].flatMap((n) => [1, 2, 3, 4, 5].map((part) => `Kort ${n} av 4 · spørsmål ${part} av 5`)),
    'Kort 4 av 4 · spørsmål 1 av 1',
  ]) {
    await tap(nextButton(page));
    await expect(progress).toHaveText(text);
  }
  await expect(page.locator('.explore__card [data-card-id]')).toHaveAttribute('data-card-id', 'gym-ute');
  await page.getByLabel('Med egne ord').fill('Fotball med de andre');
  await tap(nextButton(page));

  await expectStep(page, 'wishes');
  await page
    .getByRole('group', { name: 'Hva kan de voksne på skolen gjøre?' })
    .getByLabel('Med egne ord')
    .fill('Egen plass på bussen');
  await tap(nextButton(page));

  await expectStep(page, 'recap');
  await expect(page.locator('.recap__section--hard li')).toHaveText([/Matte/, /KRLE/, /Naturfag/]);
  await expect(page.locator('.recap__section--good li')).toHaveText([/Gym – ute.*Fotball med de andre/]);
  await expect(
    page.locator('.recap__section', { hasText: 'Dette kan gjøre skolen vanskelig' }).locator('li'),
  ).toHaveText(['Søvnproblemer – En del', 'Noe annet? – Litt: Bussen er full']);
  await tap(page.getByRole('button', { name: 'Ja, det stemmer' }));

  await expectStep(page, 'handover');
  expect(await gradedRows(page)).toEqual([
    ['1', 'Matte', '2'],
    ['1', 'KRLE', '2'],
    ['3', 'Naturfag', '5'],
    ['4', 'Gym – ute', '10'],
  ]);
  await tap(page.getByRole('button', { name: 'Avslutt samtalen' }));
  await passAdultGate(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Resultat: Ola' })).toBeVisible();
  await tap(page.getByRole('button', { name: 'Til samtalelisten' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Samtaler' })).toBeVisible();
  await expect(page.locator('.conversation-row')).toContainText('Ferdig');
  await expect(page.getByRole('button', { name: /^Se resultatet: Ola, / })).toBeVisible();
});

test('a card held over the sticky "Gjelder meg" pile after scrolling down still lands there', async ({ page }) => {
  await createConversation(page, { alias: 'Siv', grade: '6', withoutDecks: ['Fag', 'Lærere'] }, tap);
  await tap(page.getByRole('button', { name: 'Jeg er klar' }));
  await expectStep(page, 'causes');
  await tap(nextButton(page));
  await expectStep(page, 'sort');
  // Friminutt is far down the 27-card deck: the page scrolls, the piles stick at the top.
  const friminutt = card(page, 'friminutt');
  await friminutt.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(100);
  await touchDrag(page, friminutt, 'applies', { holdMs: 1000 });
  await expectCardIn(page, 'friminutt', 'applies');
});
