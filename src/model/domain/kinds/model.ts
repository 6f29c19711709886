// Kind `model`: the one-page strategy and the root of the handbook (model/operating-model.md).
import type { CommonFields, Ref, Quarter } from './common.js';
import { defineKind } from './define.js';

/** The operating model's root page: the product strategy in its body. */
export interface OperatingModel extends CommonFields {
  /** Optional; must be `model` when present. */
  kind?: 'model';
  /**
   * The version of the operating model, as a quoted string.
   * @examples ["1.0"]
   */
  version?: string;
  /** The current planning quarter. */
  quarter?: Quarter;
  /** The north-star metric's id (→ metric). */
  north_star?: Ref;
  /** The role that owns the operating model (→ role). */
  owner?: Ref;
}

/** The `model` kind. */
export const model = defineKind<OperatingModel>()({
  name: 'model',
  folder: '',
  typeName: 'OperatingModel',
  summary: 'the one-page strategy and root of the handbook',
  relations: [
    { path: ['north_star'], targets: ['metric'], label: 'North-star metric', reverse: 'North star of' },
    { path: ['owner'], targets: ['role'], label: 'Owner', reverse: 'Owns the operating model' },
  ],
  crossFile: 'all',
});
