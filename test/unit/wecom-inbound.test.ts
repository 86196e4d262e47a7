import { describe, expect, it } from 'vitest';
import { CallbackError } from '../../src/wecom/crypto';
import { buildInboundXml, dedupeKeyOf, kindOf, parseInbound, type Inbound } from '../../src/wecom/inbound';
import { fixture } from '../helpers/fake-wecom';

// WeCom doc 90239/90240 payloads → the zod union; dedupe keys per D7.

const parse = (name: string) => parseInbound(fixture(name));

function rejected(xml: string): CallbackError {
  try {
    parseInbound(xml);
  } catch (e) {
    if (e instanceof CallbackError) return e;
    throw e;
  }
  throw new Error('expected parseInbound to reject');
}

function as<K extends Inbound['kind']>(m: Inbound, kind: K): Extract<Inbound, { kind: K }> {
  expect(m.kind).toBe(kind);
  return m as Extract<Inbound, { kind: K }>;
}

describe('every fixture parses into its variant', () => {
  it('text (official sample): common fields and content as strings', () => {
    expect(parse('text.xml')).toEqual({
      kind: 'text',
      from: 'fromUser',
      to: 'toUser',
      createTime: '1348831860',
      agentId: '1',
      msgId: '1234567890123456',
      content: 'this is a test',
    });
  });

  it('vector B plaintext keeps MsgId 4561255354251345929 exactly (> 2^53)', () => {
    const m = as(parse('text-vector-b.xml'), 'text');
    expect(m.msgId).toBe('4561255354251345929');
    expect(Number.isSafeInteger(Number(m.msgId))).toBe(false);
    expect([m.from, m.content, m.agentId]).toEqual(['mycreate', 'hello', '218']);
  });

  it('vector A plaintext without CDATA: 你好 from ChenJiaShun', () => {
    const m = as(parse('text-vector-a.xml'), 'text');
    expect([m.from, m.content, m.msgId, m.to]).toEqual(['ChenJiaShun', '你好', '1456453720', 'ww1436e0e65a779aee']);
  });

  it('image, voice, video, file, location, link', () => {
    expect(as(parse('image.xml'), 'image')).toMatchObject({
      mediaId: 'media_id',
      picUrl: 'this is a url',
      msgId: '1234567890123456',
    });
    expect(as(parse('voice.xml'), 'voice')).toMatchObject({ mediaId: 'media_id', format: 'Format' });
    expect(as(parse('video.xml'), 'video')).toMatchObject({ mediaId: 'media_id', thumbMediaId: 'thumb_media_id' });
    expect(as(parse('file.xml'), 'file')).toMatchObject({
      mediaId: 'media_id',
      title: '营业执照.pdf',
      msgId: '1234567890123457',
    });
    expect(as(parse('location.xml'), 'location')).toMatchObject({
      latitude: '23.134',
      longitude: '113.358',
      scale: '20',
      label: '位置信息',
    });
    expect(as(parse('link.xml'), 'link')).toMatchObject({
      title: 'this is a title!',
      description: 'this is a description!',
      url: 'URL',
    });
  });

  it('events: enter_agent, subscribe, unsubscribe, click, view', () => {
    expect(as(parse('event-enter-agent.xml'), 'event:enter_agent')).toMatchObject({
      event: 'enter_agent',
      eventKey: '',
      from: 'FromUser',
    });
    expect(as(parse('event-subscribe.xml'), 'event:subscribe')).toMatchObject({
      event: 'subscribe',
      eventKey: '',
      from: 'UserID',
    });
    expect(as(parse('event-unsubscribe.xml'), 'event:unsubscribe').event).toBe('unsubscribe');
    expect(as(parse('event-click.xml'), 'event:click').eventKey).toBe('EVENTKEY');
    expect(as(parse('event-view.xml'), 'event:view').eventKey).toBe(
      'https://hall.example.gov.cn/h5/forms/leave?a=1&b=2',
    );
  });

  it('template_card_event (official sample): key, task, card type, response code, OptionIds', () => {
    const m = as(parse('template-card-event.xml'), 'event:template_card_event');
    expect(m).toMatchObject({
      eventKey: 'key111',
      taskId: 'taskid111',
      cardType: 'text_notice',
      responseCode: 'ResponseCode',
      agentId: '1',
    });
    expect(m.selectedItems).toEqual([{ questionKey: 'QuestionKey1', optionIds: ['OptionId1', 'OptionId2'] }]);
  });

  it('template_card_event with the OpitonIds/OpitonId typo and two selections, one with a single option', () => {
    const m = as(parse('template-card-event-opiton-typo.xml'), 'event:template_card_event');
    expect(m.selectedItems).toEqual([
      { questionKey: 'QuestionKey1', optionIds: ['OptionId1', 'OptionId2'] },
      { questionKey: 'QuestionKey2', optionIds: ['OptionId3'] },
    ]);
  });

  it('a button click has no SelectedItems → empty list', () => {
    const m = as(parse('template-card-event-button.xml'), 'event:template_card_event');
    expect(m).toMatchObject({
      eventKey: 'approve:SP20240501001',
      taskId: 'SP20240501001-1-1',
      responseCode: 'RESPONSE_CODE_1',
      selectedItems: [],
    });
  });

  it('template_card_menu_event carries its task id and response code', () => {
    expect(as(parse('template-card-menu-event.xml'), 'event:template_card_menu_event')).toMatchObject({
      eventKey: 'key111',
      taskId: 'taskid111',
      responseCode: 'ResponseCode',
    });
  });

  it('an unlisted event (LOCATION) is kept with its name; kindOf names it', () => {
    const m = as(parse('event-location.xml'), 'event:other');
    expect(m.event).toBe('LOCATION');
    expect(kindOf(m)).toBe('event:LOCATION');
  });

  it('an unknown MsgType becomes kind unknown with its type and MsgId', () => {
    const m = as(parse('unknown-msgtype.xml'), 'unknown');
    expect([m.msgType, m.msgId, kindOf(m)]).toEqual(['miniprogrampage', '1234567890123458', 'unknown']);
  });
});

