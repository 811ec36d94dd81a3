import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PICTURE_DIR } from '../../scripts/pictures.mjs';
import { BUILT_IN_CARDS, type BuiltInCardId, CAUSE_IDS } from '../domain/catalog';
import { PART_CHOICES } from '../domain/prompts';
import { LANGUAGES, i18n } from '../lib/i18n';
import { renderConversation, spokenText } from '../testing/render';

/**
 * A button's accessible name as a screen reader computes it here: no aria-label, so its
 * text without the parts hidden from assistive technology (the pictures).
 */
function accessibleName(button: Element): string {
  expect(button.hasAttribute('aria-label') || button.hasAttribute('aria-labelledby')).toBe(false);
  return spokenText(button);
}

/** The glyph files a picture shows, checked to exist among the bundled files. */
function glyphsOf(element: Element): string[] {
  const images = [...element.querySelectorAll<HTMLImageElement>('.picture img')];
  return images.map((image) => {
    const match = /^\/pictures\/([a-z0-9-]+)\.svg$/.exec(image.getAttribute('src') ?? '');
    expect(match, image.getAttribute('src') ?? '').not.toBeNull();
    expect(existsSync(join(PICTURE_DIR, `${match![1]}.svg`)), match![1]).toBe(true);
    expect(image).toHaveAttribute('alt', '');
    return match![1]!;
  });
}

describe('picture mode', () => {
  it.each(LANGUAGES)(
    'gives every built-in card and cause box a picture and an accessible name in %s',
    async (language) => {
      await renderConversation({
        step: 'sort',
        settings: { language, displayMode: 'pictures', teacherNames: ['Kari', '', ''] },
      });
      const t = i18n.getFixedT(language);
      const cards = [...document.querySelectorAll<HTMLElement>('button[data-card-id]')];
      expect(cards.map((card) => card.dataset.cardId).sort()).toEqual(BUILT_IN_CARDS.map((card) => card.id).sort());
      for (const card of cards) {
        const id = card.dataset.cardId as BuiltInCardId;
        const label = id === 'laerer-1' ? t('card.teacherNamed', { name: 'Kari' }) : t(`card.${id}`);
        expect(label, id).not.toMatch(/^card\./);
        expect(accessibleName(card).startsWith(label), `${language} ${id}`).toBe(true);
        expect(glyphsOf(card).length, `${language} ${id}`).toBeGreaterThanOrEqual(1);
        // The picture is decoration: the name is the card's words, never a file name.
        expect(card.querySelector('.picture')).toHaveAttribute('aria-hidden', 'true');
      }
      // Teacher cards are a teacher with the typed name's initial, or the card's number.
      expect(document.querySelector('[data-card-id="laerer-1"] .picture__initial')).toHaveTextContent(/^K$/);
      expect(document.querySelector('[data-card-id="laerer-2"] .picture__initial')).toHaveTextContent(/^2$/);
      cleanup();

      await renderConversation({ step: 'causes', settings: { language, displayMode: 'pictures' } });
      for (const cause of CAUSE_IDS) {
        const box = document.querySelector(`[data-cause="${cause}"]`)!;
        expect(accessibleName(box)).toBe(t(`cause.${cause}`));
        expect(glyphsOf(box).length, cause).toBeGreaterThanOrEqual(1);
      }
    },
  );

  it.each(['thoughts', 'feelings', 'body', 'behaviour'] as const)(
    'shows a picture on every offered choice for %s',
    async (part) => {
      const parts = ['situation', 'thoughts', 'feelings', 'body', 'behaviour'];
      await renderConversation({
        step: 'explore',
        ratings: { matte: 9 },
        settings: { displayMode: 'pictures', scaleKind: 'vanskelig' },
        exploreSelection: { hard: ['matte'], good: [] },
        exploreCursor: { card: 0, part: parts.indexOf(part) },
      });
      const answer = screen.getByRole('group', { name: new RegExp(i18n.t(`explore.prompt.${part}`)) });
      const chips = within(answer)
        .getAllByRole('button')
        .filter((button) => button.hasAttribute('aria-pressed') && !button.classList.contains('chip--unknown'));
      expect(chips).toHaveLength(PART_CHOICES[part].length);
      for (const chip of chips)
        expect(glyphsOf(chip)).toHaveLength(1 + Number(chip.querySelectorAll('.picture__badge').length > 0));
      // The card being explored shows its picture, large.
      expect(glyphsOf(document.querySelector('.card--focus')!)).toEqual(['abacus']);
    },
  );

  it('shows the scale ends with faces as well as words, and a picture by every wish', async () => {
    await renderConversation({
      step: 'scale',
      piles: { matte: 'applies' },
      settings: { displayMode: 'pictures', scaleKind: 'vanskelig' },
    });
    expect(glyphsOf(document.querySelector('.scale__anchor--high')!)).toEqual(['face-screaming-in-fear']);
    expect(glyphsOf(document.querySelector('.scale__anchor--low')!)).toEqual(['relieved-face']);
    expect(document.querySelector('.scale__anchor--high')).toHaveTextContent('10 = Kjemperedd / veldig vanskelig');
    cleanup();

    await renderConversation({ step: 'wishes', settings: { displayMode: 'pictures' } });
    const prompts = [...document.querySelectorAll('.answer__prompt')];
    expect(prompts).toHaveLength(4);
    for (const prompt of prompts) expect(glyphsOf(prompt).length).toBeGreaterThanOrEqual(1);
  });

  it('shows words only in text mode, but keeps the faces on the feelings', async () => {
    await renderConversation({ step: 'sort', settings: { displayMode: 'text' } });
    expect(document.querySelectorAll('button[data-card-id] .picture')).toHaveLength(0);
    expect(screen.queryAllByRole('button', { name: /^Les opp:/ })).toHaveLength(0);
    cleanup();

    await renderConversation({
      step: 'explore',
      ratings: { matte: 9 },
      settings: { displayMode: 'text', scaleKind: 'vanskelig' },
      exploreSelection: { hard: ['matte'], good: [] },
      exploreCursor: { card: 0, part: 2 },
    });
    expect(document.querySelectorAll('.chip .picture')).toHaveLength(8);
    expect(document.querySelector('.card--focus .picture')).toBeNull();
  });
});
