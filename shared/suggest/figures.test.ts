// The figure suggestions (casualties, munitions, counts) of the grammar in figures.ts and figures/,
// run through the whole suggester on sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { suggest, type Suggestion as S } from './suggest.ts';

const run = (text: string, published: string | null = '2021-06-11') => suggest(text, { published });
const ofKind = (list: S[], kind: S['kind']) => list.filter((s) => s.kind === kind);
const fig = (s: S | undefined) => (s?.figure ? [s.figure.low, s.figure.best, s.figure.high] : null);

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
