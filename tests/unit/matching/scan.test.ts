import { describe, expect, it, vi } from 'vitest';
import { findIdentifiersInText } from '../../../utils/matching/identifiers';
import { IdentifierWords, LowerRuns, MatchIndex, tokenizeText } from '../../../utils/matching/index';
import type { Target } from '../../../utils/model';
import { nameTokens } from '../../../utils/matching/normalize';

/** Words as [text, folded, run] with runs numbered from 0 in order. */
function words(text: string): [string, string, number][] {
  const found = tokenizeText(text);
  const runs = new Map<number, number>();
  return found.map((w) => {
    if (!runs.has(w.segment)) runs.set(w.segment, runs.size);
    return [text.slice(w.start, w.end), w.folded, runs.get(w.segment)!];
  });
}

describe('reading a page’s words', () => {
  it('keeps capitalised words and the particles inside names, in runs', () => {
    expect(words('Yesterday Osama bin Laden met the Board of Directors in Kabul.')).toEqual([
      ['Yesterday', 'yesterday', 0],
      ['Osama', 'osama', 0],
      ['bin', 'bin', 0],
      ['Laden', 'laden', 0],
      ['the', 'the', 1],
      ['Board', 'board', 1],
      ['of', 'of', 1],
      ['Directors', 'directors', 1],
      ['in', 'in', 1],
      ['Kabul', 'kabul', 1],
    ]);
  });

  it('ends a run at other lower-case words and at punctuation, not at a hyphen or an apostrophe', () => {
    expect(words('Jean-Marie met Anna, then Bob and O’Neil’s son D.J. Trump-Smith')).toEqual([
      ['Jean', 'jean', 0],
      ['Marie', 'marie', 0],
      ['Anna', 'anna', 1],
      ['Bob', 'bob', 2],
      ['and', 'and', 2],
      ['O’Neil’s', 'oneil', 2],
      ['D.J', 'dj', 3],
      ['Trump', 'trump', 4],
      ['Smith', 'smith', 4],
    ]);
    // A particle written in capitals or with other letters is no particle: "iOS", "ofx" end a run.
    expect(words('Bank iOS Ltd ofx Group').map((w) => w[2])).toEqual([0, 1, 2]);
  });

  it('folds any case and script to one form, the same string for the same word', () => {
    const found = tokenizeText('NEW York, New York, new York; Вексельберга. ÉCOLE École 1990s');
    expect(found.map((w) => w.folded)).toEqual(['new', 'york', 'new', 'york', 'york', 'vekselberga', 'ecole', 'ecole', '1990s']);
    expect(found[5]!.folded).toBe('vekselberga');
    expect(found[0]!.folded).toBe(found[2]!.folded);
    expect(found.every((w) => w.capital)).toBe(true);
  });
});


describe('the lower-case words of a page', () => {
  it('knows every run of four or more lower-case letters the tokenizer met, and not others', () => {
    const runs = new LowerRuns();
    const text = "Welcome to the Forum: don't start O'Neil-style debates, caféterias or iPhones.";
    runs.reset(text.length);
    tokenizeText(text, runs);
    for (const word of ['elcome', 'start', 'style', 'debates', 'terias', 'hones', 'orum']) expect(runs.mayHave(word)).toBe(true);
    for (const word of ['welcome', 'forum', 'phone', 'cafe', 'neil', 'absent']) expect(runs.mayHave(word)).toBe(false);
  });
});

describe('identifiers looked for in the words that may hold them', () => {
  const byWords = (text: string) => {
    const words = new IdentifierWords();
    tokenizeText(text, undefined, words);
    return { hits: findIdentifiersInText(text, words.whole ? undefined : words), whole: words.whole };
  };

  it('finds what a search of the whole text finds', () => {
    const texts = [
      'The tanker (IMO 9176187) was paid from TNZxGWCwvsHr6JxQxzoeDXV597Yf7Zb7nV last week.',
      "Pay to bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a or l'IMO9176187, BIC12345678.",
      'SWIFT/BIC: DEUTDEFF500, cafébic DEUTDEFF and TNZxGWCwvsHr6Jx QxzoeDXV597Yf7Zb7nV split.',
      'Адрес 0x52908400098527886E0F7030069857D2E4169EE7; ΙΜΟ 9176187.',
    ];
    for (const text of texts) {
      expect(byWords(text).whole).toBe(false);
      expect(byWords(text).hits).toEqual(findIdentifiersInText(text));
    }
    expect(byWords(texts[0]!).hits.map((h) => h.type)).toEqual(['imo', 'crypto']);
  });

  it('searches the whole text where a Greek or Cyrillic sign that is no letter joins its words', () => {
    const text = 'Ref 0x52908400098527886E0F7030069857D2E4169EE7\u0375abc and IMO 9176187.';
    expect(byWords(text).whole).toBe(true);
    expect(byWords(text).hits).toEqual(findIdentifiersInText(text));
  });

  it('rests on every other character the case-blind search takes for a letter being a letter, digit or mark', () => {
    const scanChar = /[0-9A-Za-z\u0370-\u03ff\u0400-\u052f]/i;
    const wordChar = /[\p{L}\p{N}\p{M}]/u;
    const exceptions: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if ((c >= 0x370 && c <= 0x52f) || (c >= 0xd800 && c <= 0xdfff)) continue;
      const ch = String.fromCharCode(c);
      if (scanChar.test(ch) && !wordChar.test(ch)) exceptions.push(c);
    }
    expect(exceptions).toEqual([]);
  });
});

