/**
 * Compact tables for the match index: string keys to dense ids without a string object per key,
 * and posting lists in compressed-sparse-row form (one offsets array, one values array). The
 * index holds a few hundred thousand keys; as Map<string, number[]> they cost more than the lists.
 */

const EMPTY = 0;

/**
 * String keys → ids 0, 1, 2 … in the order first added. A key is an optional one-character
 * prefix and a string, optionally with one character left out (a one-edit deletion key), so
 * callers never build the key string. Open addressing over typed arrays; keys compared by content.
 */
export class KeyTable {
  private chars: Uint16Array = new Uint16Array(1024);
  private charCount = 0;
  /** Key id → start of its characters; starts[id + 1] is its end. */
  private starts: Int32Array = new Int32Array(1025);
  private hashes: Int32Array = new Int32Array(1024);
  /** Slot → key id + 1 (0: empty). */
  private slots: Int32Array;
  private count = 0;

  /** `expectedKeys`: room made up front, so a big table is not rehashed on the way. */
  constructor(expectedKeys = 1024) {
    let size = 2048;
    while (size < expectedKeys * 2) size *= 2;
    this.slots = new Int32Array(size);
  }

  get size(): number {
    return this.count;
  }

  /** The id of a key, or -1. `prefix` is a character code (0: none); `skip` an index of `text` left out (-1: none). */
  idOf(text: string, prefix = 0, skip = -1): number {
    const hash = hashKey(text, prefix, skip);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) return -1;
      const id = entry - 1;
      if (this.hashes[id] === hash && this.equals(id, text, prefix, skip)) return id;
    }
  }

  /** The id of a key, added when new. */
  add(text: string, prefix = 0, skip = -1): number {
    const hash = hashKey(text, prefix, skip);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) break;
      const id = entry - 1;
      if (this.hashes[id] === hash && this.equals(id, text, prefix, skip)) return id;
    }
    const id = this.count++;
    const length = (prefix ? 1 : 0) + text.length - (skip >= 0 ? 1 : 0);
    if (this.charCount + length > this.chars.length) this.chars = grow16(this.chars, this.charCount + length);
    if (id + 2 > this.starts.length) this.starts = grow32(this.starts, id + 2);
    if (id + 1 > this.hashes.length) this.hashes = grow32(this.hashes, id + 1);
    let at = this.charCount;
    if (prefix) this.chars[at++] = prefix;
    for (let k = 0; k < text.length; k++) if (k !== skip) this.chars[at++] = text.charCodeAt(k);
    this.charCount = at;
    this.starts[id + 1] = at;
    this.hashes[id] = hash;
    if (this.count * 2 > this.slots.length) this.rehash();
    else this.slots[slot] = id + 1;
    return id;
  }

  /** The key's text, prefix included (for tests and diagnostics). */
  keyOf(id: number): string {
    return String.fromCharCode(...this.chars.subarray(this.starts[id]!, this.starts[id + 1]!));
  }

  /** Drops spare capacity once every key is in. */
  trim(): void {
    this.chars = this.chars.slice(0, this.charCount);
    this.starts = this.starts.slice(0, this.count + 1);
    this.hashes = this.hashes.slice(0, this.count);
  }

  private equals(id: number, text: string, prefix: number, skip: number): boolean {
    let at = this.starts[id]!;
    const end = this.starts[id + 1]!;
    if (end - at !== (prefix ? 1 : 0) + text.length - (skip >= 0 ? 1 : 0)) return false;
    if (prefix && this.chars[at++] !== prefix) return false;
    for (let k = 0; k < text.length; k++) {
      if (k === skip) continue;
      if (this.chars[at++] !== text.charCodeAt(k)) return false;
    }
    return true;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}

/** FNV-1a over the key's characters as stored (prefix first, the skipped one left out). */
function hashKey(text: string, prefix: number, skip: number): number {
  let h = 0x811c9dc5;
  if (prefix) h = Math.imul(h ^ prefix, 0x01000193);
  for (let k = 0; k < text.length; k++) {
    if (k === skip) continue;
    h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  }
  return mix(h);
}

/** Final mix of a hash: neighbouring keys ("abc1", "abc2") spread over the table. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}

function grow32(a: Int32Array, atLeast: number): Int32Array {
  const b = new Int32Array(Math.max(atLeast, a.length * 2));
  b.set(a);
  return b;
}

function grow16(a: Uint16Array, atLeast: number): Uint16Array {
  const b = new Uint16Array(Math.max(atLeast, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Lists of integers → ids 0, 1, 2 … in the order first added, lists compared by content (as
 * KeyTable does for strings).
 */
