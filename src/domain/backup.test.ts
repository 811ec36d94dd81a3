import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_NOW, aConversation, aPupil } from '../testing/fixtures';
import {
  AES_GCM_IV_BYTES,
  BACKUP_FORMAT,
  BACKUP_PAYLOAD_FORMAT,
  BACKUP_VERSION,
  type BackupEnvelope,
  type BackupPayload,
  type BackupProblem,
  DEFAULT_KDF_ITERATIONS,
  ENVELOPE_JSON_LIMITS,
  KDF_SALT_BYTES,
  MAX_BACKUP_BYTES,
  MAX_BACKUP_CONVERSATIONS,
  MAX_BACKUP_PUPILS,
  MAX_JSON_DEPTH,
  MAX_KDF_ITERATIONS,
  MAX_STRING_LENGTH,
  MIN_KDF_ITERATIONS,
  PAYLOAD_JSON_LIMITS,
  base64DecodedLength,
  makeBackupEnvelope,
  mergeBackup,
  parseBackupEnvelope,
  restoreBackupPayload,
  safeParseJson,
  serializeBackupPayload,
} from './backup';
import type { Conversation } from './conversation';
import { createCustomMeasure } from './measures';
import { MAX_CUSTOM_MEASURES, draftPlan, setGoal } from './plan';
import type { Pupil } from './pupil';
import { restoreConversation, restorePupil } from './restore';
import { DELETE, type JsonRecord, type Path, allPaths, withPath } from '../testing/json-paths';

const ALL_PROBLEMS: readonly BackupProblem[] = [
  'too-large',
  'not-json',
  'too-deep',
  'hostile',
  'foreign',
  'newer-version',
  'invalid',
];

/** What storage (or a file) hands back: plain JSON, no shared references. */
const asStored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Real base64 from Node, to check the domain's arithmetic against an actual encoder. */
const base64 = (bytes: number, fill = 0xfb): string => Buffer.from(new Uint8Array(bytes).fill(fill)).toString('base64');

function envelopeFields(): Omit<BackupEnvelope, 'format' | 'version'> {
  return {
    createdAt: TEST_NOW,
    scope: 'all',
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: DEFAULT_KDF_ITERATIONS, salt: base64(KDF_SALT_BYTES) },
    iv: base64(AES_GCM_IV_BYTES),
    data: base64(100, 0x2a),
  };
}

const validEnvelope = (): JsonRecord => JSON.parse(makeBackupEnvelope(envelopeFields())) as JsonRecord;

/** Two pupils, three conversations: one fresh, one with sorting, ratings and answers, one finished. */
function sampleData(): BackupPayload {
  const mira = aPupil('Mira', { id: 'pupil-mira' });
  const noah = aPupil('Noah', { id: 'pupil-noah' });
  const fresh = aConversation(mira, { id: 'conversation-fresh' });
  const answered = aConversation(mira, {
    id: 'conversation-answered',
    step: 'explore',
    causes: { engstelig: 3 },
    causeOtherText: 'Bussen er full',
    piles: { engelsk: 'not' },
    ratings: { matte: 9, norsk: 2 },
    exploreSelection: { hard: ['matte'], good: ['norsk'] },
    answers: {
      matte: { thoughts: { choices: ['klarer-ikke', 'ler-av-meg'] }, situation: { text: 'Tavla', typedByAdult: true } },
      norsk: { good: { unknown: true } },
    },
    wishes: { easier: { text: 'Sitte bakerst' } },
  });
  const finished = aConversation(noah, { id: 'conversation-finished', finished: true });
  let next = 0;
  const plan = draftPlan({
    id: 'plan-1',
    conversation: answered,
    from: '2026-11-23',
    now: TEST_NOW,
    newId: () => `t${++next}`,
  });
  return {
    pupils: [mira, noah],
    conversations: [fresh, answered, finished],
    plans: [setGoal(plan, 'Hele dager', TEST_NOW + 1)],
    schoolMeasures: [],
  };
}

function payloadText(payload: {
  pupils: unknown[];
  conversations: unknown[];
  plans?: unknown[];
  schoolMeasures?: unknown[];
}): string {
  return JSON.stringify({ format: BACKUP_PAYLOAD_FORMAT, version: 1, ...payload });
}

