/**
 * A whole conversation with the mouse: setup, causes, sorting and scaling by drag (each
 * part of a drag announced: lift, over, drop, and Escape's cancel), explore prompts,
 * wishes, recap, and the graded list at handover (hardest first, ties sharing a rank),
 * on the default trivsel scale and on the "Vanskelig/redd" scale. And what a drag does on
 * the way: a click right after a drop picks the next card, the dropped card is never seen
 * back in its old place before it shows in its new one, and the drop zones are measured
 * in a task after the one that lifts the card.
 */

import { expect, test } from '@playwright/test';
import {
  card,
  click,
  createConversation,
  dragAnnouncements,
  expectCardIn,
  expectStep,
  gradedRows,
  mouseDrag,
  mouseHoldOver,
  nextButton,
  onlyOnProject,
  passAdultGate,
  tapMove,
  visibleCentre,
  walkTo,
  zone,
} from './support/kortprat';

onlyOnProject('desktop');

const CUSTOM = 'Spise i kantina';

test('a whole conversation by mouse ends in a graded list, hardest first', async ({ page }) => {
  // A whole conversation, every step: longer than the default minute on a busy machine.
  test.slow();
  await createConversation(page, {
    alias: 'Mira',
    grade: '7',
    teacher1: 'Kari',
    customCards: [CUSTOM],
    withoutDecks: ['Situasjoner'],
  });

  // Welcome → causes.
  await page.getByRole('button', { name: 'Jeg er klar' }).click();
  await expectStep(page, 'causes');
  const redd = page.locator('[data-cause="redd"]');
  const stress = page.locator('[data-cause="stress"]');
  const syk = page.locator('[data-cause="fysisk-syk"]');
  await redd.click();
  await expect(redd).toHaveAttribute('aria-pressed', 'true');
  await expect(redd).toHaveAccessibleName('Redd Litt');
  for (let i = 0; i < 3; i++) await stress.click();
  await expect(stress).toHaveAccessibleName('Stress Mye');
  // Four taps go round: litt, en del, mye, not picked.
  for (let i = 0; i < 4; i++) await syk.click();
  await expect(syk).toHaveAttribute('aria-pressed', 'false');
  await expect(syk).toHaveAccessibleName('Fysisk syk');
  await nextButton(page).click();

  // Sort by drag.
  await expectStep(page, 'sort');
  await expect(page.locator('section[data-zone-id="deck"] .zone__count')).toHaveText('19 kort igjen');
  for (const id of ['matte', 'engelsk', 'norsk', 'gym-garderobe', 'laerer-1']) {
    await mouseDrag(page, card(page, id), 'applies');
    await expectCardIn(page, id, 'applies');
  }
  await expect(card(page, 'laerer-1')).toHaveText('Kari (lærer)');
  await mouseDrag(page, card(page, { text: CUSTOM }), 'applies');
  await expectCardIn(page, { text: CUSTOM }, 'applies');
  // Every part of a drag is spoken in bokmål: the pick-up with where the card is, each zone
  // it comes over, and Escape's cancel (the card stays); then a drop.
  const live = dragAnnouncements(page);
  const musikk = card(page, 'musikk');
  await musikk.scrollIntoViewIfNeeded();
  const from = await visibleCentre(page, musikk);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y, { steps: 4 });
  await expect(live).toHaveText('Du løftet Musikk. Musikk er over Kortbunke.');
  const to = await visibleCentre(page, zone(page, 'not'));
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await expect(live).toHaveText('Musikk er over Gjelder ikke meg.');
  await page.keyboard.press('Escape');
  await expect(live).toHaveText('Flyttingen av Musikk ble avbrutt.');
  await page.mouse.up();
  await expectCardIn(page, 'musikk', 'deck');
  await mouseDrag(page, musikk, 'not');
  await expectCardIn(page, 'musikk', 'not');
  await expect(live).toHaveText('Musikk ble lagt i Gjelder ikke meg.');
  // Changed her mind: Norsk goes back to the deck.
  await mouseDrag(page, card(page, 'norsk'), 'deck');
  await expectCardIn(page, 'norsk', 'deck');
  await expect(page.locator('section[data-zone-id="deck"] .zone__count')).toHaveText('13 kort igjen');
  await nextButton(page).click();

  // Scale by drag; Matte and Gym – garderobe share the 1.
  await expectStep(page, 'scale');
  for (const id of ['matte', 'engelsk', 'gym-garderobe', 'laerer-1']) await expectCardIn(page, id, 'tray');
  await expectCardIn(page, { text: CUSTOM }, 'tray');
  await expect(card(page, 'norsk')).toHaveCount(0);
  await expect(card(page, 'musikk')).toHaveCount(0);
  const placements: [string | { text: string }, string][] = [
    ['matte', '1'],
    ['gym-garderobe', '1'],
    ['engelsk', '3'],
    ['laerer-1', '8'],
    [{ text: CUSTOM }, '10'],
  ];
  for (const [ref, number] of placements) {
    await mouseDrag(page, card(page, ref), number);
    await expectCardIn(page, ref, number);
  }
  await expect(page.locator('section[data-zone-id="tray"]')).toContainText('Alle kortene har fått et tall.');
  // A card moves between numbers too: Engelsk 3 → 4 → 3.
  await mouseDrag(page, card(page, 'engelsk'), '4');
  await expectCardIn(page, 'engelsk', '4');
  await mouseDrag(page, card(page, 'engelsk'), '3');
  await expectCardIn(page, 'engelsk', '3');
  await nextButton(page).click();

  // Explore: three hard cards (five prompts each), then two good ones (one prompt each).
  await expectStep(page, 'explore');
  const progress = page.locator('.explore__progress');
  const focusCard = page.locator('.explore__card [data-card-id]');
  await expect(progress).toHaveText('Kort 1 av 5 · spørsmål 1 av 5');
  await expect(focusCard).toHaveAttribute('data-card-id', 'matte');
  await expect(page.getByText('Du ga det tallet 1.')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Hva skjer når du er i denne situasjonen?' })).toBeVisible();
  await page.getByLabel('Med egne ord').fill('Læreren spør meg foran alle');
  await nextButton(page).click();

  await expect(progress).toHaveText('Kort 1 av 5 · spørsmål 2 av 5');
  const thought = page.getByRole('button', { name: 'Alle ser på meg' });
  await thought.click();
  await expect(thought).toHaveAttribute('aria-pressed', 'true');
  await nextButton(page).click();

  await expect(progress).toHaveText('Kort 1 av 5 · spørsmål 3 av 5');
  await expect(page.getByRole('group', { name: 'Hvordan føler du deg da?' })).toBeVisible();
  const nervous = page.getByRole('button', { name: 'Nervøs' });
  await nervous.click();
  await expect(nervous).toHaveAttribute('aria-pressed', 'true');
  await nextButton(page).click();

  await expect(progress).toHaveText('Kort 1 av 5 · spørsmål 4 av 5');
  const unknown = page.getByRole('button', { name: 'Vet ikke' });
  await unknown.click();
  await expect(unknown).toHaveAttribute('aria-pressed', 'true');
  // Going back shows the answers as given.
  await page.getByRole('button', { name: 'Tilbake' }).click();
  await expect(progress).toHaveText('Kort 1 av 5 · spørsmål 3 av 5');
  await expect(nervous).toHaveAttribute('aria-pressed', 'true');
  await nextButton(page).click();
  await expect(unknown).toHaveAttribute('aria-pressed', 'true');

  // Walk on, prompt by prompt, to the good cards: the 10 first, then the 8.
  const onward = [
    'Kort 1 av 5 · spørsmål 5 av 5',
    ...[2, 3].flatMap((n) => [1, 2, 3, 4, 5].map((part) => `Kort ${n} av 5 · spørsmål ${part} av 5`)),
    'Kort 4 av 5 · spørsmål 1 av 1',
  ];
  for (const text of onward) {
    await nextButton(page).click();
    await expect(progress).toHaveText(text);
  }
  await expect(focusCard).toHaveText(CUSTOM);
  await expect(page.getByRole('group', { name: 'Hva gjør at det er fint her?' })).toBeVisible();
  await page.getByLabel('Med egne ord').fill('Jeg sitter med vennene mine');
  await nextButton(page).click();
  await expect(progress).toHaveText('Kort 5 av 5 · spørsmål 1 av 1');
  await expect(focusCard).toHaveText('Kari (lærer)');
  await nextButton(page).click();

  // Wishes.
  await expectStep(page, 'wishes');
  await page
    .getByRole('group', { name: 'Hva ville gjort skolen lettere for deg?' })
    .getByLabel('Med egne ord')
    .fill('Slippe å lese høyt');
  await page
    .getByRole('group', { name: 'Hva kan de voksne på skolen gjøre?' })
    .getByRole('button', { name: 'Vet ikke' })
    .click();
  await nextButton(page).click();

  // Recap.
  await expectStep(page, 'recap');
  const hardest = page.locator('.recap__section--hard');
  await expect(hardest.locator('li')).toHaveText([/Matte/, /Gym – skifte i garderobe/, /Engelsk/]);
  await expect(page.locator('.recap__section--good li')).toHaveText([
    /Spise i kantina.*Jeg sitter med vennene mine/,
    /Kari \(lærer\)/,
  ]);
  await expect(
    page.locator('.recap__section', { hasText: 'Dette kan gjøre skolen vanskelig' }).locator('li'),
  ).toHaveText(['Redd – Litt', 'Stress – Mye']);
  const wishes = page.locator('.recap__section', { hasText: 'Ønskene dine' });
  await expect(wishes).toContainText('Slippe å lese høyt');
  await expect(wishes).toContainText('vet ikke');
  await page.getByRole('button', { name: 'Ja, det stemmer' }).click();

  // Handover: hardest first (1 on the trivsel scale), a tie shares its rank.
  await expectStep(page, 'handover');
  await expect(page.getByRole('heading', { name: 'Gradert liste: vanskeligst først' })).toBeVisible();
  await expect(page.getByText('Eleven sa at oppsummeringen stemte.')).toBeVisible();
  await expect(page.locator('.graded__table tbody tr')).toHaveCount(5);
  expect(await gradedRows(page)).toEqual([
    ['1', 'Matte', '1'],
    ['1', 'Gym – skifte i garderobe', '1'],
    ['3', 'Engelsk', '3'],
    ['4', 'Kari (lærer)', '8'],
    ['5', CUSTOM, '10'],
  ]);
  await page.getByRole('button', { name: 'Avslutt samtalen' }).click();
  await passAdultGate(page);

  // The review opens; the start list marks it done.
  await expect(page.getByRole('heading', { level: 1, name: 'Resultat: Mira' })).toBeVisible();
  await page.getByRole('button', { name: 'Til samtalelisten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Samtaler' })).toBeVisible();
  const row = page.locator('.conversation-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Ferdig');
  await expect(page.getByRole('button', { name: /^Se resultatet: Mira, / })).toBeVisible();
});

