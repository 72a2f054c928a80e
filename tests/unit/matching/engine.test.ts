import { describe, expect, it } from 'vitest';
import { compareNames, compareTokens } from '../../../utils/matching/compare';
import { MatchIndex } from '../../../utils/matching/index';
import { foldText, nameTokens, phoneticForm } from '../../../utils/matching/normalize';
import type { Target } from '../../../utils/model';

/** Small targets written for these tests (not real designations). */
function target(id: string, kind: Target['kind'], names: [string, Target['names'][number]['type']][], extra: Partial<Target> = {}): Target {
  const [source, nativeId] = id.split(':') as [Target['source'], string];
  return {
    id,
    source,
    nativeId,
    kind,
    names: names.map(([full, type]) => ({ full, type, script: 'latin' })),
    regimes: ['TEST'],
    ...extra,
  };
}

const TARGETS: Target[] = [
  target('uk-ofsi:1', 'person', [['ZHAO, Guangzong', 'primary'], ['赵光宗', 'variation']], {
    crossRefs: [{ kind: 'uk-unique-id', value: 'TST0001' }],
  }),
  target('uk-fcdo:TST0001', 'person', [['ZHAO, Guangzong', 'primary']]),
  target('us-ofac-sdn:9', 'person', [['ZHAO, Guangzong', 'primary']], { birthDates: ['1985-11-12'] }),
  target('un-sc:TSi.1', 'person', [['Aleksei PRYTKOVSKY', 'primary'], ['Алексей Прытковский', 'variation'], ['THE FOX', 'weak-alias']]),
  target('uk-ofsi:2', 'organisation', [['WUHAN XIAORUIZHI SCIENCE AND TECHNOLOGY COMPANY LIMITED', 'primary']]),
  target('us-ofac-sdn:10', 'organisation', [['BANK OF ARMENIA TESTING', 'primary']]),
  target('us-ofac-sdn:11', 'organisation', [['HAMAS', 'primary']]),
  target('us-ofac-sdn:12', 'organisation', [['ISLAMIC TESTING GUARD CORPS (ITGC)', 'primary']]),
  target('us-ofac-sdn:13', 'vessel', [['NORTHERN STAR 7', 'primary']], {
    identifiers: [{ type: 'imo', value: '9176187' }, { type: 'crypto', value: 'TNZxGWCwvsHr6JxQxzoeDXV597Yf7Zb7nV', chain: 'TRX' }],
  }),
  target('us-ofac-sdn:14', 'person', [['Muhammad ALI', 'primary']]),
  target('us-ofac-sdn:15', 'organisation', [['LIMITED LIABILITY COMPANY FORUM', 'primary']]),
  target('us-ofac-sdn:16', 'organisation', [['REAL ESTATE TESTING BANK', 'primary']]),
  {
    ...target('un-sc:TSi.2', 'person', [['JEAN-MARIE LUGOTESTA RUNITESTA', 'primary']]),
    names: [{ full: 'JEAN-MARIE LUGOTESTA RUNITESTA', type: 'primary', script: 'latin', given: ['JEAN-MARIE', 'LUGOTESTA'], family: 'RUNITESTA' }],
  },
];

const index = MatchIndex.build(TARGETS);

