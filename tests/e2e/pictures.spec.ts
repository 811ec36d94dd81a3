/**
 * A pupil of seven who does not read yet: picture mode with everything read aloud, on the
 * touch tablet with fingers only. Every picture comes from the app's own origin; every
 * step, tapped card and tapped choice is read aloud in bokmål (speech stubbed in the page).
 */

import { expect, test } from '@playwright/test';
import {
  card,
  createConversation,
  expectCardIn,
  expectImagesLoaded,
  expectStep,
  gradedRows,
  nextButton,
  onlyOnProject,
  openStart,
  passAdultGate,
  spokenSoFar,
  storedConversation,
  stubSpeech,
  tap,
  tapMove,
  touchDrag,
  walkTo,
  zone,
} from './support/kortprat';

onlyOnProject('tablet-touch');

const lastSpoken = async (page: Parameters<typeof spokenSoFar>[0]) => (await spokenSoFar(page)).at(-1)?.text ?? '';

test('a young pupil goes through the whole conversation in picture mode by touch, with everything read aloud', async ({
  page,
}) => {
  test.slow();
  await stubSpeech(page, 'nb-NO');
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await createConversation(
    page,
    { alias: 'Lea', grade: '2', teacher1: 'Kari', withoutDecks: ['Fag'], readAloud: true },
    tap,
  );
  await expect(page.locator('.conversation--pictures')).toHaveCount(1);
  // Each step is read as it opens, in bokmål.
  await expect.poll(() => lastSpoken(page)).toContain('Hei, Lea!');
  expect((await spokenSoFar(page)).every((spoken) => spoken.lang === 'nb-NO')).toBe(true);

  await tap(page.getByRole('button', { name: 'Jeg er klar' }));
  await expectStep(page, 'causes');
  await expect.poll(() => lastSpoken(page)).toMatch(/^Hva kan gjøre skolen vanskelig/);
  const scared = page.locator('[data-cause="redd"]');
  await expect(scared.locator('.picture img')).toHaveAttribute('src', '/pictures/fearful-face.svg');
  await tap(scared);
  await expect(scared).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => lastSpoken(page)).toBe('Redd');
  expect(await expectImagesLoaded(page)).toBeGreaterThan(11);
  await tap(nextButton(page));

  // Sort: large pictures with short labels; a tapped card is read aloud, and so is a
  // card's own speaker button.
  await expectStep(page, 'sort');
  const leaving = card(page, 'forlate-mor-far');
  await expect(leaving.locator('.picture img')).toHaveCount(2);
  expect((await leaving.locator('.picture').boundingBox())!.height).toBeGreaterThanOrEqual(48);
  await expect(card(page, 'laerer-1').locator('.picture__initial')).toHaveText('K');
  await tapMove(page, tap, leaving, 'applies');
  await expectCardIn(page, 'forlate-mor-far', 'applies');
  expect((await spokenSoFar(page)).map((spoken) => spoken.text)).toContain('Forlate mor/far om morgenen');
  await touchDrag(page, card(page, 'laerer-1'), 'applies');
  await expectCardIn(page, 'laerer-1', 'applies');
  await touchDrag(page, card(page, 'friminutt'), 'applies');
  await expectCardIn(page, 'friminutt', 'applies');
  await touchDrag(page, card(page, 'toalett'), 'not');
  await expectCardIn(page, 'toalett', 'not');
  await tap(page.getByRole('button', { name: 'Les opp: Friminutt' }));
  await expect.poll(() => lastSpoken(page)).toBe('Friminutt');
  await expectImagesLoaded(page);
  await tap(nextButton(page));

  // Scale: faces at both ends; on the narrow numbers a card shows its picture only.
  await expectStep(page, 'scale');
  await expect(page.locator('.scale__anchor--low .picture img')).toHaveAttribute(
    'src',
    '/pictures/disappointed-face.svg',
  );
  await expect(page.locator('.scale__anchor--high .picture img')).toHaveAttribute(
    'src',
    '/pictures/smiling-face-with-heart-eyes.svg',
  );
  await touchDrag(page, card(page, 'forlate-mor-far'), '1');
  await expectCardIn(page, 'forlate-mor-far', '1');
  await tapMove(page, tap, card(page, 'laerer-1'), '3');
  await expectCardIn(page, 'laerer-1', '3');
  await touchDrag(page, card(page, 'friminutt'), '9');
  await expectCardIn(page, 'friminutt', '9');
  const placed = zone(page, '1').locator('[data-card-id="forlate-mor-far"]');
  await expect(placed).toHaveAccessibleName('Forlate mor/far om morgenen');
  await expect(placed.locator('.card__label')).not.toBeInViewport();
  await expect(placed.locator('.picture')).toBeVisible();
  await tap(nextButton(page));

  // Explore: pictures on the offered choices; a pupil who does not write taps them, or
  // "Vet ikke".
  await expectStep(page, 'explore');
  await expect(page.locator('.card--focus .picture img').first()).toHaveAttribute(
    'src',
    '/pictures/people-hugging.svg',
  );
  let feelingsSeen = false;
  for (let i = 0; i < 20 && (await page.locator('.conversation[data-step="explore"]').count()) > 0; i++) {
    const chips = page.locator('.answer__choices .chip');
    if ((await chips.count()) > 0) {
      const first = chips.first();
      await expect(first.locator('.picture__glyph')).toBeVisible();
      if ((await first.textContent())?.includes('Trist')) {
        feelingsSeen = true;
        await tap(first);
        await expect.poll(() => lastSpoken(page)).toBe('Trist');
      } else await tap(first);
      await expect(first).toHaveAttribute('aria-pressed', 'true');
    } else {
      await tap(page.getByRole('button', { name: 'Vet ikke' }));
    }
    await tap(nextButton(page));
  }
  expect(feelingsSeen).toBe(true);

  await expectStep(page, 'wishes');
  await expect(page.locator('.answer__prompt .picture')).toHaveCount(4);
  await tap(page.getByRole('button', { name: 'Vet ikke' }).first());
  await tap(nextButton(page));

  await expectStep(page, 'recap');
  await expect(page.locator('.recap__section--hard li').first().locator('.picture img').first()).toHaveAttribute(
    'src',
    '/pictures/people-hugging.svg',
  );
  await tap(page.getByRole('button', { name: 'Ja, det stemmer' }));

  await expectStep(page, 'handover');
  expect(await gradedRows(page)).toEqual([
    ['1', 'Forlate mor/far om morgenen', '1'],
    ['2', 'Kari (lærer)', '3'],
    ['3', 'Friminutt', '9'],
  ]);
  await tap(page.getByRole('button', { name: 'Avslutt samtalen' }));
  await passAdultGate(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Resultat: Lea' })).toBeVisible();

  // Every picture came from the app itself.
  const origin = new URL(page.url()).origin;
  const pictures = requests.filter((url) => url.includes('/pictures/'));
  expect(pictures.length).toBeGreaterThan(10);
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
});

