/**
 * The one restore funnel. Everything loaded — from IndexedDB today, from an imported
 * backup later — passes through here: migrate from the record's schema version to the
 * current one, validate the shape, drop what no longer fits, fill defaults. Nothing
 * else in the app trusts stored data.
 *
 * Migrations are append-only: to change the shape, bump CONVERSATION_SCHEMA_VERSION,
 * add a step to MIGRATIONS that turns version N-1 into N, and keep a fixture of N-1.
 */

import * as z from 'zod/mini';
import {
  CAUSE_IDS,
  CAUSE_SIZES,
  CUSTOM_CARD_MAX_LENGTH,
  GLYPH_NAME_PATTERN,
  PHOTO_DATA_URL_PATTERN,
  PHOTO_MAX_LENGTH,
  MAX_CUSTOM_CARDS,
  SELECTABLE_DECK_IDS,
  type CardId,
  type CustomCardId,
  isBuiltInCardId,
  isCustomCardId,
} from './catalog';
import {
  ADULT_NOTE_MAX_LENGTH,
  CONVERSATION_SCHEMA_VERSION,
  type Conversation,
  type ExploreSelection,
  DISPLAY_MODES,
  EMPTY_ADULT_RECORD,
  GRADE_MAX,
  GRADE_MIN,
  PILES,
  type Rating,
  SCALE_KINDS,
  STEPS,
  TEACHER_NAME_MAX_LENGTH,
  conversationCards,
} from './conversation';
import { ANSWER_TEXT_MAX_LENGTH, type ExplorePart, GOOD_CARD_PARTS, HARD_CARD_PARTS, WISH_IDS } from './prompts';
import { DEFAULT_SETTINGS, type DeviceSettings, INACTIVITY_MINUTES, REMINDER_DAYS } from './device-settings';
import { type Pupil, checkAlias } from './pupil';
import { isIsoDate } from './dates';
import {
  CUSTOM_MEASURE_MAX_LENGTH,
  type CustomMeasure,
  type CustomMeasureId,
  MEASURE_CATEGORIES,
  isCustomMeasureId,
  isMeasureId,
} from './measures';
import {
  MAX_CUSTOM_MEASURES,
  MAX_STEPS,
  MAX_STEP_MEASURES,
  PLAN_SCHEMA_VERSION,
  PLAN_TEXT_MAX_LENGTH,
  type Plan,
  ROLES,
  type Role,
  STEP_STATUSES,
} from './plan';

const id = z.string().check(z.minLength(1), z.maxLength(100));
const time = z.number().check(z.int(), z.nonnegative());

const answerSchema = z.object({
  choices: z._default(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50)), []),
  text: z._default(z.string().check(z.maxLength(ANSWER_TEXT_MAX_LENGTH)), ''),
  unknown: z._default(z.boolean(), false),
  typedByAdult: z._default(z.boolean(), false),
});

const EXPLORE_PARTS = [...HARD_CARD_PARTS, ...GOOD_CARD_PARTS] as const satisfies readonly ExplorePart[];

const customCardSchema = z.object({
  kind: z.literal('custom'),
  id: z.string().check(z.refine(isCustomCardId)),
  deck: z.literal('egne'),
  text: z.string().check(
    z.maxLength(CUSTOM_CARD_MAX_LENGTH),
    z.refine((text) => text.trim() !== ''),
  ),
  // A picture that does not pass is dropped, never the card with the pupil's ratings.
  picture: z.catch(
    z._default(
      z.nullable(
        z.union([
          z.object({ kind: z.literal('glyph'), glyph: z.string().check(z.maxLength(64), z.regex(GLYPH_NAME_PATTERN)) }),
          z.object({
            kind: z.literal('photo'),
            dataUrl: z.string().check(z.maxLength(PHOTO_MAX_LENGTH), z.regex(PHOTO_DATA_URL_PATTERN)),
          }),
        ]),
      ),
      null,
    ),
    null,
  ),
});

const uniqueIds = (cards: readonly { id: string }[]) => new Set(cards.map((card) => card.id)).size === cards.length;

