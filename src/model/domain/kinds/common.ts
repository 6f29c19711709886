// Field types shared by every kind. JSDoc here becomes descriptions and patterns in schemas/.

/**
 * An entity id: lower-case words joined by single hyphens; it is the file name without `.md`.
 * @pattern ^[a-z0-9]+(-[a-z0-9]+)*$
 * @examples ["growth", "self-serve-onboarding"]
 */
export type Id = string;

/**
 * A calendar date written as YYYY-MM-DD.
 * @pattern ^\d{4}-\d{2}-\d{2}$
 * @format date
 * @examples ["2026-12-31"]
 */
export type IsoDate = string;

/**
 * A planning quarter written as YYYY-Qn.
 * @pattern ^\d{4}-Q[1-4]$
 * @examples ["2026-Q4"]
 */
export type Quarter = string;

/**
 * A non-empty line of text.
 * @minLength 1
 */
export type Text = string;

/** Fields every kind allows besides `title`. */
export interface BaseFields {
  /** The entity's id; optional, and when present it must equal the file name. */
  id?: Id;
  /** Free labels for grouping and search. */
  tags?: Text[];
  /** The date by which an owner re-reads and confirms this entity. */
  review_by?: IsoDate;
}

/** The title every kind but `check-in` requires. */
export interface TitleField {
  /**
   * The title shown in the handbook.
   * @minLength 1
   */
  title: string;
}

/** Fields every kind allows (TitleField last: the schema generator then lists `title` first). */
export interface CommonFields extends BaseFields, TitleField {}

/**
 * A reference: the id of another entity in the model.
 * @minLength 1
 */
export type Ref = string;
