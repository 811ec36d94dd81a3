/**
 * axe in real Chromium on every screen (WCAG 2.1 A and AA, and 2.2's AA rules such as
 * target size): zero violations, on the tablet and on a phone. The adult's screens (first
 * start, lock screen, list, settings, setup) and the conversation's are two tests each.
 */

import { expect, test } from '@playwright/test';
import {
  card,
  click,
  createConversation,
  expectStep,
  finishExplore,
  nextButton,
  onlyOnProject,
  passAdultGate,
  setPassphrase,
  tapMove,
  unlock,
  walkTo,
} from './support/kortprat';
import { expectNoViolations } from './support/checks';

onlyOnProject('desktop');

const GUIDE_CONCERN = 'Eleven fortalte noe som bekymrer meg';

for (const viewport of [
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
]) {
  test(`the adult's screens pass axe at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    // Eight axe runs: longer than the default minute on a busy machine.
    test.slow();
    await page.setViewportSize(viewport);
    await page.goto('/');
    await expect(page.getByLabel('Ny passordfrase', { exact: true })).toBeVisible();
    await expectNoViolations(page, 'first start: choose a passphrase');
    await page.getByRole('button', { name: 'Lagre passordfrasen' }).click();
    await expect(page.getByLabel('Skriv passordfrasen en gang til', { exact: true })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expectNoViolations(page, 'first start with an error');
    await setPassphrase(page);
    await expect(page.locator('[data-hydrated="true"]')).toBeVisible();
    await expectNoViolations(page, 'start, empty');

    await page.getByRole('button', { name: 'Innstillinger' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Innstillinger' })).toBeVisible();
    await expectNoViolations(page, 'settings');
    await page.getByRole('button', { name: 'Til samtalelisten' }).click();
    await page.getByRole('button', { name: 'Om Kortprat' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Om Kortprat' })).toBeVisible();
    await page.locator('.about__licence summary').click();
    await expectNoViolations(page, 'about, licence open');
    await page.getByRole('button', { name: 'Til samtalelisten' }).click();
    await page.getByRole('button', { name: 'Lås' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kortprat er låst' })).toBeVisible();
    await page.getByLabel('Passordfrase', { exact: true }).fill('ikke riktig');
    await page.getByLabel('Passordfrase', { exact: true }).press('Enter');
    await expect(page.getByText(/Passordfrasen stemmer ikke/)).toBeVisible();
    await page.getByRole('button', { name: 'Glemt passordfrasen?' }).click();
    await expectNoViolations(page, 'lock screen after a wrong passphrase');
    await expect(page.getByRole('button', { name: 'Lås opp' })).toBeEnabled();
    await unlock(page);
    await expect(page.locator('[data-hydrated="true"]')).toBeVisible();

    await page.getByRole('button', { name: 'Ny samtale' }).click();
    await expect(page.getByLabel('Kallenavn')).toBeVisible();
    await expectNoViolations(page, 'setup');
    await page.getByLabel('Tekst på nytt kort').fill('Ta heisen');
    await page.getByRole('button', { name: 'Legg til kort' }).click();
    await page.getByRole('button', { name: 'Velg bilde til «Ta heisen»' }).click();
    await page.getByRole('button', { name: 'Bilde 3', exact: true }).click();
    await expectNoViolations(page, 'setup, choosing a custom card picture');
    await page.getByRole('button', { name: 'Ferdig' }).click();
    await page.getByRole('button', { name: 'Start samtalen' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoViolations(page, 'setup with errors');
  });

  test(`picture mode with read-aloud passes axe at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    test.slow();
    await page.setViewportSize(viewport);
    await createConversation(page, {
      alias: 'Lea',
      grade: '2',
      teacher1: 'Kari',
      withoutDecks: ['Fag'],
      readAloud: true,
      customCards: ['Ta heisen'],
    });
    await walkTo(page, 'causes');
    await page.locator('[data-cause="redd"]').click();
    await expectNoViolations(page, 'causes, pictures');
    await nextButton(page).click();
    await expectStep(page, 'sort');
    await tapMove(page, click, card(page, 'laerer-1'), 'applies');
    await tapMove(page, click, card(page, 'friminutt'), 'applies');
    await card(page, 'toalett').click();
    await expectNoViolations(page, 'sort, pictures, a card selected');
    await page.locator('[data-zone-id="not"] .zone__target').click();
    await nextButton(page).click();
    await expectStep(page, 'scale');
    await tapMove(page, click, card(page, 'laerer-1'), '2');
    await expectNoViolations(page, 'scale, pictures');
    await tapMove(page, click, card(page, 'friminutt'), '9');
    await nextButton(page).click();
    await expectStep(page, 'explore');
    await nextButton(page).click();
    await expectNoViolations(page, 'explore, pictures on the choices');
    await finishExplore(page);
    await expectNoViolations(page, 'wishes, pictures');
  });

  test(`every screen of a conversation passes axe at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    // A whole conversation with an axe run on every screen: longer than the default minute on a busy machine.
    test.slow();
    await page.setViewportSize(viewport);
    await createConversation(page, { alias: 'Ada', grade: '7', withoutDecks: ['Lærere', 'Situasjoner'] });
    await expectNoViolations(page, 'welcome');
    await walkTo(page, 'causes');
    await page.locator('[data-cause="redd"]').click();
    await expectNoViolations(page, 'causes');
    await nextButton(page).click();
    await expectStep(page, 'sort');
    await card(page, 'matte').click();
    await expectNoViolations(page, 'sort, a card selected');
    await page.getByRole('button', { name: 'Samtaletips' }).click();
    await expectNoViolations(page, 'sort with the conversation guide open');
    await page.getByRole('button', { name: GUIDE_CONCERN }).click();
    await expectNoViolations(page, 'the concern path in the guide');
    await page.getByRole('button', { name: 'Samtaletips' }).click();
    await tapMove(page, click, card(page, 'norsk'), 'applies');
    await card(page, 'matte').click();
    await page.locator('[data-zone-id="applies"] .zone__target').click();
    await nextButton(page).click();
    await expectStep(page, 'scale');
    await tapMove(page, click, card(page, 'matte'), '2');
    await expectNoViolations(page, 'scale');
    await tapMove(page, click, card(page, 'norsk'), '8');
    await nextButton(page).click();
    await expectStep(page, 'explore');
    await page.getByRole('button', { name: 'Velg andre kort (voksen)' }).click();
    await expectNoViolations(page, 'explore with the card picker');
    await page.getByRole('button', { name: 'Ferdig' }).click();
    await nextButton(page).click();
    await expectNoViolations(page, 'explore, a prompt with choices');

    await finishExplore(page);
    await expectNoViolations(page, 'wishes');
    await nextButton(page).click();
    await expectStep(page, 'recap');
    await page.getByRole('button', { name: 'Nei, jeg vil endre noe' }).click();
    await expectNoViolations(page, 'recap');
    await page.getByRole('button', { name: 'Ja, det stemmer' }).click();
    await expectStep(page, 'handover');
    await expectNoViolations(page, 'handover');
    await page.getByRole('button', { name: 'Pause' }).click();
    await expectNoViolations(page, 'pause');
    await page.getByRole('button', { name: 'Fortsett samtalen' }).click();

    await page.getByRole('button', { name: 'Avslutt samtalen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bare for den voksne' })).toBeVisible();
    await expectNoViolations(page, 'adult gate');
    await passAdultGate(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Resultat: Ada' })).toBeVisible();
    await expectNoViolations(page, 'review');
    await page.getByRole('button', { name: 'Til samtalelisten' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Samtaler' })).toBeVisible();
    await expectNoViolations(page, 'start, with a conversation');
    await page.getByRole('button', { name: /^Slett samtalen/ }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await expectNoViolations(page, 'delete confirmation');
  });
}
