// The sample case a new user can open first: three short mock reports of one attack, written for
// Corroborate (not copied from any outlet). They reuse public facts and figures of the 11 March 2020
// rocket attack on Camp Taji and disagree the way real coverage does: on who was killed, how many
// were wounded, how many rockets were fired, and who is to blame.
//
// The case arrives tagged (sample-case.ts): each report's `tag` lists the suggestions accepted, by
// the start of their quote; they make one event, and one of its disagreements is reconciled.
import type { Event } from '../../shared/model/claims.ts';
import type { ReconcileMethod } from '../../shared/compare/reconcile.ts';

export const SAMPLE_CASE_NAME = 'Sample: rocket attack on Camp Taji';
export const SAMPLE_CASE_ID = 'sample-camp-taji';

export interface SampleReport {
  file: string;
  text: string;
  /** The suggestions accepted in the sample, by the start of their quote. */
  tag: string[];
}

/** The one event the sample's claims belong to (ids and stamps are added when the case is made). */
export const SAMPLE_EVENT: Omit<Event, 'id' | 'created' | 'modified'> = {
  title: 'Rocket attack on Camp Taji',
  start: '2020-03-11',
  end: '2020-03-11',
  precision: 'day',
  place: 'Camp Taji, Baghdad, Iraq',
  placePrecision: 'exact',
  type: 'rocket attack',
  actorIds: [],
  aggregate: false,
  note: 'The sample case: three mock reports written for Corroborate.',
};

/** The disagreement reconciled in the sample (its matrix row, by key); the others stay open. */
export const SAMPLE_RECONCILE: { rowKey: string; method: ReconcileMethod; rationale: string } = {
  rowKey: 'killed|nationality=US;affiliation=military',
  method: 'minmax',
  rationale:
    'Northern Courier (the Pentagon briefing) counts two American service members killed; Gulf Monitor’s security sources count one soldier and one contractor. Both ends are kept until the names are published.',
};

export const SAMPLE_REPORTS: SampleReport[] = [
  {
    file: 'harbour-tribune-taji.txt',
    text: `Rocket barrage on Iraqi base kills three coalition personnel

By Harbour Tribune · Mina Okafor · WORLD

March 12, 2020

BAGHDAD — Three members of the U.S.-led coalition died on Wednesday when a salvo of Katyusha rockets hit Camp Taji, a training base north of the Iraqi capital, coalition officials said.

Two of the dead were Americans and one was British, according to a coalition statement issued late on Wednesday. About a dozen other people were wounded.

Iraqi forces later found a truck fitted with launch rails a few miles from the base. No group had claimed the attack by Thursday morning, but U.S. officials pointed to Kataib Hezbollah, an Iran-aligned militia.

It was the deadliest attack on coalition troops in Iraq since the start of the year.
`,
    tag: ['Three members of the U.S.-led coalition died', 'About a dozen other people were wounded'],
  },
  {
    file: 'northern-courier-taji.txt',
    text: `Pentagon: up to 18 rockets hit Taji, 14 wounded

Northern Courier

By Daniel Reyes

Published March 13, 2020

WASHINGTON — Roughly 30 rockets were launched at Camp Taji on Wednesday evening and between 12 and 18 of them struck inside the base, the chairman of the Joint Chiefs of Staff told reporters at the Pentagon on Thursday.

Fourteen people were wounded, five of them seriously, he said. Those hurt included American, British and Polish service members as well as contractors.

Two American service members and a British soldier were killed. The Defense Department said it held Kata'ib Hezbollah responsible and was weighing a response.

Hours later, U.S. aircraft struck five weapons storage sites used by the militia, officials said early Friday.

© 2020 Northern Courier
`,
    tag: [
      'Roughly 30 rockets were launched',
      'Fourteen people were wounded',
      'Two American service members and a British soldier were killed',
      "held Kata'ib Hezbollah responsible",
    ],
  },
  {
    file: 'gulf-monitor-taji.txt',
    text: `Three dead in Taji rocket strike as militias deny role

(Gulf Monitor)

Friday, March 13, 2020 — 09:40

An American soldier, an American contractor and a British soldier were killed when rockets struck Camp Taji on Wednesday night, according to two security sources at the base.

The sources said 33 rockets had been fired from a truck parked on a farm road and that at least ten people were injured.

A spokesman for an umbrella group of Iraqi factions said that Kitaeb Hezbollah had no part in the attack and accused the United States of seeking a pretext for strikes.

Subscribe to Gulf Monitor for daily briefings from the region.
`,
    tag: ['An American soldier, an American contractor and a British soldier were killed', '33 rockets had been fired', 'at least ten people were injured'],
  },
];
