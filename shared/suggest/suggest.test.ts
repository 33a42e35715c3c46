import { describe, expect, it } from 'vitest';
import { Suggestion, suggest, type Suggestion as S } from './suggest.ts';
import { splitSentences } from './sentences.ts';

const run = (text: string, published: string | null = '2021-06-11') => suggest(text, { published });
const ofKind = (list: S[], kind: S['kind']) => list.filter((s) => s.kind === kind);
const fig = (s: S | undefined) => (s?.figure ? [s.figure.low, s.figure.best, s.figure.high] : null);

// A made-up wire report (not one the rules were written from) with the furniture real ones have: a
// headline, a dateline, curly quotes, an em dash and a character outside the BMP, which shifts UTF-16
// offsets, so a suggestion that quotes the wrong span shows up here.
const REPORT = [
  'Missile strike on station kills 14 in eastern town',
  'DOBROVKA, Ukraine — A Russian missile strike on the railway station of this eastern town killed 14 people on Tuesday, the regional governor said. Two children were among the dead.',
  '“The blast hit a waiting room full of families,” the governor wrote on Telegram 🚨. Ukraine’s air force said it shot down 11 of the 15 drones launched overnight.',
  'No group claimed responsibility for a separate bombing at a market in the city on Monday, which wounded nine shoppers.',
].join('\n\n');

describe('a whole report', () => {
  const list = run(REPORT, '2024-03-13');
  it('every suggestion validates and quotes its own span, inside its sentence, with its date expression where it says', () => {
    expect(list.length).toBeGreaterThan(0);
    for (const s of list) {
      expect(Suggestion.safeParse(s).success).toBe(true);
      expect(REPORT.slice(s.start, s.end)).toBe(s.quote);
      expect(s.sentence.start <= s.start && s.end <= s.sentence.end).toBe(true);
      if (s.date) expect(REPORT.slice(s.date.at.start, s.date.at.end)).toBe(s.date.expression);
    }
  });
  it('finds each kind of fact with its figure, measure, perpetrator, speaker and day', () => {
    const casualties = ofKind(list, 'casualties').map((c) => [c.quote, c.measure, fig(c), c.date?.start ?? null]);
    expect(casualties).toContainEqual(['killed 14 people', 'killed', [14, 14, 14], '2024-03-12']);
    expect(casualties).toContainEqual(['wounded nine shoppers', 'wounded', [9, 9, 9], '2024-03-11']);
    const children = ofKind(list, 'casualties').find((c) => c.quote === 'Two children were among the dead');
    expect([children?.measure, fig(children), children?.parts.map((p) => p.subset)]).toEqual(['killed', [2, 2, 2], [true]]);
    expect(ofKind(list, 'munitions')[0]).toMatchObject({ measure: 'drones_intercepted', figure: { best: 11 }, speaker: 'Ukraine’s air force' });
    expect(ofKind(list, 'attribution')[0]).toMatchObject({ quote: 'Russian missile strike', perpetrator: 'Russia', speaker: 'regional governor' });
  });
  it('keeps the incident of Tuesday apart from the bombing of Monday, and the dead children with the strike', () => {
    const key = (quote: string) => list.find((s) => s.quote === quote)?.eventHint.key;
    expect(key('wounded nine shoppers')).not.toBe(key('killed 14 people'));
    expect(key('Two children were among the dead')).toBe(key('killed 14 people'));
  });
  it('makes nothing of a report with no incident in it', () => {
    expect(run('The ministers met in Geneva on Tuesday to discuss grain exports and agreed to meet again in the spring.')).toEqual([]);
  });
});

describe('sentences', () => {
  it('does not split at abbreviations, and does split at real ends', () => {
    const text = 'Lt. Col. Jane Roe of the U.S. Army said the U.N. convoy left on Dec. 4 at 6 a.m. local time. It arrived late. Gen. Smith agreed.';
    const parts = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(parts).toEqual([
      'Lt. Col. Jane Roe of the U.S. Army said the U.N. convoy left on Dec. 4 at 6 a.m. local time.',
      'It arrived late.',
      'Gen. Smith agreed.',
    ]);
  });
  it('treats a line break as a sentence end and marks title lines', () => {
    const text = 'Militia Fires Rockets At Northern Outpost\n\nFour rockets hit the outpost.';
    const s = splitSentences(text);
    expect(s).toHaveLength(2);
    expect(s[0].headline).toBe(true);
    expect(s[1].headline).toBe(false);
  });
});

