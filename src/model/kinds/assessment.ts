// Kind `assessment`: the structural self-assessment, statements scored 0 to 3.
import type { CommonFields, IsoDate } from './common.js';

/** One statement of the self-assessment and its score. */
export interface AssessmentScore {
  /**
   * The statement, e.g. "Every bet has a named owner".
   * @minLength 1
   */
  statement: string;
  /** The area the statement belongs to. */
  category: 'strategy' | 'execution' | 'operations' | 'tooling' | 'talent';
  /**
   * 0 = never true, 1 = rarely, 2 = mostly, 3 = consistently true.
   * @asType integer
   * @minimum 0
   * @maximum 3
   */
  score: number;
}

/** A dated self-assessment. Totals, bands and weak categories are derived, never stored. */
export interface Assessment extends CommonFields {
  /** Optional; must be `assessment` when present. */
  kind?: 'assessment';
  /** When the assessment was taken. */
  date: IsoDate;
  /**
   * The scored statements.
   * @minItems 1
   */
  scores: AssessmentScore[];
}
