import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports everywhere: a reader can follow every name to its file.
  imports: false,
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Sanctions Lens',
    description:
      'Highlights designated people, companies, vessels and identifiers from the official sanctions lists, using a local copy of the lists.',
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
    // The only network traffic: list downloads from the official addresses.
    host_permissions: [
      'https://sanctionslist.fcdo.gov.uk/*',
      'https://sanctionslistservice.ofac.treas.gov/*',
      'https://webgate.ec.europa.eu/*',
      'https://scsanctions.un.org/*',
      'https://data.opensanctions.org/*',
    ],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'sanctions-lens@example.org', strict_min_version: '128.0' } } }
      : {}),
  }),
});