const conversationSchemaV1 = z.object({
  schemaVersion: z.literal(1),
  id,
  pupilId: id,
  createdAt: time,
  updatedAt: time,
  finishedAt: z._default(z.nullable(time), null),
  settings: z.object({
    grade: z.number().check(z.int(), z.minimum(GRADE_MIN), z.maximum(GRADE_MAX)),
    displayMode: z.enum(DISPLAY_MODES),
    readAloud: z._default(z.boolean(), false),
    language: z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/)),
    scaleKind: z.enum(SCALE_KINDS),
    teacherNames: z.tuple([
      z.string().check(z.maxLength(TEACHER_NAME_MAX_LENGTH)),
      z.string().check(z.maxLength(TEACHER_NAME_MAX_LENGTH)),
      z.string().check(z.maxLength(TEACHER_NAME_MAX_LENGTH)),
    ]),
    customCards: z.array(customCardSchema).check(z.maxLength(MAX_CUSTOM_CARDS), z.refine(uniqueIds)),
    decks: z.array(z.enum(SELECTABLE_DECK_IDS)),
  }),
  step: z.enum(STEPS),
  causes: z._default(z.partialRecord(z.enum(CAUSE_IDS), z.union(CAUSE_SIZES.map((n) => z.literal(n)))), {}),
  causeOtherText: z._default(z.string().check(z.maxLength(ANSWER_TEXT_MAX_LENGTH)), ''),
  piles: z._default(z.record(z.string(), z.enum(PILES)), {}),
  ratings: z._default(z.record(z.string(), z.number().check(z.int(), z.minimum(1), z.maximum(10))), {}),
  exploreSelection: z._default(z.nullable(z.object({ hard: z.array(z.string()), good: z.array(z.string()) })), null),
  exploreCursor: z._default(
    z.object({ card: z.number().check(z.int(), z.nonnegative()), part: z.number().check(z.int(), z.nonnegative()) }),
    { card: 0, part: 0 },
  ),
  answers: z._default(z.record(z.string(), z.partialRecord(z.enum(EXPLORE_PARTS), answerSchema)), {}),
  wishes: z._default(z.partialRecord(z.enum(WISH_IDS), answerSchema), {}),
  recap: z._default(z.object({ confirmed: z.boolean(), changedAfterRecap: z.boolean() }), {
    confirmed: false,
    changedAfterRecap: false,
  }),
  adult: z._default(
    z.object({
      notes: z._default(z.string().check(z.maxLength(ADULT_NOTE_MAX_LENGTH)), ''),
      concern: z._default(
        z.object({
          flagged: z.boolean(),
          note: z._default(z.string().check(z.maxLength(ADULT_NOTE_MAX_LENGTH)), ''),
          at: z._default(z.nullable(time), null),
        }),
        EMPTY_ADULT_RECORD.concern,
      ),
    }),
    EMPTY_ADULT_RECORD,
  ),
});

const pupilSchema = z.object({
  id,
  // The same rules as when the alias was typed: never blank, never an id number.
  alias: z.string().check(z.refine((alias) => checkAlias(alias) === null)),
  createdAt: time,
});

/** A measure the adult wrote: a plan's own, or one on the school's list kept in the settings. */
const customMeasure = z.object({
  kind: z.literal('custom'),
  id: z.string().check(z.refine(isCustomMeasureId)),
  category: z.enum(MEASURE_CATEGORIES),
  text: z.string().check(
    z.maxLength(CUSTOM_MEASURE_MAX_LENGTH),
    z.refine((text) => text.trim() !== ''),
  ),
});
const customMeasures = z.array(customMeasure).check(z.maxLength(MAX_CUSTOM_MEASURES), z.refine(uniqueIds));

/** The schema has checked every id with `isCustomMeasureId`; this says so to the type system. */
function typedCustomMeasures(list: readonly z.infer<typeof customMeasure>[]): CustomMeasure[] {
  return list.map((measure) => ({ ...measure, id: measure.id as CustomMeasureId }));
}

/**
 * The school's own measures as a backup carries them: every one valid and each id once,
 * or none (a backup is restored whole or not at all).
 */
export function restoreSchoolMeasures(raw: unknown): Restored<CustomMeasure[]> {
  const parsed = customMeasures.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: 'invalid', detail: parsed.error.issues[0]?.path.join('.') };
  return { ok: true, value: typedCustomMeasures(parsed.data) };
}

