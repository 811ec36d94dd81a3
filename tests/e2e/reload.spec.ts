/**
 * Every change is saved at once: a reload (or closing the tab and opening it again) in
 * the middle of sorting, scaling or typing an answer comes back to the same step with
 * every card where it was and every word that was typed.
 */

import { type Page, expect, test } from '@playwright/test';
import {
  boardState,
  card,
  createConversation,
  expectCardIn,
  expectStep,
  nextButton,
  onlyOnProject,
  pointerFor,
  type Press,
  type Step,
  storedConversation,
  tapMove,
  waitForHydration,
  walkTo,
} from './support/kortprat';

// Saving does not depend on the pointer; touch is covered by conversation-touch.spec.ts.
onlyOnProject('desktop');

async function reloadAt(page: Page, step: Step) {
  await page.reload();
  await waitForHydration(page);
  await expectStep(page, step);
}

test('a reload in the middle of sorting and of scaling keeps every card in place', async ({ page }, info) => {
  const { press, drag } = pointerFor(info);
  await createConversation(page, { alias: 'Rita', grade: '8', withoutDecks: ['Situasjoner'] }, press);
  await walkTo(page, 'sort', press);

  await drag(page, card(page, 'matte'), 'applies');
  await expectCardIn(page, 'matte', 'applies');
  await tapMove(page, press, card(page, 'engelsk'), 'applies');
  await expectCardIn(page, 'engelsk', 'applies');
  await drag(page, card(page, 'norsk'), 'not');
  await expectCardIn(page, 'norsk', 'not');
  await tapMove(page, press, card(page, 'laerer-2'), 'applies');
  await expectCardIn(page, 'laerer-2', 'applies');
  const sorted = await boardState(page);
  expect(sorted.applies).toEqual(['matte', 'engelsk', 'laerer-2']);

  await reloadAt(page, 'sort');
  await expect.poll(() => boardState(page)).toEqual(sorted);
  await expect(page.locator('section[data-zone-id="deck"] .zone__count')).toHaveText('14 kort igjen');

  // Still works after the reload: one more card, then on to the scale.
  await drag(page, card(page, 'krle'), 'applies');
  await expectCardIn(page, 'krle', 'applies');
  await press(nextButton(page));
  await expectStep(page, 'scale');
  await drag(page, card(page, 'matte'), '3');
  await expectCardIn(page, 'matte', '3');
  await tapMove(page, press, card(page, 'krle'), '3');
  await expectCardIn(page, 'krle', '3');
  await drag(page, card(page, 'laerer-2'), '7');
  await expectCardIn(page, 'laerer-2', '7');
  const scaled = await boardState(page);
  expect(scaled.tray).toEqual(['engelsk']);

  await reloadAt(page, 'scale');
  await expect.poll(() => boardState(page)).toEqual(scaled);

  // And once more after moving a card back to the tray.
  await drag(page, card(page, 'laerer-2'), 'tray');
  await expectCardIn(page, 'laerer-2', 'tray');
  const again = await boardState(page);
  await reloadAt(page, 'scale');
  await expect.poll(() => boardState(page)).toEqual(again);
});

/** From a new conversation to the third prompt (feelings) of the first hard card, Matte. */
async function toFeelingsPrompt(page: Page, press: Press, alias: string): Promise<string> {
  const id = await createConversation(page, { alias, grade: '4', withoutDecks: ['Lærere', 'Situasjoner'] }, press);
  await walkTo(page, 'sort', press);
  for (const cardId of ['matte', 'musikk']) await tapMove(page, press, card(page, cardId), 'applies');
  await expectCardIn(page, 'musikk', 'applies');
  await press(nextButton(page));
  await expectStep(page, 'scale');
  await tapMove(page, press, card(page, 'matte'), '1');
  await tapMove(page, press, card(page, 'musikk'), '4');
  await expectCardIn(page, 'musikk', '4');
  await press(nextButton(page));
  await expectStep(page, 'explore');
  const progress = page.locator('.explore__progress');
  await press(nextButton(page));
  await expect(progress).toHaveText('Kort 1 av 2 · spørsmål 2 av 5');
  await press(nextButton(page));
  await expect(progress).toHaveText('Kort 1 av 2 · spørsmål 3 av 5');
  return id;
}

