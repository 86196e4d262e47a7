// Full-width → half-width before parsing, so phone keyboards just work. Only what the parser and the values'
// formats read is mapped (=, @, :, /, -, quotes, digits, letters). Chinese prose punctuation ，；（） stays as typed,
// so a 事由 or 说明 is stored and printed on the seed forms as written (D240); list values accept ， and , alike.
const MAP: Record<string, string> = {
  '\u3000': ' ',
  '：': ':',
  '＝': '=',
  '／': '/',
  '－': '-',
  '＠': '@',
  '“': '"',
  '”': '"',
};

/** Full-width forms kept: prose punctuation (the ASCII block below would map them). */
const KEEP = new Set(['，', '；', '（', '）']);

export function normalise(input: string): string {
  let out = '';
  for (const ch of input) {
    const code = ch.codePointAt(0)!;
    if (MAP[ch] !== undefined) out += MAP[ch];
    // Full-width ASCII block FF01–FF5E → 0021–007E (digits, Latin letters, punctuation).
    else if (code >= 0xff01 && code <= 0xff5e && !KEEP.has(ch)) out += String.fromCodePoint(code - 0xfee0);
    else out += ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}
