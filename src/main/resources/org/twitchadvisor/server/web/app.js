// Twitch Advisor web page: one question at a time, then the result. Plain JavaScript, no build step.
// Everything goes to this server only (the page's Content-Security-Policy allows nothing else); nothing is stored.
'use strict';

const state = {
  questions: [],          // the question table, from /api/questions
  byId: {},
  sources: {},            // source id -> title, from /api/rules
  answers: {},            // question id -> answer, as the questionnaire contract has it
  skipped: [],
  history: [],            // the questions asked, in order, for Back
  consultation: false,    // whether the server has /api/consultation
  whatIfApi: false,       // whether the server has /api/what-if
  current: null,          // {question, why, waiting}
  assessment: null
};

// What-if changes a person can try, shown only for answers the result rests on.
const WHAT_IFS = [
  { question: 'medications', has: 'diuretic', label: 'No diuretic', change: a => ({ set: { medications: a.filter(v => v !== 'diuretic') } }) },
  { question: 'sun_exposure', is: 'limited', label: 'More sun', change: () => ({ set: { sun_exposure: 'ample' } }) },
  { question: 'water_intake', is: 'low', label: 'Drink more water', change: () => ({ set: { water_intake: 'adequate' } }) },
  { question: 'alcohol', is: 'heavy', label: 'No alcohol', change: () => ({ set: { alcohol: 'none' } }) },
  { question: 'caffeine_cups_per_day', above: 2, label: 'One cup of coffee a day', change: () => ({ set: { caffeine_cups_per_day: 1 } }) },
  { question: 'stress', is: 'high', label: 'Less stress', change: () => ({ set: { stress: 'low' } }) },
  { question: 'nicotine', is: true, label: 'No nicotine', change: () => ({ set: { nicotine: false } }) },
  { question: 'poor_diet', is: true, label: 'Regular fresh meals', change: () => ({ set: { poor_diet: false } }) },
  { question: 'heavy_sweating', is: true, label: 'Less heavy sweating', change: () => ({ set: { heavy_sweating: false } }) },
  { question: 'exercise_near_bedtime', is: true, label: 'No late workouts', change: () => ({ set: { exercise_near_bedtime: false } }) },
  { question: 'low_intake', has: '*', label: v => 'Eat ' + words(v), change: (a, v) => ({ set: { low_intake: a.filter(x => x !== v) } }) }
];

const $ = id => document.getElementById(id);
const words = s => String(s).replace(/_/g, ' ');
const LEVEL = { likely: 'Likely', possible: 'Possible', confirmed: 'Confirmed', ruled_out: 'Ruled out', urgent: 'Urgent', see_doctor: 'See a doctor' };
const TYPE = { deficiency: 'Nutrient', lifestyle: 'Habit', differential: 'Other condition', red_flag: 'Warning sign' };

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c);
  return e;
}

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store'
  });
  const data = await response.json().catch(() => null);
  return { status: response.status, data };
}

function show(section) {
  for (const id of ['start', 'ask', 'result']) $(id).hidden = id !== section;
}

function problemText(data) {
  if (data && Array.isArray(data.problems)) return data.problems.map(p => p.message).join(' ');
  return (data && data.detail) || 'Something went wrong; please try again.';
}

// ---- skip logic, for a server without the consultation endpoint -----------------------------------------------
function applies(q) {
  const conditions = q.askIf || q.ask_if || [];
  const byQuestion = {};
  for (const c of conditions) (byQuestion[c.question] = byQuestion[c.question] || []).push(c);
  // Conditions on one question are alternatives; conditions on different questions must all hold.
  return Object.entries(byQuestion).every(([id, alternatives]) => alternatives.some(c => holds(id, c)));
}

function holds(id, c) {
  if (!(id in state.answers)) return false;
  if (c.operator === 'answered') return true;
  const a = state.answers[id];
  if (typeof a === 'boolean') return (c.value === 'yes') === a;
  if (Array.isArray(a)) return a.includes(c.value);
  return String(a) === c.value;
}

function nextFromTable() {
  return state.questions.find(q => q.id !== 'respondent' && !(q.id in state.answers)
    && !state.skipped.includes(q.id) && applies(q));
}

