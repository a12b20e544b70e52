// The request log's own words (src/apps/request-report.ts, query-log.ts, database-changes.ts),
// in the learner's language. What the app sent is code and stays as it is: songs.find({ … }).
// The Hinglish follows the lesson texts: Hindi in Latin letters, the technical words in English.
import type { Language } from '../progress/progress-store.ts';

export interface LogWords {
  noAnswer: string;
  noAnswerWhy: string;
  afterAnswer: (request: string) => string;
  noQueries: string;
  documents: (count: number, more: boolean) => string;
  written: (count: number, verb: 'insert' | 'delete' | 'update') => string;
  none: string;
  failed: (message: string) => string;
  collectionCreated: (collection: string) => string;
  collectionDropped: (collection: string) => string;
  inserted: (collection: string, doc: string) => string;
  deleted: (collection: string, doc: string) => string;
  updated: (collection: string, id: string, fields: string) => string;
  fieldRemoved: (before: string) => string;
}

const english: LogWords = {
  noAnswer: 'no answer',
  noAnswerWhy:
    'nothing is happening any more, so none will come. The route waits for something that never comes: a promise never settled (a resolve() never called?), or an answer never sent (res.json, res.send).',
  afterAnswer: (request) => `after the answer to ${request} was sent:`,
  noQueries: 'no database queries',
  documents: (count, more) => `${count}${more ? '+' : ''} document${count === 1 && !more ? '' : 's'}`,
  written: (count, verb) => `${count} ${verb === 'insert' ? 'inserted' : verb === 'delete' ? 'deleted' : 'matched'}`,
  none: 'none',
  failed: (message) => `failed: ${message}`,
  collectionCreated: (collection) => `collection ${collection} created`,
  collectionDropped: (collection) => `collection ${collection} dropped`,
  inserted: (collection, doc) => `${collection} inserted ${doc}`,
  deleted: (collection, doc) => `${collection} deleted ${doc}`,
  updated: (collection, id, fields) => `${collection} updated ${id}: ${fields}`,
  fieldRemoved: (before) => `removed (was ${before})`,
};

const hinglish: LogWords = {
  noAnswer: 'koi answer nahi',
  noAnswerWhy:
    'ab kuch ho hi nahi raha, toh answer aayega bhi nahi. Route kisi aisi cheez ka wait kar raha hai jo kabhi nahi aati: ek promise jo kabhi settle nahi hua (resolve() kabhi call nahi hua?), ya answer jo kabhi bheja nahi gaya (res.json, res.send).',
  afterAnswer: (request) => `${request} ka answer jaane ke baad:`,
  noQueries: 'koi database query nahi',
  documents: (count, more) => (count === 1 && !more ? '1 document mila' : `${count}${more ? '+' : ''} documents mile`),
  written: (count, verb) =>
    `${count} ${verb === 'insert' ? 'insert' : verb === 'delete' ? 'delete' : 'match'} ${count === 1 ? 'hua' : 'hue'}`,
  none: 'kuch nahi mila',
  failed: (message) => `fail hua: ${message}`,
  collectionCreated: (collection) => `collection ${collection} ban gayi`,
  collectionDropped: (collection) => `collection ${collection} drop ho gayi`,
  inserted: (collection, doc) => `${collection} mein insert hua ${doc}`,
  deleted: (collection, doc) => `${collection} se delete hua ${doc}`,
  updated: (collection, id, fields) => `${collection} mein update hua ${id}: ${fields}`,
  fieldRemoved: (before) => `hata diya (pehle ${before} tha)`,
};

/** The request log's words in `language`. */
export function logWords(language: Language): LogWords {
  return language === 'hinglish' ? hinglish : english;
}
