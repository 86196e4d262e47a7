import { createCipheriv } from 'node:crypto';
import { decrypt, getSignature } from '@wecom/crypto';
import { describe, expect, it } from 'vitest';
import {
  CallbackError,
  encryptEcho,
  openEnvelope,
  sealEnvelope,
  verifyUrl,
  type CryptoCfg,
} from '../../src/wecom/crypto';
import { fixture } from '../helpers/fake-wecom';

// WeCom doc 91144 test vectors, run through the production code (never a mock of the crypto).

const A: CryptoCfg = {
  token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo',
  aesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt',
  corpId: 'ww1436e0e65a779aee',
};
const B: CryptoCfg = {
  token: 'QDG6eK',
  aesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  corpId: 'wx5823bf96d3bd56c7',
};

const A_POST_ENCRYPT =
  'Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+';
const B_POST_ENCRYPT =
  'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==';

/** The envelope exactly as Tencent's sample lays it out (WeCom doc 91144). */
const envelope = (corp: string, enc: string, agent = '1000002') =>
  `<xml><ToUserName><![CDATA[${corp}]]></ToUserName>\n<Encrypt><![CDATA[${enc}]]></Encrypt>\n<AgentID><![CDATA[${agent}]]></AgentID>\n</xml>`;

/** A query that signs `enc` correctly, so a test reaches the checks after the signature. */
const signed = (cfg: CryptoCfg, enc: string, timestamp = '1476422779', nonce = '1597212914') => ({
  msg_signature: getSignature(cfg.token, timestamp, nonce, enc),
  timestamp,
  nonce,
});

function rejection(fn: () => unknown): CallbackError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CallbackError) return e;
    throw e;
  }
  throw new Error('expected a CallbackError, nothing was thrown');
}

/** AES-256-CBC of an arbitrary (possibly malformed) plaintext with the key's IV — to forge garbage that signs fine. */
function rawEncrypt(cfg: CryptoCfg, plain: Buffer): string {
  const key = Buffer.from(`${cfg.aesKey}=`, 'base64');
  const c = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  c.setAutoPadding(false);
  return Buffer.concat([c.update(plain), c.final()]).toString('base64');
}

describe('GET URL verification (WeCom doc 91144)', () => {
  it('vector A: the echostr decrypts to 1288432023552776189', () => {
    const q = {
      msg_signature: '012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb',
      timestamp: '1476416373',
      nonce: '47744683',
      echostr: 'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==',
    };
    expect(verifyUrl(A, q)).toBe('1288432023552776189');
  });

  it('vector B: the raw percent-encoded query as WeCom sends it decodes and verifies to 1616140317555161061', () => {
    const raw =
      'msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780' +
      '&echostr=P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D';
    expect(verifyUrl(B, Object.fromEntries(new URLSearchParams(raw)))).toBe('1616140317555161061');
  });

  it('a wrong signature on a genuine echostr is 401', () => {
    const q = encryptEcho(A, 'echo-123', { timestamp: '1', nonce: '2' });
    expect(
      rejection(() =>
        verifyUrl(A, { ...q, msg_signature: q.msg_signature.replace(/^./, (c) => (c === '0' ? '1' : '0')) }),
      ).status,
    ).toBe(401);
  });

  it('an echostr encrypted for another corp is 400 (receive id, -40005)', () => {
    const q = encryptEcho({ ...A, corpId: 'wwsomeoneelse00001' }, 'echo-123');
    const err = rejection(() => verifyUrl(A, q));
    expect([err.status, err.code]).toEqual([400, 'wrong_receive_id']);
  });

  it('encryptEcho round-trips through verifyUrl', () => {
    expect(verifyUrl(B, encryptEcho(B, '5927782489442352469'))).toBe('5927782489442352469');
  });
});