describe('XML handling', () => {
  it('text outside CDATA has its predefined entities decoded; CDATA stays literal', () => {
    const xml = (content: string) =>
      `<xml><ToUserName>c</ToUserName><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>${content}</Content><MsgId>1</MsgId></xml>`;
    expect(as(parseInbound(xml('a &amp; b &lt;c&gt; &#20013;')), 'text').content).toBe('a & b <c> 中');
    expect(as(parseInbound(xml('<![CDATA[a &amp; b]]>')), 'text').content).toBe('a &amp; b');
  });

  it('DOCTYPE and ENTITY declarations (billion laughs) are refused with 400, never expanded', () => {
    const bomb = `<!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><xml><ToUserName>c</ToUserName><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&b;</Content><MsgId>1</MsgId></xml>`;
    expect(rejected(bomb).status).toBe(400);
    expect(rejected(`<!ENTITY x SYSTEM "file:///etc/passwd"><xml/>`).status).toBe(400);
  });

  it('malformed XML, non-XML, a foreign root and an empty string are 400', () => {
    for (const bad of [
      '<xml><MsgType>text</xml>',
      'just text',
      '<root><MsgType>text</MsgType></root>',
      '',
      '<xml></xml>',
    ]) {
      expect(rejected(bad).code).toMatch(/^bad_/);
    }
  });

  it('a message without FromUserName, a text without MsgId, or a doubled Content is 400 bad_shape', () => {
    const head = '<xml><ToUserName>c</ToUserName><CreateTime>1</CreateTime><MsgType>text</MsgType>';
    expect(rejected(`${head}<Content>x</Content><MsgId>1</MsgId></xml>`).code).toBe('bad_shape');
    expect(rejected(`${head}<FromUserName>u</FromUserName><Content>x</Content></xml>`).code).toBe('bad_shape');
    expect(
      rejected(`${head}<FromUserName>u</FromUserName><Content>x</Content><Content>y</Content><MsgId>1</MsgId></xml>`)
        .code,
    ).toBe('bad_shape');
  });

  it('a card click without TaskId is 400 (it could not be keyed per D7)', () => {
    const xml = fixture('template-card-event-button.xml').replace(/<TaskId>.*?<\/TaskId>/, '');
    expect(rejected(xml).code).toBe('bad_shape');
  });
});

