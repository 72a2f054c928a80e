import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cryptoChainOf,
  extractCryptoAddresses,
  isValidCryptoAddress,
  keccak256,
  normalizeCryptoAddress,
  sha256,
} from '../../../utils/formats/crypto';
import { HAS_SHARED_DATA, sharedFile } from '../../shared-data';
import { titled } from './uk-read-helpers';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('hash primitives', () => {
  it('SHA-256 and Keccak-256 give the published test values', () => {
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hex(sha256(new Uint8Array(0)))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(keccak256(new Uint8Array(0)))).toBe('c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
    // Longer than one 136-byte block.
    expect(hex(sha256(new Uint8Array(200).fill(97)))).toHaveLength(64);
    expect(hex(keccak256(new Uint8Array(300).fill(97)))).toHaveLength(64);
  });
});

describe('address validation per chain', () => {
  const valid: [string, string][] = [
    // EIP-55 test vectors
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'ETH'],
    ['0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', 'ETH'],
    ['0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB', 'ETH'],
    ['0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb', 'ETH'],
    ['0xd882cfc20f52f2599d84b8e8d58c7fb62cfe344b', 'ETH'], // all lower case: no checksum to check (OFAC, ETC)
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'XBT'],
    ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'XBT'],
    ['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'XBT'],
    ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', 'XBT'], // BIP-173, upper case
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', 'XBT'], // BIP-350 taproot
    ['TNZxGWCwvsHr6JxQxzoeDXV597Yf7Zb7nV', 'TRX'],
    ['LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb', 'LTC'],
    ['bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a', 'BCH'],
    ['qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a', 'BCH'],
    ['49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsL', 'XMR'],
    ['44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A', 'XMR'],
    ['rnXyVQzgxZe7TR1EPzTkGj2jxH4LMJYh66', 'XRP'],
    ['XnPFsRWTaSgiVauosEwQ6dEitGYXgwznz2', 'DASH'],
    ['t1MMXtBrSp1XG38Lx9cePcNUCJj5vdWfUWL', 'ZEC'],
    ['DFFJhnQNZf8rf67tYnesPu7MuGUpYtzv7Z', 'DOGE'],
    ['GPwg61XoHqQPNmAucFACuQ5H9sGCDv9TpS', 'BTG'],
    ['addr1qx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzer3n0d3vllmyqwsx5wktcd8cc3sq835lu7drv2xwl2wywfgse35a3x', 'ADA'],
  ];

  it.each(valid)('%s is a valid %s address', (address, chain) => {
    expect(cryptoChainOf(address)).toBe(chain);
    expect(isValidCryptoAddress(`  ${address}\n`)).toBe(true);
  });

  it('rejects one changed character in every chain (the checksums catch it)', () => {
    for (const [address] of valid) {
      if (/^0x[0-9a-f]+$/.test(address)) continue; // all-lower-case EVM has no checksum
      const i = address.length - 3;
      const swapped = address[i] === 'a' ? 'b' : address[i] === 'A' ? 'B' : address[i] === '2' ? '3' : 'a';
      expect(isValidCryptoAddress(address.slice(0, i) + swapped + address.slice(i + 1)), address).toBe(false);
    }
  });

  it('rejects a mixed-case EVM address whose EIP-55 case is wrong', () => {
    expect(isValidCryptoAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toBe(false);
    expect(isValidCryptoAddress('0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED')).toBe(true);
  });

  it('rejects words, IBANs, hashes and numbers that look like addresses', () => {
    const negatives = [
      'Internationalisation',
      'antidisestablishmentarianism',
      'TheSecretaryOfStateConsiders',
      'Telecommunications1234567890',
      'GB82WEST12345698765432', // IBAN
      'DE89370400440532013000', // IBAN
      'GB29NWBK60161331926819',
      '0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b', // 32-byte tx hash
      '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe', // 39 hex
      '5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', // 40 hex without 0x
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', // SHA-256 hex
      '5be5543ff73456ab9f2d207887e2af87322c651ea1a873c5b25b7ffae456c320', // listed by OFAC as "XMR": not an address
      '3F6bbvS1krsc1qR8FsbTDfYQyvkMm', // an OFAC address cut short
      '123e4567-e89b-12d3-a456-426614174000',
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdQ', // mixed-case bech32
      'TXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'Tnzxgwcwvshr6jxqxzoedxv597yf7zb7nv', // a Tron address in the wrong case
      '',
    ];
    for (const text of negatives) expect(isValidCryptoAddress(text), text).toBe(false);
    const prose =
      'The Secretary of State considers that there are reasonable grounds to suspect that the Telecommunications ' +
      'Administration (IBAN GB82WEST12345698765432, tx 0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b) ' +
      'is an involved person; antidisestablishmentarianism internationalisation counterrevolutionaries.';
    expect(extractCryptoAddresses(prose)).toEqual([]);
  });
});