describe('POST envelope (WeCom doc 91144–§1.5)', () => {
  const plainA = fixture('text-vector-a.xml');

  it('vector A: opens to the 228-byte Tencent sample plaintext', () => {
    const q = {
      msg_signature: '0c3914025cb4b4d68103f6bfc8db550f79dcf48e',
      timestamp: '1476422779',
      nonce: '1597212914',
    };
    const plain = openEnvelope(A, q, envelope(A.corpId, A_POST_ENCRYPT));
    expect(plain).toBe(plainA);
    expect(Buffer.byteLength(plain)).toBe(228);
  });

  it('vector A: sealEnvelope with the sample random prefix reproduces Encrypt and msg_signature byte for byte', () => {
    const { body, query } = sealEnvelope(A, plainA, {
      random: Buffer.from('694ce5a83ae07fe3'),
      timestamp: '1476422779',
      nonce: '1597212914',
      agentId: '1000002',
    });
    expect(body).toBe(envelope(A.corpId, A_POST_ENCRYPT));
    expect(query).toEqual({
      msg_signature: '0c3914025cb4b4d68103f6bfc8db550f79dcf48e',
      timestamp: '1476422779',
      nonce: '1597212914',
    });
  });

  it('vector B: opens to the official plaintext with its real newlines and 64-bit MsgId', () => {
    const q = {
      msg_signature: '477715d11cdb4164915debcba66cb864d751f3e6',
      timestamp: '1409659813',
      nonce: '1372623149',
    };
    expect(openEnvelope(B, q, envelope(B.corpId, B_POST_ENCRYPT, '218'))).toBe(fixture('text-vector-b.xml'));
  });

  it('derived vector: fixed random gives the documented ciphertext and signature', () => {
    const { body, query } = sealEnvelope(A, '<xml>hi</xml>', {
      random: Buffer.from('1234567890123456'),
      timestamp: '1476422779',
      nonce: '1597212914',
    });
    expect(body).toContain(
      '<Encrypt><![CDATA[/K4xJYsBwQssQzE/v2nbvA8ig1oOPBP5oQZ5g+9NcH2R7GGzvH2QQqmgd2DnAV85w0FbAjPi1KTpKFnj1SEmjQ==]]></Encrypt>',
    );
    expect(query.msg_signature).toBe('267c9cb57f50ecdc6eddc43ee34d424c44092e54');
  });

  it('a UTF-8 message (你好, emoji) survives seal → open unchanged', () => {
    const xml = '<xml><Content><![CDATA[你好，窗口12 👍]]></Content></xml>';
    const { body, query } = sealEnvelope(A, xml);
    expect(openEnvelope(A, query, body)).toBe(xml);
  });

  it('D234 every pad length 1–32 opens: messages of 0–64 bytes, one with a BOM, round-trip in one decryption pass', () => {
    for (let n = 0; n <= 64; n++) {
      const msg = `${n % 7 === 0 ? '\uFEFF' : ''}${'x'.repeat(n)}`;
      const { body, query } = sealEnvelope(A, msg);
      expect(openEnvelope(A, query, body), `length ${n}`).toBe(msg);
    }
  });

  it('a 26-byte message fills whole blocks and gets a full 32-byte pad block (64 → 96 bytes)', () => {
    const msg = 'abcdefghijklmnopqrstuvwxyz';
    const { body, query } = sealEnvelope(A, msg);
    const enc = /<Encrypt><!\[CDATA\[([^\]]+)\]\]>/.exec(body)![1];
    expect(Buffer.from(enc, 'base64').length).toBe(96);
    expect(openEnvelope(A, query, body)).toBe(msg);
  });

  it('round trip with random prefix, timestamp and nonce chosen by sealEnvelope', () => {
    const { body, query } = sealEnvelope(B, fixture('template-card-event.xml'), { agentId: 218 });
    expect(body).toContain('<AgentID><![CDATA[218]]></AgentID>');
    expect(openEnvelope(B, query, body)).toBe(fixture('template-card-event.xml'));
  });
});

