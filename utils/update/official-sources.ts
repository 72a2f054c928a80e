import type { SourceId } from '../model';

/**
 * The official download address of each list. These are the only hosts the extension
 * ever contacts (the manifest's host_permissions list the same hosts).
 */
export interface OfficialSource {
  source: SourceId;
  url?: string;
  /** The publisher's page about the list, shown on the options page. */
  page: string;
  /** Downloaded on schedule unless the user turns it off. */
  enabledByDefault: boolean;
  /** Why a source is not downloaded, when it is not. */
  note?: string;
}

export const OFFICIAL_SOURCES: Record<SourceId, OfficialSource> = {
  'uk-fcdo': {
    source: 'uk-fcdo',
    url: 'https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml',
    page: 'https://www.gov.uk/government/publications/the-uk-sanctions-list',
    enabledByDefault: true,
  },
  'uk-ofsi': {
    source: 'uk-ofsi',
    page: 'https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets',
    enabledByDefault: false,
    note: 'Retired on 28 January 2026: the UK Sanctions List replaces it. Archived files can still be imported.',
  },
  'us-ofac-sdn': {
    source: 'us-ofac-sdn',
    url: 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML',
    page: 'https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists',
    enabledByDefault: true,
  },
  'us-ofac-cons': {
    source: 'us-ofac-cons',
    url: 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ENHANCED.XML',
    page: 'https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists',
    enabledByDefault: true,
  },
  'eu-fsf': {
    source: 'eu-fsf',
    url: 'https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw',
    page: 'https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions',
    enabledByDefault: true,
  },
  'un-sc': {
    source: 'un-sc',
    url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml',
    page: 'https://www.un.org/securitycouncil/content/un-sc-consolidated-list',
    enabledByDefault: true,
  },
  opensanctions: {
    source: 'opensanctions',
    url: 'https://data.opensanctions.org/datasets/latest/sanctions/targets.simple.csv',
    page: 'https://www.opensanctions.org/datasets/sanctions/',
    enabledByDefault: false,
    note: 'An aggregator, not an official list; its data is free for non-commercial use only (CC BY-NC 4.0).',
  },
};

/** A file name for a downloaded list (the EU address ends in `content`). */
export function downloadFileName(source: SourceId, url: string): string {
  const last = new URL(url).pathname.split('/').pop() ?? '';
  return /\.\w{2,4}$/.test(last) ? last : `${source}.xml`;
}