describe('number words', () => {
  it('reads only number words as numbers, not names Object.prototype has', () => {
    expect(nameTokens('First Constructor Bureau', 'organisation').tokens).toEqual(['1', 'constructor', 'bureau']);
    expect(nameTokens('Constructor', 'person').tokens).toEqual(['constructor']);
    expect(nameTokens('Forty Two Vessels', 'organisation').tokens).toEqual(['42', 'vessels']);
  });
});

/** Small targets written for these tests (not real designations). */
function target(id: string, kind: Target['kind'], full: string, family?: string): Target {
  const [source, nativeId] = id.split(':') as [Target['source'], string];
  return { id, source, nativeId, kind, names: [{ full, type: 'primary', script: 'latin', ...(family ? { family } : {}) }], regimes: ['TEST'] };
}

describe('scanning text: anchors', () => {
  const TARGETS: Target[] = [
    target('us-ofac-sdn:1', 'organisation', 'TALVERAN ORMUZDI SHIPPING'),
    target('us-ofac-sdn:2', 'organisation', 'KHORUMAN VELTASK'),
    target('us-ofac-sdn:3', 'organisation', 'UNITED'),
    target('us-ofac-sdn:8', 'vessel', 'PACIFIC'),
    target('us-ofac-sdn:4', 'organisation', 'INDUSTRIAL RESOURCES GENERAL TRADING'),
    target('us-ofac-sdn:5', 'vessel', 'TESTNEVE'),
    target('us-ofac-sdn:6', 'organisation', 'ZORBANEX'),
    target('us-ofac-sdn:7', 'person', 'DRELVANOVA, Yelizaveta Mironovna', 'DRELVANOVA'),
  ];
  const index = MatchIndex.build(TARGETS);
  const ids = (text: string) => index.scan(text).map((m) => [m.text, m.ids[0]]);

  it('finds a rare word misspelt by one letter, or with other close vowels, where the words found weigh too little', () => {
    expect(ids('Cargo went to Talveran Ormusdi Shipping last year.')).toEqual([['Talveran Ormusdi Shipping', 'us-ofac-sdn:1']]);
    expect(ids('The firm Khoroman Veltask paid.')).toEqual([['Khoroman Veltask', 'us-ofac-sdn:2']]);
    expect(ids('Yelizaveta Mironovna Drelvanava was named.')).toEqual([['Yelizaveta Mironovna Drelvanava', 'us-ofac-sdn:7']]);
  });

  it('does not take a word two letters off for a misspelling of a short listed word', () => {
    expect(ids('Cargo went to Talveran Armosdi Shipping last year.')).toEqual([]);
  });

  it('never starts an evaluation from common words alone, nor for a name no window can score', () => {
    const evaluate = vi.spyOn(MatchIndex.prototype as unknown as { evaluateGroup: () => void }, 'evaluateGroup');
    try {
      expect(ids('The New United plan: United, Pacific Shipping and the United Pacific.')).toEqual([]);
      expect(evaluate).not.toHaveBeenCalled();
    } finally {
      evaluate.mockRestore();
    }
  });

  it('still finds a name of three common words, and a one-word company, but no one-word ship', () => {
    expect(ids('Payments to Industrial Resources General Trading were seen.')).toEqual([['Industrial Resources General Trading', 'us-ofac-sdn:4']]);
    expect(ids('Funds went to Zorbanex, then to the Testneve.')).toEqual([['Zorbanex', 'us-ofac-sdn:6']]);
  });
});
