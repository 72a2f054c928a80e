/** The real list files in ../shared/data that the benchmarks read (paths under shared/data). */
export interface RealList {
  label: string;
  /** One file, or the files of one OFAC CSV set, imported together. */
  paths: string[];
}

/** Each entry is one list: a file, or an OFAC CSV set (its files imported together). */
export const REAL_LISTS: readonly RealList[] = [
  { label: 'FCDO XML, full scale (derived)', paths: ['uk-fcdo-derived/UK-Sanctions-List.derived-2025-04-14.xml'] },
  { label: 'FCDO CSV, full scale (derived)', paths: ['uk-fcdo-derived/UK-Sanctions-List.derived-2025-04-14.csv'] },
  { label: 'FCDO XML sample', paths: ['format-samples/uk-fcdo/UK-Sanctions-List.sample.xml'] },
  { label: 'OFSI ConList.xlsx 2025-04-14', paths: ['uk-ofsi-consolidated/ConList_2025-04-14.xlsx'] },
  { label: 'OFSI CSV 2025-04-14', paths: ['uk-ofsi-consolidated/ConList_2025-04-14.from-xlsx.csv'] },
  { label: 'OFSI ConList.xlsx 2023-06-05', paths: ['uk-ofsi-consolidated/ConList_2023-06-05.xlsx'] },
  {
    label: 'OFAC SDN CSV set (sdn 2024-05-03 + 2025 add/alt/comments)',
    paths: [
      'us-ofac-sdn/2024-05-03/sdn.csv',
      'us-ofac-sdn/companion-2025-12-24/add.csv',
      'us-ofac-sdn/companion-2025-12-24/alt.csv',
      'us-ofac-sdn/companion-2025-12-24/sdn_comments.csv',
    ],
  },
  { label: 'OFAC sdn.csv 2024-03-22', paths: ['us-ofac-sdn/2024-03-22/sdn.csv'] },
  { label: 'OFAC sdn.csv 2024-03-25', paths: ['us-ofac-sdn/2024-03-25/sdn.csv'] },
  {
    label: 'OFAC SDN CSV set 2019',
    paths: ['us-ofac-sdn/consistent-set-2019/sdn.csv', 'us-ofac-sdn/consistent-set-2019/add.csv', 'us-ofac-sdn/consistent-set-2019/alt.csv'],
  },
  { label: 'OFAC SDN.XML sample', paths: ['format-samples/us-ofac/SDN.sample.xml'] },
  {
    label: 'OFAC non-SDN CSV set',
    paths: [
      'us-ofac-consolidated-non-sdn/cons_prim.csv',
      'us-ofac-consolidated-non-sdn/cons_add.csv',
      'us-ofac-consolidated-non-sdn/cons_alt.csv',
      'us-ofac-consolidated-non-sdn/cons_comments.csv',
    ],
  },
  { label: 'OFAC CONS_ENHANCED.ZIP', paths: ['us-ofac-consolidated-non-sdn/CONS_ENHANCED.ZIP'] },
  { label: 'EU FSF XML sample', paths: ['format-samples/eu-fsf/xmlFullSanctionsList_1_1.sample.xml'] },
  { label: 'UN consolidated.xml', paths: ['un-sc-consolidated/consolidated.xml'] },
  { label: 'OpenSanctions ua_war_sanctions CSV', paths: ['opensanctions/targets.simple/ua_war_sanctions/targets.simple.csv'] },
  { label: 'OpenSanctions interpol CSV', paths: ['opensanctions/targets.simple/interpol_red_notices/targets.simple.csv'] },
  { label: 'OpenSanctions FtM (zala)', paths: ['opensanctions/yente-fixtures/zala/entities.ftm.json'] },
];

/** The lists a user would load at once: the newest of each source (the engine benchmark's set). */
export const USER_LISTS: readonly RealList[] = REAL_LISTS.filter((list) =>
  [
    'OFSI ConList.xlsx 2025-04-14',
    'FCDO XML, full scale (derived)',
    'OFAC SDN CSV set (sdn 2024-05-03 + 2025 add/alt/comments)',
    'OFAC non-SDN CSV set',
    'OFAC CONS_ENHANCED.ZIP',
    'UN consolidated.xml',
    'EU FSF XML sample',
    'OpenSanctions ua_war_sanctions CSV',
  ].includes(list.label),
);