describe('normalisation', () => {
  it('lower-cases hex and bech32, drops the CashAddr prefix, keeps base58 as written', () => {
    expect(normalizeCryptoAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toBe('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed');
    expect(normalizeCryptoAddress('BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4')).toBe('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4');
    expect(normalizeCryptoAddress('bitcoincash:QPM2QSZNHKS23Z7629MMS6S4CWEF74VCWVY22GDX6A')).toBe(
      'qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a',
    );
    expect(normalizeCryptoAddress(' TNZxGWCwvsHr6JxQxzoeDXV597Yf7Zb7nV ')).toBe('TNZxGWCwvsHr6JxQxzoeDXV597Yf7Zb7nV');
    expect(normalizeCryptoAddress('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'XBT')).toBe('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa');
    // An EVM address labelled with another EVM chain or a token compares the same way.
    expect(normalizeCryptoAddress('0xD882CFC20F52F2599D84B8E8D58C7FB62CFE344B', 'USDT')).toBe(
      '0xd882cfc20f52f2599d84b8e8d58c7fb62cfe344b',
    );
  });
});

describe('extraction from free text', () => {
  it('finds addresses between separators, brackets and full stops, once each', () => {
    const text =
      'Wallets: 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed; 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed (same),\n' +
      '(bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq), bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a and ' +
      'rnXyVQzgxZe7TR1EPzTkGj2jxH4LMJYh66.';
    expect(extractCryptoAddresses(text)).toEqual([
      { type: 'crypto', value: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', chain: 'ETH' },
      { type: 'crypto', value: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', chain: 'XBT' },
      { type: 'crypto', value: 'bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a', chain: 'BCH' },
      { type: 'crypto', value: 'rnXyVQzgxZe7TR1EPzTkGj2jxH4LMJYh66', chain: 'XRP' },
    ]);
  });

  it('joins an address split over two lines only when the joined string validates', () => {
    expect(extractCryptoAddresses('wallet address TNZxGWCwvsHr6JxQxzoeDXV5\n97Yf7Zb7nV (Tron)')).toEqual([
      { type: 'crypto', value: 'TNZxGWCwvsHr6JxQxzoeDXV597Yf7Zb7nV', chain: 'TRX' },
    ]);
    // Two whole addresses on adjacent lines stay two.
    expect(
      extractCryptoAddresses('TJqUC56SDZ373JYRurzXtMcor2HQvN9BaU\nTVa1p4aTVoHuF4EDGthn57FbKNbu4DRJkQ').map((a) => a.value),
    ).toEqual(['TJqUC56SDZ373JYRurzXtMcor2HQvN9BaU', 'TVa1p4aTVoHuF4EDGthn57FbKNbu4DRJkQ']);
    // Fragments that do not make an address are not joined into anything.
    expect(extractCryptoAddresses('TNZxGWCwvsHr6JxQxzoeDXV5\n97Yf7Zb7nX')).toEqual([]);
  });

  it('never validates a homoglyph, and reports its Latin folding with note "homoglyph"', () => {
    const homoglyph = 'TН96tFMn8KGiYSLiwсV3E2UiaJc8jmcbz3'; // Cyrillic Н and с
    expect(isValidCryptoAddress(homoglyph)).toBe(false);
    expect(extractCryptoAddresses(`Name: ${homoglyph}`)).toEqual([
      { type: 'crypto', value: 'TH96tFMn8KGiYSLiwcV3E2UiaJc8jmcbz3', chain: 'TRX', note: 'homoglyph' },
    ]);
    // A Cyrillic word is not folded into anything.
    expect(extractCryptoAddresses('ФЕДЕРАЛЬНОЕ ГОСУДАРСТВЕННОЕ УНИТАРНОЕ ПРЕДПРИЯТИЕ')).toEqual([]);
  });
});

describe.skipIf(!HAS_SHARED_DATA)(titled('real list text'), () => {
  const read = (...parts: string[]) => readFileSync(sharedFile(...parts), 'utf8');

  it('FCDO GHR0190 (Xinbi): all 40 Tron addresses of its OtherInformation, and nothing else', () => {
    const xml = read('format-samples', 'uk-fcdo', 'UK-Sanctions-List.sample.xml');
    const other = /<UniqueID>GHR0190<\/UniqueID>[\s\S]*?<OtherInformation>([\s\S]*?)<\/OtherInformation>/.exec(xml)![1]!;
    const found = extractCryptoAddresses(other);
    expect(found).toHaveLength(40);
    expect(found.every((a) => a.chain === 'TRX' && a.value.length === 34 && a.value.startsWith('T'))).toBe(true);
    expect(found[0]!.value).toBe('TW5tokvhEfrb77z98Rc8HqbkzQJ6sxYtGX');
    // The last one ends the text with a full stop.
    expect(found[39]!.value).toBe('TSmcHwvTR27Ao4NN8HhPFCVcPU5aTEqLDt');
    // Its statement of reasons (prose) yields none.
    const reasons = /<UKStatementofReasons>([\s\S]*?)<\/UKStatementofReasons>/.exec(xml)![1]!;
    expect(extractCryptoAddresses(reasons)).toEqual([]);
  });

  it('EU FSF: the Tron address split over two lines in a remark is found whole', () => {
    const found = extractCryptoAddresses(read('format-samples', 'eu-fsf', 'xmlFullSanctionsList_1_1.sample.xml'));
    expect(found.map((a) => a.value)).toContain('TNZxGWCwvsHr6JxQxzoeDXV597Yf7Zb7nV');
    expect(found.map((a) => a.value)).not.toContain('TNZxGWCwvsHr6JxQxzoeDXV5');
  });

  it('Israel NBCTF: the Cyrillic homoglyph is caught, and its Latin form is a wallet the UK lists (CTD0004)', () => {
    const found = extractCryptoAddresses(read('format-samples', 'il-nbctf', 'nbctf_orders.sample.csv'));
    const folded = found.find((a) => a.note === 'homoglyph');
    expect(folded).toEqual({ type: 'crypto', value: 'TH96tFMn8KGiYSLiwcV3E2UiaJc8jmcbz3', chain: 'TRX', note: 'homoglyph' });
    expect(found.filter((a) => !a.note).every((a) => isValidCryptoAddress(a.value))).toBe(true);
    const derived = read('uk-fcdo-derived', 'UK-Sanctions-List.derived-2025-04-14.xml');
    expect(derived).toContain('TH96tFMn8KGiYSLiwcV3E2UiaJc8jmcbz3');
  });

  it('OFAC: every address in sdn_comments.csv validates; in sdn.csv all but the cut-short ones', () => {
    const addresses = (text: string) =>
      new Map([...text.matchAll(/Digital Currency Address - ([A-Z0-9]+) ([A-Za-z0-9:]+)/g)].map((m) => [m[2]!, m[1]!]));
    const comments = addresses(read('us-ofac-sdn', 'companion-2025-12-24', 'sdn_comments.csv'));
    expect(comments.size).toBe(364);
    expect([...comments.keys()].filter((a) => !isValidCryptoAddress(a))).toEqual([]);
    const sdn = addresses(read('us-ofac-sdn', '2024-05-03', 'sdn.csv'));
    const invalid = [...sdn.keys()].filter((a) => !isValidCryptoAddress(a));
    expect(sdn.size).toBe(286);
    expect(invalid.sort()).toEqual(
      ['1B11Ezqg3AXj', '1B64QRxf', '1Gq', '1N6XqS', '3', '3F6bbvS1krsc1qR8FsbTDfYQyvkMm',
        '5be5543ff73456ab9f2d207887e2af87322c651ea1a873c5b25b7ffae456c320'].sort(),
    );
  });
});