describe('normalisation', () => {
  it('folds accents, case, quotes and dashes, and transliterates other scripts', () => {
    expect(foldText('Vladímír  Pútín')).toBe('vladimir putin');
    expect(foldText('O’Brien-Smith')).toBe('obrien smith');
    expect(foldText('Владимир Путин')).toBe('vladimir putin');
    expect(foldText('赵光宗')).toBe('zhao guang zong');
  });

  it('drops titles, and reads company forms as a class', () => {
    expect(nameTokens('Dr. Sheikh Ahmad Testov', 'person').tokens).toEqual(['ahmad', 'testov']);
    expect(nameTokens('Acme Trading Co., Ltd.').tokens).toEqual(['acme']);
    expect(nameTokens('OOO Acme').forms).toEqual(['ooo']);
    expect(nameTokens('Open Joint Stock Company Acme').forms).toEqual(['ojsc']);
    expect(nameTokens('A.B.C. Company').tokens).toEqual(['abc']);
  });

  it('reads misspelt, truncated and abbreviated legal-form and organisation words', () => {
    expect(nameTokens('Quellwerk Aktiengesellshaft')).toMatchObject({ tokens: ['quellwerk'], forms: ['ag'] });
    expect(nameTokens('Nordtest Instruments Joimt Stock Compan').forms).toEqual(['jsc']);
    expect(nameTokens('Nordtest Instruments Limted').forms).toEqual(['limited']);
    expect(nameTokens('Testhaven Natl Bank').tokens).toEqual(['testhaven', 'national', 'bank']);
    // Only as the last word is a cut-off word taken for a form; a person's name is left alone.
    expect(nameTokens('Testhaven Establishm').forms).toEqual(['establishment']);
    expect(nameTokens('Establishm Testhaven').tokens).toEqual(['establishm', 'testhaven']);
    expect(nameTokens('Lim Testhaven Limted', 'person').tokens).toEqual(['lim', 'testhaven', 'limted']);
  });

  it('drops the ship-type prefix of a vessel name', () => {
    expect(nameTokens('M/V Quell Testa', 'vessel').tokens).toEqual(['quell', 'testa']);
    expect(nameTokens('MT Quell Testa', 'vessel').tokens).toEqual(['quell', 'testa']);
    expect(nameTokens('MV', 'vessel').tokens).toEqual(['mv']);
  });

  it('writes numbers as numbers', () => {
    expect(nameTokens('Brigade Forty-Four').digits).toEqual(['44']);
    expect(nameTokens('1st Testing Bank').digits).toEqual(['1']);
  });

  it('folds transliteration variants to one spelling', () => {
    expect(phoneticForm('aleksei')).toBe(phoneticForm('alexey'));
    expect(phoneticForm('dmitri')).toBe(phoneticForm('dmitry'));
    expect(phoneticForm('ivanov')).toBe(phoneticForm('ivanow'));
    expect(compareTokens('mohammed', 'muhammad').similarity).toBeGreaterThanOrEqual(0.9);
  });
});

