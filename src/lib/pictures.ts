/**
 * Pictures for pupils who do not read yet, from the Fluent Emoji Flat set (MIT, by
 * Microsoft; installed from npm, never fetched from the net). `pictures.json` says which
 * glyph pictures each built-in id; `npm run pictures` copies exactly those glyphs into the
 * app's static files, so the app serves them from its own origin and works offline.
 *
 * A picture is one glyph, or a glyph with a smaller badge that says where or with whom
 * ("reading aloud" + the class, "tests" + alone) when one glyph cannot say it.
 */

import type { CustomCardPicture } from '../domain/catalog';
import map from './pictures.json';

export type PictureGroup = 'cards' | 'causes' | 'thoughts' | 'feelings' | 'body' | 'behaviour' | 'wishes' | 'scale';

export interface PictureSpec {
  /** Glyph names: the picture, then an optional badge. */
  readonly glyphs: readonly string[];
  /** A letter or two shown on the picture (the initial of a teacher's name). */
  readonly initial?: string;
  /** A photo's data URL, used instead of the glyphs. */
  readonly photo?: string;
}

const groups: Readonly<Record<PictureGroup, Readonly<Record<string, readonly string[] | undefined>>>> = map;

/** The picture of a built-in id, or null when the group has none for it. */
export function pictureOf(group: PictureGroup, id: string): PictureSpec | null {
  const glyphs = groups[group][id];
  return glyphs ? { glyphs } : null;
}

/**
 * The glyphs an adult can give a custom card: the everyday extras listed for the purpose,
 * then every glyph the built-in cards use, each once.
 */
export const PICTURE_LIBRARY: readonly string[] = [
  ...new Set([...map.library, ...Object.values(map.cards).flat(), ...Object.values(map.causes).flat()]),
];

const ALL_GLYPHS: ReadonlySet<string> = new Set(
  Object.entries(map).flatMap(([group, entries]) =>
    group === 'library' ? map.library : group.startsWith('$') ? [] : Object.values(entries as object).flat(),
  ),
);

/** The speaker on every read-aloud button. */
export const SPEAKER_GLYPH: string = map.ui.speaker[0]!;

export function isBundledGlyph(name: string): boolean {
  return ALL_GLYPHS.has(name);
}

/** The glyph's file, served from the app's own origin. */
export function glyphUrl(name: string): string {
  return `${import.meta.env.BASE_URL}pictures/${name}.svg`;
}

/** How a custom card's picture is drawn; null for none, or for a glyph this build does not have. */
export function customPictureSpec(picture: CustomCardPicture | null): PictureSpec | null {
  if (!picture) return null;
  if (picture.kind === 'photo') return { glyphs: [], photo: picture.dataUrl };
  return isBundledGlyph(picture.glyph) ? { glyphs: [picture.glyph] } : null;
}