describe('dedupe keys (D7)', () => {
  it('messages are keyed by MsgId', () => {
    expect(dedupeKeyOf(parse('text-vector-b.xml'))).toBe('msg:4561255354251345929');
    expect(dedupeKeyOf(parse('image.xml'))).toBe('msg:1234567890123456');
  });

  it('card clicks by From + CreateTime + EventKey + TaskId', () => {
    expect(dedupeKeyOf(parse('template-card-event-button.xml'))).toBe(
      'card:lisi:1714527300:approve:SP20240501001:SP20240501001-1-1',
    );
  });

  it('other events by From + CreateTime + Event + EventKey', () => {
    expect(dedupeKeyOf(parse('event-click.xml'))).toBe('evt:FromUser:123456789:click:EVENTKEY');
    expect(dedupeKeyOf(parse('event-enter-agent.xml'))).toBe('evt:FromUser:1408091189:enter_agent:');
    expect(dedupeKeyOf(parse('event-location.xml'))).toBe('evt:FromUser:123456789:LOCATION:');
  });

  it('the same delivery twice gives the same key; a click on another button in the same second does not', () => {
    const spec = { type: 'card', corpId: 'c', from: 'lisi', createTime: 1714527300, taskId: 'SP1-1-1' } as const;
    const approve = parseInbound(buildInboundXml({ ...spec, eventKey: 'approve:SP1', responseCode: 'r1' }));
    const again = parseInbound(buildInboundXml({ ...spec, eventKey: 'approve:SP1', responseCode: 'r2' }));
    const reject = parseInbound(buildInboundXml({ ...spec, eventKey: 'reject:SP1' }));
    expect(dedupeKeyOf(again)).toBe(dedupeKeyOf(approve));
    expect(dedupeKeyOf(reject)).not.toBe(dedupeKeyOf(approve));
  });

  it('keys longer than the inbox column (191) are capped yet stay distinct', () => {
    const long = (tail: string) =>
      parseInbound(
        buildInboundXml({
          type: 'event',
          corpId: 'c',
          from: 'u',
          createTime: 1,
          event: 'view',
          eventKey: `https://x.example/${'p'.repeat(300)}${tail}`,
        }),
      );
    const a = dedupeKeyOf(long('a'));
    const b = dedupeKeyOf(long('b'));
    expect(a.length).toBeLessThanOrEqual(191);
    expect(a).not.toBe(b);
  });
});

describe('fixture builders', () => {
  it('buildInboundXml text round-trips, including a literal ]]> and a 19-digit default MsgId', () => {
    const m = as(
      parseInbound(buildInboundXml({ type: 'text', corpId: 'wwc', from: 'zhangsan', content: '帮助 ]]> <b>&amp;' })),
      'text',
    );
    expect(m.content).toBe('帮助 ]]> <b>&amp;');
    expect(m.msgId).toMatch(/^\d{19}$/);
    expect(m.to).toBe('wwc');
  });

  it('buildInboundXml card click with selections and a plain event', () => {
    const card = as(
      parseInbound(
        buildInboundXml({
          type: 'card',
          corpId: 'c',
          from: 'u',
          eventKey: 'k',
          taskId: 't',
          responseCode: 'rc',
          selected: [{ questionKey: 'q', optionIds: ['1', '2'] }],
        }),
      ),
      'event:template_card_event',
    );
    expect(card).toMatchObject({
      eventKey: 'k',
      taskId: 't',
      responseCode: 'rc',
      cardType: 'button_interaction',
      selectedItems: [{ questionKey: 'q', optionIds: ['1', '2'] }],
    });
    expect(
      as(
        parseInbound(buildInboundXml({ type: 'event', corpId: 'c', from: 'u', event: 'enter_agent' })),
        'event:enter_agent',
      ).eventKey,
    ).toBe('');
  });
});