describe('comparing names', () => {
  it('matches any token order and "SURNAME, Given"', () => {
    expect(compareNames('Guangzong Zhao', 'ZHAO, Guangzong', { kind: 'person' })).toMatchObject({ match: true, strength: 'strong' });
  });

  it('matches joined and split tokens', () => {
    expect(compareNames('Guang Zong Zhao', 'ZHAO, Guangzong', { kind: 'person' }).match).toBe(true);
    expect(compareNames('SergeiTestovsky', 'Sergei Testovsky', { kind: 'person' }).match).toBe(true);
  });

  it('matches typing errors in longer words, not in short ones', () => {
    expect(compareNames('Guangzhong Zhao', 'Guangzong Zhao', { kind: 'person' }).match).toBe(true);
    expect(compareNames('Tim Testovsky', 'Tom Testovsky', { kind: 'person' }).score).toBeLessThan(0.9);
  });

  it('takes a letter or two off in a short name part for a possible match, never a strong one', () => {
    const oneOff = compareNames('Kep Testrova', 'Kap Testrova', { kind: 'person' });
    expect(oneOff.strength).toBe('weak');
    expect(oneOff.explanation.penalties.join(' ')).toMatch(/letter or two/);
    expect(compareNames('Ravel Brusk', 'Ravel Brisp', { kind: 'person' }).strength).toBe('weak');
    expect(compareNames('Testrova Kep Marten', 'Kap Marten Testrova', { kind: 'person' }).strength).toBe('weak');
    // Two letters off needs the same first letter and five letters; three is another name.
    expect(compareNames('Marten Kelzig', 'Marten Belzog', { kind: 'person' }).match).toBe(false);
    expect(compareNames('Ravel Quon', 'Ravel Quip', { kind: 'person' }).match).toBe(false);
    expect(compareNames('Ravel Brusk', 'Ravel Bropt', { kind: 'person' }).match).toBe(false);
    // Screening text against lists, a common name a letter off is another common name.
    expect(compareNames('Lum Quellmann', 'Lim Quellmann', { kind: 'person' }).match).toBe(true);
    expect(compareNames('Lum Quellmann', 'Lim Quellmann', { kind: 'person', requireEvidence: true }).match).toBe(false);
  });

  it('reads close vowels (o/u, e/i) and bin / ibn / ben as transliteration variants', () => {
    expect(compareTokens('tolin', 'tulen').similarity).toBeGreaterThanOrEqual(0.9);
    expect(compareTokens('grand', 'grund').similarity).toBeLessThan(0.9);
    expect(compareTokens('ibn', 'ben').similarity).toBeGreaterThanOrEqual(0.9);
    expect(compareNames('Hamid ibn Tolin al-Quarsi', 'Hamid ben Tulen al-Quarsi', { kind: 'person' }).strength).toBe('strong');
  });

  it('allows a missing name part, not one name part swapped for another', () => {
    const person = { kind: 'person' } as const;
    expect(compareNames('Faris Haddawi', 'Faris Quatim Haddawi', person).match).toBe(true);
    // Another father's or grandfather's name in the chain is another person, even a common one.
    expect(compareNames('Faris Quatim Haddawi Mohamed', 'Faris Quatim Haddawi Ahmed', person).match).toBe(false);
    // An article is no name part.
    expect(compareNames('Faris el-Haddawi Quatim', 'Faris Haddawi Quatim', person).strength).toBe('strong');
  });

  it('tells a son from his father by the name before bin', () => {
    const person = { kind: 'person' } as const;
    expect(compareNames('Quasim bin Tariq al-Hadrawi', 'Tariq bin Quasim al-Hadrawi', person).match).toBe(false);
    expect(compareNames('Quasim bin Tariq al-Hadrawi', 'Quasim ibn Tariq al-Hadrawi', person).strength).toBe('strong');
    // The same own name, sons of two fathers.
    expect(compareNames('Quasim ben Tariq ben Hadi al-Hadrawi', 'Quasim ben Yunes ben Hadi al-Hadrawi', person).match).toBe(false);
    expect(compareNames('Quasim ben Tariq ben Hadi al-Hadrawi', 'Quasim ben Tareq ben Hadi al-Hadrawi', person).match).toBe(true);
    // An article before bin is no own name.
    expect(compareNames('Al Bin Hadrawi, Quasim Bin Tariq', 'Quasim Bin Tariq Al Bin Hadrawi', person).match).toBe(true);
  });

  it('measures a spelling difference against the word as written, not only its folded form', () => {
    // "dobbel" folds to "dobel": one swap in six letters, not in five.
    expect(compareTokens('dobbel', 'dobble').similarity).toBeGreaterThan(0.82);
  });

  it('keeps an initial its own word, never joined onto a name', () => {
    expect(compareNames('Marten Q Testrova', 'Marten Quellin Testrova', { kind: 'person' }).match).toBe(true);
    expect(compareNames('Marten O Testrova', 'Marten Quellin Testrova', { kind: 'person' }).match).toBe(false);
  });

  it('matches initials written together', () => {
    expect(compareNames('PM Quellmann', 'Paul-Marie Quellmann', { kind: 'person' }).match).toBe(true);
    expect(compareNames('PX Quellmann', 'Paul-Marie Quellmann', { kind: 'person' }).match).toBe(false);
  });

  it('matches common diminutives of given names', () => {
    expect(compareNames('Vitya Testarov', 'Viktor Testarov', { kind: 'person' }).match).toBe(true);
    expect(compareNames('Greg Quellmann', 'Gregory Quellmann', { kind: 'person' }).match).toBe(true);
    expect(compareNames('Greg Quellmann', 'Viktor Quellmann', { kind: 'person' }).match).toBe(false);
  });

  it('reads the Latvian and Lithuanian nominative -s as an ending', () => {
    expect(compareNames('Olegs Testarovs', 'Oleg Testarov', { kind: 'person' }).strength).toBe('strong');
  });

  it('matches names in other scripts through transliteration', () => {
    expect(compareNames('Алексей Прытковский', 'Aleksei Prytkovsky', { kind: 'person' }).match).toBe(true);
  });

  it('compares Chinese characters one by one', () => {
    expect(compareNames('赵光宗', '赵光宗', { kind: 'person' }).strength).toBe('strong');
    expect(compareNames('赵光宋', '赵光宗', { kind: 'person' }).match).toBe(false);
  });

  it('refuses sister companies and different numbers', () => {
    expect(compareNames('Bank of Armenia', 'Bank of America').match).toBe(false);
    // A sister vessel or another fund of a series is worth a review, never the same name.
    expect(compareNames('Northern Star 7', 'Northern Star 8', { kind: 'vessel' }).strength).not.toBe('strong');
    expect(compareNames('Northern Star 7', 'Southern Cross 8', { kind: 'vessel' }).match).toBe(false);
    expect(compareNames('Fifth Brigade', 'Brigade 12').match).toBe(false);
  });

  it('reads Roman series numbers as numbers, apart from a dotted legal form', () => {
    expect(nameTokens('Testbrook Growth Fund XIV L.P.')).toMatchObject({ tokens: ['testbrook', 'growth', 'fund', '14'], forms: ['lp'] });
    expect(nameTokens('Testbrook Capital Trust V').digits).toEqual(['5']);
    const series = compareNames('Testbrook Growth Fund IX L.P.', 'Testbrook Growth Fund X L.P.');
    expect(series.match).toBe(true);
    expect(series.strength).toBe('weak');
  });

  it('takes an organisation with a word more for a sister or subsidiary', () => {
    const organisation = { kind: 'organisation' } as const;
    expect(compareNames('Quellwerk Systems Ltd', 'Quellwerk Ltd', organisation).match).toBe(false);
    expect(compareNames('Banco Testeiro Peru S.A.', 'Banco Testeiro S.A.', organisation).match).toBe(false);
    // A brand or short name without a legal form often leaves such words out.
    expect(compareNames('Quellwerk', 'Quellwerk Europe GmbH', organisation).match).toBe(true);
    // Not the other way round: the short name's own extra word still tells them apart.
    expect(compareNames('Quellwerk Systems', 'Quellwerk GmbH', organisation).match).toBe(false);
    // Particles are no such word.
    expect(compareNames('The Quellwerk Refinery Ltd', 'Quellwerk Refinery Ltd', organisation).strength).toBe('strong');
  });

  it('takes one name under two kinds of legal entity for two companies', () => {
    expect(compareNames('Quellwerk Testing AG', 'Quellwerk Testing GmbH').match).toBe(false);
    expect(compareNames('Harlow Testworks Ltd', 'Harlow Testworks Inc.').match).toBe(false);
    // The same kind written two ways, or a form that says only "company", is no difference.
    expect(compareNames('Quellwerk Testing OAO', 'Quellwerk Testing JSC').strength).toBe('strong');
    expect(compareNames('Harlow Testworks Limited', 'Harlow Testworks Ltd').strength).toBe('strong');
    expect(compareNames('Harlow Testworks Corporation', 'Harlow Testworks Company').strength).toBe('strong');
  });

  it('never alerts on common names alone when screening', () => {
    const result = compareNames('Muhammad Ali', 'Muhammad ALI', { kind: 'person', requireEvidence: true });
    expect(result.strength).not.toBe('strong');
    expect(result.explanation.penalties.join(' ')).toMatch(/common/);
    expect(index.query('Muhammad Ali').filter((m) => m.strength === 'strong')).toEqual([]);
    expect(index.scan('He met Muhammad Ali and the Bank Group.')).toEqual([]);
    // A single common word is no name, even when comparing two names.
    expect(compareNames('Muhammad', 'Muhammad', { kind: 'person' }).strength).not.toBe('strong');
  });

  it('joins two listed words only where that explains a word better than the first alone', () => {
    const result = compareNames('Ni Taobin', 'Taobin NI', { kind: 'person', requireEvidence: true });
    expect(result.explanation.tokens).toEqual(
      expect.arrayContaining([expect.objectContaining({ query: 'taobin', listed: 'taobin', how: 'exact' }), expect.objectContaining({ query: 'ni', listed: 'ni', how: 'exact' })]),
    );
    expect(result.strength).toBe('strong');
  });

  it('explains itself token by token', () => {
    const result = compareNames('Guangzhong Zhao', 'ZHAO, Guangzong', { kind: 'person' });
    expect(result.explanation.tokens).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ query: 'zhao', listed: 'zhao', how: 'exact' }),
        expect.objectContaining({ query: 'guangzhong', listed: 'guangzong' }),
      ]),
    );
  });
});

