/**
 * The generated runtime's date checks, reached through a model that uses each
 * (they are internal to the generated code).
 */

import { isDates } from "../generated/python/semantics/models/dates.js";

/** Whether the runtime accepts `text` as an RFC 3339 date-time. */
export function isDateTimeString(text: string): boolean {
  return isDates({ created_at: text, birthday: "2000-01-01" });
}

/** Whether the runtime accepts `text` as an RFC 3339 full-date. */
export function isDateString(text: string): boolean {
  return isDates({ created_at: "2000-01-01T00:00:00Z", birthday: text });
}
