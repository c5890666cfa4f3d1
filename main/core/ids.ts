import { v7 as uuidv7 } from 'uuid';

/** Row ids: UUIDv7, sortable by creation time and unique across townships. */
export function newId(): string {
  return uuidv7();
}