test('a reload while typing an explore answer keeps the words and the prompt', async ({ page }, info) => {
  const { press } = pointerFor(info);
  const id = await toFeelingsPrompt(page, press, 'Per');
  const progress = page.locator('.explore__progress');
  const angry = page.getByRole('button', { name: 'Sint' });
  await press(angry);
  await expect(angry).toHaveAttribute('aria-pressed', 'true');
  const words = page.getByLabel('Med egne ord');
  await words.pressSequentially('Jeg blir varm i ansiktet');
  // Every keystroke is saved at once: wait until the last one is on disk, then reload.
  await expect.poll(() => storedConversation(page, id)).toContain('Jeg blir varm i ansiktet');
  await reloadAt(page, 'explore');
  await expect(progress).toHaveText('Kort 1 av 2 · spørsmål 3 av 5');
  await expect(page.locator('.explore__card [data-card-id]')).toHaveAttribute('data-card-id', 'matte');
  await expect(words).toHaveValue('Jeg blir varm i ansiktet');
  await expect(angry).toHaveAttribute('aria-pressed', 'true');

  // Typing on after the reload adds to the same answer.
  await words.focus();
  await words.press('ControlOrMeta+End');
  await words.pressSequentially(' og vil gå');
  await expect.poll(() => storedConversation(page, id)).toContain('Jeg blir varm i ansiktet og vil gå');
  await reloadAt(page, 'explore');
  await expect(words).toHaveValue('Jeg blir varm i ansiktet og vil gå');
});

test('a reload soon after the last keystroke keeps every character', async ({ page }, info) => {
  const { press } = pointerFor(info);
  const id = await toFeelingsPrompt(page, press, 'Pia');
  const words = page.getByLabel('Med egne ord');
  await words.pressSequentially('Jeg blir varm');
  await expect.poll(() => storedConversation(page, id)).toContain('Jeg blir varm');
  // Keys typed fast, while earlier ones are still being written, then a reload a moment
  // later. No person reloads faster than this pause; a save that waited for a pause in
  // typing, for leaving the field or for the next step would lose the words here.
  let expected = 'Jeg blir varm';
  for (const more of [' i ansiktet', ' og', ' vil hjem']) {
    await words.press('ControlOrMeta+End');
    await words.pressSequentially(more);
    expected += more;
    await page.waitForTimeout(250);
    await reloadAt(page, 'explore');
    await expect(words).toHaveValue(expected);
  }
});

test('closing the tab and opening the conversation again in a new one finds it as it was', async ({
  page,
  context,
}, info) => {
  const { press, drag } = pointerFor(info);
  await createConversation(page, { alias: 'Nora', grade: '10', withoutDecks: ['Lærere', 'Situasjoner'] }, press);
  await walkTo(page, 'causes', press);
  const trist = page.locator('[data-cause="trist"]');
  await press(trist);
  await press(trist);
  await expect(trist).toHaveAccessibleName('Trist / Lei seg En del');
  await press(nextButton(page));
  await expectStep(page, 'sort');
  await drag(page, card(page, 'samfunnsfag'), 'applies');
  await expectCardIn(page, 'samfunnsfag', 'applies');
  await drag(page, card(page, 'gym-gymsal'), 'not');
  await expectCardIn(page, 'gym-gymsal', 'not');
  const sorted = await boardState(page);
  const url = page.url();

  await page.close();
  const reopened = await context.newPage();
  await reopened.goto(url);
  await waitForHydration(reopened);
  await expectStep(reopened, 'sort');
  await expect.poll(() => boardState(reopened)).toEqual(sorted);
  await pointerFor(info).press(reopened.getByRole('button', { name: 'Tilbake' }));
  await expectStep(reopened, 'causes');
  await expect(reopened.locator('[data-cause="trist"]')).toHaveAccessibleName('Trist / Lei seg En del');
});
