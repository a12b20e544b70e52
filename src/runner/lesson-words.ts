// What the runner says around a lesson (hints, reset, the solution, checking, passing), in
// the learner's language, alike in the menu and on the command line. The Hinglish follows the
// lesson texts: Hindi in Latin letters, the technical words in English.
import type { ReadIn } from '../check/index.ts';
import type { Language } from '../progress/progress-store.ts';

interface LessonWords {
  filesHeading: string;
  hintOf: (number: number, total: number) => string;
  lastHint: (lessonNumber: string, readIn: ReadIn) => string;
  noSuchHint: (lessonNumber: string, total: number, asked: string) => string;
  allHintsSeen: (lessonNumber: string, total: number, readIn: ReadIn) => string;
  solutionQuestion: string;
  solutionRefusal: (lessonNumber: string) => string;
  resetQuestion: (files: string, folders: string[]) => string;
  resetRefusal: (lessonNumber: string) => string;
  nothingReset: string;
  freshStart: (count: number, where: string, files: string) => string;
  noLongerDone: (lessonNumber: string) => string;
  checking: string;
  checkingLesson: (lessonNumber: string) => string;
  checkingNow: string;
  passed: string;
  passedTypesDisagree: string;
  /** The first word on a check that fails; the verdict under it says how far it got. */
  checked: string;
  checkFailed: string;
  checkStopped: string;
  saved: (files: string) => string;
  watching: (files: string) => string;
  watchingLesson: (lessonNumber: string) => string;
  watchPassed: string;
  watchStopped: string;
  watchFailed: (message: string) => string;
  startingApp: string;
  appStopped: string;
  appEndedEarly: string;
  next: (lessonNumber: string, title: string, readIn: ReadIn) => string;
  compare: (lessonNumber: string) => string;
  finished: (built: string[]) => string;
  /** After the lesson whose app is exported passes: how to take the app home. */
  exportOffer: (readIn: ReadIn) => string;
  stillOpen: (numbers: string[], readIn: ReadIn) => string;
  thenTry: (lessonNumber: string) => string;
}

