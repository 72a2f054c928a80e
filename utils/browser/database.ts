import { ListStore } from '../store/db';

/** One connection per extension context (background, options page, popup). */
let db: ListStore | undefined;

export function openListStore(): ListStore {
  db ??= new ListStore();
  return db;
}
