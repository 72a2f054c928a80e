import { defineContentScript } from 'wxt/utils/define-content-script';
import { screenThisPage } from '../../utils/browser/content-screening';
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Same-origin frames are pages of their own: each screens itself.
  allFrames: true,
  runAt: 'document_idle',
  // The highlight colours go in the manifest: a stylesheet of the browser's, not an element of the page.
  cssInjectionMode: 'manifest',
  main(ctx) {
    void screenThisPage(ctx);
  },
});