const settingsSchema = z.object({
  inactivityMinutes: z.catch(z.union(INACTIVITY_MINUTES.map((n) => z.literal(n))), DEFAULT_SETTINGS.inactivityMinutes),
  reminderDays: z.catch(z.union(REMINDER_DAYS.map((n) => z.literal(n))), DEFAULT_SETTINGS.reminderDays),
  lastBackupAt: z.catch(z.nullable(time), null),
  pin: z.catch(
    z.nullable(
      z.object({
        salt: z.string().check(z.maxLength(100)),
        hash: z.string().check(z.maxLength(100)),
        iterations: z.number().check(z.int(), z.positive()),
      }),
    ),
    null,
  ),
  // Checked one by one in restoreSettings: a damaged entry costs that measure, not the list.
  schoolMeasures: z.catch(z.array(z.unknown()).check(z.maxLength(MAX_CUSTOM_MEASURES)), []),
});

/** Version N-1 → N, indexed by N. Append only; never edit a published step. */
const MIGRATIONS: Readonly<Record<number, (record: Record<string, unknown>) => Record<string, unknown>>> = {};

export type RestoreProblem = 'not-an-object' | 'unknown-version' | 'newer-version' | 'invalid';

export type Restored<T> = { ok: true; value: T } | { ok: false; problem: RestoreProblem; detail?: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function migrate(record: Record<string, unknown>): Restored<Record<string, unknown>> {
  const version = record.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problem: 'unknown-version' };
  }
  if (version > CONVERSATION_SCHEMA_VERSION) return { ok: false, problem: 'newer-version' };
  let current = record;
  for (let next = version + 1; next <= CONVERSATION_SCHEMA_VERSION; next++) {
    const step = MIGRATIONS[next];
    if (!step) return { ok: false, problem: 'unknown-version' };
    current = { ...step(current), schemaVersion: next };
  }
  return { ok: true, value: current };
}

/** Drops references that no longer fit: sorted or rated cards not in play, ratings of cards that do not apply. */
function tidy(conversation: Conversation): Conversation {
  const inPlay = new Set<string>(conversationCards(conversation.settings).map((card) => card.id));
  const piles = Object.fromEntries(Object.entries(conversation.piles).filter(([cardId]) => inPlay.has(cardId)));
  const ratings = Object.fromEntries(
    Object.entries(conversation.ratings).filter(([cardId]) => piles[cardId] === 'applies'),
  ) as Record<string, Rating>;
  const selection = conversation.exploreSelection;
  // Each card once, hard before good, and only cards still in play.
  const hard = [...new Set(selection?.hard)].filter((cardId) => inPlay.has(cardId));
  const good = [...new Set(selection?.good)].filter((cardId) => inPlay.has(cardId) && !hard.includes(cardId));
  const exploreSelection = selection && { hard, good };
  return { ...conversation, piles, ratings, exploreSelection };
}

export function restoreConversation(raw: unknown): Restored<Conversation> {
  if (!isPlainObject(raw)) return { ok: false, problem: 'not-an-object' };
  const migrated = migrate(raw);
  if (!migrated.ok) return migrated;
  const parsed = conversationSchemaV1.safeParse(migrated.value);
  if (!parsed.success) {
    return { ok: false, problem: 'invalid', detail: parsed.error.issues[0]?.path.join('.') };
  }
  const data = parsed.data;
  const conversation: Conversation = {
    ...data,
    settings: {
      ...data.settings,
      customCards: data.settings.customCards.map((card) => ({ ...card, id: card.id as CustomCardId })),
    },
    ratings: data.ratings as Record<string, Rating>,
    // Checked against the cards in play by tidy() below.
    exploreSelection: data.exploreSelection as ExploreSelection | null,
  };
  return { ok: true, value: tidy(conversation) };
}

export function restorePupil(raw: unknown): Restored<Pupil> {
  if (!isPlainObject(raw)) return { ok: false, problem: 'not-an-object' };
  const parsed = pupilSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: 'invalid', detail: parsed.error.issues[0]?.path.join('.') };
  return { ok: true, value: parsed.data };
}

/**
 * Settings never fail to load: a missing or odd value falls back to its default, so a
 * damaged settings record can cost a preference but never access to the conversations.
 */