describe('the index', () => {
  it('groups one target listed by several sources and names all its ids', () => {
    const [first] = index.query('Zhao Guangzong');
    expect(first?.ids.sort()).toEqual(['uk-fcdo:TST0001', 'uk-ofsi:1', 'us-ofac-sdn:9']);
    expect(first?.strength).toBe('strong');
  });

  it('finds reordered, misspelt and transliterated queries', () => {
    expect(index.query('Guangzhong Zhao')[0]?.ids).toContain('uk-ofsi:1');
    expect(index.query('Алексей Прытковский')[0]?.ids).toEqual(['un-sc:TSi.1']);
    expect(index.query('Alexey Prytkovskiy')[0]?.ids).toEqual(['un-sc:TSi.1']);
    expect(index.query('赵光宗')[0]?.ids).toContain('uk-ofsi:1');
  });

  it('never gives a strong result for a weak alias alone', () => {
    const fox = index.query('The Fox').find((m) => m.ids.includes('un-sc:TSi.1'));
    expect(fox?.strength ?? 'weak').toBe('weak');
  });

  it('finds the short name in brackets', () => {
    expect(index.query('ITGC')[0]?.ids).toEqual(['us-ofac-sdn:12']);
  });
});

describe('identifiers', () => {
  it('finds a listed IMO number and crypto address typed into the search box', () => {
    expect(index.query('IMO 9176187')[0]).toMatchObject({ ids: ['us-ofac-sdn:13'], strength: 'strong' });
    expect(index.query('TNZxGWCwvsHr6JxQxzoeDXV597Yf7Zb7nV')[0]?.ids).toEqual(['us-ofac-sdn:13']);
    // Tron addresses are case-sensitive: another case is another address.
    expect(index.query('tnzxgwcwvshr6jxqxzoedxv597yf7zb7nv')).toEqual([]);
  });

  it('highlights identifiers on a page', () => {
    const text = 'The tanker (IMO 9176187) was paid from TNZxGWCwvsHr6JxQxzoeDXV597Yf7Zb7nV last week.';
    const found = index.scan(text);
    expect(found.map((m) => [m.text, m.identifier?.type])).toEqual([
      ['9176187', 'imo'],
      ['TNZxGWCwvsHr6JxQxzoeDXV597Yf7Zb7nV', 'crypto'],
    ]);
  });
});