describe('casualties', () => {
  it('reads a passive predicate, with population parts from the words', () => {
    const text = 'Two Canadian soldiers and a Dutch medic were wounded in the blast near the depot.';
    const [c] = ofKind(run(text), 'casualties');
    expect(c.quote).toBe('Two Canadian soldiers and a Dutch medic were wounded');
    expect(c.measure).toBe('wounded');
    expect(fig(c)).toEqual([3, 3, 3]);
    expect(c.parts.map((p) => [p.population.nationality, p.population.affiliation, p.figure.best])).toEqual([
      ['CA', 'military', 2],
      ['NL', 'military', 1],
    ]);
  });
  it('reads an active verb before the group, and a subset after it', () => {
    const text = 'The bomb tore through the market, injuring 23 shoppers, including four critically.';
    const [c] = ofKind(run(text), 'casualties');
    expect(c.quote).toBe('injuring 23 shoppers, including four critically');
    expect(fig(c)).toEqual([23, 23, 23]);
    expect(c.parts).toHaveLength(1);
    expect(c.parts[0].subset).toBe(true);
    expect(c.parts[0].measure).toBe('wounded_serious');
  });
  it('reads a nominal ("the deaths of") and a casualty noun ("caused nine injuries")', () => {
    const list = ofKind(run('Officials confirmed the deaths of at least six rebel fighters. A second blast caused nine injuries.'), 'casualties');
    expect(list.map((c) => [c.measure, fig(c), c.population?.affiliation])).toEqual([
      ['killed', [6, 6, null], 'militant'],
      ['wounded', [9, 9, 9], 'unknown'],
    ]);
  });
  it('crosses a participial phrase between the group and its predicate', () => {
    const [c] = ofKind(run('Nearly 40 Australian personnel based at the northern airfield were hurt on Monday.'), 'casualties');
    expect(c.measure).toBe('wounded');
    expect(fig(c)).toEqual([36, 39, 39]);
    expect(c.population).toMatchObject({ nationality: 'AU', affiliation: 'military' });
    expect(c.date?.start).toBe('2021-06-07');
  });
  it('reads "no … were killed" as zero, and injuries as wounded', () => {
    const list = ofKind(run('No French or Italian troops were killed, but about 20 civilians suffered shrapnel injuries.'), 'casualties');
    expect(list.map((c) => [c.measure, fig(c)])).toEqual([
      ['killed', [0, 0, 0]],
      ['wounded', [16, 20, 24]],
    ]);
    expect(list[1].population?.affiliation).toBe('civilian');
  });
  it('does not take a sponsor for a nationality ("Iranian-backed fighters")', () => {
    const [c] = ofKind(run('Two Turkish-backed fighters died in the clash.'), 'casualties');
    expect(c.population).toMatchObject({ nationality: null, affiliation: 'militant' });
  });
  it('reads a predicate after any adverb ("were reportedly killed"), and hospitalised as a measure of its own', () => {
    const list = ofKind(run('Six police officers were reportedly killed in the ambush. Three pilgrims had been hospitalised, the clinic said.'), 'casualties');
    expect(list.map((c) => [c.measure, fig(c)])).toEqual([
      ['killed', [6, 6, 6]],
      ['hospitalised', [3, 3, 3]],
    ]);
  });
  it('reads weapons found as a measure of their own ("found three rocket launchers")', () => {
    const list = ofKind(run('Iraqi forces found three rocket launchers near the base. Two unfired rockets were recovered at the site.'), 'munitions');
    expect(list.map((c) => [c.measure, fig(c)])).toEqual([
      ['launchers_found', [3, 3, 3]],
      ['rockets_found', [2, 2, 2]],
    ]);
  });
  it('keeps brain injuries diagnosed, evacuations and returns to duty apart from the wounded', () => {
    const text =
      'Thirty-four service members were diagnosed with traumatic brain injuries. Eight troops were evacuated to Germany. Nine soldiers have since returned to duty.';
    expect(ofKind(run(text), 'casualties').map((c) => [c.measure, fig(c)])).toEqual([
      ['tbi_diagnosed', [34, 34, 34]],
      ['evacuated', [8, 8, 8]],
      ['returned_to_duty', [9, 9, 9]],
    ]);
  });
  it('reads a figure whose people are elided ("two were killed")', () => {
    const list = ofKind(run('Gunmen opened fire on the checkpoint. Two were killed and four were wounded, a police officer said.'), 'casualties');
    expect(list.map((c) => [c.measure, fig(c), c.quote])).toEqual([
      ['killed', [2, 2, 2], 'Two were killed'],
      ['wounded', [4, 4, 4], 'four were wounded'],
    ]);
  });
  it('knows the people of civilian reporting (farmers, teachers, citizens) and joins their groups', () => {
    const [c] = ofKind(run('A shell hit the market, killing three farmers, two teachers and a Dutch citizen.'), 'casualties');
    expect(fig(c)).toEqual([6, 6, 6]);
    expect(c.parts.map((p) => [p.figure.best, p.population.affiliation, p.population.nationality])).toEqual([
      [3, 'civilian', null],
      [2, 'civilian', null],
      [1, 'unknown', 'NL'],
    ]);
  });
  it('reaches the people of a collective number through "of", and stops the group at a weekday', () => {
    const [c] = ofKind(run('Shelling killed dozens of civilians and at least one aid worker Tuesday.'), 'casualties');
    expect(c.quote).toBe('killed dozens of civilians and at least one aid worker');
    expect(c.figure).toMatchObject({ low: 25, high: null });
    expect(c.date?.start).toBe('2021-06-08');
  });
  it('reads a subset named after the predicate as parts of the figure', () => {
    const list = ofKind(
      run('At least nine people were killed including six children and a woman. The blast wounded 11 guards, two of them critically.'),
      'casualties',
    );
    expect(list[0].parts.map((p) => [p.figure.best, p.subset, p.population.affiliation])).toEqual([
      [6, true, 'civilian'],
      [1, true, 'unknown'],
    ]);
    expect(list[0].quote).toMatch(/a woman$/);
    expect(list[1].parts.map((p) => [p.figure.best, p.subset, p.measure])).toEqual([[2, true, 'wounded_serious']]);
  });
  it('reads "the five killed civilians" as a re-mention, not a casualty count', () => {
    expect(ofKind(run('An official said all the five killed civilians were farmers.'), 'casualties')).toEqual([]);
    expect(ofKind(run('The clash left 14 dead and 20 wounded.'), 'casualties').map((c) => [c.measure, fig(c)])).toEqual([
      ['killed', [14, 14, 14]],
      ['wounded', [20, 20, 20]],
    ]);
  });
  it('reads a partitive casualty figure ("four of the 25 people aboard … were killed") and a total before the number', () => {
    const list = ofKind(run('Four of the 25 people aboard the ferry were killed. The campaign has killed a total of nine sailors.'), 'casualties');
    expect(list.map((c) => [c.measure, fig(c)])).toEqual([
      ['killed', [4, 4, 4]],
      ['killed', [9, 9, 9]],
    ]);
  });
  it('reads the figure a death toll reaches, with the people the words name', () => {
    const list = ofKind(
      run(
        'Shelling on Friday killed several people, bringing the death toll from the week of fighting to 204. The Ruritanian death toll has risen to 87, officials said. The injury toll climbed to 40 people. The bridge toll rose to 5 dollars.',
      ),
      'casualties',
    );
    expect(list.slice(1).map((c) => [c.rule.split(':')[1], c.measure, fig(c)])).toEqual([
      ['casualties/toll', 'killed', [204, 204, 204]],
      ['casualties/toll', 'killed', [87, 87, 87]],
      ['casualties/toll', 'wounded', [40, 40, 40]],
    ]);
    expect(list[1].quote).toBe('bringing the death toll from the week of fighting to 204');
    const [up] = ofKind(run('Officials said the toll had gone up to 21 after more bodies were found.'), 'casualties');
    expect([up.quote, fig(up)]).toEqual(['the toll had gone up to 21', [21, 21, 21]]);
  });
  it('reads martyred, kidnappings, seizures and "an additional", and crosses "of a U.S. unit" to the predicate', () => {
    const list = ofKind(
      run(
        'Two guards were martyred. The clash wounded an additional 17 soldiers and led to the kidnapping of another six police officers. Militants seized 12 villagers. A member of a U.S. special forces unit was killed.',
      ),
      'casualties',
    );
    expect(list.map((c) => [c.measure, fig(c)?.[1]])).toEqual([
      ['killed', 2],
      ['wounded', 17],
      ['detained', 6],
      ['detained', 12],
      ['killed', 1],
    ]);
  });
  it('reads irregular predicates ("lost their lives", "remain missing") and an age as no count ("a 12-year-old boy")', () => {
    const list = ofKind(run('Eight people lost their lives in the shelling. Another six people remain missing. A 12-year-old boy was killed.'), 'casualties');
    expect(list.map((c) => [c.measure, fig(c)])).toEqual([
      ['killed', [8, 8, 8]],
      ['missing', [6, 6, 6]],
      ['killed', [1, 1, 1]],
    ]);
  });
  it('reads a subset after where the people were, and a predicate after an aside naming a subset', () => {
    const [family] = ofKind(run('The strike killed four people from one family, including two children.'), 'casualties');
    expect([fig(family), family.parts.map((p) => [p.figure.best, p.subset])]).toEqual([[4, 4, 4], [[2, true]]]);
    const [aside] = ofKind(run('Five people, including two children who were sheltering in a school, were killed.'), 'casualties');
    expect([aside.measure, fig(aside), aside.quote]).toEqual([
      'killed',
      [5, 5, 5],
      'Five people, including two children who were sheltering in a school, were killed',
    ]);
    const [, injured] = ofKind(run('Three people were killed, including a child, and 12 injured.'), 'casualties');
    expect([injured.measure, fig(injured)]).toEqual(['wounded', [12, 12, 12]]);
  });
  it('reads "shot dead" before the group, "a family of five" as five, and "30 others" after a subset as a figure of its own', () => {
    const list = ofKind(
      run(
        'Rebels shot dead four police officers. The strike killed a family of five. Sixteen people were killed, including five children, and 30 others were wounded.',
      ),
      'casualties',
    );
    expect(list.map((c) => [c.measure, fig(c), c.parts.length])).toEqual([
      ['killed', [4, 4, 4], 0],
      ['killed', [5, 5, 5], 0],
      ['killed', [16, 16, 16], 1],
      ['wounded', [30, 30, 30], 0],
    ]);
    expect(list[0].population?.affiliation).toBe('police');
  });
  it('counts kin joined by a possessive ("a mother and her three children"), martyrs as the dead, and "believed killed"', () => {
    const list = ofKind(
      run('The strike killed a mother and her three children. The attack left 12 martyrs. At least 12 people were believed killed.'),
      'casualties',
    );
    expect(list.map((c) => [c.measure, fig(c)])).toEqual([
      ['killed', [4, 4, 4]],
      ['killed', [12, 12, 12]],
      ['killed', [12, 12, null]],
    ]);
  });
  it('reads a partitive with a possessive after a casualty verb ("killed the commander and four of his guards")', () => {
    const [c] = ofKind(run('The raid killed the commander and four of his guards.'), 'casualties');
    expect([c.measure, fig(c), c.quote]).toEqual(['killed', [4, 4, 4], 'four of his guards']);
  });
  it('reads the dead pronounced, found or succumbed, and the wounded rushed to hospital', () => {
    const list = ofKind(
      run(
        'Two of the wounded later succumbed to their injuries. Three people were pronounced dead. Four men were found dead. Nine people were rushed to hospital.',
      ),
      'casualties',
    );
    expect(list.map((c) => [c.measure, fig(c)?.[1]])).toEqual([
      ['killed', 2],
      ['killed', 3],
      ['killed', 4],
      ['wounded', 9],
    ]);
  });
  it('detains only people: "captured three towns" is no casualty', () => {
    expect(ofKind(run('Rebels captured three towns and seized 40 trucks.'), 'casualties')).toEqual([]);
  });
  it('leaves people who were not hurt alone', () => {
    expect(ofKind(run('About 300 engineers work at the plant, and 12 students visited it on Tuesday.'), 'casualties')).toEqual([]);
  });
});

