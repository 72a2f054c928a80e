import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ListReadError, planLists, readPlannedList, type ListFile } from '../../../utils/formats/read';

const encode = (s: string) => new TextEncoder().encode(s);

function file(name: string, bytes: Uint8Array, chunk = 7): ListFile {
  return {
    name,
    size: bytes.length,
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += chunk) controller.enqueue(bytes.slice(i, i + chunk));
          controller.close();
        },
      }),
  };
}

/** A file whose stream can be opened once, like a download's body. */
function once(f: ListFile): ListFile {
  let opened = false;
  return {
    ...f,
    stream() {
      if (opened) throw new Error('already read');
      opened = true;
      return f.stream();
    },
  };
}

// Three OFAC-style CSV files written for this test (no header, -0- for empty, CRLF).
const SDN = '101,"TESTOV, Ivan","individual","RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 01 Jan 1970."\r\n' +
  '102,"TEST TRADING LLC",-0- ,"RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001a';
const ALT = '101,201,"aka","TESTOFF, Ivan",-0- \r\n';
const ADD = '102,301,"1 Test Street","Moscow","Russia",-0- \r\n';

const UN = `<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-01-10T00:00:00.000Z"><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>
<FIRST_NAME>TEST</FIRST_NAME><SECOND_NAME>PERSON</SECOND_NAME><UN_LIST_TYPE>TEST</UN_LIST_TYPE>
<REFERENCE_NUMBER>TSi.100</REFERENCE_NUMBER><LISTED_ON>2020-01-01</LISTED_ON></INDIVIDUAL></INDIVIDUALS>
<ENTITIES/></CONSOLIDATED_LIST>`;

describe('planning lists from files', () => {
  it('groups OFAC CSV parts around their main file, whatever their names and order', async () => {
    const plans = await planLists([file('b.csv', encode(ALT)), file('download (2).csv', encode(SDN)), file('x.csv', encode(ADD))]);
    expect(plans).toHaveLength(1);
    const plan = plans[0]!;
    expect(plan.kind).toBe('ofac-set');
    const targets: string[] = [];
    const summary = await readPlannedList(plan, { onTargets: (batch) => void targets.push(...batch.map((t) => t.id)) });
    expect(summary.meta.source).toBe('us-ofac-sdn');
    expect(targets.sort()).toEqual(['us-ofac-sdn:101', 'us-ofac-sdn:102']);
    expect(summary.names).toBe(3);
  });

  it('refuses OFAC side files without their main file', async () => {
    await expect(planLists([file('alt.csv', encode(ALT))])).rejects.toThrow(/without their main file/);
  });

  it('opens zips and reads the list inside', async () => {
    const zip = zipSync({ 'consolidated.xml': encode(UN) });
    const [plan] = await planLists([file('UN.ZIP', zip)]);
    const summary = await readPlannedList(plan!, { onTargets: () => undefined });
    expect(summary).toMatchObject({ targets: 1, meta: { source: 'un-sc', listDate: '2026-01-10' }, files: ['UN.ZIP/consolidated.xml'] });
  });

  it('refuses a zip inside a zip and an empty zip', async () => {
    const inner = zipSync({ 'consolidated.xml': encode(UN) });
    await expect(planLists([file('outer.zip', zipSync({ 'inner.zip': inner }))])).rejects.toThrow(/zip inside a zip/);
    await expect(planLists([file('empty.zip', zipSync({}))])).rejects.toBeInstanceOf(ListReadError);
  });

  it('reads a stream that can be opened only once (a download body)', async () => {
    const [plan] = await planLists([once(file('consolidated.xml', encode(UN), 3))]);
    const summary = await readPlannedList(plan!, { onTargets: () => undefined });
    expect(summary.targets).toBe(1);
  });

  it('takes a list date from the file name when the content has none', async () => {
    const [plan] = await planLists([file('sdn-2024-05-03.csv', encode(SDN))]);
    const summary = await readPlannedList(plan!, { onTargets: () => undefined });
    expect(summary.meta).toMatchObject({ listDate: '2024-05-03', listDateOrigin: 'file-name' });
  });

  it('says a file holds no designations', async () => {
    const empty = UN.replace(/<INDIVIDUALS>[\s\S]*<\/INDIVIDUALS>/, '<INDIVIDUALS/>');
    const [plan] = await planLists([file('consolidated.xml', encode(empty))]);
    await expect(readPlannedList(plan!, { onTargets: () => undefined })).rejects.toThrow(/holds no designations/);
  });
});