describe('scanning text', () => {
  const text =
    'Foreign Minister Wang Yi met officials in Guangzong County. The UK sanctioned Zhao Guangzong and ' +
    'WUHAN XIAORUIZHI SCIENCE AND TECHNOLOGY COMPANY LIMITED, and said the money went to Hamas. ' +
    'A zhao guangzong in lower case is not a name. 赵光宗 was also named.';

  it('finds every mention with offsets into the text, and nothing else', () => {
    const found = index.scan(text);
    expect(found.map((m) => m.text)).toEqual([
      'Zhao Guangzong',
      'WUHAN XIAORUIZHI SCIENCE AND TECHNOLOGY COMPANY LIMITED',
      'Hamas',
      '赵光宗',
    ]);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(found[0]?.ids).toContain('uk-ofsi:1');
  });

  it('needs an organisation’s every word, and the legal form of a one-word company', () => {
    expect(index.scan('Welcome to the Forum of young readers.')).toEqual([]);
    expect(index.scan('Payments went to Forum LLC in Moscow.').map((m) => m.text)).toEqual(['Forum LLC']);
    expect(index.scan('Real Estate Testing prices rose.')).toEqual([]);
    expect(index.scan('Real Estate Testing Bank was named.').map((m) => m.text)).toEqual(['Real Estate Testing Bank']);
  });

  it('needs a person’s family name and another name', () => {
    expect(index.scan('Jean-Marie Lugotesta spoke.')).toEqual([]);
    expect(index.scan('Jean-Marie Runitesta spoke.').map((m) => m.ids)).toEqual([['un-sc:TSi.2']]);
  });

  it('does not take one word of a person’s name, or a sentence-initial common word, for a match', () => {
    expect(index.scan('Zhao said nothing. Guangzong County is large.')).toEqual([]);
    expect(index.scan('Bank of Armenia Testing is not Bank of America Testing.').map((m) => m.text)).toEqual(['Bank of Armenia Testing']);
  });
});

