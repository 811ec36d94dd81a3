/**
 * axe in real Chromium on every screen (WCAG 2.1 A and AA, and 2.2's AA rules such as
 * target size): zero violations, on the tablet and on a phone. The adult's screens (first
 * start, lock screen, list, settings, setup) and the conversation's are two tests each.
 * On the tablet also: a whole conversation in Arabic (right to left) in text mode and in
 * picture mode, with its handover, review and plan screens (the pupil's steps in Arabic),
 * its drags announced in Arabic; and the review and plan screens of a bokmål conversation
 * in picture mode.
 */

import { type Page, expect, test } from '@playwright/test';
import {
  card,
  click,
  createConversation,
  dragAnnouncements,
  expectStep,
  finishConversationWith,
  finishExplore,
  nextButton,
  onlyOnProject,
  passAdultGate,
  setPassphrase,
  tabTo,
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

// ---- Arabic, right to left, in text and picture mode -------------------------------------

const AR = {
  next: 'التالي',
  start: 'هيّا نبدأ',
  pause: 'استراحة',
  resume: 'متابعة المحادثة',
  recapNo: 'لا، أريد أن أغيّر شيئًا',
  recapYes: 'نعم، هذا صحيح',
  pickCards: 'اختيار بطاقات أخرى (للكبار)',
  pickDone: 'تم',
  myPlan: 'خطواتي',
};

const arabicNext = (page: Page) => page.locator('.step__nav').getByRole('button', { name: AR.next, exact: true });

async function expectArabicStep(page: Page, step: string) {
  await expect(page.locator(`.conversation[data-step="${step}"]`)).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** The plan screens of a finished conversation, from its review: editor, measures bank, pupil's steps, agreement. */
async function planScreensPassAxe(page: Page, alias: string, where: string, myPlanHeading: string) {
  await page.getByRole('button', { name: 'Lag opptrappingsplan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Opptrappingsplan: ${alias}` })).toBeVisible();
  await page.getByRole('textbox', { name: 'Langsiktig mål' }).fill('Hele skoledager');
  await expectNoViolations(page, `${where}: plan editor`);
  const first = page.getByRole('region', { name: /^Trinn 1 / });
  await first.getByRole('button', { name: 'Legg til tiltak' }).click();
  await expect(first.getByRole('group', { name: 'Tiltaksbanken' })).toBeVisible();
  await expectNoViolations(page, `${where}: plan editor with the measures bank open`);
  await page.getByRole('button', { name: 'Vis for eleven' }).click();
  await expect(page.getByRole('article', { name: myPlanHeading })).toBeVisible();
  await expectNoViolations(page, `${where}: the pupil's steps`);
  await page.getByRole('button', { name: 'Tilbake til planen' }).click();
  await page.getByRole('button', { name: 'Skriv ut samarbeidsavtale' }).click();
  await expect(page.getByRole('article', { name: 'Samarbeidsavtale' })).toBeVisible();
  await expectNoViolations(page, `${where}: cooperation agreement`);
}

for (const mode of [
  { name: 'text mode', grade: '7', withoutDecks: ['Lærere', 'Situasjoner'] as const, teacher1: undefined },
  { name: 'picture mode', grade: '2', withoutDecks: ['Situasjoner'] as const, teacher1: 'Kari' },
]) {
  test(`every screen of an Arabic conversation in ${mode.name}, its review and plan pass axe`, async ({ page }) => {
    test.slow();
    await page.setViewportSize({ width: 1024, height: 768 });
    const where = `Arabic, ${mode.name}`;
    await createConversation(page, {
      alias: 'Amal',
      grade: mode.grade,
      withoutDecks: [...mode.withoutDecks],
      language: 'العربية',
      ...(mode.teacher1 ? { teacher1: mode.teacher1 } : {}),
    });
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator(`.conversation--${mode.name === 'text mode' ? 'text' : 'pictures'}`)).toHaveCount(1);
    await expectNoViolations(page, `${where}: welcome`);
    await page.getByRole('button', { name: AR.start }).click();
    await expectArabicStep(page, 'causes');
    await page.locator('[data-cause="redd"]').click();
    await expectNoViolations(page, `${where}: causes`);
    await arabicNext(page).click();

    await expectArabicStep(page, 'sort');
    // Drags are announced in the pupil's language: the lift with where the card is, the
    // zone it comes over, Escape's cancel, and a drop.
    const live = dragAnnouncements(page);
    const listening = () => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    await tabTo(page, card(page, 'matte'));
    await page.keyboard.press('Space');
    await expect(live).toHaveText('رفعت البطاقة الرياضيات. البطاقة الرياضيات فوق كومة البطاقات.');
    await listening();
    await page.keyboard.press('ArrowLeft');
    await expect(live).toHaveText(/^البطاقة الرياضيات فوق (ينطبق عليّ|لا ينطبق عليّ)\.$/);
    await page.keyboard.press('Escape');
    await expect(live).toHaveText('أُلغي نقل البطاقة الرياضيات.');
    await page.keyboard.press('Space');
    await expect(live).toHaveText(/^رفعت البطاقة الرياضيات\./);
    await listening();
    await page.keyboard.press('ArrowLeft');
    await expect(live).toHaveText(/^البطاقة الرياضيات فوق/);
    await page.keyboard.press('Space');
    await expect(live).toHaveText(/^وُضعت البطاقة الرياضيات في (ينطبق عليّ|لا ينطبق عليّ)\.$/);
    await tapMove(page, click, card(page, 'matte'), 'applies');
    await tapMove(page, click, card(page, 'norsk'), 'applies');
    await card(page, 'musikk').click();
    await expect(card(page, 'musikk')).toHaveAttribute('aria-pressed', 'true');
    await expectNoViolations(page, `${where}: sort, a card selected`);
    await page.locator('[data-zone-id="not"] .zone__target').click();
    await page.getByRole('button', { name: 'Samtaletips' }).click();
    await expectNoViolations(page, `${where}: sort with the adult's guide open`);
    await page.getByRole('button', { name: 'Samtaletips' }).click();
    await arabicNext(page).click();

    await expectArabicStep(page, 'scale');
    await tapMove(page, click, card(page, 'matte'), '2');
    await expectNoViolations(page, `${where}: scale`);
    await tapMove(page, click, card(page, 'norsk'), '8');
    await arabicNext(page).click();

    await expectArabicStep(page, 'explore');
    await expectNoViolations(page, `${where}: explore, own words`);
    await page.getByRole('button', { name: AR.pickCards }).click();
    await expectNoViolations(page, `${where}: explore with the card picker`);
    await page.getByRole('button', { name: AR.pickDone, exact: true }).click();
    await arabicNext(page).click();
    await expectNoViolations(page, `${where}: explore, a prompt with choices`);
    const progress = page.locator('.explore__progress');
    while ((await progress.count()) > 0) {
      const before = (await progress.allTextContents()).join();
      await arabicNext(page).click();
      await expect.poll(async () => (await progress.allTextContents()).join()).not.toBe(before);
    }
    await expectArabicStep(page, 'wishes');
    await expectNoViolations(page, `${where}: wishes`);
    await arabicNext(page).click();

    await expectArabicStep(page, 'recap');
    await expectNoViolations(page, `${where}: recap`);
    await page.getByRole('button', { name: AR.recapNo }).click();
    await expectNoViolations(page, `${where}: recap, changing something`);
    await page.getByRole('button', { name: AR.recapYes }).click();
    await expectArabicStep(page, 'handover');
    await expectNoViolations(page, `${where}: handover`);
    await page.getByRole('button', { name: AR.pause, exact: true }).click();
    await expectNoViolations(page, `${where}: pause`);
    await page.getByRole('button', { name: AR.resume }).click();

    await page.getByRole('button', { name: 'Avslutt samtalen' }).click();
    await passAdultGate(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Resultat: Amal' })).toBeVisible();
    await expectNoViolations(page, `${where}: review`);
    await planScreensPassAxe(page, 'Amal', where, AR.myPlan);
  });
}

test('the review and the plan screens of a bokmål conversation in picture mode pass axe', async ({ page }) => {
  test.slow();
  await page.setViewportSize({ width: 1024, height: 768 });
  await createConversation(page, { alias: 'Lea', grade: '2', withoutDecks: ['Lærere', 'Situasjoner'] });
  await expect(page.locator('.conversation--pictures')).toHaveCount(1);
  await finishConversationWith(page, { matte: 2, norsk: 4, musikk: 9 }, ['Redd']);
  await expect(page.locator('.review img').first()).toBeVisible();
  await expectNoViolations(page, 'bokmål, picture mode: review');
  await planScreensPassAxe(page, 'Lea', 'bokmål, picture mode', 'Mine trinn');
});