function validPayload(): JsonRecord {
  const { pupils, conversations } = sampleData();
  return JSON.parse(serializeBackupPayload(pupils, conversations)) as JsonRecord;
}

/** What every restored payload must hold, whatever came in. */
function expectSoundPayload(payload: BackupPayload): void {
  const pupilIds = new Set(payload.pupils.map((pupil) => pupil.id));
  expect(pupilIds.size).toBe(payload.pupils.length);
  expect(new Set(payload.conversations.map((conversation) => conversation.id)).size).toBe(payload.conversations.length);
  for (const pupil of payload.pupils) expect(restorePupil(asStored(pupil))).toEqual({ ok: true, value: pupil });
  for (const conversation of payload.conversations) {
    expect(pupilIds.has(conversation.pupilId)).toBe(true);
    expect(restoreConversation(asStored(conversation))).toEqual({ ok: true, value: conversation });
  }
}

function expectProblem(result: { ok: boolean; problem?: unknown }): void {
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) expect(ALL_PROBLEMS).toContain(result.problem);
}

afterEach(() => {
  // No test may leave the prototype of every object changed.
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  expect(({} as JsonRecord).polluted).toBeUndefined();
});

describe('base64DecodedLength', () => {
  it('gives the byte count of what a real encoder wrote (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(base64DecodedLength(Buffer.from(bytes).toString('base64'))).toBe(bytes.length);
      }),
    );
  });

  it('refuses base64url, whitespace, bad padding and lengths that are not a multiple of 4', () => {
    for (const text of [
      'AAAAAAAAAAAAAAAAAAAAA-==',
      'AAAA_AAA',
      'AAAA AAA',
      'AAAA\nAAAA',
      'AAA',
      'A===',
      'AA=A',
      '=AAA',
    ]) {
      expect(base64DecodedLength(text), text).toBeNull();
    }
  });
});

describe('safeParseJson', () => {
  it('parses ordinary JSON', () => {
    expect(safeParseJson('{"a":[1,"to",null,true]}', PAYLOAD_JSON_LIMITS)).toEqual({
      ok: true,
      value: { a: [1, 'to', null, true] },
    });
  });

  it('refuses text JSON.parse refuses as not-json', () => {
    for (const text of ['', '{', 'undefined', "{'a':1}", '[1,]', 'NaN']) {
      expect(safeParseJson(text, PAYLOAD_JSON_LIMITS), text).toEqual({ ok: false, problem: 'not-json' });
    }
  });

  it('allows nesting up to the limit and refuses one level more as too-deep', () => {
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    expect(safeParseJson(nested(MAX_JSON_DEPTH), PAYLOAD_JSON_LIMITS).ok).toBe(true);
    expect(safeParseJson(nested(MAX_JSON_DEPTH + 1), PAYLOAD_JSON_LIMITS)).toEqual({ ok: false, problem: 'too-deep' });
    const objects = '{"a":'.repeat(MAX_JSON_DEPTH + 1) + '1' + '}'.repeat(MAX_JSON_DEPTH + 1);
    expect(safeParseJson(objects, PAYLOAD_JSON_LIMITS)).toEqual({ ok: false, problem: 'too-deep' });
  });

  it('does not count brackets inside strings, even after an escaped quote', () => {
    for (const s of ['['.repeat(1000), '"' + '{'.repeat(1000), '\\"[[[[' + '['.repeat(100)]) {
      const text = JSON.stringify({ s });
      expect(safeParseJson(text, PAYLOAD_JSON_LIMITS), text.slice(0, 20)).toEqual({ ok: true, value: { s } });
    }
  });

  it('counts brackets after a string that ends in an escaped backslash', () => {
    // The string is a single backslash: its closing quote is real, so the brackets after it count.
    const text = '["\\\\",' + '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH) + ']';
    expect(JSON.parse(text)).toHaveLength(2);
    expect(safeParseJson(text, PAYLOAD_JSON_LIMITS)).toEqual({ ok: false, problem: 'too-deep' });
  });

  it('refuses a million opening brackets as too-deep, without throwing', () => {
    for (const text of ['['.repeat(1_000_000), '{"a":'.repeat(200_000), '[{"a":'.repeat(200_000)]) {
      expect(safeParseJson(text, PAYLOAD_JSON_LIMITS)).toEqual({ ok: false, problem: 'too-deep' });
      expect(parseBackupEnvelope(text)).toEqual({ ok: false, problem: 'too-deep' });
      expect(restoreBackupPayload(text)).toEqual({ ok: false, problem: 'too-deep' });
    }
  });

  it('refuses a string value or key over the limit as too-large', () => {
    const long = 'x'.repeat(MAX_STRING_LENGTH + 1);
    expect(safeParseJson(JSON.stringify({ a: [long] }), PAYLOAD_JSON_LIMITS)).toEqual({
      ok: false,
      problem: 'too-large',
    });
    expect(safeParseJson(JSON.stringify({ [long]: 1 }), PAYLOAD_JSON_LIMITS)).toEqual({
      ok: false,
      problem: 'too-large',
    });
    expect(safeParseJson(JSON.stringify({ a: long.slice(1) }), PAYLOAD_JSON_LIMITS).ok).toBe(true);
    // The envelope's data field holds the whole ciphertext.
    expect(safeParseJson(JSON.stringify({ data: long }), ENVELOPE_JSON_LIMITS).ok).toBe(true);
  });

  it('refuses __proto__, constructor and prototype keys at any depth as hostile', () => {
    const texts = [
      '{"__proto__":{"polluted":true}}',
      '[1,{"a":{"__proto__":{"polluted":true}}}]',
      '{"constructor":{"prototype":{"polluted":true}}}',
      '{"a":[{"prototype":1}]}',
    ];
    for (const text of texts) {
      expect(safeParseJson(text, PAYLOAD_JSON_LIMITS), text).toEqual({ ok: false, problem: 'hostile' });
    }
    // The words themselves are fine as values.
    expect(safeParseJson('{"a":["__proto__","constructor","prototype"]}', PAYLOAD_JSON_LIMITS).ok).toBe(true);
  });
});

