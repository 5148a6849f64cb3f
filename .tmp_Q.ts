import { findQuotes } from './src/nlp/quotes.js';
const t = `The U.N. report, using a different name for the group, said “some people represent an opportunity.” The report concluded that there was evidence of “plots on European soil.”`;
console.log(JSON.stringify(findQuotes(t, [{start: 4, end: 8, text: 'U.N.', type: 'ORG', id: 'Q1065', name: 'United Nations'}]), null, 0));
