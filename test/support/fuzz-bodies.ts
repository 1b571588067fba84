import fc from 'fast-check';

export interface RawRequest {
  contentType?: string;
  body: string | Uint8Array<ArrayBuffer>;
}

const CONTENT_TYPES = [
  'application/json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'application/xml',
  'multipart/form-data',
  'application/json; charset=latin1',
  'application/x-www-form-urlencoded; charset=utf-16',
  '*/*',
  '',
];

const deepNesting = fc.integer({ min: 100, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth));
const deepObject = fc.integer({ min: 100, max: 5_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
const hugeString = fc.integer({ min: 10_000, max: 200_000 }).map((n) => JSON.stringify({ text: 'x'.repeat(n), Body: 'é'.repeat(n / 2) }));
const badEscapes = fc.constantFrom('{"text":"\\ud800"}', '{"text":"\\udc00\\ud800"}', '{"a":"\\u00"}', '{"a":"\\x41"}', '"\\', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}');
const invalidUtf8 = fc.uint8Array({ minLength: 1, maxLength: 2_000 }).map((bytes) => new Uint8Array([0xc3, 0x28, 0xff, ...bytes]));
const randomJson = fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v));
const wrongTypes = fc
  .record({ channel: fc.anything(), purpose: fc.anything(), action: fc.anything(), intent: fc.anything(), text: fc.anything(), evidence: fc.anything() }, { requiredKeys: [] })
  .map((v) => JSON.stringify(v) ?? 'null');
const formGarbage = fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 200 })).map((d) => new URLSearchParams(d).toString());

/** Malformed request bodies of every kind, each under a content type that may or may not match it. */
export const malformedRequest: fc.Arbitrary<RawRequest> = fc.record({
  contentType: fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined }),
  body: fc.oneof(randomJson, wrongTypes, formGarbage, deepNesting, deepObject, hugeString, badEscapes, invalidUtf8, fc.string({ maxLength: 500 })),
});

/** Form parameters as an attacker (or a confused proxy) might send them: random keys and values, some Twilio-shaped. */
export const garbageParams = fc.dictionary(
  fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom('Body', 'To', 'NumMedia', 'MessageStatus', 'ErrorCode', 'MediaUrl0', 'OptOutType', 'AccountSid')),
  fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('-1', '1e309', 'NaN', '99999999999', '\u0000', 'STOP', 'undelivered')),
  { maxKeys: 12 },
);
