// Rule `cadence-coverage`: a team in an active bet that takes part in no cadence
// ("if a function isn't in the cadence, it's not in the bet").
import { defineRule } from './rule.js';
import { positionOf } from './rule.js';
import { isKind } from '../model/domain/kinds.js';

export const rule = defineRule({
  id: 'cadence-coverage',
  description: 'A team in an active bet (owner or `teams`) that takes part in no cadence.',
  defaultSeverity: 'warning',
  messages: {
    uncovered: "Team '{{team}}' works on this active bet but takes part in no cadence: add it (or its lead) to a cadence's participants.",
  },
  check({ byId, report, ofKind }) {
    const covered = new Set<string>();
    for (const cadence of ofKind('cadence')) {
      if (!Array.isArray(cadence.data.participants)) continue;
      for (const p of cadence.data.participants) {
        if (typeof p !== 'string') continue;
        covered.add(p);
        const role = byId.get(p);
        if (isKind(role, 'role') && typeof role.data.team === 'string') covered.add(role.data.team);
      }
    }
    for (const team of ofKind('team')) {
      const lead = team.data.lead;
      if (typeof lead === 'string' && covered.has(lead)) covered.add(team.id);
    }
    for (const bet of ofKind('bet')) {
      if (bet.data.status !== 'active') continue;
      const places: { team: string; pointer: string }[] = [];
      if (typeof bet.data.owner === 'string') places.push({ team: bet.data.owner, pointer: '/owner' });
      if (Array.isArray(bet.data.teams)) bet.data.teams.forEach((t, i) => typeof t === 'string' && places.push({ team: t, pointer: `/teams/${i}` }));
      const reported = new Set<string>();
      for (const { team, pointer } of places) {
        if (byId.get(team)?.kind !== 'team' || covered.has(team) || reported.has(team)) continue;
        reported.add(team);
        report({ file: bet.file, position: positionOf(bet, pointer), messageId: 'uncovered', data: { team } });
      }
    }
  },
});