test('on the "Vanskelig/redd" scale the graded list puts 10 first', async ({ page }) => {
  await createConversation(page, {
    alias: 'Vera',
    grade: '8',
    scaleKind: 'vanskelig',
    withoutDecks: ['Lærere', 'Situasjoner'],
  });
  await walkTo(page, 'sort');
  for (const id of ['matte', 'naturfag', 'musikk']) {
    await tapMove(page, click, card(page, id), 'applies');
    await expectCardIn(page, id, 'applies');
  }
  await nextButton(page).click();
  await expectStep(page, 'scale');
  await expect(
    page.getByText('10 er det som er aller vanskeligst eller skumlest, 1 er det som er helt greit.'),
  ).toBeVisible();
  await expect(zone(page, '10')).toHaveAccessibleName('Tallet 10: Kjemperedd / veldig vanskelig');
  await mouseDrag(page, card(page, 'matte'), '2');
  await mouseDrag(page, card(page, 'naturfag'), '10');
  await mouseDrag(page, card(page, 'musikk'), '6');
  await expectCardIn(page, 'musikk', '6');
  await nextButton(page).click();

  // Explore starts with the hardest card: the 10.
  await expectStep(page, 'explore');
  await expect(page.locator('.explore__card [data-card-id]')).toHaveAttribute('data-card-id', 'naturfag');
  const progress = page.locator('.explore__progress');
  const prompts = [1, 2, 3].flatMap((n) => [1, 2, 3, 4, 5].map((part) => `Kort ${n} av 3 · spørsmål ${part} av 5`));
  for (const text of prompts) {
    await expect(progress).toHaveText(text);
    await nextButton(page).click();
  }
  await expectStep(page, 'wishes');
  await nextButton(page).click();
  await expectStep(page, 'recap');
  await page.getByRole('button', { name: 'Ja, det stemmer' }).click();
  await expectStep(page, 'handover');
  await expect(page.getByText('Skala: Vanskelig/redd: 10 = kjemperedd, 1 = helt greit')).toBeVisible();
  expect(await gradedRows(page)).toEqual([
    ['1', 'Naturfag', '10'],
    ['2', 'Musikk', '6'],
    ['3', 'Matte', '2'],
  ]);
});

