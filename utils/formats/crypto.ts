import type { Identifier } from '../model';

/**
 * Crypto-currency addresses: recognition, validation and normalisation.
 *
 * Lists give wallet addresses either in their own fields (OFAC "Digital Currency Address - XBT") or only in
 * free text (FCDO OtherInformation, EU remarks, Israel NBCTF assets). Free text is full of long words and
 * reference numbers, so an address is only taken when it validates for its chain: base58check and bech32
 * checksums, EIP-55 mixed-case checksums, Monero's keccak checksum. A random word never passes these
 * (2^-32 odds for a base58check string), so nothing is pulled from prose by shape alone — except an all
 * lower- or upper-case `0x` + 40 hex EVM address, which has no checksum but no other meaning either.
 *
 * Chain labels follow OFAC's tickers: XBT (Bitcoin), ETH (Ethereum and other EVM chains: the address is the
 * same on all of them), TRX, LTC, BCH, XMR, XRP, DASH, ZEC, DOGE, BTG, ADA.
 *
 * Pure TypeScript: SHA-256 and Keccak-256 are implemented here (no Node or browser crypto needed).
 */

// ---------------------------------------------------------------------------------------------------------
// SHA-256

const SHA256_K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

/** SHA-256 of a byte array. */
export function sha256(data: Uint8Array): Uint8Array {
  const bitLength = data.length * 8;
  const padded = new Uint8Array(((data.length + 9 + 63) >> 6) << 6);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const w15 = w[i - 15]!;
      const w2 = w[i - 2]!;
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!, f = h[5]!, g = h[6]!, k = h[7]!;
    for (let i = 0; i < 64; i++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (k + s1 + ch + SHA256_K[i]! + w[i]!) | 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (s0 + maj) | 0;
      k = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = h[0]! + a; h[1] = h[1]! + b; h[2] = h[2]! + c; h[3] = h[3]! + d;
    h[4] = h[4]! + e; h[5] = h[5]! + f; h[6] = h[6]! + g; h[7] = h[7]! + k;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i]!);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Keccak-256 (the pre-standard padding used by Ethereum and Monero, not SHA3-256)

const MASK64 = (1n << 64n) - 1n;
const KECCAK_RC = [
  0x0000000000000001n, 0x0000000000008082n, 0x800000000000808an, 0x8000000080008000n, 0x000000000000808bn,
  0x0000000080000001n, 0x8000000080008081n, 0x8000000000008009n, 0x000000000000008an, 0x0000000000000088n,
  0x0000000080008009n, 0x000000008000000an, 0x000000008000808bn, 0x800000000000008bn, 0x8000000000008089n,
  0x8000000000008003n, 0x8000000000008002n, 0x8000000000000080n, 0x000000000000800an, 0x800000008000000an,
  0x8000000080008081n, 0x8000000000008080n, 0x0000000080000001n, 0x8000000080008008n,
];
/** Rotation offsets, indexed x + 5y. */
const KECCAK_ROT = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14];

function rotl64(v: bigint, n: number): bigint {
  if (n === 0) return v;
  return ((v << BigInt(n)) | (v >> BigInt(64 - n))) & MASK64;
}

function keccakF(a: bigint[]): void {
  const c = new Array<bigint>(5);
  const b = new Array<bigint>(25);
  for (let round = 0; round < 24; round++) {
    for (let x = 0; x < 5; x++) c[x] = a[x]! ^ a[x + 5]! ^ a[x + 10]! ^ a[x + 15]! ^ a[x + 20]!;
    for (let x = 0; x < 5; x++) {
      const d = c[(x + 4) % 5]! ^ rotl64(c[(x + 1) % 5]!, 1);
      for (let y = 0; y < 25; y += 5) a[x + y] = a[x + y]! ^ d;
    }
    for (let x = 0; x < 5; x++) {
      for (let y = 0; y < 5; y++) {
        b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl64(a[x + 5 * y]!, KECCAK_ROT[x + 5 * y]!);
      }
    }
    for (let y = 0; y < 25; y += 5) {
      for (let x = 0; x < 5; x++) {
        a[x + y] = b[x + y]! ^ (b[((x + 1) % 5) + y]! ^ MASK64) & b[((x + 2) % 5) + y]!;
      }
    }
    a[0] = a[0]! ^ KECCAK_RC[round]!;
  }
}

