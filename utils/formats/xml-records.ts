import { SaxesParser } from 'saxes';
import { ListFormatError } from './types';

/**
 * A small element tree for one record (one `<Designation>`, `<sdnEntry>`, `<INDIVIDUAL>`…).
 * Lists are tens of MB, so the XML is streamed with saxes and only one record is held at a time.
 * Names are local names: namespace prefixes are dropped (OFAC and EU files use default namespaces).
 */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Text directly inside this element (CDATA included), as written. */
  text: string;
}

export interface XmlRecordStreamOptions {
  /** True for the element names that are records; their whole subtree is collected. */
  isRecord(name: string, depth: number): boolean;
  onRecord(record: XmlNode): void;
  /** Text-only elements outside records (e.g. `DateGenerated`, `Publish_Date`), with their path. */
  onHeaderText?(path: string[], text: string): void;
  /** Every element opened outside a record (e.g. the root, to read its attributes). */
  onHeaderElement?(name: string, attrs: Record<string, string>, depth: number): void;
}

export interface XmlRecordStream {
  write(text: string): void;
  end(): void;
  /** The root element's local name, once seen. */
  rootName(): string | undefined;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function localAttrs(attributes: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    out[localName(key)] = value;
  }
  return out;
}

export function createXmlRecordStream(options: XmlRecordStreamOptions): XmlRecordStream {
  // position tracking costs time on 20+ MB files; line numbers are enough in messages.
  const parser = new SaxesParser({ position: true });
  const stack: XmlNode[] = [];
  const path: string[] = [];
  let headerText = '';
  let root: string | undefined;
  let failure: Error | undefined;

  parser.on('error', (error) => {
    failure ??= new ListFormatError(`The XML is not well-formed (line ${parser.line}): ${error.message.replace(/^.*?:\d+:\d+: /, '')}`);
    throw failure;
  });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    root ??= name;
    const attrs = localAttrs(tag.attributes as Record<string, string>);
    if (stack.length > 0 || options.isRecord(name, path.length)) {
      const node: XmlNode = { name, attrs, children: [], text: '' };
      stack.at(-1)?.children.push(node);
      stack.push(node);
    } else {
      options.onHeaderElement?.(name, attrs, path.length);
    }
    path.push(name);
    headerText = '';
  });
  const onText = (text: string) => {
    const top = stack.at(-1);
    if (top) top.text += text;
    else headerText += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const name = path.pop();
    const node = stack.pop();
    if (node) {
      if (stack.length === 0) options.onRecord(node);
    } else if (name !== undefined) {
      if (headerText.trim() !== '') options.onHeaderText?.([...path, name], headerText.trim());
      headerText = '';
    }
  });

  return {
    write(text: string) {
      if (failure) throw failure;
      parser.write(text);
    },
    end() {
      if (failure) throw failure;
      if (root === undefined) throw new ListFormatError('The file holds no XML elements.');
      if (path.length > 0) {
        throw new ListFormatError(
          `The XML ends inside <${path.at(-1)}> (line ${parser.line}): the file is incomplete, probably a cut-short download.`,
        );
      }
      parser.close();
    },
    rootName: () => root,
  };
}

/** First child element with this name. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/** All child elements with this name. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** Text of the first child with this name, whitespace collapsed; '' when absent. */
export function childText(node: XmlNode | undefined, name: string): string {
  const found = child(node, name);
  return found ? found.text.replace(/\s+/g, ' ').trim() : '';
}

/** Follows a path of child names, e.g. `path(rec, 'Names', 'Name')` → every Name under Names. */
export function descendants(node: XmlNode | undefined, ...names: string[]): XmlNode[] {
  let current: XmlNode[] = node ? [node] : [];
  for (const name of names) current = current.flatMap((n) => children(n, name));
  return current;
}