test('the adult gives custom cards a picture and a photo by touch; the photo is made small on the tablet', async ({
  page,
}) => {
  await openStart(page);
  await tap(page.getByRole('button', { name: 'Ny samtale' }));
  await page.getByLabel('Kallenavn').fill('Mo');
  await page.getByLabel('Trinn (1–10)').fill('1');
  for (const text of ['Ta heisen', 'Besøke bestemor']) {
    await page.getByLabel('Tekst på nytt kort').fill(text);
    await tap(page.getByRole('button', { name: 'Legg til kort' }));
  }

  // A picture from the set for the first card.
  await tap(page.getByRole('button', { name: 'Velg bilde til «Ta heisen»' }));
  const first = page.getByRole('button', { name: 'Bilde 1', exact: true });
  await tap(first);
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await tap(page.getByRole('button', { name: 'Ferdig' }));

  // A photo for the second: a large picture from the "camera", made small right here.
  await tap(page.getByRole('button', { name: 'Velg bilde til «Besøke bestemor»' }));
  const photo = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 1600;
    canvas.height = 1200;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#2a7';
    context.fillRect(0, 0, 1600, 1200);
    context.fillStyle = '#fd0';
    context.fillRect(400, 300, 800, 600);
    return canvas.toDataURL('image/png');
  });
  await page.getByLabel('Ta bilde eller velg fil').setInputFiles({
    name: 'IMG_0001.png',
    mimeType: 'image/png',
    buffer: Buffer.from(photo.split(',')[1]!, 'base64'),
  });
  await expect(page.locator('.custom-card', { hasText: 'Besøke bestemor' }).locator('.picture__photo')).toBeVisible();
  await tap(page.getByRole('button', { name: 'Ferdig' }));
  await tap(page.getByRole('button', { name: 'Start samtalen' }));
  await expectStep(page, 'welcome');
  const id = new URL(page.url()).hash.replace('#/samtale/', '');
  await walkTo(page, 'sort', tap);

  // The pupil sees both, in picture mode (grade 1).
  const lift = card(page, { text: 'Ta heisen' });
  await expect(lift.locator('.picture__glyph')).toHaveAttribute('src', '/pictures/soccer-ball.svg');
  const visit = card(page, { text: 'Besøke bestemor' }).locator('.picture__photo');
  await expect(visit).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
  const size = await visit.evaluate((image: HTMLImageElement) => [image.naturalWidth, image.naturalHeight]);
  expect(size).toEqual([320, 240]);
  await expectImagesLoaded(page);

  // Stored inside the encrypted conversation, small.
  const stored = JSON.parse(await storedConversation(page, id)) as {
    settings: { customCards: { text: string; picture: { kind: string; dataUrl?: string } | null }[] };
  };
  const [liftCard, visitCard] = stored.settings.customCards;
  expect(liftCard!.picture).toEqual({ kind: 'glyph', glyph: 'soccer-ball' });
  expect(visitCard!.picture!.kind).toBe('photo');
  expect(visitCard!.picture!.dataUrl!.length).toBeLessThan(60_000);
});