describe('scanning text: names written otherwise than listed', () => {
  // Before a group of hits is scored, the scan asks whether the words around it could name the
  // listed name at all; these are the ways a page word still pairs with a listed one.
  const FORMS_TARGETS: Target[] = [
    {
      ...target('us-ofac-sdn:40', 'person', [['ALDIN, Haroun Nasser', 'primary']]),
      names: [{ full: 'ALDIN, Haroun Nasser', type: 'primary', script: 'latin', family: 'ALDIN', given: ['Haroun', 'Nasser'] }],
    },
    {
      ...target('us-ofac-sdn:41', 'person', [['QUANG TESTZONG, Borvak Elmar', 'primary']]),
      names: [{ full: 'QUANG TESTZONG, Borvak Elmar', type: 'primary', script: 'latin', family: 'QUANG TESTZONG', given: ['Borvak', 'Elmar'] }],
    },
    target('us-ofac-sdn:42', 'organisation', [['VELMORAN TESTAVIA HOLDINGS', 'primary']]),
    {
      ...target('us-ofac-sdn:43', 'person', [['DRAVENKO, Istvan Pelorin', 'primary']]),
      names: [{ full: 'DRAVENKO, Istvan Pelorin', type: 'primary', script: 'latin', family: 'DRAVENKO', given: ['Istvan', 'Pelorin'] }],
    },
  ];
  const formsIndex = MatchIndex.build(FORMS_TARGETS);
  const idsIn = (text: string) => formsIndex.scan(text).flatMap((m) => m.ids);

  it('finds a listed word the page splits in two, or two listed words the page joins', () => {
    expect(idsIn('Officials named Haroun Nasser Al-Din on Tuesday.')).toEqual(['us-ofac-sdn:40']);
    expect(idsIn('The broker Borvak Elmar Quangtestzong was named.')).toEqual(['us-ofac-sdn:41']);
  });

  it('finds an organisation with a misspelt word, and a person with a misspelt family name', () => {
    expect(idsIn('Shares in Velmoran Testavya Holdings fell.')).toEqual(['us-ofac-sdn:42']);
    expect(idsIn('Istvan Dravenco left the country.')).toEqual(['us-ofac-sdn:43']);
  });

  it('does not look further when nothing near a listed word could be the rest of the name', () => {
    expect(idsIn('Share on Velmoran or Pinterest.')).toEqual([]);
    expect(idsIn('Istvan Pinterest left the country.')).toEqual([]);
  });

  it('gives the same matches, in the same order, whatever the order of the lists', () => {
    const text = 'Haroun Nasser Al-Din met Istvan Dravenko and Borvak Elmar Quang Testzong at Velmoran Testavia Holdings.';
    const reversed = MatchIndex.build([...FORMS_TARGETS].reverse());
    const strip = (ms: ReturnType<MatchIndex['scan']>) => ms.map((m) => [m.start, m.end, m.ids, m.score]);
    expect(strip(reversed.scan(text))).toEqual(strip(formsIndex.scan(text)));
    expect(formsIndex.scan(text).map((m) => m.text)).toEqual(['Haroun Nasser Al-Din', 'Istvan Dravenko', 'Borvak Elmar Quang Testzong', 'Velmoran Testavia Holdings']);
  });
});