const english: LessonWords = {
  filesHeading: 'Your file(s) to edit:',
  hintOf: (number, total) => `Hint ${number} of ${total}`,
  lastHint: (n, readIn) =>
    readIn === 'menu'
      ? 'That was the last hint. Still stuck? Pick "Compare with the solution".'
      : `That was the last hint. Still stuck? Compare with the solution: npm run lesson -- solution ${n}`,
  noSuchHint: (n, total, asked) =>
    /^\d+$/.test(asked)
      ? `Lesson ${n} has hints 1 to ${total}; there is no hint ${asked}.`
      : `"${asked}" is not a hint number: lesson ${n} has hints 1 to ${total}.`,
  allHintsSeen: (n, total, readIn) =>
    readIn === 'menu'
      ? `You have seen all ${total} hints. Still stuck? Pick "Compare with the solution".`
      : `You have seen all ${total} hints. Still stuck? Compare with the solution: npm run lesson -- solution ${n}`,
  solutionQuestion:
    'You have not passed this lesson yet. Are you sure? Try the hints first: they get you there yourself.',
  solutionRefusal: (n) =>
    `You have not passed lesson ${n} yet: try the hints first (npm run lesson -- hint ${n}). To see the solution anyway, add --yes.`,
  resetQuestion: (files, folders) =>
    `Put the starter back in ${files}? Your changes there will be lost.` +
    (folders.length
      ? ` ${folders.join(', ')} ${folders.length === 1 ? 'is a folder' : 'are folders'} now, and will be replaced, with everything inside.`
      : ''),
  resetRefusal: (n) =>
    `Reset replaces your files with the starter, and there is no terminal to ask you first. Add --yes: npm run lesson -- reset ${n} --yes`,
  nothingReset: 'Nothing was reset.',
  freshStart: (count, where, files) => `Fresh start: ${count} file(s) in ${where}/ are back to the starter (${files}).`,
  noLongerDone: (n) => `Lesson ${n} is not marked done any more: check it again once your code is back.`,
  checking: 'Checking your code… Ctrl-C stops the check.',
  checkingLesson: (n) => `Checking lesson ${n}…`,
  checkingNow: 'Checking…',
  passed: 'Passed!',
  passedTypesDisagree: 'Passed, but TypeScript disagrees: its lines are under the verdict.',
  checked: 'Checked. What the checks found:',
  checkFailed: 'The check itself could not run.',
  checkStopped: 'Check stopped: nothing was saved. Back to the lesson.',
  saved: (files) => `Saved: ${files}. Checking…`,
  watching: (files) => `Watching ${files}: save to check again. Enter or Ctrl-C stops watching.`,
  watchingLesson: (n) => `Watching lesson ${n}: save your file to check it again. Enter or Ctrl-C stops.`,
  watchPassed: 'Passed! Lesson marked as done.',
  watchStopped: 'Stopped watching.',
  watchFailed: (message) => `Watching could not start: ${message}`,
  startingApp: "Starting the lesson's app (Enter or Ctrl-C stops it)…",
  appStopped: 'The app stopped. Back to the lesson.',
  appEndedEarly: 'The app ended early: read the message above, fix it, and run it again.',
  next: (n, title, readIn) =>
    readIn === 'menu'
      ? `Next: lesson ${n}, "${title}". It is first in the list below; or compare your code with the solution before you go.`
      : `Next: lesson ${n}, "${title}": npm run lesson -- show ${n}`,
  compare: (n) => `Compare your code with the solution: npm run lesson -- solution ${n}`,
  finished: (built) =>
    [
      'You finished the course! Every lesson passes. Look at what you built, one lesson at a time:',
      ...built.map((line) => `  ${line}`),
      'Together they are a real backend: a file goes to storage, its facts and its URL to MongoDB,',
      'through a schema, a model and routes of your own, with every upload awaited properly.',
      'playground/ is yours to keep: change things, break them, run the checks again.',
      'For experiments of your own, write in playground/sandbox.ts and run npm run sandbox.',
    ].join('\n'),
  exportOffer: (readIn) =>
    readIn === 'menu'
      ? 'Take your app home: "Export your app", in the list below, writes it as a project of its own, to run on MongoDB Atlas and ImageKit.'
      : 'Take your app home: npm run lesson -- export writes it as a project of its own, to run on MongoDB Atlas and ImageKit.',
  stillOpen: (numbers, readIn) =>
    `That was the last lesson. Still to pass: ${numbers.join(', ')}${readIn === 'menu' ? ', the lessons without ✔ in the list.' : `: npm run lesson -- list`}`,
  thenTry: (n) => `Then: npm run lesson -- run ${n}   check ${n}   hint ${n}`,
};