describe('parseBackupEnvelope', () => {
  it('reads back what makeBackupEnvelope wrote', () => {
    const fields = envelopeFields();
    expect(parseBackupEnvelope(makeBackupEnvelope(fields))).toEqual({
      ok: true,
      value: { format: BACKUP_FORMAT, version: BACKUP_VERSION, ...fields },
    });
  });

  it('accepts the iteration bounds themselves and the pupil scope', () => {
    for (const iterations of [MIN_KDF_ITERATIONS, MAX_KDF_ITERATIONS]) {
      const text = JSON.stringify(withPath(validEnvelope(), ['kdf', 'iterations'], iterations));
      expect(parseBackupEnvelope(text).ok, String(iterations)).toBe(true);
    }
    expect(parseBackupEnvelope(JSON.stringify({ ...validEnvelope(), scope: 'pupil' })).ok).toBe(true);
  });

  it('drops unknown extra fields', () => {
    const parsed = parseBackupEnvelope(JSON.stringify({ ...validEnvelope(), comment: 'hei' }));
    expect(parsed.ok && Object.keys(parsed.value)).not.toContain('comment');
  });

  it('refuses JSON that is not a Kortprat backup as foreign', () => {
    const texts = [
      JSON.stringify(withPath(validEnvelope(), ['format'], DELETE)),
      JSON.stringify({ ...validEnvelope(), format: 'other-app' }),
      JSON.stringify({ ...validEnvelope(), format: BACKUP_PAYLOAD_FORMAT }),
      JSON.stringify([validEnvelope()]),
      '"kortprat-backup"',
      'null',
      '42',
      serializeBackupPayload(sampleData().pupils, sampleData().conversations),
    ];
    for (const text of texts) {
      expect(parseBackupEnvelope(text), text.slice(0, 40)).toEqual({ ok: false, problem: 'foreign' });
    }
  });

  it('refuses a backup from a newer version of the app as newer-version', () => {
    for (const version of [BACKUP_VERSION + 1, 99]) {
      expect(parseBackupEnvelope(JSON.stringify({ ...validEnvelope(), version }))).toEqual({
        ok: false,
        problem: 'newer-version',
      });
    }
  });

  const invalid: [string, Path, unknown][] = [
    ['version 0', ['version'], 0],
    ['version as text', ['version'], '1'],
    ['a missing version', ['version'], DELETE],
    ['a negative createdAt', ['createdAt'], -1],
    ['a createdAt as text', ['createdAt'], '2025-01-01'],
    ['an unknown scope', ['scope'], 'class'],
    ['another kdf', ['kdf', 'name'], 'scrypt'],
    ['another hash', ['kdf', 'hash'], 'SHA-1'],
    ['too few iterations', ['kdf', 'iterations'], MIN_KDF_ITERATIONS - 1],
    ['too many iterations', ['kdf', 'iterations'], MAX_KDF_ITERATIONS + 1],
    ['fractional iterations', ['kdf', 'iterations'], 600_000.5],
    ['iterations as text', ['kdf', 'iterations'], '600000'],
    ['a 15-byte salt', ['kdf', 'salt'], base64(15)],
    ['a 17-byte salt', ['kdf', 'salt'], base64(17)],
    ['a base64url salt', ['kdf', 'salt'], base64(KDF_SALT_BYTES).replaceAll('+', '-').replaceAll('/', '_')],
    ['a missing salt', ['kdf', 'salt'], DELETE],
    ['a 16-byte iv', ['iv'], base64(16)],
    ['an 11-byte iv', ['iv'], base64(11)],
    ['an iv that is not base64', ['iv'], 'AAAAAAAAAAAAAAA!'],
    ['an iv as bytes', ['iv'], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
    ['empty data', ['data'], ''],
    ['data no longer than a GCM tag', ['data'], base64(16)],
    ['data with a line break', ['data'], base64(48).slice(0, 32) + '\n' + base64(48).slice(32)],
    ['data with bad padding', ['data'], base64(100).slice(0, -4) + 'AA=A'],
  ];

  it('refuses a Kortprat backup with bad fields as invalid, naming the field', () => {
    for (const [label, path, value] of invalid) {
      const parsed = parseBackupEnvelope(JSON.stringify(withPath(validEnvelope(), path, value)));
      expect(parsed, label).toMatchObject({ ok: false, problem: 'invalid' });
      expect(!parsed.ok && parsed.detail, label).toBe(path.join('.'));
    }
  });

  it('refuses text longer than MAX_BACKUP_BYTES as too-large', () => {
    const text = ' '.repeat(MAX_BACKUP_BYTES + 1);
    expect(parseBackupEnvelope(text)).toEqual({ ok: false, problem: 'too-large' });
    expect(restoreBackupPayload(text)).toEqual({ ok: false, problem: 'too-large' });
  });

  it('refuses __proto__ at the top and nested, and leaves Object.prototype alone', () => {
    const envelope = makeBackupEnvelope(envelopeFields());
    const texts = [
      envelope.replace('{', '{"__proto__":{"polluted":true},'),
      envelope.replace('"kdf":{', '"kdf":{"__proto__":{"polluted":true},'),
      envelope.replace('{', '{"constructor":{"prototype":{"polluted":true}},'),
    ];
    for (const text of texts) {
      expect(text).not.toBe(envelope);
      expect(parseBackupEnvelope(text)).toEqual({ ok: false, problem: 'hostile' });
    }
  });

  it('makeBackupEnvelope refuses to write an envelope it could not read back', () => {
    const fields = envelopeFields();
    expect(() => makeBackupEnvelope({ ...fields, iv: base64(16) })).toThrow(/iv/);
    expect(() => makeBackupEnvelope({ ...fields, kdf: { ...fields.kdf, iterations: 1000 } })).toThrow(/iterations/);
    expect(() => makeBackupEnvelope({ ...fields, data: '' })).toThrow(/data/);
  });
});

describe('restoreBackupPayload: round trip', () => {
  it('gives back the pupils, conversations and plans it was given, deep equal', () => {
    const { pupils, conversations, plans } = sampleData();
    expect(conversations[1]!.answers.matte?.thoughts?.choices).toEqual(['klarer-ikke', 'ler-av-meg']);
    expect(plans[0]!.steps.length).toBeGreaterThan(0);
    expect(restoreBackupPayload(serializeBackupPayload(pupils, conversations, plans))).toEqual({
      ok: true,
      value: { pupils, conversations, plans, schoolMeasures: [] },
    });
  });

  it("carries the school's own measures, and refuses a file with a damaged or repeated one", () => {
    const { pupils, conversations, plans } = sampleData();
    const school = [
      createCustomMeasure('Fast plass ved døra', 'struktur', 'a'),
      createCustomMeasure('Pause med miljøarbeider', 'trygghet', 'b'),
    ];
    expect(restoreBackupPayload(serializeBackupPayload(pupils, conversations, plans, school))).toEqual({
      ok: true,
      value: { pupils, conversations, plans, schoolMeasures: school },
    });
    const damaged = { ...school[0]!, text: '   ' };
    expect(restoreBackupPayload(payloadText({ pupils, conversations, schoolMeasures: [damaged] }))).toMatchObject({
      ok: false,
      problem: 'invalid',
    });
    expect(
      restoreBackupPayload(payloadText({ pupils, conversations, schoolMeasures: [school[0], school[0]] })),
    ).toMatchObject({
      ok: false,
      problem: 'invalid',
    });
  });

  it('reads a backup made before plans existed, and refuses a plan whose pupil is not in it', () => {
    const { pupils, conversations, plans } = sampleData();
    expect(restoreBackupPayload(payloadText({ pupils, conversations }))).toEqual({
      ok: true,
      value: { pupils, conversations, plans: [], schoolMeasures: [] },
    });
    const orphan = { ...plans[0]!, pupilId: 'pupil-elsewhere' };
    expect(restoreBackupPayload(payloadText({ pupils, conversations, plans: [orphan] }))).toEqual({
      ok: false,
      problem: 'invalid',
      detail: 'plans.0.pupilId: no such pupil',
    });
  });

  it('round-trips an empty backup and a single pupil without conversations', () => {
    expect(restoreBackupPayload(serializeBackupPayload([], []))).toEqual({
      ok: true,
      value: { pupils: [], conversations: [], plans: [], schoolMeasures: [] },
    });
    const pupil = aPupil('Ada');
    expect(restoreBackupPayload(serializeBackupPayload([pupil], []))).toEqual({
      ok: true,
      value: { pupils: [pupil], conversations: [], plans: [], schoolMeasures: [] },
    });
  });

  it('accepts MAX_BACKUP_PUPILS pupils', () => {
    const pupils = Array.from({ length: MAX_BACKUP_PUPILS }, (_, index) => aPupil(`Elev ${index}`));
    const restored = restoreBackupPayload(serializeBackupPayload(pupils, []));
    expect(restored.ok && restored.value.pupils).toHaveLength(MAX_BACKUP_PUPILS);
  });

  it('serializeBackupPayload refuses to write a payload it could not read back', () => {
    const { pupils, conversations } = sampleData();
    expect(() => serializeBackupPayload([pupils[0]!], conversations)).toThrow(/pupilId/);
    expect(() => serializeBackupPayload([...pupils, pupils[0]!], conversations)).toThrow(/duplicate/);
  });
});

describe('restoreBackupPayload: refusals', () => {
  it('refuses a decrypted text that is not our payload as foreign, and a newer one as newer-version', () => {
    const envelope = makeBackupEnvelope(envelopeFields());
    for (const text of [envelope, '[]', '{}', JSON.stringify({ ...validPayload(), format: 'x' })]) {
      expect(restoreBackupPayload(text), text.slice(0, 40)).toEqual({ ok: false, problem: 'foreign' });
    }
    expect(restoreBackupPayload(JSON.stringify({ ...validPayload(), version: 2 }))).toEqual({
      ok: false,
      problem: 'newer-version',
    });
  });

  it('refuses a payload with missing or mistyped lists as invalid', () => {
    for (const [path, value] of [
      [['pupils'], DELETE],
      [['conversations'], { a: 1 }],
      [['version'], 0],
    ] as const) {
      expect(restoreBackupPayload(JSON.stringify(withPath(validPayload(), path, value)))).toMatchObject({
        ok: false,
        problem: 'invalid',
      });
    }
  });

  it('refuses the whole payload when one conversation among good ones is bad', () => {
    const payload = withPath(validPayload(), ['conversations', 1, 'settings', 'grade'], 11);
    expect(restoreBackupPayload(JSON.stringify(payload))).toEqual({
      ok: false,
      problem: 'invalid',
      detail: 'conversations.1.settings.grade',
    });
  });

  it('refuses the whole payload when one pupil is bad, e.g. an alias that is an id number', () => {
    const payload = withPath(validPayload(), ['pupils', 1, 'alias'], '010203 12345');
    expect(restoreBackupPayload(JSON.stringify(payload))).toMatchObject({ ok: false, problem: 'invalid' });
    expect(restoreBackupPayload(JSON.stringify(withPath(validPayload(), ['pupils', 0], null)))).toMatchObject({
      ok: false,
      problem: 'invalid',
    });
  });

  it('refuses a conversation from a newer app version as newer-version', () => {
    const payload = withPath(validPayload(), ['conversations', 2, 'schemaVersion'], 2);
    expect(restoreBackupPayload(JSON.stringify(payload))).toMatchObject({ ok: false, problem: 'newer-version' });
  });

  it('refuses a conversation whose pupil is not in the backup', () => {
    const { pupils, conversations } = sampleData();
    const orphan = aConversation(aPupil('Ukjent', { id: 'pupil-elsewhere' }));
    expect(restoreBackupPayload(payloadText({ pupils, conversations: [...conversations, orphan] }))).toEqual({
      ok: false,
      problem: 'invalid',
      detail: 'conversations.3.pupilId: no such pupil',
    });
  });

  it('refuses duplicate pupil ids and duplicate conversation ids', () => {
    const { pupils, conversations } = sampleData();
    const renamed = { ...pupils[0]!, alias: 'Annen' };
    expect(restoreBackupPayload(payloadText({ pupils: [...pupils, renamed], conversations }))).toMatchObject({
      ok: false,
      problem: 'invalid',
    });
    const later = { ...conversations[0]!, updatedAt: TEST_NOW + 1 };
    expect(restoreBackupPayload(payloadText({ pupils, conversations: [...conversations, later] }))).toMatchObject({
      ok: false,
      problem: 'invalid',
    });
  });

  it('refuses more records than the limits', () => {
    const pupils = Array.from({ length: MAX_BACKUP_PUPILS + 1 }, (_, index) => aPupil(`Elev ${index}`));
    expect(restoreBackupPayload(payloadText({ pupils, conversations: [] }))).toEqual({
      ok: false,
      problem: 'invalid',
      detail: 'pupils',
    });
    const conversations = Array.from({ length: MAX_BACKUP_CONVERSATIONS + 1 }, () => 0);
    expect(restoreBackupPayload(payloadText({ pupils: [], conversations }))).toEqual({
      ok: false,
      problem: 'invalid',
      detail: 'conversations',
    });
  });

  it('refuses __proto__ nested inside a conversation, and constructor on a pupil, as hostile', () => {
    const text = serializeBackupPayload(sampleData().pupils, sampleData().conversations);
    const hostile = [
      text.replace('{', '{"__proto__":{"polluted":true},'),
      text.replace('"answers":{"matte":{', '"answers":{"matte":{"__proto__":{"polluted":true},'),
      text.replace('"settings":{', '"settings":{"__proto__":{"polluted":true},'),
      text.replace('"alias":', '"constructor":{"prototype":{"polluted":true}},"alias":'),
    ];
    for (const variant of hostile) {
      expect(variant).not.toBe(text);
      expect(restoreBackupPayload(variant)).toEqual({ ok: false, problem: 'hostile' });
    }
  });

  it('refuses an answer text longer than the payload string limit as too-large', () => {
    const payload = withPath(validPayload(), ['conversations', 1, 'causeOtherText'], 'x'.repeat(MAX_STRING_LENGTH + 1));
    expect(restoreBackupPayload(JSON.stringify(payload))).toEqual({ ok: false, problem: 'too-large' });
  });
});

describe('mergeBackup', () => {
  const mira = aPupil('Mira', { id: 'pupil-mira' });
  const noah = aPupil('Noah', { id: 'pupil-noah' });
  const onDevice = aConversation(mira, { id: 'conversation-1', createdAt: TEST_NOW });

  /** What a merge that writes nothing says: only how many records it kept as they are. */
  const nothingWritten = (unchanged: number) => ({
    pupils: [],
    conversations: [],
    plans: [],
    added: 0,
    updated: 0,
    unchanged,
    schoolMeasures: null,
  });

  it('adds pupils and conversations that are not on the device', () => {
    const conversation = aConversation(noah, { id: 'conversation-2' });
    const merged = mergeBackup(
      { pupils: [mira], conversations: [onDevice], plans: [], schoolMeasures: [] },
      { pupils: [noah], conversations: [conversation], plans: [], schoolMeasures: [] },
    );
    expect(merged).toEqual({
      pupils: [noah],
      conversations: [conversation],
      plans: [],
      added: 2,
      updated: 0,
      unchanged: 0,
      schoolMeasures: null,
    });
  });

  it('replaces a conversation on the device with a newer one from the backup', () => {
    const newer = { ...onDevice, step: 'sort' as const, updatedAt: onDevice.updatedAt + 1 };
    const merged = mergeBackup(
      { pupils: [mira], conversations: [onDevice], plans: [], schoolMeasures: [] },
      { pupils: [], conversations: [newer], plans: [], schoolMeasures: [] },
    );
    expect(merged).toEqual({
      pupils: [],
      conversations: [newer],
      plans: [],
      added: 0,
      updated: 1,
      unchanged: 0,
      schoolMeasures: null,
    });
  });

  it('keeps a conversation on the device when the backup holds an older or equally old one', () => {
    for (const updatedAt of [onDevice.updatedAt - 1, onDevice.updatedAt]) {
      const older = { ...onDevice, step: 'sort' as const, updatedAt };
      const merged = mergeBackup(
        { pupils: [mira], conversations: [onDevice], plans: [], schoolMeasures: [] },
        { pupils: [], conversations: [older], plans: [], schoolMeasures: [] },
      );
      expect(merged).toEqual(nothingWritten(1));
    }
  });

  it('keeps a pupil on the device as it is, even when the backup names it differently', () => {
    const renamed: Pupil = { ...mira, alias: 'Mirabel' };
    const merged = mergeBackup(
      { pupils: [mira], conversations: [], plans: [], schoolMeasures: [] },
      { pupils: [renamed], conversations: [], plans: [], schoolMeasures: [] },
    );
    expect(merged).toEqual(nothingWritten(1));
  });

  it('never moves a conversation to another pupil', () => {
    const moved: Conversation = { ...onDevice, pupilId: noah.id, updatedAt: onDevice.updatedAt + 1000 };
    const merged = mergeBackup(
      { pupils: [mira, noah], conversations: [onDevice], plans: [], schoolMeasures: [] },
      { pupils: [], conversations: [moved], plans: [], schoolMeasures: [] },
    );
    expect(merged).toMatchObject({ conversations: [], updated: 0, unchanged: 1 });
  });

  it('adds a plan, and replaces one on the device only with a newer version of the same pupil', () => {
    const { plans } = sampleData();
    const plan = { ...plans[0]!, pupilId: mira.id };
    const newer = { ...plan, goal: 'Nytt mål', updatedAt: plan.updatedAt + 1 };
    const moved = { ...newer, pupilId: noah.id };
    expect(
      mergeBackup(
        { pupils: [mira], conversations: [], plans: [], schoolMeasures: [] },
        { pupils: [], conversations: [], plans: [plan], schoolMeasures: [] },
      ),
    ).toMatchObject({ plans: [plan], added: 1 });
    expect(
      mergeBackup(
        { pupils: [mira], conversations: [], plans: [plan], schoolMeasures: [] },
        { pupils: [], conversations: [], plans: [newer], schoolMeasures: [] },
      ),
    ).toMatchObject({ plans: [newer], updated: 1 });
    expect(
      mergeBackup(
        { pupils: [mira], conversations: [], plans: [newer], schoolMeasures: [] },
        { pupils: [], conversations: [], plans: [plan, moved], schoolMeasures: [] },
      ),
    ).toMatchObject({ plans: [], unchanged: 2 });
  });

  it('writes nothing when the backup is what the device holds', () => {
    const data = sampleData();
    const merged = mergeBackup(data, data);
    expect(merged).toEqual(nothingWritten(data.pupils.length + data.conversations.length + data.plans.length));
  });

  it("adds the school's measures the device lacks, by id and by words, up to the limit", () => {
    const onTablet = createCustomMeasure('Fast plass ved døra', 'struktur', 'a');
    const sameWords = createCustomMeasure('fast  plass ved DØRA', 'struktur', 'b');
    const sameId = { ...onTablet, text: 'Noe annet' };
    const fresh = createCustomMeasure('Pause med miljøarbeider', 'trygghet', 'c');
    const empty = { pupils: [], conversations: [], plans: [] };
    expect(
      mergeBackup({ ...empty, schoolMeasures: [onTablet] }, { ...empty, schoolMeasures: [sameWords, sameId, fresh] })
        .schoolMeasures,
    ).toEqual([onTablet, fresh]);
    expect(
      mergeBackup({ ...empty, schoolMeasures: [onTablet] }, { ...empty, schoolMeasures: [sameWords] }).schoolMeasures,
    ).toBeNull();
    const full = Array.from({ length: MAX_CUSTOM_MEASURES }, (_, i) =>
      createCustomMeasure(`Tiltak ${i}`, 'trygghet', `full-${i}`),
    );
    expect(
      mergeBackup({ ...empty, schoolMeasures: full }, { ...empty, schoolMeasures: [fresh] }).schoolMeasures,
    ).toBeNull();
  });
});

describe('fuzzing (property)', () => {
  const arbitraryText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.json(),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc
      .dictionary(fc.string(), fc.jsonValue())
      .map((extra) => JSON.stringify({ ...extra, format: BACKUP_FORMAT, version: 1 })),
    fc
      .dictionary(fc.string(), fc.jsonValue())
      .map((extra) => JSON.stringify({ ...extra, format: BACKUP_PAYLOAD_FORMAT, version: 1 })),
  );

  it('never throws on arbitrary text, and always answers with a result', () => {
    fc.assert(
      fc.property(arbitraryText, (text) => {
        const envelope = parseBackupEnvelope(text);
        expectProblem(envelope);
        const payload = restoreBackupPayload(text);
        expectProblem(payload);
        if (payload.ok) expectSoundPayload(payload.value);
      }),
      { numRuns: 300 },
    );
  });

  const edit = fc.oneof(
    fc.constant<unknown>(DELETE),
    fc.jsonValue(),
    fc.integer({ min: -1, max: 12 }),
    fc.constantFrom<unknown>('pupil-mira', 'pupil-noah', 'conversation-fresh', 'matte', '', '__proto__', null, []),
  );

  it('never throws on a valid payload with fields changed or removed; what it keeps passes the funnel again', () => {
    const valid = validPayload();
    const paths = allPaths(valid);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), edit), { minLength: 1, maxLength: 4 }), (edits) => {
        const mutated = edits.reduce((current, [path, value]) => withPath(current, path, value), valid);
        const restored = restoreBackupPayload(JSON.stringify(mutated));
        expectProblem(restored);
        if (restored.ok) expectSoundPayload(restored.value);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a valid payload text with characters inserted or cut out', () => {
    const text = serializeBackupPayload(sampleData().pupils, sampleData().conversations);
    fc.assert(
      fc.property(
        fc.nat({ max: text.length }),
        fc.nat({ max: 20 }),
        fc.constantFrom('', '[', '{', '"', '\\', ']', '}', ',', '"__proto__":{},', '{"a":'),
        (at, cut, insert) => {
          const restored = restoreBackupPayload(text.slice(0, at) + insert + text.slice(at + cut));
          expectProblem(restored);
          if (restored.ok) expectSoundPayload(restored.value);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on a valid envelope with fields changed or removed; what it accepts is within bounds', () => {
    const valid = validEnvelope();
    const paths = allPaths(valid);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), edit), { minLength: 1, maxLength: 3 }), (edits) => {
        const mutated = edits.reduce((current, [path, value]) => withPath(current, path, value), valid);
        const parsed = parseBackupEnvelope(JSON.stringify(mutated));
        expectProblem(parsed);
        if (!parsed.ok) return;
        const { kdf, iv, data } = parsed.value;
        expect(kdf.iterations).toBeGreaterThanOrEqual(MIN_KDF_ITERATIONS);
        expect(kdf.iterations).toBeLessThanOrEqual(MAX_KDF_ITERATIONS);
        expect(Buffer.from(kdf.salt, 'base64')).toHaveLength(KDF_SALT_BYTES);
        expect(Buffer.from(iv, 'base64')).toHaveLength(AES_GCM_IV_BYTES);
        expect(Buffer.from(data, 'base64').length).toBeGreaterThan(16);
      }),
      { numRuns: 300 },
    );
  });
});