describe('rejected envelopes', () => {
  const good = sealEnvelope(A, '<xml><Content>x</Content></xml>', { timestamp: '1700000000', nonce: '42' });

  it('a changed signature is 401 bad_signature', () => {
    const err = rejection(() => openEnvelope(A, { ...good.query, msg_signature: 'f'.repeat(40) }, good.body));
    expect([err.status, err.code]).toEqual([401, 'bad_signature']);
  });

  it('a missing signature, or a changed timestamp, is 401', () => {
    expect(rejection(() => openEnvelope(A, { timestamp: '1700000000', nonce: '42' }, good.body)).status).toBe(401);
    expect(rejection(() => openEnvelope(A, { ...good.query, timestamp: '1700000001' }, good.body)).status).toBe(401);
  });

  it('the signature is checked before decryption: undecryptable garbage with a bad signature is 401, not 400', () => {
    const err = rejection(() => openEnvelope(A, good.query, envelope(A.corpId, 'AAAA')));
    expect(err.status).toBe(401);
  });

  it('a correctly signed message for another corp is 400 wrong_receive_id', () => {
    const other = sealEnvelope({ ...A, corpId: 'wwanothercorp00001' }, '<xml/>');
    const err = rejection(() => openEnvelope(A, other.query, other.body));
    expect([err.status, err.code]).toEqual([400, 'wrong_receive_id']);
  });

  it('truncated base64 (signed as truncated) is 400, whether cut by a whole block or mid-character', () => {
    const enc = /<Encrypt><!\[CDATA\[([^\]]+)\]\]>/.exec(good.body)![1];
    for (const cut of [enc.slice(0, enc.length - 44), enc.slice(0, enc.length - 4), enc.slice(0, enc.length - 1)]) {
      const err = rejection(() => openEnvelope(A, signed(A, cut), envelope(A.corpId, cut)));
      expect(err.status).toBe(400);
    }
  });

  it('signed ciphertext whose plaintext is garbage (bad PKCS#7 pad, length past the end) is 400 — the library alone would accept it', () => {
    const corp = Buffer.from(A.corpId);
    const head = (len: number) =>
      Buffer.concat([Buffer.alloc(16, 7), Buffer.from([0, 0, (len >> 8) & 255, len & 255])]);
    const badPad = Buffer.concat([head(10), Buffer.from('0123456789'), corp, Buffer.alloc(16, 0)]); // 64 bytes, pad byte 0
    const longLen = Buffer.concat([head(5000), Buffer.from('0123456789'), corp, Buffer.alloc(16, 16)]); // pad ok, length lies
    for (const plain of [badPad, longLen]) {
      const enc = rawEncrypt(A, plain);
      expect(() => decrypt(A.aesKey, enc)).not.toThrow(); // @wecom/crypto's lenient unpad lets it through
      const err = rejection(() => openEnvelope(A, signed(A, enc), envelope(A.corpId, enc)));
      expect(err.status).toBe(400);
    }
  });

  it('garbage the receive-id check cannot see is 400 illegal_buffer: inconsistent pad bytes, invalid UTF-8', () => {
    const corp = Buffer.from(A.corpId);
    const head = Buffer.concat([Buffer.alloc(16, 7), Buffer.from([0, 0, 0, 10])]);
    const mixedPad = Buffer.concat([head, Buffer.from('0123456789'), corp, Buffer.alloc(15, 3), Buffer.from([16])]);
    const badUtf8 = Buffer.concat([
      head,
      Buffer.from([0x3c, 0xff, 0xfe, 0x3e, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46]),
      corp,
      Buffer.alloc(16, 16),
    ]);
    for (const plain of [mixedPad, badUtf8]) {
      const enc = rawEncrypt(A, plain);
      expect(decrypt(A.aesKey, enc).id).toBe(A.corpId); // the library reports a clean receive id
      const err = rejection(() => openEnvelope(A, signed(A, enc), envelope(A.corpId, enc)));
      expect([err.status, err.code]).toEqual([400, 'illegal_buffer']);
    }
  });

  it('a DOCTYPE / entity bomb in the envelope is 400 before anything else', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><xml><Encrypt>&lol2;</Encrypt></xml>`;
    const err = rejection(() => openEnvelope(A, good.query, bomb));
    expect([err.status, err.code]).toEqual([400, 'bad_envelope']);
  });

  it('non-XML, an empty body and an envelope without Encrypt are 400 bad_envelope (exact shape before the signature)', () => {
    expect(rejection(() => openEnvelope(A, good.query, 'hello, not xml')).status).toBe(400);
    expect(rejection(() => openEnvelope(A, good.query, '')).status).toBe(400);
    expect(rejection(() => openEnvelope(A, good.query, '{"encrypt":"abc"}')).status).toBe(400);
    const err = rejection(() => openEnvelope(A, good.query, '<xml><ToUserName>x</ToUserName></xml>'));
    expect([err.status, err.code]).toEqual([400, 'bad_envelope']);
  });
});