const hinglish: LessonWords = {
  filesHeading: 'Aapko yeh file(s) edit karni hain:',
  hintOf: (number, total) => `Hint ${number} (${total} mein se)`,
  lastHint: (n, readIn) =>
    readIn === 'menu'
      ? 'Yeh aakhri hint tha. Ab bhi atke hue hain? "Solution se compare kijiye" chuniye.'
      : `Yeh aakhri hint tha. Ab bhi atke hue hain? Solution se compare kijiye: npm run lesson -- solution ${n}`,
  noSuchHint: (n, total, asked) =>
    /^\d+$/.test(asked)
      ? `Lesson ${n} ke hints 1 se ${total} tak hain; hint ${asked} nahi hai.`
      : `"${asked}" hint ka number nahi hai: lesson ${n} ke hints 1 se ${total} tak hain.`,
  allHintsSeen: (n, total, readIn) =>
    readIn === 'menu'
      ? `Aapne saare ${total} hints dekh liye. Ab bhi atke hue hain? "Solution se compare kijiye" chuniye.`
      : `Aapne saare ${total} hints dekh liye. Ab bhi atke hue hain? Solution se compare kijiye: npm run lesson -- solution ${n}`,
  solutionQuestion:
    'Aapne yeh lesson abhi pass nahi kiya. Pakka dekhna chahte hain? Pehle hints try kijiye: woh aapko khud wahan tak le jaate hain.',
  solutionRefusal: (n) =>
    `Lesson ${n} abhi pass nahi hua: pehle hints try kijiye (npm run lesson -- hint ${n}). Phir bhi solution dekhna chahte hain toh --yes lagaiye.`,
  resetQuestion: (files, folders) =>
    `${files} mein starter wapas daal dein? Wahan aapke changes chale jaayenge.` +
    (folders.length
      ? ` ${folders.join(', ')} abhi ${folders.length === 1 ? 'ek folder hai' : 'folders hain'}, aur andar ki har cheez ke saath replace ${folders.length === 1 ? 'ho jaayega' : 'ho jaayenge'}.`
      : ''),
  resetRefusal: (n) =>
    `Reset aapki files ko starter se badal deta hai, aur yahan poochne ke liye koi terminal nahi hai. --yes lagaiye: npm run lesson -- reset ${n} --yes`,
  nothingReset: 'Kuch reset nahi hua.',
  freshStart: (count, where, files) =>
    `Nayi shuruaat: ${where}/ ki ${count === 1 ? '1 file wapas starter jaisi ho gayi' : `${count} files wapas starter jaisi ho gayin`} (${files}).`,
  noLongerDone: (n) => `Lesson ${n} ab done mark nahi hai: code wapas likh lijiye, phir dobara check kijiye.`,
  checking: 'Aapka code check ho raha hai… Ctrl-C se check rok sakte hain.',
  checkingLesson: (n) => `Lesson ${n} check ho raha hai…`,
  checkingNow: 'Check ho raha hai…',
  passed: 'Pass ho gaya!',
  passedTypesDisagree: 'Pass ho gaya, lekin TypeScript sehmat nahi hai: uski lines verdict ke neeche hain.',
  checked: 'Check ho gaya. Checks ne yeh paaya:',
  checkFailed: 'Check khud nahi chal paaya.',
  checkStopped: 'Check rok diya gaya: kuch save nahi hua. Wapas lesson pe.',
  saved: (files) => `Save hua: ${files}. Check ho raha hai…`,
  watching: (files) => `${files} pe nazar hai: save kijiye, dobara check hoga. Enter ya Ctrl-C se watch band hoga.`,
  watchingLesson: (n) => `Lesson ${n} pe nazar hai: file save kijiye, dobara check hoga. Enter ya Ctrl-C se band hoga.`,
  watchPassed: 'Pass ho gaya! Lesson done mark ho gaya.',
  watchStopped: 'Watch band ho gaya.',
  watchFailed: (message) => `Watch start nahi ho paaya: ${message}`,
  startingApp: 'Lesson ka app start ho raha hai (Enter ya Ctrl-C se band hoga)…',
  appStopped: 'App band ho gaya. Wapas lesson pe.',
  appEndedEarly: 'App jaldi band ho gaya: upar ka message padhiye, code theek kijiye, aur phir se chalaiye.',
  next: (n, title, readIn) =>
    readIn === 'menu'
      ? `Aage: lesson ${n}, "${title}". Neeche list mein sabse upar hai; ya jaane se pehle apna code solution se compare kijiye.`
      : `Aage: lesson ${n}, "${title}": npm run lesson -- show ${n}`,
  compare: (n) => `Apna code solution se compare kijiye: npm run lesson -- solution ${n}`,
  finished: (built) =>
    [
      'Course poora ho gaya! Har lesson pass hai. Dekhiye aapne kya banaya, ek-ek lesson karke:',
      ...built.map((line) => `  ${line}`),
      'Milke yeh ek real backend hai: file storage mein jaati hai, uske facts aur URL MongoDB mein,',
      'aapke apne schema, model aur routes se hote hue, aur har upload sahi se await hota hai.',
      'playground/ aapka hai: cheezein badliye, todiye, aur checks phir se chalaiye.',
      'Apne experiments ke liye playground/sandbox.ts mein likhiye aur npm run sandbox chalaiye.',
    ].join('\n'),
  exportOffer: (readIn) =>
    readIn === 'menu'
      ? 'Apna app ghar le jaaiye: neeche list mein "App export kijiye (Export your app)" use apne alag project ki tarah likh deta hai, MongoDB Atlas aur ImageKit pe chalane ke liye.'
      : 'Apna app ghar le jaaiye: npm run lesson -- export use apne alag project ki tarah likh deta hai, MongoDB Atlas aur ImageKit pe chalane ke liye.',
  stillOpen: (numbers, readIn) =>
    `Yeh aakhri lesson tha. Abhi pass karna baaki hai: ${numbers.join(', ')}${readIn === 'menu' ? ', list mein jin par ✔ nahi hai.' : `: npm run lesson -- list`}`,
  thenTry: (n) => `Phir: npm run lesson -- run ${n}   check ${n}   hint ${n}`,
};

/** The runner's words around a lesson, in `language`. */
export function lessonWords(language: Language): LessonWords {
  return language === 'hinglish' ? hinglish : english;
}