export class IntListTable {
  private readonly values = new IntList();
  /** List id → start of its values; starts[id + 1] is its end. */
  private readonly starts = new IntList();
  private readonly hashes = new IntList();
  /** Slot → list id + 1 (0: empty). */
  private slots = new Int32Array(1024);
  private count = 0;

  constructor() {
    this.starts.push(0);
  }

  get size(): number {
    return this.count;
  }

  /** The id of the list `list[0 … length)`, added when new. */
  add(list: readonly number[], length = list.length): number {
    let h = 0x811c9dc5;
    for (let k = 0; k < length; k++) h = Math.imul(h ^ list[k]!, 0x01000193);
    h = mix(h);
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) break;
      const id = entry - 1;
      if (this.hashes.at(id) === h && this.equals(id, list, length)) return id;
    }
    const id = this.count++;
    for (let k = 0; k < length; k++) this.values.push(list[k]!);
    this.starts.push(this.values.length);
    this.hashes.push(h);
    if (this.count * 2 > this.slots.length) this.rehash();
    else this.slots[slot] = id + 1;
    return id;
  }

  private equals(id: number, list: readonly number[], length: number): boolean {
    const start = this.starts.at(id);
    if (this.starts.at(id + 1) - start !== length) return false;
    for (let k = 0; k < length; k++) if (this.values.at(start + k) !== list[k]) return false;
    return true;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = this.hashes.at(id) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}

/**
 * Posting lists as they are built: values appended per key in order, a value equal to the last
 * one of its key's list not appended again (as `list.at(-1) !== value` did).
 */
export class PostingsBuilder {
  private keysOf: Int32Array = new Int32Array(1024);
  private valuesOf: Int32Array = new Int32Array(1024);
  private length = 0;
  private last: Int32Array = new Int32Array(1024).fill(-1);

  add(key: number, value: number): void {
    if (key >= this.last.length) {
      const last = new Int32Array(Math.max(key + 1, this.last.length * 2)).fill(-1);
      last.set(this.last);
      this.last = last;
    }
    if (this.last[key] === value) return;
    this.last[key] = value;
    if (this.length === this.keysOf.length) {
      this.keysOf = grow32(this.keysOf, this.length + 1);
      this.valuesOf = grow32(this.valuesOf, this.length + 1);
    }
    this.keysOf[this.length] = key;
    this.valuesOf[this.length++] = value;
  }

  /** The lists of keys 0 … keyCount - 1, in the order their values were added; lists longer than `maxLength` left empty. */
  finish(keyCount: number, maxLength = Infinity): Postings {
    const counts = new Int32Array(keyCount + 1);
    for (let k = 0; k < this.length; k++) counts[this.keysOf[k]! + 1]!++;
    if (maxLength !== Infinity) for (let key = 0; key < keyCount; key++) if (counts[key + 1]! > maxLength) counts[key + 1] = 0;
    const offsets = counts;
    for (let key = 0; key < keyCount; key++) offsets[key + 1]! += offsets[key]!;
    const values = new Int32Array(offsets[keyCount]!);
    const fill = offsets.slice(0, keyCount);
    for (let k = 0; k < this.length; k++) {
      const key = this.keysOf[k]!;
      const at = fill[key]!;
      // A dropped list has no room: its end is its start.
      if (at < offsets[key + 1]!) {
        values[at] = this.valuesOf[k]!;
        fill[key] = at + 1;
      }
    }
    return new Postings(offsets, values);
  }
}

/** Posting lists in CSR form: the list of key k is values[offsets[k] … offsets[k + 1]). */
export class Postings {
  constructor(
    readonly offsets: Int32Array,
    readonly values: Int32Array,
  ) {}

  get keyCount(): number {
    return this.offsets.length - 1;
  }

  start(key: number): number {
    return this.offsets[key]!;
  }

  end(key: number): number {
    return this.offsets[key + 1]!;
  }

  lengthOf(key: number): number {
    return key < 0 ? 0 : this.offsets[key + 1]! - this.offsets[key]!;
  }

  /** One list, as a view of `values` (no copy). */
  of(key: number): Int32Array {
    return this.values.subarray(this.offsets[key]!, this.offsets[key + 1]!);
  }

  /** A copy of one list (tests, diagnostics). */
  list(key: number): number[] {
    return [...this.values.subarray(this.offsets[key]!, this.offsets[key + 1]!)];
  }
}

/**
 * A growing list of 32-bit integers in a typed array: a list of a million values as a JS array
 * is copied by the garbage collector on its way to the old generation; a typed array's values are not.
 */
export class IntList {
  private values: Int32Array;
  private count = 0;

  constructor(capacity = 1024) {
    this.values = new Int32Array(Math.max(1, capacity));
  }

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.values.length) this.values = grow32(this.values, this.count + 1);
    this.values[this.count++] = value;
  }

  at(index: number): number {
    return this.values[index]!;
  }

  /** The values, in an array of their own length. */
  toInt32Array(): Int32Array {
    return this.values.slice(0, this.count);
  }
}

