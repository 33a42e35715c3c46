// `node scripts/bench-suggest.ts [pages]`: times the claim suggester on a long generated report
// (default 300 pages of about 3,300 characters, ≈ 1 MB) and prints the time and characters per
// second, beside a reference measured in the same run (the NLP library alone on the same text) and
// the issue's budget (3 s per 1 M characters, off the UI thread). The text is news-like prose from templates written for this script (casualty figures,
// weapons, attributions, dates, quotes), plus the furniture a PDF brings (headers, page numbers).
import { suggest } from '../shared/suggest/suggest.ts';
import { tokenize } from '../shared/suggest/nlp.ts';

const pages = Number(process.argv[2] ?? 300);
const PAGE_CHARS = 3300;

const places = ['Camp Harlow', 'the northern airfield', 'Port Ridley', 'Al Marwa Air Base', 'the river crossing', 'Fort Kessel', 'the border post at Zahra'];
const groups = [
  'a militia calling itself the Brigade of the Dawn',
  'the Free Hills movement',
  'an armed faction loyal to a local commander',
  'insurgents',
  'rebel fighters',
];
const speakers = ['a provincial spokesman', 'the defence ministry', 'military officials', 'a coalition statement', 'local health officials'];
const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const nums = ['two', 'three', 'four', 'five', 'about a dozen', 'at least 14', 'nearly 30', 'more than 40', 'several', 'six to eight', '17', '125'];

let seed = 7;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return (seed >>> 16) % n;
};
const pick = <T>(xs: T[]) => xs[rnd(xs.length)];

const templates: Array<() => string> = [
  () =>
    `${cap(pick(nums))} soldiers and a civilian contractor were wounded when rockets struck ${pick(places)} on ${pick(days)}, according to ${pick(speakers)}.`,
  () => `${cap(pick(groups))} fired ${pick(nums)} rockets at ${pick(places)} early ${pick(days)}, and ${pick(nums)} of them landed inside the perimeter.`,
  () => `${cap(pick(speakers))} said ${pick(groups)} had carried out the attack, which killed ${pick(nums)} people, including two children.`,
  () => `On ${pick(months)} ${1 + rnd(28)}, jets carried out two waves of strikes that hit ${pick(nums)} targets near ${pick(places)}.`,
  () => `Nobody has claimed responsibility for the bombing, but officials blamed it on ${pick(groups)}.`,
  () => `Monitors have recorded ${pick(nums)} attacks on the convoy route since late ${pick(months)}, the report says.`,
  () =>
    `The wider economy has suffered, and prices in the markets of the capital rose sharply over the winter while the currency lost value against the dollar.`,
  () => `"We will respond at a time of our choosing," the minister told reporters on ${pick(days)} night.`,
  () => `About 24 hours earlier, a drone attack on ${pick(places)} left ${pick(nums)} guards dead and ${pick(nums)} injured.`,
  () => `The Gen. Lt. Col. and U.S. advisers met at 9 a.m. on Dec. 4 to review the security plan for the talks.`,
];
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

function makeText(): string {
  const out: string[] = [];
  for (let p = 1; p <= pages; p++) {
    out.push(`Situation Report ${p}`);
    let page = '';
    while (page.length < PAGE_CHARS) {
      let para = '';
      for (let i = 0; i < 4; i++) para += (para ? ' ' : '') + pick(templates)();
      page += para + '\n\n';
    }
    out.push(page.trim(), `Page ${p} of ${pages}`);
  }
  return out.join('\n\n');
}

const text = makeText();
// wall time and this process's CPU time: on a machine shared with other work the wall time grows
// with the load, the CPU time much less, so both are printed (and the ratios use CPU time)
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const timed = (f: () => void) => {
  const w = performance.now();
  const c = cpu();
  f();
  return { wall: performance.now() - w, cpu: cpu() - c };
};
let list: ReturnType<typeof suggest> = [];
const first = timed(() => (list = suggest(text, { published: '2022-06-15' })));
// a second, warm run: the first pays for JIT compilation and chrono's lazy set-up
const warmRun = timed(() => suggest(text, { published: '2022-06-15' }));
// the reference, in the same run: the NLP library alone tokenising and tagging the same text, paragraph by paragraph
// (its floor), so the ratio says how much the rules add on this machine at this moment
const ref = timed(() => {
  for (const para of text.split(/\n+/)) tokenize(para);
});
const ms = first.wall;
const warm = warmRun.wall;
const reference = ref.wall;
const perM = (x: number) => x / (text.length / 1e6);
const byKind = list.reduce<Record<string, number>>((acc, s) => ((acc[s.kind] = (acc[s.kind] ?? 0) + 1), acc), {});
console.log(`suggest: ${pages} pages, ${(text.length / 1e6).toFixed(2)} M characters`);
console.log(
  `  first run ${ms.toFixed(0)} ms (${Math.round(text.length / (ms / 1000)).toLocaleString('en-US')} chars/s), warm run ${warm.toFixed(0)} ms (${Math.round(text.length / (warm / 1000)).toLocaleString('en-US')} chars/s)`,
);
console.log(
  `  CPU time: first ${first.cpu.toFixed(0)} ms, warm ${warmRun.cpu.toFixed(0)} ms (${perM(warmRun.cpu).toFixed(0)} ms per 1 M characters); reference (wink-nlp tokens and parts of speech of the same text) ${ref.cpu.toFixed(0)} ms`,
);
console.log(
  `  suggester ${(warmRun.cpu / ref.cpu).toFixed(1)}× the reference (wall ${(warm / reference).toFixed(1)}×); budget 3,000 ms per 1 M characters: ${(perM(warmRun.cpu) / 3000).toFixed(2)}× the budget in CPU time, ${(perM(warm) / 3000).toFixed(2)}× in wall time`,
);
console.log(
  `  ${list.length} suggestions: ${Object.entries(byKind)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}`,
);