/** Keccak-256 of a byte array (Ethereum's hash). */
export function keccak256(data: Uint8Array): Uint8Array {
  const rate = 136;
  const padded = new Uint8Array(Math.floor(data.length / rate + 1) * rate);
  padded.set(data);
  padded[data.length] = padded[data.length]! ^ 0x01;
  padded[padded.length - 1] = padded[padded.length - 1]! ^ 0x80;
  const state = new Array<bigint>(25).fill(0n);
  for (let offset = 0; offset < padded.length; offset += rate) {
    for (let lane = 0; lane < rate / 8; lane++) {
      let v = 0n;
      for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(padded[offset + lane * 8 + i]!);
      state[lane] = state[lane]! ^ v;
    }
    keccakF(state);
  }
  const out = new Uint8Array(32);
  for (let lane = 0; lane < 4; lane++) {
    let v = state[lane]!;
    for (let i = 0; i < 8; i++) {
      out[lane * 8 + i] = Number(v & 0xffn);
      v >>= 8n;
    }
  }
  return out;
}

function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Base58 and base58check

const BITCOIN_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const RIPPLE_ALPHABET = 'rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz';

function alphabetMap(alphabet: string): Int8Array {
  const map = new Int8Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) map[alphabet.charCodeAt(i)] = i;
  return map;
}
const BITCOIN_MAP = alphabetMap(BITCOIN_ALPHABET);
const RIPPLE_MAP = alphabetMap(RIPPLE_ALPHABET);

function base58Decode(text: string, map: Int8Array, zeroChar: string): Uint8Array | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? map[code]! : -1;
    if (digit < 0) return undefined;
    let carry = digit;
    for (let j = 0; j < bytes.length; j++) {
      carry += bytes[j]! * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (let i = 0; i < text.length && text[i] === zeroChar; i++) bytes.push(0);
  return Uint8Array.from(bytes.reverse());
}

/** The payload (version bytes + hash) of a base58check string whose checksum is right. */
function base58CheckPayload(text: string, map: Int8Array, zeroChar: string): Uint8Array | undefined {
  const bytes = base58Decode(text, map, zeroChar);
  if (!bytes || bytes.length < 5) return undefined;
  const payload = bytes.subarray(0, bytes.length - 4);
  const check = sha256(sha256(payload));
  for (let i = 0; i < 4; i++) if (check[i] !== bytes[payload.length + i]) return undefined;
  return payload;
}

/** Base58check version prefixes (hex) of 20-byte hashes → chain. */
const BASE58_VERSIONS: Record<string, string> = {
  '00': 'XBT', // 1… P2PKH (also Bitcoin Cash / SV legacy)
  '05': 'XBT', // 3… P2SH (also Litecoin's old P2SH)
  '30': 'LTC', // L…
  '32': 'LTC', // M… P2SH
  '41': 'TRX', // T… Tron
  '4c': 'DASH', // X…
  '10': 'DASH', // 7… P2SH
  '1e': 'DOGE', // D…
  '16': 'DOGE', // 9…/A… P2SH
  '26': 'BTG', // G… Bitcoin Gold
  '17': 'BTG', // A… Bitcoin Gold P2SH
  '1cb8': 'ZEC', // t1… Zcash transparent
  '1cbd': 'ZEC', // t3… Zcash transparent P2SH
};

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

