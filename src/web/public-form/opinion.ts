import './opinion.css';
import { solveChallenge } from '../../domain/proof-of-work';
import type { ResponseOf } from '../../shared/api/endpoint';
import type { opinionsApi } from '../../shared/api/opinions';

/**
 * The public opinion form: no framework (it must load fast on a poor connection and in WeChat's
 * browser), every text set with textContent (nothing a respondent or the office typed runs as HTML).
 */
// Types only (nothing of the declarations is bundled here): the form as GET /api/public/opinions/:token answers it.
type PublicForm = ResponseOf<typeof opinionsApi.publicForm>;
type Question = PublicForm['questions'][number];

const app = document.getElementById('app')!;
const token = location.pathname.split('/').filter(Boolean)[1] ?? '';

function el<T extends HTMLElement = HTMLElement>(
  tag: string,
  props: Record<string, unknown> = {},
  ...children: (Node | string)[]
): T {
  const e = Object.assign(document.createElement(tag), props) as T;
  for (const c of children) e.append(c);
  return e;
}

function show(...nodes: Node[]) {
  app.replaceChildren(...nodes);
}

async function load() {
  const res = await fetch(`/api/public/opinions/${encodeURIComponent(token)}`).catch(() => null);
  if (!res) return show(el('p', { className: 'error', textContent: '网络连接失败，请稍后重试。' }));
  if (!res.ok)
    return show(
      el('p', {
        className: 'error',
        textContent: res.status === 404 ? '意见表不存在，请核对链接。' : '意见表暂时无法打开，请稍后重试。',
      }),
    );
  render((await res.json()) as PublicForm);
}

function question(q: Question): HTMLElement {
  const box = el(
    'div',
    { className: 'q' },
    el('label', { className: 'title', htmlFor: `q-${q.id}`, textContent: `${q.label}${q.required ? '（必填）' : ''}` }),
  );
  if (q.kind === 'text') box.append(el('textarea', { id: `q-${q.id}`, name: q.id, maxLength: 2000 }));
  else {
    const opts = el('div', { className: 'opts', role: 'radiogroup' });
    const values = q.kind === 'rating' ? ['1', '2', '3', '4', '5'] : q.options;
    for (const v of values)
      opts.append(
        el('label', {}, el('input', { type: 'radio', name: q.id, value: v }), ` ${q.kind === 'rating' ? `${v}分` : v}`),
      );
    box.append(opts);
  }
  return box;
}

function render(f: PublicForm) {
  document.title = f.title;
  const form = el<HTMLFormElement>('form', { noValidate: true });
  const error = el('p', { className: 'error' });
  const code = f.needsCode
    ? el<HTMLInputElement>('input', {
        type: 'text',
        id: 'code',
        name: 'code',
        maxLength: 20,
        autocomplete: 'off',
        placeholder: '请输入发给您的填写码',
      })
    : null;
  const submit = el<HTMLButtonElement>('button', { type: 'submit', textContent: '匿名提交' });
  if (code)
    form.append(
      el('div', { className: 'q' }, el('label', { className: 'title', htmlFor: 'code', textContent: '填写码' }), code),
    );
  form.append(...f.questions.map(question), error, submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const answers: Record<string, string | number> = {};
    for (const q of f.questions) {
      const v = data.get(q.id);
      if (typeof v === 'string' && v.trim()) answers[q.id] = q.kind === 'rating' ? Number(v) : v.trim();
    }
    if (Object.keys(answers).length === 0) return void (error.textContent = '请至少填写一项意见。');
    submit.disabled = true;
    error.textContent = '';
    const send = (extra: object) =>
      fetch(`/api/public/opinions/${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answers, ...(code ? { code: code.value } : {}), ...extra }),
      }).catch(() => null);
    let res = await send({});
    // A burst from one network: the server asks for a small proof of work, solved here without the respondent doing anything.
    if (res?.status === 428) {
      const asked = await res.json().catch(() => null);
      error.textContent = asked?.message ?? '正在进行安全验证，请稍候…';
      await new Promise((r) => setTimeout(r, 30));
      const seed = String(asked?.details?.seed ?? '');
      const nonce = seed ? solveChallenge(seed, Number(asked?.details?.bits ?? 16)) : null;
      res = nonce ? await send({ proof: { seed, nonce } }) : res;
      error.textContent = '';
    }
    submit.disabled = false;
    if (res?.ok)
      return show(
        el(
          'div',
          { className: 'done' },
          el('h1', { textContent: '提交成功，感谢您的意见！' }),
          el('p', { className: 'muted', textContent: '您的意见已匿名保存。' }),
        ),
      );
    const body = res ? await res.json().catch(() => null) : null;
    error.textContent = body?.message ?? '提交失败，请检查网络后重试。';
  });
  show(
    el('h1', { textContent: f.title }),
    el('p', { className: 'muted', textContent: `${f.audience ? `面向：${f.audience} · ` : ''}截止：${f.closesOn}` }),
    ...(f.intro ? [el('p', { textContent: f.intro })] : []),
    el('div', { className: 'notice', textContent: f.anonymity }),
    ...(f.open ? [form] : [el('p', { className: 'error', textContent: '征求意见未在进行中，感谢关注。' })]),
  );
}

void load();