// ---- the consultation ------------------------------------------------------------------------------------------
async function begin() {
  $('start-error').hidden = true;
  try {
    const [questions, rules] = await Promise.all([call('GET', '/api/questions'), call('GET', '/api/rules')]);
    state.questions = questions.data.questions;
    state.byId = Object.fromEntries(state.questions.map(q => [q.id, q]));
    state.sources = Object.fromEntries((rules.data.sources || []).map(s => [s.id, s.title]));
    state.labels = Object.fromEntries((rules.data.subjects || []).map(s => [s.type + ':' + s.id, s.label]));
    const probe = await call('POST', '/api/consultation', { answers: {}, skipped: [] });
    state.consultation = probe.status === 200;
    const whatIf = await call('POST', '/api/what-if', { answers: {}, set: {}, unset: [] });
    state.whatIfApi = whatIf.status === 200;
  } catch (e) {
    $('start-error').textContent = 'The advisor cannot be reached. Please try again in a moment.';
    $('start-error').hidden = false;
    return;
  }
  state.answers = {};
  state.skipped = [];
  state.history = [];
  await advance();
}

/** Asks the next question, or shows the result when nothing more could change it. */
async function advance() {
  if (state.consultation) {
    const r = await call('POST', '/api/consultation', { answers: state.answers, skipped: state.skipped });
    if (r.status !== 200) return failed(r);
    const next = r.data.next || [];
    if (r.data.stop || next.length === 0) return showResult(r.data.assessment);
    const n = next[0];
    return ask({ question: Object.assign({}, state.byId[n.question] || {}, n, { id: n.question }), why: n.why, waiting: n.waiting || [] });
  }
  const q = nextFromTable();
  if (!q) return finish();
  return ask({ question: q, why: null, waiting: [] });
}

function failed(r) {
  const error = $('question-error');
  error.textContent = problemText(r.data);
  error.hidden = false;
  return false;
}

function ask(current) {
  state.current = current;
  const q = current.question;
  show('ask');
  $('question-form').dataset.question = q.id;
  $('progress').textContent = 'Question ' + (state.history.length + 1);
  $('question-text').textContent = q.text;
  $('question-hint').textContent = q.type === 'any_of' ? 'Choose all that apply.'
    : q.type === 'number' ? 'A number' + (q.unit ? ' in ' + q.unit : '') + (q.min !== undefined ? ', from ' + q.min + ' to ' + q.max : '') + '.'
    : '';
  $('question-error').hidden = true;
  $('why-text').hidden = true;
  $('why-button').setAttribute('aria-expanded', 'false');
  $('back').disabled = state.history.length === 0;
  const area = $('answer-area');
  area.replaceChildren(inputs(q, state.answers[q.id] ?? state.previous?.[q.id]));
  window.scrollTo(0, 0);
  $('question-text').focus({ preventScroll: true });
}

function inputs(q, given) {
  const name = 'answer-' + q.id;
  if (q.type === 'yes_no') {
    return el('div', { class: 'choices' },
      choice('radio', name, 'yes', 'Yes', given === true), choice('radio', name, 'no', 'No', given === false));
  }
  if (q.type === 'one_of') {
    return el('div', { class: 'choices' + (q.values.length > 4 ? ' many' : '') },
      q.values.map(v => choice('radio', name, v, words(v), given === v)));
  }
  if (q.type === 'any_of') {
    const box = el('div', { class: 'choices' + (q.values.length > 4 ? ' many' : '') },
      q.values.map(v => choice('checkbox', name, v, words(v), Array.isArray(given) && given.includes(v))),
      choice('checkbox', name, '__none', 'None of these', Array.isArray(given) && given.length === 0));
    box.addEventListener('change', e => {
      // "None of these" and a value exclude each other.
      if (e.target.value === '__none' && e.target.checked) box.querySelectorAll('input').forEach(i => { if (i !== e.target) i.checked = false; });
      else if (e.target.checked) box.querySelector('input[value="__none"]').checked = false;
    });
    return box;
  }
  const id = 'input-' + q.id;
  const input = el('input', { id, name, type: q.type === 'number' ? 'number' : 'text', inputmode: q.type === 'number' ? 'decimal' : null,
    step: 'any', min: q.min, max: q.max, value: given !== undefined ? String(given) : null });
  return el('div', { class: q.type === 'number' ? 'number' : 'text' },
    el('label', { for: id, class: 'visually-hidden', text: q.text }), input, q.unit ? el('span', { text: q.unit }) : null);
}