describe('scanning text: part of a listed name, in common names only', () => {
  const COMMON_TARGETS: Target[] = [
    {
      ...target('us-ofac-sdn:60', 'person', [['DIAZ MEDINA, Javier', 'primary']]),
      names: [{ full: 'DIAZ MEDINA, Javier', type: 'primary', script: 'latin', family: 'DIAZ MEDINA', given: ['Javier'] }],
    },
    {
      ...target('us-ofac-sdn:61', 'person', [['QUORVESK, Javier Antonio', 'primary']]),
      names: [{ full: 'QUORVESK, Javier Antonio', type: 'primary', script: 'latin', family: 'QUORVESK', given: ['Javier', 'Antonio'] }],
    },
    target('uk-ofsi:62', 'person', [['Ali Mahmoud ABBAS', 'primary']]),
  ];
  const index = MatchIndex.build(COMMON_TARGETS);
  const idsIn = (text: string) => index.scan(text).flatMap((m) => m.ids);

  it('does not take a common given name and surname on a page for a listed person with more names', () => {
    expect(idsIn('The striker Javier Diaz scored twice.')).toEqual([]);
    expect(idsIn('President Mahmoud Abbas spoke in Ramallah.')).toEqual([]);
  });

  it('still finds the whole listed name, and part of it when that part is not a common name', () => {
    expect(idsIn('Javier Diaz Medina was arrested.')).toEqual(['us-ofac-sdn:60']);
    expect(idsIn('Officials named Ali Mahmoud Abbas.')).toEqual(['uk-ofsi:62']);
    expect(idsIn('Javier Quorvesk was arrested.')).toEqual(['us-ofac-sdn:61']);
  });

  it('keeps such partial names in a lookup, where the user asks about one person on purpose', () => {
    expect(index.query('Javier Diaz').map((r) => r.ids[0])).toContain('us-ofac-sdn:60');
  });
});

