/**
 * What one source in a record file (front matter, header bullets, a Status section)
 * states, with where it states it. The parser merges the sources: front matter first,
 * then header bullets, then sections.
 */
import type { Approver, IdMention, Range, RecordRelation } from '../model';

export interface Located<T> {
  value: T;
  range: Range;
}

export interface RecordFacts {
  id?: Located<string>;
  /** The number the stated id carries, when it is numeric or numbered. */
  number?: number;
  title?: Located<string>;
  status?: Located<string>;
  date?: string;
  owner?: Located<string>;
  approvers: Approver[];
  deciders: string[];
  consulted: string[];
  informed: string[];
  reviewBy?: Located<string>;
  /** When the decision was last reviewed (`reviewed:`), for the review cadence. */
  reviewed?: string;
  supersedes: IdMention[];
  supersededBy: IdMention[];
  relations: RecordRelation[];
  assumptions: IdMention[];
  tags: string[];
  /** Where `tags` is written (front matter), when it is. */
  tagsRange?: Range;
  appliesTo: string[];
  /** A Status section has a `Superseded by` line (besides, perhaps, an older `Accepted`). */
  statesSuperseded?: boolean;
}

export function emptyFacts(): RecordFacts {
  return {
    approvers: [],
    deciders: [],
    consulted: [],
    informed: [],
    supersedes: [],
    supersededBy: [],
    relations: [],
    assumptions: [],
    tags: [],
    appliesTo: [],
  };
}

/** Splits a list written as one string: `Alice, Bob; Carol`. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Splits tags written as one string: commas if there are any, else spaces; a leading `#` is dropped. */
export function splitTags(text: string): string[] {
  const parts = text.includes(',') ? text.split(',') : text.split(/\s+/);
  return parts.map((s) => s.trim().replace(/^#/, '')).filter((s) => s !== '');
}