export function restoreSettings(raw: unknown): DeviceSettings {
  const parsed = settingsSchema.safeParse(isPlainObject(raw) ? raw : {});
  if (!parsed.success) return DEFAULT_SETTINGS;
  const schoolMeasures = parsed.data.schoolMeasures.flatMap((raw) => {
    const measure = customMeasure.safeParse(raw);
    return measure.success ? [measure.data] : [];
  });
  return {
    ...parsed.data,
    schoolMeasures: typedCustomMeasures(
      schoolMeasures.filter((m, i) => schoolMeasures.findIndex((o) => o.id === m.id) === i),
    ),
  };
}

// ---- plans ---------------------------------------------------------------------------

const isoDate = z.string().check(z.refine(isIsoDate));
const planText = z._default(z.string().check(z.maxLength(PLAN_TEXT_MAX_LENGTH)), '');
const shortText = z._default(z.string().check(z.maxLength(200)), '');

const planSchemaV1 = z.object({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  id,
  pupilId: id,
  conversationId: id,
  createdAt: time,
  updatedAt: time,
  agreedAt: z._default(z.nullable(time), null),
  goal: planText,
  steps: z
    .array(
      z.object({
        id,
        situations: z.array(z.string().check(z.refine((card) => isBuiltInCardId(card) || isCustomCardId(card)))),
        participation: planText,
        support: planText,
        success: planText,
        start: isoDate,
        end: isoDate,
        measures: z._default(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(MAX_STEP_MEASURES)), []),
        // Added after version 1 first shipped; a plan stored before has none (every measure on its default).
        assignments: z._default(
          z.record(z.string().check(z.maxLength(100)), z.object({ role: z.enum(ROLES), due: isoDate })),
          {},
        ),
        status: z._default(z.enum(STEP_STATUSES), 'planned'),
        retryOf: z._default(z.nullable(id), null),
      }),
    )
    .check(z.maxLength(MAX_STEPS), z.refine(uniqueIds)),
  responsibilities: z._default(
    z.object(Object.fromEntries(ROLES.map((role) => [role, planText])) as Record<Role, typeof planText>),
    Object.fromEntries(ROLES.map((role) => [role, ''])) as Record<Role, string>,
  ),
  planB: planText,
  evaluation: z.object({ how: planText, nextMeeting: isoDate, convenes: shortText }),
  period: z.object({ from: isoDate, to: isoDate }),
  dayPlan: z._default(
    z
      .array(z.object({ id, time: shortText, where: shortText, what: planText, who: shortText }))
      .check(z.maxLength(40), z.refine(uniqueIds)),
    [],
  ),
  customMeasures: z._default(customMeasures, []),
});

/**
 * A stored or imported plan. Steps' measures that are neither in the bank nor among the
 * plan's own are dropped (with their assignments, as are assignments of measures not on
 * the step), as are setback links to steps that are gone; everything the adult wrote is
 * kept.
 */
export function restorePlan(raw: unknown): Restored<Plan> {
  if (!isPlainObject(raw)) return { ok: false, problem: 'not-an-object' };
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problem: 'unknown-version' };
  }
  if (version > PLAN_SCHEMA_VERSION) return { ok: false, problem: 'newer-version' };
  const parsed = planSchemaV1.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: 'invalid', detail: parsed.error.issues[0]?.path.join('.') };
  const data = parsed.data;
  const own = new Set(data.customMeasures.map((measure) => measure.id));
  const stepIds = new Set(data.steps.map((step) => step.id));
  return {
    ok: true,
    value: {
      ...data,
      steps: data.steps.map((step) => {
        const measures = [...new Set(step.measures)].filter((measure) => isMeasureId(measure) || own.has(measure));
        return {
          ...step,
          situations: step.situations as CardId[],
          measures,
          // Only for measures the step still has: an assignment of a dropped measure goes with it.
          assignments: Object.fromEntries(
            Object.entries(step.assignments).filter(([measure]) => measures.includes(measure)),
          ),
          retryOf: step.retryOf !== null && stepIds.has(step.retryOf) ? step.retryOf : null,
        };
      }),
      customMeasures: typedCustomMeasures(data.customMeasures),
    },
  };
}
