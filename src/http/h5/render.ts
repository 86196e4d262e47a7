import type { FormDef } from '../../kernel/forms';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{margin:0;font:16px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f2f3f5}
main{max-width:640px;margin:0 auto;padding:12px}h1{font-size:18px}form{background:#fff;border-radius:8px;padding:12px}
label{display:block;margin:12px 0 4px;font-weight:600}input,select,textarea{width:100%;box-sizing:border-box;padding:8px;font-size:16px;border:1px solid #ccc;border-radius:4px}
textarea{min-height:88px}.help{color:#888;font-size:13px}.banner{background:#fff3e0;color:#e65100;padding:8px;border-radius:4px;font-size:14px}
button{margin-top:16px;width:100%;padding:12px;font-size:17px;background:#1976d2;color:#fff;border:0;border-radius:6px}
.result{background:#fff;border-radius:8px;padding:12px;white-space:pre-wrap}.error{color:#c62828}`;

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** The form, prefilled; `hidden` carries the identity proof (signed link or session). */
export function formPage(
  form: FormDef,
  values: Record<string, string>,
  hidden: Record<string, string>,
  error?: string,
): string {
  const fields = form.fields
    .map((f) => {
      const id = `f_${f.key}`;
      const v = esc(values[f.key] ?? '');
      const req = f.required ? ' required' : '';
      const input =
        f.type === 'textarea'
          ? `<textarea id="${id}" name="${esc(f.key)}"${req}>${v}</textarea>`
          : f.type === 'select'
            ? `<select id="${id}" name="${esc(f.key)}"${req}><option value=""></option>${(f.options ?? []).map((o) => `<option${o === values[f.key] ? ' selected' : ''}>${esc(o)}</option>`).join('')}</select>`
            : `<input id="${id}" name="${esc(f.key)}" value="${v}" ${f.type === 'date' ? 'placeholder="如 3月5日 或 2026-03-05"' : ''}${f.type === 'number' ? ` inputmode="${f.decimal ? 'decimal' : 'numeric'}"` : ''}${req}>`;
      return `<label for="${id}">${esc(f.label)}${f.required ? ' *' : ''}</label>${input}${f.help ? `<div class="help">${esc(f.help)}</div>` : ''}`;
    })
    .join('');
  const hiddenInputs = Object.entries(hidden)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  return page(
    form.title,
    `<h1>${esc(form.title)}</h1>${form.intro ? `<p>${esc(form.intro)}</p>` : ''}<p class="banner">请勿填写涉密、敏感内容（rule REC-05）</p>${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}<form method="post">${hiddenInputs}${fields}<button type="submit">提交</button></form>`,
  );
}

export function resultPage(title: string, lines: string[], ok: boolean): string {
  return page(
    title,
    `<h1>${esc(title)}</h1><div class="result ${ok ? '' : 'error'}" role="status">${esc(lines.join('\n'))}</div><p class="help">结果也已发送到企业微信消息中，可关闭本页。</p>`,
  );
}