function base58Chain(text: string): string | undefined {
  if (text.length < 25 || text.length > 36) return undefined;
  if (text[0] === 'r') {
    const payload = base58CheckPayload(text, RIPPLE_MAP, 'r');
    if (payload && payload.length === 21 && payload[0] === 0) return 'XRP';
  }
  const payload = base58CheckPayload(text, BITCOIN_MAP, '1');
  if (!payload) return undefined;
  if (payload.length === 21) return BASE58_VERSIONS[hex(payload.subarray(0, 1))];
  if (payload.length === 22) return BASE58_VERSIONS[hex(payload.subarray(0, 2))];
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Bech32 / bech32m (BIP-173, BIP-350)

const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BECH32_MAP = alphabetMap(BECH32_CHARSET);
const BECH32_CONST = 1;
const BECH32M_CONST = 0x2bc830a3;

function bech32Polymod(values: number[]): number {
  const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk = (chk ^ gen[i]!) >>> 0;
  }
  return chk;
}

interface Bech32Decoded {
  hrp: string;
  data: number[];
  variant: 'bech32' | 'bech32m';
}

function bech32Decode(text: string, maxLength: number): Bech32Decoded | undefined {
  if (text.length < 8 || text.length > maxLength) return undefined;
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return undefined;
  const lower = text.toLowerCase();
  const sep = lower.lastIndexOf('1');
  if (sep < 1 || sep + 7 > lower.length) return undefined;
  const hrp = lower.slice(0, sep);
  const data: number[] = [];
  for (let i = sep + 1; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    const v = code < 128 ? BECH32_MAP[code]! : -1;
    if (v < 0) return undefined;
    data.push(v);
  }
  const expanded: number[] = [];
  for (let i = 0; i < hrp.length; i++) expanded.push(hrp.charCodeAt(i) >> 5);
  expanded.push(0);
  for (let i = 0; i < hrp.length; i++) expanded.push(hrp.charCodeAt(i) & 31);
  const check = bech32Polymod([...expanded, ...data]);
  const variant = check === BECH32_CONST ? 'bech32' : check === BECH32M_CONST ? 'bech32m' : undefined;
  if (!variant) return undefined;
  return { hrp, data: data.slice(0, -6), variant };
}

function convertBits(data: number[], from: number, to: number, pad: boolean): number[] | undefined {
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  const maxv = (1 << to) - 1;
  for (const value of data) {
    acc = (acc << from) | value;
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push((acc >> bits) & maxv);
    }
    acc &= (1 << bits) - 1;
  }
  if (pad) {
    if (bits > 0) out.push((acc << (to - bits)) & maxv);
  } else if (bits >= from || ((acc << (to - bits)) & maxv) !== 0) {
    return undefined;
  }
  return out;
}

const SEGWIT_HRPS: Record<string, string> = { bc: 'XBT', ltc: 'LTC' };

function bech32Chain(text: string): string | undefined {
  const lower = text.toLowerCase();
  if (lower.startsWith('addr1')) {
    // Cardano Shelley addresses: bech32 without the 90-character limit; a header byte then key hashes.
    const decoded = bech32Decode(text, 130);
    if (!decoded || decoded.hrp !== 'addr' || decoded.variant !== 'bech32') return undefined;
    const bytes = convertBits(decoded.data, 5, 8, false);
    return bytes && bytes.length >= 29 && (bytes[0]! & 0x0f) === 1 ? 'ADA' : undefined;
  }
  const decoded = bech32Decode(text, 90);
  if (!decoded) return undefined;
  const chain = SEGWIT_HRPS[decoded.hrp];
  if (!chain || decoded.data.length < 1) return undefined;
  const version = decoded.data[0]!;
  if (version > 16) return undefined;
  if ((version === 0) !== (decoded.variant === 'bech32')) return undefined;
  const program = convertBits(decoded.data.slice(1), 5, 8, false);
  if (!program || program.length < 2 || program.length > 40) return undefined;
  if (version === 0 && program.length !== 20 && program.length !== 32) return undefined;
  return chain;
}

// ---------------------------------------------------------------------------------------------------------
// Bitcoin Cash CashAddr