function choice(type, name, value, label, checked) {
  return el('label', { class: 'choice' }, el('input', { type, name, value, checked }), el('span', { text: label }));
}

/** The answer the form holds, or undefined when none is given. */
function formAnswer(q) {
  const checked = [...document.querySelectorAll('#answer-area input:checked')].map(i => i.value);
  const field = document.querySelector('#answer-area input[type=number], #answer-area input[type=text]');
  switch (q.type) {
    case 'yes_no': return checked.length ? checked[0] === 'yes' : undefined;
    case 'one_of': return checked[0];
    case 'any_of': return checked.includes('__none') ? [] : checked.length ? checked : undefined;
    case 'number': return field.value.trim() === '' ? undefined : Number(field.value);
    default: return field.value.trim() === '' ? undefined : field.value.trim();
  }
}

async function next(event) {
  event.preventDefault();
  const q = state.current.question;
  const answer = formAnswer(q);
  if (answer === undefined || Number.isNaN(answer)) {
    $('question-error').textContent = 'Choose an answer, or press Skip to leave this question out.';
    $('question-error').hidden = false;
    return;
  }
  state.answers[q.id] = answer;
  state.history.push(q.id);
  if (!state.consultation) {
    // Without the consultation endpoint, the answer is checked now rather than at the end.
    const r = await call('POST', '/api/assess', state.answers);
    if (r.status !== 200) {
      delete state.answers[q.id];
      state.history.pop();
      return failed(r);
    }
  }
  if (await advance() === false) {
    delete state.answers[q.id];
    state.history.pop();
  }
}

async function skip() {
  const q = state.current.question;
  state.skipped.push(q.id);
  state.history.push(q.id);
  await advance();
}

async function back() {
  const id = state.history.pop();
  if (id === undefined) return;
  state.previous = Object.assign({}, state.previous, { [id]: state.answers[id] });
  delete state.answers[id];
  state.skipped = state.skipped.filter(s => s !== id);
  const q = state.byId[id];
  ask({ question: q, why: null, waiting: [] });
  if (state.consultation) {
    // The reason for asking comes from the consultation, which gives it for the questions it proposes.
    const r = await call('POST', '/api/consultation', { answers: state.answers, skipped: state.skipped });
    const again = r.status === 200 ? (r.data.next || []).find(n => n.question === id) : null;
    if (again) state.current = { question: q, why: again.why, waiting: again.waiting || [] };
  }
}

function toggleWhy() {
  const box = $('why-text');
  const open = box.hidden;
  box.hidden = !open;
  $('why-button').setAttribute('aria-expanded', String(open));
  if (!open) return;
  const c = state.current;
  const why = c.why || 'The rules use this answer to weigh which nutrient or habit may explain the twitching.';
  // The first reason in plain words; the whole reasoning, which can be long, one click further.
  const first = why.length > 240 ? why.slice(0, why.lastIndexOf(' ', 240)) + '…' : why;
  const parts = [el('p', { text: first })];
  const waiting = c.waiting || [];
  if (why !== first || waiting.length) {
    parts.push(el('details', {}, el('summary', { text: waiting.length ? 'All the reasons: ' + waiting.length + ' rules wait for this answer' : 'All the reasons' }),
      why !== first ? el('p', { text: why }) : null,
      waiting.length ? el('ul', {}, waiting.map(w =>
        el('li', {}, w.claim || w.rule, w.effect ? ' (' + w.effect + (w.subject ? ' ' + words(w.subject) : '') + ')' : '', ' ',
          (w.sources || []).map(sourceTag)))) : null));
  }
  box.replaceChildren(...parts);
}

async function finish() {
  const r = await call('POST', '/api/assess', state.answers);
  if (r.status !== 200) return failed(r);
  showResult(r.data);
}

