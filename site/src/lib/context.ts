// The words of the 3×3 context grid: three strengths of context for three questions.

/** Guardrail `type` → what it means for a team. */
export const typeMeaning: Record<string, string> = {
  guardrail: 'do not cross',
  principle: 'our approach; deviate only with a reason',
  guidance: 'what we prefer; changes often',
};

/** Guardrail `type` → column heading of the grid. */
export const typeHeading: Record<string, string> = { guardrail: 'Guardrails', principle: 'Principles', guidance: 'Guidance' };

/** Guardrail `scope` → the question it answers. */
export const scopeQuestion: Record<string, string> = {
  problems: 'Which problems to tackle',
  solutions: 'How to solve the problem',
  build: 'How to build the solution',
};

export const types = ['guardrail', 'principle', 'guidance'] as const;
export const scopes = ['problems', 'solutions', 'build'] as const;
