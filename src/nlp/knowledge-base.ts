// The knowledge-base functions entity typing uses, gathered in one value so that findEntities receives them
// as an argument (a pure function of its inputs) and annotate supplies the real ones.
import { demonym, linkName, matchKnown } from '../knowledge/index.js';

export interface KnowledgeBase {
  matchKnown: typeof matchKnown;
  linkName: typeof linkName;
  demonym: typeof demonym;
}

export const knowledgeBase: KnowledgeBase = { matchKnown, linkName, demonym };
