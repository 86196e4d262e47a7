import { XMLParser, XMLValidator } from 'fast-xml-parser';

// The one XML reader for everything WeCom sends us (envelopes and decrypted payloads). It never expands
// entities: a DOCTYPE or ENTITY declaration is refused before parsing, and the parser runs
// with processEntities off. Only the five predefined entities and character references are decoded, and
// only outside CDATA — that is plain XML text semantics, not entity expansion.

export type XmlNode = string | XmlNode[] | { [name: string]: XmlNode };
export type XmlResult = { ok: true; root: Record<string, XmlNode> } | { ok: false; reason: string };

const DTD = /<!DOCTYPE|<!ENTITY/i;

/** Elements that WeCom may repeat (template_card_event selections, WeCom doc 90239/90240); everything else must be single. */
const REPEATABLE = new Set([
  'xml.SelectedItems.SelectedItem',
  'xml.SelectedItems.SelectedItem.OptionIds.OptionId',
  'xml.SelectedItems.SelectedItem.OpitonIds.OpitonId',
]);
const REPEATABLE_TAGS = new Set([...REPEATABLE].map((path) => path.slice(path.lastIndexOf('.') + 1)));

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false, // MsgId exceeds 2^53 (WeCom doc 90238): every value stays a string
  ignoreDeclaration: true,
  ignorePiTags: true,
  ignoreAttributes: true,
  trimValues: false, // keep user text verbatim; whitespace between elements is dropped below
  cdataPropName: '#cdata',
  // The tag name first: turning the parser's path into a string costs more than the rest of the check, and only
  // three tag names can ever match (the acknowledgement's hot path).
  isArray: (name, jpath) => REPEATABLE_TAGS.has(name) && REPEATABLE.has(String(jpath)),
});

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

const joinParts = (v: unknown): string => (Array.isArray(v) ? v.map(String).join('') : String(v ?? ''));

/** Turn the parser's CDATA/text split into plain strings; element objects keep their children. */
function normalise(node: unknown): XmlNode {
  if (typeof node === 'string') return decodeText(node);
  if (Array.isArray(node)) return node.map(normalise);
  if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    const keys = Object.keys(obj);
    const children = keys.filter((k) => k !== '#text' && k !== '#cdata');
    if (children.length === 0) {
      // A leaf: CDATA wins; whitespace-only text around it is layout, not content.
      const text = joinParts(obj['#text']);
      if (!('#cdata' in obj)) return decodeText(text);
      return (text.trim() ? decodeText(text) : '') + joinParts(obj['#cdata']);
    }
    const out: Record<string, XmlNode> = {};
    for (const k of children) out[k] = normalise(obj[k]);
    return out;
  }
  return '';
}

/** Parse `<xml>…</xml>`; refuses DTDs, malformed XML and any other root element. */
export function parseWecomXml(xml: string): XmlResult {
  if (DTD.test(xml)) return { ok: false, reason: 'DOCTYPE/ENTITY declarations are not accepted' };
  if (!xml.trim()) return { ok: false, reason: 'empty body' };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, reason: `malformed XML: ${valid.err.msg}` };
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch (e) {
    return { ok: false, reason: `malformed XML: ${(e as Error).message}` };
  }
  const rootNames = Object.keys(doc ?? {}).filter((k) => k !== '#text');
  if (rootNames.length !== 1 || rootNames[0] !== 'xml') return { ok: false, reason: 'root element must be <xml>' };
  const root = normalise((doc as Record<string, unknown>).xml);
  if (typeof root === 'string')
    return root.trim() ? { ok: false, reason: 'root has no elements' } : { ok: true, root: {} };
  if (Array.isArray(root)) return { ok: false, reason: 'more than one <xml> root' };
  return { ok: true, root };
}

/** Escape a value for a CDATA section (a literal `]]>` must be split across two sections). */
export const cdata = (v: string | number): string => `<![CDATA[${String(v).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
