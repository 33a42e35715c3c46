import { describe, expect, it } from 'vitest';
import { parseByline } from './bylines.ts';

const authors = (s: string) => parseByline(s)?.authors ?? [];

describe('bylines in the languages of the news', () => {
  it('reads "By", "Par", "Por", "Von" and "بقلم" with their words for "and"', () => {
    expect(authors('By Jane Roe and John Doe')).toEqual(['Jane Roe', 'John Doe']);
    expect(authors('Par Claire Dubois et Karim Benali')).toEqual(['Claire Dubois', 'Karim Benali']);
    expect(authors('Por María José García y Luis Ortega')).toEqual(['María José García', 'Luis Ortega']);
    expect(authors('Von Anna Schmidt und Jonas Weber')).toEqual(['Anna Schmidt', 'Jonas Weber']);
    expect(authors('بقلم سامي الحسن')).toEqual(['سامي الحسن']);
    expect(authors('كتب سامي الحسن و ليلى أحمد')).toEqual(['سامي الحسن', 'ليلى أحمد']);
  });

  it('cleans names of "@", roles, dates and co-author parentheses', () => {
    expect(authors('By @lina_haddad')).toEqual(['lina_haddad']);
    expect(authors('By Jane Roe, Senior Correspondent')).toEqual(['Jane Roe']);
    expect(authors('Jane Roe Middle East Editor')).toEqual(['Jane Roe']);
    expect(parseByline('By Jane Roe | March 3, 2022')).toMatchObject({ authors: ['Jane Roe'], date: { date: '2022-03-03' } });
    expect(authors('Martin Dupont (avec Lea Martin et Paul Girard)')).toEqual(['Martin Dupont', 'Lea Martin', 'Paul Girard']);
    expect(authors('Bradley Kuhn (https://example.org/bkuhn/)')).toEqual(['Bradley Kuhn']);
  });

  it('keeps editors, photographers and affiliations out of the authors', () => {
    expect(authors('Written by Rob Example\nEdited by Betty Sample')).toEqual(['Rob Example']);
    expect(authors('By Daniel Kahn Gill, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project')).toEqual(['Daniel Kahn Gill']);
    expect(authors('By Jane Roe\nMarch 11, 2015 3:46 PM')).toEqual(['Jane Roe']);
  });
});

describe('titles in the text', () => {
  it('does not take a copyright line ending with the outlet’s name for a breadcrumb', async () => {
    const { findMetadata } = await import('./metadata.ts');
    const text =
      'Pentagon: up to 18 rockets hit the base, 14 wounded\n\nNorthern Courier Daily\n\nBy Daniel Reyes\n\nThe first paragraph of the report.\n\n© 2020 Northern Courier Daily';
    expect(findMetadata(text).title).toMatchObject({ value: 'Pentagon: up to 18 rockets hit the base, 14 wounded', how: 'first line of the text' });
  });
});