// ---- the result ------------------------------------------------------------------------------------------------
function showResult(assessment) {
  state.assessment = assessment;
  show('result');
  renderTriage(assessment);
  const findings = assessment.findings.filter(f => f.type !== 'red_flag');
  $('findings').replaceChildren(...(findings.length ? findings.map(renderFinding)
    : [el('li', { class: 'finding', text: 'The answers point to no particular nutrient or habit.' })]));
  const used = new Set();
  assessment.findings.forEach(f => f.because.forEach(function walk(e) { e.sources.forEach(s => used.add(s)); e.because.forEach(walk); }));
  $('sources').replaceChildren(...[...used].sort().map(id =>
    el('li', { id: 'source-' + id }, el('strong', { text: id }), ' ', state.sources[id] || '')));
  renderWhatIfs(assessment);
  download('download-answers', Object.assign({}, state.answers));
  download('download-assessment', assessment);
  window.scrollTo(0, 0);
  $('result-title').focus({ preventScroll: true });
}

function renderTriage(a) {
  const flags = a.findings.filter(f => f.type === 'red_flag');
  const box = $('triage');
  box.className = 'triage ' + a.triage;
  box.setAttribute('role', a.triage === 'urgent' ? 'alert' : 'status');
  const heading = {
    urgent: 'Seek medical care promptly',
    see_doctor: 'Please see a doctor',
    self_care: 'Diet and habit changes first'
  }[a.triage];
  const text = {
    urgent: 'Some of your answers are signs the articles tie to a severe deficiency. Contact a doctor or urgent care today; do not wait for diet changes to work.',
    see_doctor: 'The articles advise a professional opinion for some of your answers. The advice below can help meanwhile.',
    self_care: 'Nothing in your answers calls for a visit now. Try the advice below; see a doctor if the twitching persists or gets worse.'
  }[a.triage];
  box.replaceChildren(el('h2', { id: 'triage-heading', text: heading }), el('p', { text }),
    ...(flags.length ? [el('ul', { class: 'flags' }, flags.map(f => el('li', { text: f.summary })))] : []));
}

function renderFinding(f) {
  const pct = Math.round(f.score * 100);
  return el('li', { class: 'finding', 'data-subject': f.subject },
    el('h3', { text: f.summary }),
    el('div', { class: 'meta' },
      el('span', { text: TYPE[f.type] || words(f.type) }),
      el('span', { class: 'badge ' + f.level, text: LEVEL[f.level] || words(f.level) }),
      el('span', {}, el('meter', { min: 0, max: 1, value: f.score, 'aria-label': 'certainty ' + pct + '%' }),
        ' ', el('span', { text: 'certainty ' + pct + '%' }))),
    f.because.length ? el('details', {}, el('summary', { text: 'Why: how the rules got there' }),
      el('ul', { class: 'tree' }, f.because.map(renderNode))) : null,
    f.advice.length ? el('div', {}, el('p', {}, el('strong', { text: 'What you can do' })),
      el('ul', { class: 'advice' }, f.advice.map(t => el('li', { text: t })))) : null);
}

function renderNode(e) {
  const answered = Object.entries(e.answers || {});
  return el('li', {},
    el('span', { text: capital(e.rule) }), ' ', e.sources.map(sourceTag),
    e.claim ? el('span', { class: 'claim', text: e.claim }) : null,
    answered.length ? el('span', { class: 'answered', text: 'You answered: ' + answered.map(([q, v]) =>
      (state.byId[q] ? state.byId[q].text.replace(/\?$/, '') : words(q)) + ': ' + (Array.isArray(v) ? v.map(words).join(', ') : v === true ? 'yes' : v === false ? 'no' : words(v))).join('; ') }) : null,
    e.because.length ? el('ul', {}, e.because.map(renderNode)) : null);
}

function label(f) {
  return (state.labels && state.labels[f.type + ':' + f.subject]) || words(f.subject);
}