/** Integers by dense id (a token's pool id …), growing as ids come, in a typed array; -1 where none was set. */
export class IntColumn {
  private values = new Int32Array(1024).fill(-1);

  get(id: number): number {
    return id < this.values.length ? this.values[id]! : -1;
  }

  set(id: number, value: number): void {
    if (id >= this.values.length) {
      const values = new Int32Array(Math.max(id + 1, this.values.length * 2)).fill(-1);
      values.set(this.values);
      this.values = values;
    }
    this.values[id] = value;
  }
}

/**
 * Lists of strings per row (a name's tokens, its legal forms …) as ids into one pool of distinct
 * strings: the same token in a thousand names is one string.
 */
export class StringListColumn {
  private offsets? = new IntList();
  private ids? = new IntList();
  private readonly pool: StringPool;
  private packedOffsets?: Int32Array;
  private packedIds?: Int32Array;

  constructor(pool: StringPool) {
    this.pool = pool;
    this.offsets!.push(0);
  }

  /** Appends the next row. */
  push(strings: readonly string[]): void {
    for (const s of strings) this.ids!.push(this.pool.intern(s));
    this.offsets!.push(this.ids!.length);
  }

  /** Appends the next row, as pool ids. */
  pushIds(ids: readonly number[]): void {
    for (const id of ids) this.ids!.push(id);
    this.offsets!.push(this.ids!.length);
  }

  /** Writes a row's ids into `out` from index `at`; returns the index after them. */
  copyRow(row: number, out: number[], at: number): number {
    const end = this.end(row);
    for (let k = this.start(row); k < end; k++) out[at++] = this.idAt(k);
    return at;
  }

  /** Appends a row's ids to `out`. */
  appendRow(row: number, out: number[]): void {
    const end = this.end(row);
    for (let k = this.start(row); k < end; k++) out.push(this.idAt(k));
  }

  /** Where `id` is first found between indexes `start` and `end`; -1: not there. */
  indexIn(id: number, start: number, end: number): number {
    for (let k = start; k < end; k++) if (this.idAt(k) === id) return k;
    return -1;
  }

  /** Appends a copy of an earlier row. */
  pushCopyOf(row: number): void {
    const ids = this.ids!;
    const end = this.end(row);
    for (let k = this.start(row); k < end; k++) ids.push(ids.at(k));
    this.offsets!.push(ids.length);
  }

  /** Typed arrays of their own length from here on; no more rows. */
  pack(): void {
    this.packedOffsets = this.offsets!.toInt32Array();
    this.packedIds = this.ids!.toInt32Array();
    this.offsets = undefined;
    this.ids = undefined;
  }

  start(row: number): number {
    return this.packedOffsets ? this.packedOffsets[row]! : this.offsets!.at(row);
  }

  end(row: number): number {
    return this.packedOffsets ? this.packedOffsets[row + 1]! : this.offsets!.at(row + 1);
  }

  /** The pool id at an index between start(row) and end(row). */
  idAt(index: number): number {
    return this.packedIds ? this.packedIds[index]! : this.ids!.at(index);
  }

  /** A row's strings, as a new array. */
  strings(row: number): string[] {
    const start = this.start(row);
    const end = this.end(row);
    const out: string[] = [];
    for (let k = start; k < end; k++) out.push(this.pool.strings[this.idAt(k)]!);
    return out;
  }
}

/** Distinct strings with dense ids; the lookup map is dropped once building is done. */
export class StringPool {
  readonly strings: string[] = [];
  private ids? = new Map<string, number>();

  intern(s: string): number {
    if (!this.ids) throw new Error('StringPool: sealed');
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.push(s) - 1;
      this.ids.set(s, id);
    }
    return id;
  }

  seal(): void {
    this.ids = undefined;
  }
}

/** The first index of sorted `values` whose value is `value` or more. */
export function lowerBound(values: Int32Array | Uint32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Entries (indexes into `hashes`) in the order of their hashes; entries of one hash in their own order. */
export function sortedByHash(hashes: Uint32Array): Int32Array {
  const size = hashes.length;
  if (size >= 2097152) return Int32Array.from({ length: size }, (_, k) => k).sort((a, b) => hashes[a]! - hashes[b]! || a - b);
  // The common case, fast: hash × 2^21 + entry as one number, sorted as numbers (53 bits at most).
  const packed = new Float64Array(size);
  for (let k = 0; k < size; k++) packed[k] = hashes[k]! * 2097152 + k;
  packed.sort();
  const order = new Int32Array(size);
  for (let k = 0; k < size; k++) order[k] = packed[k]! % 2097152;
  return order;
}