describe('munitions and counts', () => {
  it('tells rockets fired from rockets that landed', () => {
    const list = ofKind(run('Insurgents launched 15 rockets toward the airport. Only six rockets hit the runway.'), 'munitions');
    expect(list.map((m) => [m.measure, fig(m)])).toEqual([
      ['rockets_fired', [15, 15, 15]],
      ['rockets_impacted', [6, 6, 6]],
    ]);
  });
  it('counts intercepted drones and a single named missile, but not "a rocket attack"', () => {
    const list = ofKind(run('Air defences intercepted four drones. The depot was hit with a cruise missile after a rocket attack last week.'), 'munitions');
    expect(list.map((m) => [m.measure, fig(m)])).toEqual([
      ['drones_intercepted', [4, 4, 4]],
      ['missiles', [1, 1, 1]],
    ]);
  });
  it('reads weapons found or seized as found, never as fired', () => {
    const list = ofKind(run('Police later discovered 12 rockets in a truck. Another 24 missiles were found ready to launch.'), 'munitions');
    expect(list.map((m) => [m.measure, m.figure?.best])).toEqual([
      ['rockets_found', 12],
      ['missiles_found', 24],
    ]);
  });
  it('does not count a calibre: "40 122 mm rockets" is 40 rockets', () => {
    const list = ofKind(run('Insurgents fired 40 122 mm Grad rockets at the port. At least 12 107mm rockets struck the airfield.'), 'munitions');
    expect(list.map((m) => [m.measure, fig(m), m.weapon])).toEqual([
      ['rockets_fired', [40, 40, 40], '122 mm Grad rocket'],
      ['rockets_impacted', [12, 12, null], '107mm rocket'],
    ]);
  });
  it('reads the weapons of an attack ("attacked … with 23 drones along with a missile") and coordinated weapons', () => {
    const list = ofKind(
      run('Militants attacked the town overnight with 23 drones along with a cruise missile. A total of 17 drones and missiles were launched at the port.'),
      'munitions',
    );
    expect(list.map((m) => [m.measure, fig(m), m.weapon])).toEqual([
      ['drones', [23, 23, 23], 'drone'],
      ['missiles', [1, 1, 1], 'cruise missile'],
      ['missiles', [17, 17, 17], 'drone and missile'],
    ]);
    expect(list[0].rule).toMatch(/munitions\/fired$/);
    expect(list[2].rule).toMatch(/munitions\/fired$/);
  });
  it('splits weapons of two kinds into two figures, both fired ("launched five missiles and 12 drones")', () => {
    const list = ofKind(run('The army launched five missiles and 12 attack drones at the port overnight.'), 'munitions');
    expect(list.map((m) => [m.measure, fig(m), m.rule.split(':')[1]])).toEqual([
      ['missiles', [5, 5, 5], 'munitions/fired'],
      ['drones', [12, 12, 12], 'munitions/fired'],
    ]);
  });
  it('keeps weapons apart from a group after them that is no weapon ("three missiles and three remotely piloted boats")', () => {
    const [m] = ofKind(run('Its forces also destroyed three anti-ship missiles and three remotely piloted boats.'), 'munitions');
    expect([m.measure, fig(m), m.quote]).toEqual(['missiles_intercepted', [3, 3, 3], 'destroyed three anti-ship missiles']);
  });
  it('reads "of which 40 drones were shot down" after a list of weapons as drones intercepted, not a subset', () => {
    const list = ofKind(run('Russia launched 48 drones and three missiles overnight, of which 40 drones were shot down.'), 'munitions');
    expect(list.map((m) => [m.measure, fig(m)])).toEqual([
      ['drones', [48, 48, 48]],
      ['missiles', [3, 3, 3]],
      ['drones_intercepted', [40, 40, 40]],
    ]);
  });
  it('reads weapons fired in a barrage or salvo of a number, and bombs dropped', () => {
    const list = ofKind(run('Militants fired a barrage of 20 rockets at the base. Jets dropped 12 bombs on the village.'), 'munitions');
    expect(list.map((m) => [m.measure, fig(m), m.rule.split(':')[1]])).toEqual([
      ['rockets_fired', [20, 20, 20], 'munitions/fired'],
      ['bombs', [12, 12, 12], 'munitions/fired'],
    ]);
  });
  it('gives "a barrage of rockets" no figure: how many is not said', () => {
    const [m] = ofKind(run('A barrage of rockets hit the airfield.'), 'munitions');
    expect(m.measure).toBe('rockets_impacted');
    expect(m.figure).toBeNull();
    expect(m.weapon).toBe('rocket');
  });
  it('tells "shot down" from "shot"', () => {
    const [drones, missile] = ofKind(run('Two drones and a cruise missile were shot down over the bay.'), 'munitions');
    expect([drones.measure, fig(drones), missile.measure, fig(missile)]).toEqual(['drones_intercepted', [2, 2, 2], 'missiles_intercepted', [1, 1, 1]]);
    expect(missile.quote).toMatch(/shot down$/);
  });
  it('reads elided and partitive weapon figures, naming the weapon from the words before', () => {
    const list = ofKind(
      run(
        'Militia fighters fired 20 rockets at the airfield. Of those, nine landed inside the perimeter. Air defences shot down 14 of the 17 drones, and the missiles, of which two were intercepted, hit a depot.',
      ),
      'munitions',
    );
    expect(list.map((m) => [m.measure, fig(m), m.weapon])).toEqual([
      ['rockets_fired', [20, 20, 20], 'rocket'],
      ['rockets_impacted', [9, 9, 9], 'rocket'],
      ['drones_intercepted', [14, 14, 14], 'drone'],
      // the partitive's total is what was fired
      ['drones', [17, 17, 17], 'drone'],
      ['missiles_intercepted', [2, 2, 2], 'missile'],
    ]);
  });
  it('gives a count of attacks the population they targeted ("45 attacks against U.S. troops")', () => {
    const list = ofKind(
      run('There have been 45 attacks against U.S. troops since October. Militias made 60 attacks on American forces and 12 on a depot.'),
      'count',
    );
    expect(list.map((c) => [fig(c)?.[1], c.population?.nationality, c.population?.affiliation])).toEqual([
      [45, 'US', 'military'],
      [60, 'US', 'military'],
    ]);
    expect(ofKind(run('Russia carried out 12 attacks on energy facilities.'), 'count')[0].population).toBeNull();
  });
  it('counts attacks told as how many times a place was hit ("shelled the town 20 times")', () => {
    const [c] = ofKind(run('Russian forces shelled the town 20 times over the past day, the governor said.'), 'count');
    expect([c.measure, fig(c), c.quote]).toEqual(['attacks', [20, 20, 20], 'shelled the town 20 times']);
    expect(ofKind(run('He visited the town 20 times.'), 'count')).toEqual([]);
  });
  it('counts ships and other things struck', () => {
    const [c] = ofKind(run('Missiles struck two tankers and three freighters off the coast.'), 'count');
    expect([c.measure, fig(c)]).toEqual(['targets_struck', [5, 5, 5]]);
  });
  it('does not count a single attack that is simply the subject ("One airstrike flattened…")', () => {
    expect(ofKind(run('One airstrike flattened a house in the camp.'), 'count')).toEqual([]);
  });
  it('counts attacks, series of strikes, and targets struck only after a strike verb', () => {
    const list = ofKind(
      run(
        'Monitors have logged 45 attacks since spring. Jets carried out three waves of strikes that hit 11 targets. The army also runs two bases nearby and has two carrier strike groups at sea.',
      ),
      'count',
    );
    expect(list.map((c) => [c.measure, fig(c)])).toEqual([
      ['attacks', [45, 45, 45]],
      ['strike_series', [3, 3, 3]],
      ['targets_struck', [11, 11, 11]],
    ]);
  });
});

