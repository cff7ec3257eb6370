// Ids and clocks for new rows: UUIDv7 is sortable by creation and safe to merge across laptops.
import { v7 as uuidv7 } from 'uuid';

export function newId(): string {
  return uuidv7();
}

export function now(): number {
  return Date.now();
}
