import { ATTACHMENT_LIMIT_MB, TYPE_LABELS } from '../../kernel/attachments';
import { FILE_ACCEPT, type FormDef, type FormField } from '../../kernel/forms';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{margin:0;font:16px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f2f3f5}
main{max-width:640px;margin:0 auto;padding:12px}h1{font-size:18px}form{background:#fff;border-radius:8px;padding:12px}
label{display:block;margin:12px 0 4px;font-weight:600}input,select,textarea{width:100%;box-sizing:border-box;padding:8px;font-size:16px;border:1px solid #ccc;border-radius:4px}
textarea{min-height:88px}.help{color:#888;font-size:13px}.banner{background:#fff3e0;color:#e65100;padding:8px;border-radius:4px;font-size:14px}
button{margin-top:16px;width:100%;padding:12px;font-size:17px;background:#1976d2;color:#fff;border:0;border-radius:6px}
.result{background:#fff;border-radius:8px;padding:12px;white-space:pre-wrap}.error{color:#c62828}
.field-error{color:#c62828;font-size:14px;margin:4px 0 0;white-space:pre-wrap}[aria-invalid=true]{border-color:#c62828}`;

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** “JPG、PNG、PDF”: how a file field names what it accepts (D220). */
export function acceptLabel(field: FormField): string {
  return [...new Set((field.accept ?? FILE_ACCEPT).map((t) => TYPE_LABELS[t] ?? t))].join('、');
}

export interface PageState {
  /** What was typed (re-rendered after a refusal, D221), or the draft's prefill. */
  values: Record<string, string>;
  /** The identity proof (signed link or session). */
  hidden: Record<string, string>;
  /** A refusal not about one field, shown above the form. */
  error?: string;
  /** Refusals by field key, each shown under its input (D221). */
  fieldErrors?: Record<string, string>;
}

function input(f: FormField, id: string, values: Record<string, string>, attrs: string): string {
  const name = esc(f.key);
  const v = esc(values[f.key] ?? '');
  if (f.type === 'textarea') return `<textarea id="${id}" name="${name}"${attrs}>${v}</textarea>`;
  if (f.type === 'select')
    return `<select id="${id}" name="${name}"${attrs}><option value=""></option>${(f.options ?? []).map((o) => `<option${o === values[f.key] ? ' selected' : ''}>${esc(o)}</option>`).join('')}</select>`;
  if (f.type === 'file')
    // A browser never lets a page refill a file input: after a refusal the files are chosen again.
    return `<input type="file" id="${id}" name="${name}" multiple accept="${esc((f.accept ?? FILE_ACCEPT).join(','))}"${attrs}>`;
  const extra = `${f.type === 'date' ? ' placeholder="如 3月5日 或 2026-03-05"' : ''}${f.type === 'number' ? ` inputmode="${f.decimal ? 'decimal' : 'numeric'}"` : ''}`;
  return `<input id="${id}" name="${name}" value="${v}"${extra}${attrs}>`;
}

/** The form, prefilled with `state.values`, each refusal beside its field. */
export function formPage(form: FormDef, state: PageState): string {
  const errors = state.fieldErrors ?? {};
  const hasFile = form.fields.some((f) => f.type === 'file');
  const fields = form.fields
    .map((f) => {
      const id = `f_${esc(f.key)}`;
      const err = errors[f.key];
      const errId = `err-${esc(f.key)}`;
      const help =
        f.type === 'file'
          ? `${f.help ? `${f.help}；` : ''}只接受 ${acceptLabel(f)}，每个文件不超过 ${ATTACHMENT_LIMIT_MB} MB`
          : f.help;
      const helpId = `help-${esc(f.key)}`;
      const described = [err ? errId : '', help ? helpId : ''].filter(Boolean).join(' ');
      const attrs = `${f.required ? ' required' : ''}${described ? ` aria-describedby="${described}"` : ''}${err ? ' aria-invalid="true"' : ''}`;
      return `<label for="${id}">${esc(f.label)}${f.required ? ' *' : ''}</label>${input(f, id, state.values, attrs)}${err ? `<p class="field-error" id="${errId}" data-field="${esc(f.key)}">${esc(err)}</p>` : ''}${help ? `<div class="help" id="${helpId}">${esc(help)}</div>` : ''}`;
    })
    .join('');
  const hiddenInputs = Object.entries(state.hidden)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  const top = state.error ?? (Object.keys(errors).length ? '请按各栏下方的提示修改后再提交。' : undefined);
  return page(
    form.title,
    `<h1>${esc(form.title)}</h1>${form.intro ? `<p>${esc(form.intro)}</p>` : ''}<p class="banner">请勿填写涉密、敏感内容（rule REC-05）</p>${top ? `<p class="error" role="alert">${esc(top)}</p>` : ''}<form method="post"${hasFile ? ' enctype="multipart/form-data"' : ''}>${hiddenInputs}${fields}<button type="submit">提交</button></form>`,
  );
}

export function resultPage(title: string, lines: string[], ok: boolean): string {
  return page(
    title,
    `<h1>${esc(title)}</h1><div class="result ${ok ? '' : 'error'}" role="status">${esc(lines.join('\n'))}</div><p class="help">结果也已发送到企业微信消息中，可关闭本页。</p>`,
  );
}
