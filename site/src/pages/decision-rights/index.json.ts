// The decision-rights finder's index, fetched by the decision-rights page (lib/decision-index.ts).
import { entity, ofKind } from '../../lib/data';
import { decisionIndex } from '../../lib/decision-index';

export function GET(): Response {
  const index = decisionIndex(ofKind('decision-rights'), (id) => entity(id)?.title ?? id);
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