function cashAddrPolymod(values: number[]): bigint {
  const gen = [0x98f2bc8e61n, 0x79b76d99e2n, 0xf33e5fb3c4n, 0xae2eabe2a8n, 0x1e4f43e470n];
  let c = 1n;
  for (const d of values) {
    const c0 = c >> 35n;
    c = ((c & 0x07ffffffffn) << 5n) ^ BigInt(d);
    for (let i = 0; i < 5; i++) if ((c0 >> BigInt(i)) & 1n) c ^= gen[i]!;
  }
  return c ^ 1n;
}

function cashAddrValid(text: string): boolean {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return false;
  let lower = text.toLowerCase();
  if (lower.startsWith('bitcoincash:')) lower = lower.slice('bitcoincash:'.length);
  if (lower.length !== 42 || (lower[0] !== 'q' && lower[0] !== 'p')) return false;
  const data: number[] = [];
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    const v = code < 128 ? BECH32_MAP[code]! : -1;
    if (v < 0) return false;
    data.push(v);
  }
  const prefix = 'bitcoincash';
  const values: number[] = [];
  for (let i = 0; i < prefix.length; i++) values.push(prefix.charCodeAt(i) & 31);
  values.push(0, ...data);
  if (cashAddrPolymod(values) !== 0n) return false;
  const bytes = convertBits(data.slice(0, -8), 5, 8, false);
  // Version byte 0 (P2PKH, q…) or 8 (P2SH, p…), then a 20-byte hash.
  return !!bytes && bytes.length === 21 && (bytes[0] === 0 || bytes[0] === 8);
}

// ---------------------------------------------------------------------------------------------------------
// Monero (its own block-wise base58, keccak checksum)

const MONERO_BLOCK_CHARS = [0, 2, 3, 5, 6, 7, 9, 10, 11];

function moneroDecode(text: string): Uint8Array | undefined {
  const fullBlocks = Math.floor(text.length / 11);
  const lastChars = text.length % 11;
  const lastBytes = MONERO_BLOCK_CHARS.indexOf(lastChars);
  if (lastBytes < 0) return undefined;
  const out = new Uint8Array(fullBlocks * 8 + lastBytes);
  const decodeBlock = (block: string, size: number, at: number): boolean => {
    let n = 0n;
    for (let i = 0; i < block.length; i++) {
      const code = block.charCodeAt(i);
      const digit = code < 128 ? BITCOIN_MAP[code]! : -1;
      if (digit < 0) return false;
      n = n * 58n + BigInt(digit);
    }
    if (n >> BigInt(size * 8) !== 0n) return false;
    for (let i = size - 1; i >= 0; i--) {
      out[at + i] = Number(n & 0xffn);
      n >>= 8n;
    }
    return true;
  };
  for (let b = 0; b < fullBlocks; b++) if (!decodeBlock(text.slice(b * 11, b * 11 + 11), 8, b * 8)) return undefined;
  if (lastBytes > 0 && !decodeBlock(text.slice(fullBlocks * 11), lastBytes, fullBlocks * 8)) return undefined;
  return out;
}