test('a click on another card right after a drag picks that card', async ({ page }) => {
  await createConversation(page, { alias: 'Rask', grade: '7', withoutDecks: ['Lærere', 'Situasjoner'] });
  await walkTo(page, 'sort');
  // Drag the deck's last card (so the others stay put), then click the first one at once.
  const matte = card(page, 'matte');
  const box = await matte.boundingBox();
  if (!box) throw new Error('no box');
  const from = await card(page, 'gym-dusje').boundingBox();
  const to = await zone(page, 'applies').boundingBox();
  if (!from || !to) throw new Error('no box');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
  await expect(zone(page, 'applies')).toHaveClass(/zone--over/);
  await page.mouse.up();
  // dnd-kit swallows clicks for 50 ms after a drop (the drop's own click); a person's
  // next click comes later than that, and must not be ignored.
  await page.waitForTimeout(100);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expectCardIn(page, 'gym-dusje', 'applies');
  await expect(matte).toHaveAttribute('aria-pressed', 'true');
});

test('a dropped card stays dimmed in its old place until it shows in its new one', async ({ page }) => {
  await createConversation(page, { alias: 'Stø', grade: '7', withoutDecks: ['Lærere', 'Situasjoner'] });
  await walkTo(page, 'sort');
  await mouseHoldOver(page, card(page, 'matte'), 'applies');
  const lifted = zone(page, 'deck').locator('[data-card-id="matte"]');
  await expect(lifted).toHaveClass(/\bcard--dragging\b/);
  // The move lands a task after the drop (see MoveBoard's onDragEnd). Until then the card
  // must not be seen back in its old place as if it had not moved: every change of its
  // class while it is still in the page is checked.
  await lifted.evaluate((old) => {
    const seen: string[] = [];
    Object.assign(window, { undimmed: seen });
    new MutationObserver(() => {
      if (old.isConnected && !old.classList.contains('card--dragging')) seen.push(old.className);
    }).observe(old, { attributes: true, attributeFilter: ['class'] });
  });
  await page.mouse.up();
  await expectCardIn(page, 'matte', 'applies');
  await expect(lifted).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { undimmed: string[] }).undimmed)).toEqual([]);
  await expect(card(page, 'matte')).not.toHaveClass(/\bcard--dragging\b/);
});

