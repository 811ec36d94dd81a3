/**
 * The card catalog of the paper toolkit (seed 003): decks of situation cards and the
 * cause boxes. Cards carry ids only; labels live in the locales (`card.<id>`,
 * `cause.<id>`) so that the domain stays free of language.
 */

export const DECK_IDS = ['fag', 'laerere', 'annet', 'egne'] as const;
export type DeckId = (typeof DECK_IDS)[number];

/** Decks the adult can switch on or off in setup; custom cards are always used. */
export const SELECTABLE_DECK_IDS = ['fag', 'laerere', 'annet'] as const satisfies readonly DeckId[];
export type SelectableDeckId = (typeof SELECTABLE_DECK_IDS)[number];

export const SUBJECT_CARD_IDS = [
  'matte',
  'engelsk',
  'norsk',
  'samfunnsfag',
  'krle',
  'naturfag',
  'kunst-og-handverk',
  'mat-og-helse',
  'musikk',
  'valgfag',
  'fremmedsprak',
  'gym-gymsal',
  'gym-ute',
  'gym-garderobe',
  'gym-dusje',
] as const;

export const TEACHER_CARD_IDS = ['laerer-1', 'laerer-2', 'laerer-3'] as const;
export type TeacherCardId = (typeof TEACHER_CARD_IDS)[number];

export const SITUATION_CARD_IDS = [
  'inn-i-skolegarden',
  'inn-nar-det-ringer',
  'buss-til-skolen',
  'ga-til-skolen',
  'kjort-til-skolen',
  'ga-hjem',
  'toalett',
  'klasserommet',
  'liten-gruppe',
  'jobbe-individuelt',
  'prover-i-klassen',
  'prover-pa-gruppe',
  'prover-individuelt',
  'lese-hoyt-i-klassen',
  'lese-hoyt-for-laerer',
  'be-om-hjelp',
  'friminutt',
  'svare-muntlig-i-klassen',
  'svare-alene-med-laerer',
  'samarbeide',
  'presentere-for-klassen',
  'spise-i-klassen',
  'snakke-med-medelever',
  'snakke-med-voksne',
  'presentere-for-laerer',
  'presentere-i-gruppe',
  'forlate-mor-far',
] as const;

export type BuiltInCardId = (typeof SUBJECT_CARD_IDS)[number] | TeacherCardId | (typeof SITUATION_CARD_IDS)[number];

/** Custom card ids are prefixed so they can never collide with built-in ids. */
export type CustomCardId = `egen-${string}`;
export type CardId = BuiltInCardId | CustomCardId;

export interface BuiltInCard {
  readonly kind: 'built-in';
  readonly id: BuiltInCardId;
  readonly deck: Exclude<DeckId, 'egne'>;
}

/**
 * A custom card's picture: a glyph from the bundled set (by name) or a photo taken or
 * chosen on the tablet, downscaled there and kept as a small JPEG data URL inside the
 * (encrypted) conversation.
 */
export type CustomCardPicture =
  { readonly kind: 'glyph'; readonly glyph: string } | { readonly kind: 'photo'; readonly dataUrl: string };

/** A glyph name of the picture set: lowercase words joined by hyphens. */
export const GLYPH_NAME_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Photos are downscaled to this many pixels on the longer side before they are kept. */
export const PHOTO_MAX_SIDE = 320;
/** An upper bound on a kept photo's data URL (a 320 px JPEG is usually 15–30 KB). */
export const PHOTO_MAX_LENGTH = 120_000;
export const PHOTO_DATA_URL_PATTERN = /^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

export interface CustomCard {
  readonly kind: 'custom';
  readonly id: CustomCardId;
  readonly deck: 'egne';
  /** The adult's own words, kept exactly as typed. */
  readonly text: string;
  readonly picture: CustomCardPicture | null;
}

export type Card = BuiltInCard | CustomCard;

export const BUILT_IN_CARDS: readonly BuiltInCard[] = [
  ...SUBJECT_CARD_IDS.map((id) => ({ kind: 'built-in' as const, id, deck: 'fag' as const })),
  ...TEACHER_CARD_IDS.map((id) => ({ kind: 'built-in' as const, id, deck: 'laerere' as const })),
  ...SITUATION_CARD_IDS.map((id) => ({ kind: 'built-in' as const, id, deck: 'annet' as const })),
];

const BUILT_IN_IDS: ReadonlySet<string> = new Set(BUILT_IN_CARDS.map((c) => c.id));

export function isBuiltInCardId(id: string): id is BuiltInCardId {
  return BUILT_IN_IDS.has(id);
}

export function isCustomCardId(id: string): id is CustomCardId {
  return /^egen-[A-Za-z0-9-]{1,64}$/.test(id);
}

export function isTeacherCardId(id: string): id is TeacherCardId {
  return (TEACHER_CARD_IDS as readonly string[]).includes(id);
}

export const CAUSE_IDS = [
  'skole-vanskelig',
  'fysisk-syk',
  'engstelig',
  'redd',
  'trist',
  'faglig',
  'stress',
  'venner',
  'hjemme',
  'sovn',
  'noe-annet',
] as const;
export type CauseId = (typeof CAUSE_IDS)[number];

/** How big a cause box is, like shading the paper card: a little, some, a lot. */
export const CAUSE_SIZES = [1, 2, 3] as const;
export type CauseSize = (typeof CAUSE_SIZES)[number];

export const CUSTOM_CARD_MAX_LENGTH = 60;
export const MAX_CUSTOM_CARDS = 20;
