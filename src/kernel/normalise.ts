// docs/commands.md: full-width → half-width before parsing, so phone keyboards just work.
const MAP: Record<string, string> = {
  '\u3000': ' ',
  '：': ':',
  '，': ',',
  '；': ';',
  '（': '(',
  '）': ')',
  '＝': '=',
  '／': '/',
  '－': '-',
  '＠': '@',
  '“': '"',
  '”': '"',
};

export function normalise(input: string): string {
  let out = '';
  for (const ch of input) {
    const code = ch.codePointAt(0)!;
    if (MAP[ch] !== undefined) out += MAP[ch];
    // Full-width ASCII block FF01–FF5E → 0021–007E (digits, Latin letters, punctuation).
    else if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else out += ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}