describe('scanning text: what the words around a name say', () => {
  const CONTEXT_TARGETS: Target[] = [
    target('uk-ofsi:20', 'organisation', [['TESTLAND GUARD CORPS (TSGC)', 'primary']]),
    target('us-ofac-sdn:20', 'organisation', [['TESTLAND GUARD CORPS', 'primary']]),
    target('uk-ofsi:21', 'organisation', [['TESTLAND GUARD CORPS (TSGC) AIR FORCE', 'primary']]),
    target('us-ofac-sdn:22', 'organisation', [['AL-QUORVAN', 'primary']]),
    target('us-ofac-sdn:23', 'person', [['BELTRASK, Quorvan Emil Dastor', 'primary']]),
    target('us-ofac-sdn:24', 'organisation', [['MINISTRY OF TESTING SECURITY', 'primary']], { remarks: 'North Korea Sanctions Regulations' }),
    target('us-ofac-sdn:25', 'organisation', [['MINISTRY OF TESTING SECURITY', 'primary']], { remarks: 'Russia-related' }),
    target('us-ofac-sdn:26', 'person', [['Tin Aung KELVAR', 'primary']]),
    target('us-ofac-sdn:27', 'vessel', [['CORAL TESTSEA', 'primary']]),
    target('us-ofac-sdn:28', 'organisation', [['Company', 'primary']]),
    target('us-ofac-sdn:29', 'person', [['PETROV, Sergey Konstantinovich', 'primary']]),
    target('us-ofac-sdn:30', 'organisation', [['NATIONAL GENERAL EXPORT', 'primary']]),
    target('us-ofac-sdn:31', 'organisation', [['NEW MEDIA TESTING', 'primary']]),
    target('us-ofac-sdn:32', 'person', [['VARDANIK, Teodor Ilyich', 'primary']]),
    target('us-ofac-sdn:36', 'vessel', [['NORTHERN STAR 7', 'primary']]),
    target('us-ofac-sdn:34', 'organisation', [['MINISTRY OF INTERIOR AFFAIRS', 'primary']], { addresses: ['Ruritania City, Syria'] }),
    target('us-ofac-sdn:35', 'organisation', [['PROGRESS TESTSHIP COMPANY LIMITED', 'primary']]),
    target('uk-ofsi:33', 'organisation', [['TESTLAND GUARD CORPS (TSGC) QORV FORCE', 'primary'], ['TSGC-QF', 'variation']]),
  ];
  const contextIndex = MatchIndex.build(CONTEXT_TARGETS);
  const texts = (text: string) => contextIndex.scan(text).map((m) => m.text);

  it('takes an acronym in brackets as a name only where it ends the name', () => {
    const [irgc] = contextIndex.scan('Oil trade aiding TSGC, officials said.');
    // The parent corps, listed by two sources under the name with and without the acronym; not its air force.
    expect(irgc?.ids.sort()).toEqual(['uk-ofsi:20', 'us-ofac-sdn:20']);
  });

  it('keeps a whole name heading a hyphenated compound inside the compound’s match', () => {
    const found = contextIndex.scan('Funds reached the TSGC-QF last year.');
    expect(found.map((m) => [m.text, m.ids.sort()])).toEqual([
      ['TSGC-QF', ['uk-ofsi:33']],
      ['TSGC', ['uk-ofsi:20', 'us-ofac-sdn:20']],
    ]);
    // Lower case after the hyphen is no compound name: the name alone, as ever.
    expect(texts('the TSGC-run office')).toEqual(['TSGC']);
  });

  it('keeps two records of one list apart even when their names are the same', () => {
    expect(contextIndex.query('Ministry of Testing Security').map((m) => m.ids)).toEqual([['us-ofac-sdn:24'], ['us-ofac-sdn:25']]);
  });

  it('lets one word inside a longer match yield to it', () => {
    const found = contextIndex.scan('Quorvan Beltrask, the official, spoke.');
    expect(found.map((m) => [m.text, m.ids])).toEqual([['Quorvan Beltrask', ['us-ofac-sdn:23']]]);
  });

  it('reads a place word before a generic organisation name as another country’s organisation', () => {
    expect(texts('agents of the Chinese Ministry of Testing Security (MTS) were named')).toEqual([]);
    const [korean] = contextIndex.scan('the North Korean Ministry of Testing Security said');
    expect(korean?.ids).toEqual(['us-ofac-sdn:24']);
  });

  it('takes a name of generic words for the listed body only with its country’s name before it', () => {
    expect(texts('The Ministry of Interior Affairs said on Monday')).toEqual([]);
    expect(texts('The Syrian Ministry of Interior Affairs said on Monday')).toEqual(['Ministry of Interior Affairs']);
  });

  it('reads an organisation’s name with a particle it does not have as another name', () => {
    expect(texts('Progress For Testship is a headline.')).toEqual([]);
    expect(texts('They paid Progress Testship Company Limited.')).toEqual(['Progress Testship Company Limited']);
  });

  it('reads part of a name inside a longer run of name words as someone else', () => {
    expect(texts('State Counsellor Aung Kelvar Suu Tenba was removed.')).toEqual([]);
    expect(texts('They named Aung Kelvar in the statement.')).toEqual(['Aung Kelvar']);
    expect(texts('His minister Sergey Petrov-Kim resigned.')).toEqual([]);
    expect(texts('Main articles: Media of New Testing Zealand and more')).toEqual([]);
  });

  it('reads a quoted nickname between two names as part of the run, not of the name', () => {
    const found = contextIndex.scan('The group’s leader, Teodor “Vulkan” Vardanik, was charged.');
    expect(found.map((m) => [m.text, m.ids])).toEqual([['Teodor “Vulkan” Vardanik', ['us-ofac-sdn:32']]]);
  });

  it('takes a name with a number only with that number', () => {
    expect(texts('The tanker Northern Star left Rotterdam.')).toEqual([]);
    expect(texts('The tanker Northern Star 7 left Rotterdam.')).toEqual(['Northern Star 7']);
  });

  it('takes a ship’s name without a number for the ship only where the text speaks of ships', () => {
    expect(texts('The Coral Testsea reef is bleaching.')).toEqual([]);
    expect(texts('The tanker Coral Testsea left port.')).toEqual(['Coral Testsea']);
  });

  it('never matches a name made only of legal forms', () => {
    expect(texts('The Company said profits rose.')).toEqual([]);
  });

  it('finds a name whose rare word is misspelt on the page', () => {
    expect(texts('OFAC sanctioned Sergey Konstantinvich Petrov, a Russian national.')).toEqual(['Sergey Konstantinvich Petrov']);
  });

  it('lets a whole name of common words through at the weak band, and keeps titles in organisation names', () => {
    const [found] = contextIndex.query('National General Export');
    expect(found).toMatchObject({ ids: ['us-ofac-sdn:30'], strength: 'weak' });
    expect(contextIndex.scan('It sold to National General Export, a Dubai firm.').map((m) => m.strength)).toEqual(['weak']);
  });
});