describe('attribution and speakers', () => {
  const one = (text: string) => ofKind(run(text), 'attribution');
  it('claimed responsibility → claimed, with the subject as perpetrator', () => {
    const [a] = one('A little-known faction calling itself the Guardians of the Valley, based in the hills, claimed responsibility for the bombing.');
    expect(a.quote).toBe('claimed responsibility for the bombing');
    expect(a).toMatchObject({ stance: 'claimed', perpetrator: 'little-known faction calling itself the Guardians of the Valley' });
  });
  it('blamed, attributed to, believed responsible, presumed, denied', () => {
    expect(one('Police blamed the ambush on Ansar Allah.')[0]).toMatchObject({ stance: 'accused', perpetrator: 'Ansar Allah' });
    expect(one('The shelling was attributed to government forces loyal to the governor.')[0]).toMatchObject({ stance: 'accused' });
    expect(one('Jets bombed a camp of a rebel brigade believed responsible for the raid.')[0]).toMatchObject({
      stance: 'suspected',
      perpetrator: 'rebel brigade',
    });
    expect(one('A presumed Taliban cell fired three mortars at the checkpoint.')[0]).toMatchObject({ stance: 'presumed', perpetrator: 'Taliban cell' });
    expect(one('The Free Tigers movement denied any involvement in the blast.')[0]).toMatchObject({ stance: 'denied', perpetrator: 'Free Tigers movement' });
  });
  it('an act reported by a named speaker is an accusation, with the speaker', () => {
    const [a] = one('Regional officials said a splinter militia had carried out the attack on the pipeline.');
    expect(a).toMatchObject({ stance: 'accused', perpetrator: 'splinter militia', speaker: 'Regional officials' });
  });
  it('does not suggest a state acting in its own name', () => {
    expect(one('The United States carried out the strikes on Sunday, according to a Pentagon statement.')).toEqual([]);
  });
  it('names the speaker, inverted or after "according to"', () => {
    const list = run('Five soldiers were killed, said a spokesman for the ministry. About 10 people were wounded, according to the local health office.');
    expect(list.map((s) => s.speaker)).toEqual(['spokesman for the ministry', 'local health office']);
  });
});

