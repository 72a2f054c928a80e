// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { collectText, collectTextInSlices, isInSkippedArea, rangeFor } from '../../../utils/page/page-text';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('reading a page’s text', () => {
  it('runs inline elements on, separates blocks, and leaves out what the reader does not see', () => {
    const doc = page(`
      <p>The UK sanctioned <b>Zhao</b> Guangzong</p><p>Guangzong County</p>
      <script>var name = "Ni Gaobin";</script><style>.x{}</style>
      <textarea>Typed by the user</textarea><div contenteditable="true">Draft text</div>
      <div hidden>Hidden text</div><noscript>No script</noscript>`);
    const { text } = collectText(doc.body);
    expect(text).toContain('The UK sanctioned Zhao Guangzong\nGuangzong County');
    for (const left of ['Ni Gaobin', 'Typed by the user', 'Draft text', 'Hidden text', 'No script']) expect(text).not.toContain(left);
  });

  it('reads a line break in the page source as the space the reader sees, but keeps it where white-space does', () => {
    // A paragraph wrapped in the HTML source: the engine takes a line break as the end of a line.
    const doc = page('<p>Sanctions on Vladimir\n      Putin and\t<a href="#">Ni\nGaobin</a></p><pre>Zhao\nGuangzong</pre><div class="kept">Ni\nGaobin</div>');
    const collected = collectText(doc.body);
    expect(collected.text).toBe('Sanctions on Vladimir       Putin and Ni Gaobin\nZhao\nGuangzong\nNi Gaobin');
    // One character for one: offsets still map into the page's own text nodes.
    const start = collected.text.indexOf('Vladimir');
    expect(rangeFor(collected, start, start + 'Vladimir       Putin'.length, doc)!.toString()).toBe('Vladimir\n      Putin');
    const styled = collectText(doc.body, { keepsLineBreaks: (element) => element.classList.contains('kept') });
    expect(styled.text.endsWith('Zhao Guangzong\nNi\nGaobin')).toBe(true);
  });

  it('reads the indentation between tags as one character, and still maps the offsets after it', () => {
    const indent = '\n' + ' '.repeat(40);
    const doc = page(`<ul>${indent}<li>${indent}<span>Zhao</span>${indent}<span>Guangzong</span>${indent}</li>${indent}</ul><pre>Ni<b>\n\n\n</b>Gaobin</pre>`);
    const collected = collectText(doc.body);
    expect(collected.text).toBe(' \n Zhao Guangzong \n \nNi\nGaobin');
    const start = collected.text.indexOf('Zhao');
    const range = rangeFor(collected, start, start + 'Zhao Guangzong'.length, doc)!;
    expect(range.toString()).toBe(`Zhao${indent}Guangzong`);
    const after = collected.text.indexOf('Gaobin');
    expect(rangeFor(collected, after, after + 'Gaobin'.length, doc)!.toString()).toBe('Gaobin');
  });

  it('maps offsets back to ranges across element boundaries', () => {
    const doc = page('<p>The UK sanctioned <b>Zhao</b> Guangzong today.</p>');
    const collected = collectText(doc.body);
    const start = collected.text.indexOf('Zhao');
    const range = rangeFor(collected, start, start + 'Zhao Guangzong'.length, doc)!;
    expect(range.toString()).toBe('Zhao Guangzong');
    expect(range.startContainer.parentElement?.tagName).toBe('B');
  });

  it('reads open shadow roots and reports them, so their changes can be watched', () => {
    const doc = page('<div id="host"></div><p>After</p>');
    const shadow = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>Inside the component</span>';
    const seen: ShadowRoot[] = [];
    const { text } = collectText(doc.body, { onShadowRoot: (root) => seen.push(root) });
    expect(text).toBe('Inside the component\nAfter');
    expect(seen).toEqual([shadow]);
  });

  it('leaves out elements the browser does not render', () => {
    const doc = page('<p>Shown</p><p class="gone">Not shown</p>');
    const { text } = collectText(doc.body, { isVisible: (el) => !el.classList.contains('gone') });
    expect(text).toBe('Shown');
  });

  it('reads a long page in slices, with the same result', async () => {
    const doc = page(Array.from({ length: 3000 }, (_, i) => `<p>Paragraph <i>${i}</i></p>`).join(''));
    let yields = 0;
    const host = globalThis as { scheduler?: { yield(): Promise<void> } };
    host.scheduler = { yield: () => (yields++, Promise.resolve()) };
    try {
      const sliced = await collectTextInSlices(doc.body, {}, 0);
      expect(sliced?.text).toBe(collectText(doc.body).text);
    } finally {
      delete host.scheduler;
    }
    expect(yields).toBeGreaterThan(10);
  });

  it('knows text inside form fields and editable areas is not to be screened', () => {
    const doc = page('<div contenteditable><p><span id="x">typing</span></p></div><p id="y">text</p>');
    expect(isInSkippedArea(doc.getElementById('x')!.firstChild!)).toBe(true);
    expect(isInSkippedArea(doc.getElementById('y')!.firstChild!)).toBe(false);
  });
});
