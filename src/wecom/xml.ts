import { SaxesParser } from 'saxes';

// The one XML reader for everything WeCom sends us (decrypted payloads; the envelope is matched exactly before
// the signature, crypto.ts). saxes is a strict, non-validating XML 1.0 parser: one pass that refuses anything
// not well formed, D241 — it replaced fast-xml-parser plus its separate validator pass, 16 → 3.5 µs a callback
// on the acknowledgement's hot path. It never expands entities: a DOCTYPE or ENTITY declaration is refused before
// parsing, and without a DTD only the five predefined entities and character references exist (any other
// is a well-formedness error). They are decoded only outside CDATA — plain XML text semantics.

export type XmlNode = string | XmlNode[] | { [name: string]: XmlNode };
export type XmlResult = { ok: true; root: Record<string, XmlNode> } | { ok: false; reason: string };

const DTD = /<!DOCTYPE|<!ENTITY/i;

// Characters XML 1.0 forbids even inside CDATA: the C0 controls except tab, LF and CR, and U+FFFE/U+FFFF. A user
// can paste them into a WeCom message; they mean nothing to any command, and a strict parser would otherwise
// refuse the whole signed message, which WeCom then gives up on. They are dropped before parsing.
// eslint-disable-next-line no-control-regex
const NOT_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Elements that WeCom may repeat (template_card_event selections, WeCom doc 90239/90240); everything else must be single. */
const REPEATABLE = new Set([
  'xml.SelectedItems.SelectedItem',
  'xml.SelectedItems.SelectedItem.OptionIds.OptionId',
  'xml.SelectedItems.SelectedItem.OpitonIds.OpitonId',
]);

/** An open element: its path from the root, its children so far, and its text and CDATA if it is a leaf. */
interface Frame {
  path: string;
  children: Record<string, XmlNode> | undefined;
  text: string;
  cdata: string | undefined;
}

/** A leaf's value: CDATA wins; whitespace-only text around it is layout, not content. */
const leaf = (f: Frame): string => (f.cdata === undefined ? f.text : (f.text.trim() ? f.text : '') + f.cdata);

/**
 * Attach a closed element to its parent. A repeatable element is always a list; any other element seen twice
 * becomes a list too, so the shape check refuses it (a doubled Content is not a message we understand).
 */
function attach(parent: Frame, name: string, value: XmlNode): void {
  const children = (parent.children ??= {});
  const existing = children[name];
  if (REPEATABLE.has(`${parent.path}.${name}`))
    children[name] = Array.isArray(existing) ? [...existing, value] : [value];
  else if (existing === undefined) children[name] = value;
  else children[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
}

/** Parse `<xml>…</xml>`; refuses DTDs, malformed XML and any other root element. */
export function parseWecomXml(xml: string): XmlResult {
  if (DTD.test(xml)) return { ok: false, reason: 'DOCTYPE/ENTITY declarations are not accepted' };
  if (!xml.trim()) return { ok: false, reason: 'empty body' };
  const parser = new SaxesParser();
  const stack: Frame[] = [];
  let root: { name: string; value: XmlNode } | undefined;
  parser.on('opentag', (tag) => {
    const parent = stack.at(-1);
    stack.push({
      path: parent ? `${parent.path}.${tag.name}` : tag.name,
      children: undefined,
      text: '',
      cdata: undefined,
    });
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on('cdata', (t) => {
    const top = stack.at(-1);
    if (top) top.cdata = (top.cdata ?? '') + t;
  });
  parser.on('closetag', (tag) => {
    const frame = stack.pop()!;
    const value = frame.children ?? leaf(frame);
    const parent = stack.at(-1);
    if (parent) attach(parent, tag.name, value);
    else root = { name: tag.name, value };
  });
  try {
    // Without an error handler saxes throws at the first well-formedness error (unclosed or mismatched tags,
    // an undefined entity, text or a second element outside the root).
    parser.write(xml.replace(NOT_XML_CHARS, '')).close();
  } catch (e) {
    return { ok: false, reason: `malformed XML: ${(e as Error).message}` };
  }
  if (!root || root.name !== 'xml') return { ok: false, reason: 'root element must be <xml>' };
  if (typeof root.value === 'string')
    return root.value.trim() ? { ok: false, reason: 'root has no elements' } : { ok: true, root: {} };
  return { ok: true, root: root.value as Record<string, XmlNode> };
}

/** Escape a value for a CDATA section (a literal `]]>` must be split across two sections). */
export const cdata = (v: string | number): string => `<![CDATA[${String(v).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