function moneroValid(text: string): boolean {
  if (!(text.length === 95 || text.length === 106) || (text[0] !== '4' && text[0] !== '8')) return false;
  const bytes = moneroDecode(text);
  if (!bytes) return false;
  // Network bytes: 18 standard (4…), 42 subaddress (8…), 19 integrated (4…, 106 chars).
  const tag = bytes[0];
  if (!((tag === 18 || tag === 42) && bytes.length === 69) && !(tag === 19 && bytes.length === 77)) return false;
  const body = bytes.subarray(0, bytes.length - 4);
  const check = keccak256(body);
  for (let i = 0; i < 4; i++) if (check[i] !== bytes[body.length + i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// Ethereum / EVM (EIP-55)

function evmValid(text: string): boolean {
  if (!/^0x[0-9a-fA-F]{40}$/.test(text)) return false;
  const body = text.slice(2);
  if (body === body.toLowerCase() || body === body.toUpperCase()) return true;
  const hash = keccak256(asciiBytes(body.toLowerCase()));
  for (let i = 0; i < 40; i++) {
    const c = body[i]!;
    if (c >= '0' && c <= '9') continue;
    const nibble = (hash[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 0x0f;
    const upper = c >= 'A' && c <= 'F';
    if ((nibble >= 8) !== upper) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// Recognition

const BASE58_SHAPE = /^[1-9A-HJ-NP-Za-km-z]{25,35}$/;
const RIPPLE_SHAPE = /^r[rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz]{24,34}$/;
const SEGWIT_SHAPE = /^(?:bc|ltc|BC|LTC)1[02-9ac-hj-np-zAC-HJ-NP-Z]{6,87}$/;
const CARDANO_SHAPE = /^addr1[02-9ac-hj-np-z]{50,120}$/;
const CASHADDR_SHAPE = /^(?:bitcoincash:|BITCOINCASH:)?[qpQP][02-9ac-hj-np-zAC-HJ-NP-Z]{41}$/;
const MONERO_SHAPE = /^[48][1-9A-HJ-NP-Za-km-z]{94}(?:[1-9A-HJ-NP-Za-km-z]{11})?$/;

/** The chain of a valid address (checksums checked), or undefined when the text is not one. */
export function cryptoChainOf(value: string): string | undefined {
  const text = value.trim();
  if (text.length < 25) return undefined;
  if (text.startsWith('0x')) return evmValid(text) ? 'ETH' : undefined;
  if (CASHADDR_SHAPE.test(text) && cashAddrValid(text)) return 'BCH';
  if (SEGWIT_SHAPE.test(text) || CARDANO_SHAPE.test(text)) {
    const chain = bech32Chain(text);
    if (chain) return chain;
  }
  if (MONERO_SHAPE.test(text)) return moneroValid(text) ? 'XMR' : undefined;
  if (BASE58_SHAPE.test(text) || RIPPLE_SHAPE.test(text)) return base58Chain(text);
  return undefined;
}

/** True when the text, trimmed, is one whole valid address of a known chain. */
export function isValidCryptoAddress(value: string): boolean {
  return cryptoChainOf(value) !== undefined;
}

const EVM_CHAINS = new Set(['ETH', 'ETC', 'BSC', 'BNB', 'ARB', 'MATIC', 'POL', 'AVAX', 'OP', 'BASE', 'USDC', 'USDT', 'FTM']);

/**
 * The form to compare addresses by: hex EVM addresses lower-case (EIP-55 case is only a checksum),
 * bech32 and CashAddr lower-case (the `bitcoincash:` prefix dropped), base58 kept as written (its case is
 * significant). Surrounding whitespace is removed.
 */
export function normalizeCryptoAddress(value: string, chain?: string): string {
  const text = value.trim();
  if (/^0x[0-9a-f]+$/i.test(text)) return text.toLowerCase();
  if (chain && EVM_CHAINS.has(chain.toUpperCase()) && /^(?:0x)?[0-9a-f]{40}$/i.test(text)) return text.toLowerCase();
  if (/^bitcoincash:/i.test(text)) return text.slice('bitcoincash:'.length).toLowerCase();
  if (chain?.toUpperCase() === 'BCH' && CASHADDR_SHAPE.test(text)) return text.toLowerCase();
  if ((SEGWIT_SHAPE.test(text) || CARDANO_SHAPE.test(text)) && bech32Chain(text)) return text.toLowerCase();
  if (!chain && CASHADDR_SHAPE.test(text) && cashAddrValid(text)) return text.toLowerCase();
  return text;
}

/** Cyrillic and Greek letters drawn like Latin ones, as found swapped into real list data. */
const HOMOGLYPHS: Record<string, string> = {
  // Cyrillic
  'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T',
  'Х': 'X', 'У': 'Y', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S', 'Ԛ': 'Q', 'Ԝ': 'W',
  'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's',
  'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'һ': 'h',
  // Greek
  'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O',
  'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X', 'ο': 'o', 'ν': 'v',
};

function foldHomoglyphs(token: string): string | undefined {
  let out = '';
  for (const ch of token) {
    if (ch.charCodeAt(0) < 128) out += ch;
    else {
      const latin = HOMOGLYPHS[ch];
      if (!latin) return undefined;
      out += latin;
    }
  }
  return out;
}

// Runs of letters and digits (Greek and Cyrillic included, for homoglyphs), with an optional CashAddr prefix.
// Runs shorter than 6 characters are never part of an address (a split one is joined from two runs of 6+).
const TOKEN = /(?:bitcoincash:)?[0-9A-Za-z\u0370-\u03ff\u0400-\u052f]{6,}/gi;
const LONG_RUN = 13;

/** True when the text has a run of 13+ letters or digits (a quick scan: most prose has none). */
function hasLongRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0x370 && c <= 0x52f)) {
      if (++run >= LONG_RUN) return true;
    } else run = 0;
  }
  return false;
}
const ASCII_ALNUM = /^[0-9A-Za-z]+$/;
const ONLY_SPACE = /^[ \t\r\n\u00a0]{1,8}$/;
/** Longest address recognised (a Cardano base address is ~103 characters, Monero integrated 106). */
const MAX_ADDRESS = 130;

/**
 * Every distinct valid address in free text, in order of appearance: `{type:'crypto', value, chain}`.
 * Separators do not matter (`; `, commas, new lines, brackets). An address broken over two lines is joined
 * back when, and only when, the joined string validates (the fragments alone do not). A token with Cyrillic
 * or Greek look-alike letters is never valid as given; when its Latin folding validates it is reported
 * folded, with note 'homoglyph'.
 */
export function extractCryptoAddresses(text: string): Identifier[] {
  const out: Identifier[] = [];
  // Any address, or one of the two halves of a split address, has a run of 13+ letters and digits.
  if (!text || text.length < 25 || !hasLongRun(text)) return out;
  const seen = new Set<string>();
  const add = (value: string, chain: string, note?: string) => {
    const key = normalizeCryptoAddress(value, chain);
    if (seen.has(key)) return;
    seen.add(key);
    const identifier: Identifier = { type: 'crypto', value, chain };
    if (note) identifier.note = note;
    out.push(identifier);
  };

  const tokens: { value: string; start: number; end: number }[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    tokens.push({ value: m[0], start: m.index, end: m.index + m[0].length });
  }

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const ascii = ASCII_ALNUM.test(token.value) || /^bitcoincash:[0-9a-z]+$/i.test(token.value);
    if (ascii) {
      if (token.value.length >= 25) {
        const chain = cryptoChainOf(token.value);
        if (chain) {
          add(token.value, chain);
          continue;
        }
      }
      // A fragment: join it with the next one when only a line break or spaces lie between them.
      const next = tokens[i + 1];
      if (
        next &&
        token.value.length >= 6 &&
        token.value.length + next.value.length >= 25 &&
        token.value.length + next.value.length <= MAX_ADDRESS &&
        ASCII_ALNUM.test(next.value) &&
        ONLY_SPACE.test(text.slice(token.end, next.start))
      ) {
        const joined = token.value + next.value;
        const chain = cryptoChainOf(joined);
        if (chain && !isValidCryptoAddress(next.value)) {
          add(joined, chain);
          i++;
        }
      }
      continue;
    }
    if (token.value.length < 25 || token.value.length > MAX_ADDRESS) continue;
    const folded = foldHomoglyphs(token.value);
    if (folded === undefined || folded === token.value) continue;
    const chain = cryptoChainOf(folded);
    if (chain) add(folded, chain, 'homoglyph');
  }
  return out;
}