function capital(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function sourceTag(id) {
  return el('a', { class: 'src', href: '#source-' + id, title: state.sources[id] || id, text: id });
}

function download(id, value) {
  // A data URL: the file is made in the page, so nothing is sent anywhere to download it.
  $(id).href = 'data:application/json;charset=utf-8,' + encodeURIComponent(JSON.stringify(value, null, 2) + '\n');
}

// ---- what if ---------------------------------------------------------------------------------------------------
function mattering(assessment) {
  const used = new Set();
  assessment.findings.forEach(f => f.because.forEach(function walk(e) { Object.keys(e.answers || {}).forEach(q => used.add(q)); e.because.forEach(walk); }));
  return used;
}

function renderWhatIfs(assessment) {
  const used = mattering(assessment);
  const toggles = [];
  for (const w of WHAT_IFS) {
    const a = state.answers[w.question];
    if (a === undefined || !used.has(w.question)) continue;
    if (w.has === '*' && Array.isArray(a)) a.forEach(v => toggles.push({ label: w.label(v), change: w.change(a, v), question: w.question, id: w.question + '-' + v }));
    else if ((w.has && Array.isArray(a) && a.includes(w.has)) || (w.is !== undefined && a === w.is) || (w.above !== undefined && a > w.above)) {
      toggles.push({ label: w.label, change: w.change(a), question: w.question, id: w.question });
    }
  }
  $('whatif').hidden = toggles.length === 0;
  $('whatif-result').replaceChildren();
  $('whatif-toggles').replaceChildren(...toggles.map(t => {
    const b = el('button', { type: 'button', class: 'secondary toggle', 'aria-pressed': 'false', 'data-whatif': t.id, text: t.label });
    b.addEventListener('click', () => {
      b.setAttribute('aria-pressed', String(b.getAttribute('aria-pressed') !== 'true'));
      tryWhatIf(toggles);
    });
    return b;
  }));
}

async function tryWhatIf(toggles) {
  const pressed = toggles.filter(t => document.querySelector('[data-whatif="' + t.id + '"]').getAttribute('aria-pressed') === 'true');
  const out = $('whatif-result');
  if (!pressed.length) return out.replaceChildren();
  const set = {};
  const changed = Object.assign({}, state.answers);
  for (const t of pressed) {
    for (const [q, v] of Object.entries(t.change.set)) {
      // Two changes to one list answer combine: each removes its own value.
      const value = Array.isArray(v) && Array.isArray(set[q]) ? set[q].filter(x => v.includes(x)) : v;
      set[q] = value;
      changed[q] = value;
    }
  }
  let after;
  if (state.whatIfApi) {
    const r = await call('POST', '/api/what-if', { answers: state.answers, set, unset: [] });
    if (r.status !== 200) return out.replaceChildren(el('p', { class: 'error', text: problemText(r.data) }));
    after = r.data.after;
  } else {
    const r = await call('POST', '/api/assess', changed);
    if (r.status !== 200) return out.replaceChildren(el('p', { class: 'error', text: problemText(r.data) }));
    after = r.data;
  }
  out.replaceChildren(el('p', {}, el('strong', { text: 'With ' + pressed.map(t => t.label.toLowerCase()).join(' and ') + ':' })),
    el('ul', { id: 'whatif-changes' }, differences(state.assessment, after)));
}

function differences(before, after) {
  const items = [];
  if (before.triage !== after.triage) items.push(el('li', { text: 'Overall: ' + words(before.triage) + ' → ' + words(after.triage) }));
  const key = f => f.type + ':' + f.subject;
  const old = Object.fromEntries(before.findings.map(f => [key(f), f]));
  const now = Object.fromEntries(after.findings.map(f => [key(f), f]));
  for (const [k, f] of Object.entries(old)) {
    const g = now[k];
    const name = label(f);
    if (!g) items.push(el('li', { text: capital(name) + ': no longer found' }));
    else if (g.level !== f.level) items.push(el('li', { text: capital(name) + ': ' + (LEVEL[f.level] || f.level).toLowerCase() + ' → ' + (LEVEL[g.level] || g.level).toLowerCase() }));
    else if (Math.round(g.score * 100) !== Math.round(f.score * 100)) items.push(el('li', { text: capital(name) + ': certainty ' + Math.round(f.score * 100) + '% → ' + Math.round(g.score * 100) + '%' }));
  }
  for (const [k, g] of Object.entries(now)) if (!old[k]) items.push(el('li', { text: capital(label(g)) + ': newly found (' + (LEVEL[g.level] || g.level).toLowerCase() + ')' }));
  return items.length ? items : [el('li', { text: 'No change to the result.' })];
}

document.addEventListener('DOMContentLoaded', () => {
  $('begin').addEventListener('click', begin);
  $('question-form').addEventListener('submit', next);
  $('skip').addEventListener('click', skip);
  $('back').addEventListener('click', back);
  $('finish').addEventListener('click', finish);
  $('why-button').addEventListener('click', toggleWhy);
  $('restart').addEventListener('click', () => { state.previous = {}; show('start'); $('begin').focus(); });
});