describe('speakers of contrasting clauses', () => {
  it('gives each side of "but" its own sayer', () => {
    const list = ofKind(run('Early reports said three guards were killed, but police said the toll had risen to seven.'), 'casualties');
    expect(list.map((c) => [fig(c)?.[1], c.speaker])).toEqual([
      [3, 'Early reports'],
      [7, 'police'],
    ]);
  });
});

describe('timing', () => {
  it('resolves a bare weekday with past-tense bias, and leaves it unresolved with no publication date', () => {
    const text = 'The convoy was ambushed on Thursday.';
    expect(ofKind(run(text, '2021-06-11'), 'timing')[0].date).toMatchObject({ expression: 'on Thursday', start: '2021-06-10' });
    const d = ofKind(run(text, null), 'timing')[0].date!;
    expect(d.start).toBeNull();
    expect(d.method).toMatch(/no publication date/);
  });
  it('does not suggest the start of a period, nor the date of a statement that reports no incident', () => {
    expect(ofKind(run('Attacks have continued since April, the minister said on Wednesday.'), 'timing')).toEqual([]);
    expect(ofKind(run('The general told reporters on Thursday that officials knew who fired the rockets.'), 'timing')).toEqual([]);
    expect(ofKind(run('The cleric said on Thursday that the outbreak could be part of a biological attack.'), 'timing')).toEqual([]);
    expect(ofKind(run('After rockets struck the port, the governor said on Thursday the city was calm.'), 'timing')).toEqual([]);
  });
  it('dates an undated incident by the statement that reports it, and says it is an upper bound', () => {
    for (const text of [
      'Jets struck a weapons depot near the border, the defence ministry said on Thursday night.',
      'The defence ministry said on Thursday that its jets had struck a weapons depot near the border.',
    ]) {
      const [t] = ofKind(run(text), 'timing');
      expect(t.quote).toMatch(/^on Thursday/);
      expect(t.rule).toMatch(/timing\/reported-on$/);
      expect(t.date).toMatchObject({ start: '2021-06-10' });
      expect(t.date!.method).toMatch(/on or before/);
    }
  });
  it("leaves a statement's date to the figure it reports: one highlight per fact", () => {
    expect(ofKind(run('Two soldiers were killed in the ambush, police said on Thursday.'), 'timing')).toEqual([]);
  });
  it("takes the lede's incident date as the story's, and does not suggest dates of background recaps", () => {
    const text = [
      'Rockets struck the airport on Tuesday, damaging a runway, officials said.',
      'The attack followed weeks of tension. On April 2, protesters stormed the embassy compound.',
      'On May 20, a car bomb killed four people at the central market.',
      'On Wednesday, jets struck a militia camp in the hills.',
    ].join('\n\n');
    const list = run(text, '2021-06-11');
    expect(ofKind(list, 'timing').map((t) => t.quote)).toEqual(['on Tuesday', 'On Wednesday']);
    // a recap's date still dates the facts of its sentence
    expect(ofKind(list, 'casualties')[0].date).toMatchObject({ expression: 'May 20', start: '2021-05-20' });
  });
  it("keeps an old incident's dates when the report opens on it (an investigation published months later)", () => {
    const text = 'A drone strike hit a wedding convoy in the valley on March 3.\n\nA second strike hit the same road on March 5, villagers said.';
    expect(ofKind(run(text, '2021-06-11'), 'timing').map((t) => t.date?.start)).toEqual(['2021-03-03', '2021-03-05']);
  });
  it('counts "two days later" from the date before it', () => {
    const list = ofKind(run('On May 2, a police post was attacked. Two days later, jets struck a camp in the hills.'), 'timing');
    expect(list.map((t) => t.date?.start)).toEqual(['2021-05-02', '2021-05-04']);
  });
  it('does not date a fact by the date of the other incident its sentence brings in', () => {
    const [m] = ofKind(run('Militants fired 12 rockets at the base, a day after talks collapsed on Monday.'), 'munitions');
    expect(m.date).toBeNull();
  });
  it('leaves "a day after <incident>" undated until the user links that incident', () => {
    const [c] = ofKind(run('Militants fired 12 rockets at the base two days after the talks collapsed.'), 'munitions');
    expect(c.date).toMatchObject({ expression: 'two days after', start: null, anchored: true });
    expect(c.date!.method).toMatch(/link that incident/);
  });
  it('gives a casualty its date instead of a separate timing suggestion', () => {
    const list = run('Three guards were killed at the gate on Saturday.');
    expect(ofKind(list, 'timing')).toEqual([]);
    expect(ofKind(list, 'casualties')[0].date?.start).toBe('2021-06-05');
  });
});

describe('event hints and offsets', () => {
  it('groups the claims of one incident and keeps other incidents apart', () => {
    const text =
      'Militants fired 12 rockets at Camp Falcon on Tuesday. Four soldiers were wounded.\n\nOn March 3, a drone attack on Port Ridley killed two dock workers.';
    const list = run(text);
    const keys = list.map((s) => s.eventHint.key);
    expect(new Set(keys.slice(0, -1)).size).toBe(1);
    expect(keys[keys.length - 1]).not.toBe(keys[0]);
    for (const s of list) expect(text.slice(s.start, s.end)).toBe(s.quote);
  });
});