test('a drag lifts the card in one task and measures the drop zones in a later one', async ({ page }) => {
  await createConversation(page, { alias: 'Lett', grade: '7', withoutDecks: ['Lærere', 'Situasjoner'] });
  await walkTo(page, 'sort');
  // Doing both in one task made a cold first drag's start a long task on a slow tablet (see
  // the dnd-kit patch). Each zone measured is counted; the count is read as the lifted card
  // shows, in the same task (a MutationObserver's callback runs before the next task).
  await page.evaluate(() => {
    const found = { measured: 0, whenLifted: null as number | null };
    Object.assign(window, { found });
    const measure = Element.prototype.getBoundingClientRect;
    Element.prototype.getBoundingClientRect = function (this: Element) {
      if (this.matches('section[data-zone-id]')) found.measured++;
      return measure.call(this);
    };
    const observer = new MutationObserver(() => {
      if (document.querySelector('.card--overlay')) {
        found.whenLifted = found.measured;
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
  await mouseHoldOver(page, card(page, 'matte'), 'applies');
  const found = await page.evaluate(
    () => (window as unknown as { found: { measured: number; whenLifted: number | null } }).found,
  );
  await page.mouse.up();
  await expectCardIn(page, 'matte', 'applies');
  expect(found.whenLifted).toBe(0);
  expect(found.measured).toBeGreaterThan(0);
});
