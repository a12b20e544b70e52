// The fixed words of a check's verdict, in the learner's language. The checks' own sentences
// (a test's message) stay as the test wrote them; Hinglish keeps the technical words English,
// the way developers say them.

/** Where the learner reads the verdict: it decides how the next step is pointed to. */
export type ReadIn = 'menu' | 'command line' | 'watch';

export type VerdictLanguage = 'en' | 'hinglish';

const english = {
  allPass: (count: number, lesson?: string, praise = true) =>
    `${count === 1 ? 'The 1 check passes' : `All ${count} checks pass`}: your code does everything ${lesson ? `lesson ${lesson} asks` : 'the checks ask'}.${praise ? ' Well done!' : ''}`,
  /** `skipped`: checks of the lesson that did not run this time, counted in the total. */
  notYet: (failed: number, skipped: number) =>
    skipped
      ? `Not yet: ${failed} of ${failed + skipped} checks fail, and ${skipped} did not run this time.`
      : `Not yet: ${failed === 1 ? 'the 1 check fails' : `all ${failed} checks fail`}.`,
  gettingThere: (passed: number, ran: number, skipped: number) =>
    `Getting there: ${passed} of ${ran + skipped} checks pass, ${ran - passed} to go${skipped ? `, and ${skipped} did not run this time` : ''}.`,
  /** Above the reasons the skipped checks gave. */
  notRun: (skipped: number) =>
    `${skipped === 1 ? 'The check that did not run says why' : `Why those ${skipped} did not run`}:`,
  noneRan: 'No check ran, so there is nothing to show yet.',
  firstToFix: 'First to fix:',
  checkSays: 'The check says:',
  wentWrong: 'What went wrong:',
  /** Before the lesson app's own error: it crashed while answering the check. */
  appThrew: 'Your app hit an error on the way:',
  expected: 'Expected:',
  got: 'Got:     ',
  where: 'Where:',
  neverAnswered: [
    'The check waited for your code, and it never answered.',
    'A promise that never settles? Look for a missing resolve(), await or response (res.json…).',
  ],
  alsoFailing: 'Also failing:',
  andMore: (count: number) => `…and ${count} more. One at a time: fix the first, and look again.`,
  /** Before the checks that fail for the very reason the first one does. */
  sameReason: (count: number) =>
    count === 1 ? 'For the same reason, one more check fails' : `For the same reason, ${count} more checks fail`,
  /** Checks whose requests all found no route: the 404 is the one thing to fix. */
  sameNotFound: (answer: string) => `each got ${answer}: nothing in your app answers at the address they call`,
  sameNoRoute: (advice: string) => `each reached no route (the app's own 404). ${advice}`,
  /** The reason of a check that timed out waiting for the learner's code. */
  noAnswerReason: 'your code never answered',
  stray:
    'Also, your code threw an error outside the checks, from something that ran later (a forgotten promise, a timer):',
  hint: (readIn: ReadIn, lesson: string) =>
    readIn === 'menu'
      ? 'Stuck? Pick "Next hint" in the lesson menu.'
      : `Stuck? The next hint is one command away: npm run lesson -- hint ${lesson}`,
  /** An exercise file that is gone, or a folder stands in its place: reset brings it back. */
  fileMissing: (file: string, folder: boolean, readIn: ReadIn, lesson: string) =>
    `The exercise file ${file} ${folder ? 'is a folder, not a file' : 'is missing'}. ` +
    (readIn === 'menu'
      ? 'Pick "Reset the exercise" in the lesson menu to get a fresh copy of the starter (it asks first).'
      : `Run npm run lesson -- reset ${lesson} to get a fresh copy of the starter (it asks first).`),
  syntax: {
    head: 'Your file could not be read, so no check could run yet.',
    advice: (readIn: ReadIn) =>
      `Look at that spot and just before it: often a missing bracket, comma or quote.${readIn === 'watch' ? ' Save, and the check runs again.' : ''}`,
  },
  threwWhileLoading: 'Your code threw an error while it was being loaded, before any check could run.',
  adviceReference:
    'That name does not exist where it is used: a typo, a lowercase type (string instead of String), or a missing import?',
  adviceType:
    'Something was used in a way its type does not allow, like calling what is not a function or reading a field of undefined.',
  adviceSchema:
    'Mongoose did not accept the design of the schema: look at the field the message names (options like timestamps go in the second argument of new mongoose.Schema).',
  adviceOther:
    'The line above says what went wrong: the file runs from top to bottom as it loads, so the first error stops it.',
  lessonSays: 'The lesson warns about exactly this, under "Common mistakes":',
  /** Why a run was stopped, or ended by itself, and what to look for. */
  stopped: {
    busy: [
      'Your code computed without a break for a long time (nothing else could run meanwhile), so the check stopped it.',
      'An endless loop, or far more work than the check needs in one go: look for a loop whose condition never turns false (while, for), a function that calls itself without end, or a loop that does something thousands of times (connections, queries).',
    ],
    heavy: [
      'Your code kept working for a long time without finishing (not stuck in one spot: it went on and on), so the check stopped it.',
      'It does far more work than the check needs: look for something done thousands of times over, like connections, queries or requests made in a loop (one connection is enough), or a loop that never ends by itself.',
    ],
    waiting: [
      'Your code waited for something that never happened: nothing was under way and nothing happened, so the check stopped it.',
      'Look for a promise that is never resolved, an await on something that never comes, or a route that never answers (res.json, res.send).',
    ],
    'ended-itself': [
      'Your code ended its own process (process.exit(), or a kill of its own process id).',
      "A lesson's code should never end the program: throw an error, or answer with an error status, instead.",
    ],
    'out-of-memory': [
      'Your code used up all the memory its process may use, and the process died (JavaScript heap out of memory).',
      'Look for something that keeps growing without end: a loop that pushes into an array or adds to a string and never stops, or data loaded again and again and kept.',
    ],
    'too-much-output': [
      'Your code printed far more than a terminal can take, so the check could not finish.',
      'Look for a console.log or process.stdout.write inside a loop, or a huge value printed whole; print a count or a short sample instead.',
    ],
  },
  ceiling: [
    'The check ran for a very long time without finishing, and was stopped.',
    'Try again; if it keeps happening, please tell the playground maintainers.',
  ],
  unhandled: 'Your code threw an error outside the checks, from something that ran later (a timer or a callback):',
  setup: [
    'The check could not get the lesson ready, so your code was not checked yet. This is most likely not your code:',
    'Try the check again; if it keeps happening, please tell the playground maintainers.',
  ],
  noTests: 'This lesson has no checks yet, so there is nothing to pass.',
  crash: [
    'The check itself stopped before it could judge your code (not your fault):',
    'Try again; if it keeps happening, please tell the playground maintainers.',
  ],
  /** The lesson's test file is gone (the learner's code may delete files): nothing can check the code. */
  testFileMissing: (file: string) => [
    `The checks' own file ${file} is missing, so nothing could check your code. Did your code (or you) delete it?`,
    `Put it back: git checkout -- ${file} (in a git copy of the playground), or copy it from a fresh download of the playground. Reset brings back your exercise files only, not the checks.`,
  ],
  whileLoading: '  It happened while your code was being loaded, before any check ran.',
  during: (test: string) => `  It happened during the check ${test}.`,
};

export type ExplainWords = typeof english;

const hinglish: ExplainWords = {
  allPass: (count, lesson, praise = true) =>
    `${count === 1 ? '1 check pass ho gaya' : `Saare ${count} checks pass ho gaye`}: aapka code ${lesson ? `lesson ${lesson}` : 'checks'} ki har baat poori karta hai.${praise ? ' Shabaash!' : ''}`,
  notYet: (failed, skipped) =>
    skipped
      ? `Abhi nahi: ${failed + skipped} mein se ${failed} ${failed === 1 ? 'check fail ho raha hai' : 'checks fail ho rahe hain'}, aur ${skipped} is baar ${skipped === 1 ? 'chala' : 'chale'} hi nahi.`
      : `Abhi nahi: ${failed === 1 ? '1 check fail ho raha hai' : `saare ${failed} checks fail ho rahe hain`}.`,
  gettingThere: (passed, ran, skipped) =>
    `Aage badh rahe hain: ${ran + skipped} mein se ${passed} ${passed === 1 ? 'check pass ho gaya' : 'checks pass ho gaye'}, ${ran - passed} baaki hain${skipped ? `, aur ${skipped} is baar ${skipped === 1 ? 'chala' : 'chale'} hi nahi` : ''}.`,
  notRun: (skipped) =>
    `${skipped === 1 ? 'Jo check nahi chala, woh kehta hai kyun' : `Woh ${skipped} kyun nahi chale`}:`,
  noneRan: 'Koi check chala hi nahi, isliye abhi dikhane ko kuch nahi hai.',
  firstToFix: 'Pehle ise theek kijiye:',
  checkSays: 'Check kehta hai:',
  wentWrong: 'Kya galat hua:',
  appThrew: 'Beech mein aapke app mein ek error aaya:',
  expected: 'Chahiye tha:',
  got: 'Mila:       ',
  where: 'Kahaan:',
  neverAnswered: [
    'Check ne aapke code ka wait kiya, aur jawab kabhi nahi aaya.',
    'Koi promise jo kabhi settle nahi hota? Dekhiye kahin resolve(), await ya response (res.json…) chhoot toh nahi gaya.',
  ],
  alsoFailing: 'Yeh bhi fail ho rahe hain:',
  andMore: (count) =>
    `…aur bhi ${count} ${count === 1 ? 'hai' : 'hain'}. Ek-ek karke chaliye: pehla theek kijiye, phir dobara dekhiye.`,
  sameReason: (count) =>
    count === 1 ? 'Isi wajah se ek aur check fail ho raha hai' : `Isi wajah se ${count} aur checks fail ho rahe hain`,
  sameNotFound: (answer) =>
    `sabko ${answer} mila: yeh jis address ko call karte hain, wahan aapke app mein koi jawab nahi deta`,
  sameNoRoute: (advice) => `kisi ko bhi route nahi mila (app ka apna 404). ${advice}`,
  noAnswerReason: 'aapke code ne kabhi jawab nahi diya',
  stray:
    'Iske alawa, aapke code ne checks ke bahar ek error throw kiya, kisi aisi cheez se jo baad mein chali (bhoola hua promise, ya timer):',
  hint: (readIn, lesson) =>
    readIn === 'menu'
      ? 'Atak gaye? Lesson menu mein "Agla hint" chuniye.'
      : `Atak gaye? Agla hint bas ek command door hai: npm run lesson -- hint ${lesson}`,
  fileMissing: (file, folder, readIn, lesson) =>
    `Exercise file ${file} ${folder ? 'file nahi, ek folder hai' : 'gayab hai'}. Starter ki nayi copy ke liye ` +
    (readIn === 'menu'
      ? 'lesson menu mein "Exercise reset kijiye" chuniye (pehle poochha jaayega).'
      : `npm run lesson -- reset ${lesson} chalaiye (pehle poochha jaayega).`),
  syntax: {
    head: 'Aapki file padhi nahi ja saki, isliye abhi koi check nahi chal paya.',
    advice: (readIn) =>
      `Us jagah ko aur usse theek pehle dekhiye: aksar koi bracket, comma ya quote chhoot jaata hai.${readIn === 'watch' ? ' Save kijiye, check phir se chalega.' : ''}`,
  },
  threwWhileLoading: 'Aapke code ne load hote waqt hi error throw kiya, kisi bhi check ke chalne se pehle.',
  adviceReference:
    'Jahaan yeh naam use hua hai wahaan yeh exist nahi karta: kahin typo toh nahi, chhote s wala type (String ki jagah string), ya koi import chhoot gaya?',
  adviceType:
    'Kisi cheez ko aise use kiya gaya jo uska type allow nahi karta, jaise jo function nahi hai use call karna, ya undefined ka field padhna.',
  adviceSchema:
    'Mongoose ne schema ka design accept nahi kiya: message jis field ka naam le raha hai use dekhiye (timestamps jaise options new mongoose.Schema ke doosre argument mein jaate hain).',
  adviceOther:
    'Upar wali line batati hai kya galat hua: file load hote waqt upar se neeche chalti hai, isliye pehla error hi sab rok deta hai.',
  lessonSays: 'Lesson apne "Aam galtiyaan" section mein bilkul isi ke baare mein batata hai:',
  /** Why a run was stopped, or ended by itself, and what to look for. */
  stopped: {
    busy: [
      'Aapka code bahut der tak bina break ke compute karta raha (is beech kuch aur chal hi nahi paya), isliye check ne use rok diya.',
      'Ya toh endless loop hai, ya ek hi baar mein check ki zaroorat se kahin zyada kaam: aisa loop dhoondhiye jiski condition kabhi false nahi hoti (while, for), aisa function jo khud ko bina ruke call karta hai, ya aisa loop jo koi kaam hazaaron baar karta hai (connections, queries).',
    ],
    heavy: [
      'Aapka code bahut der tak kaam karta raha aur khatam nahi hua (ek jagah atka nahi tha: aage badhta hi ja raha tha), isliye check ne use rok diya.',
      'Yeh check ki zaroorat se kahin zyada kaam karta hai: aisi cheez dhoondhiye jo hazaaron baar ho rahi hai, jaise loop mein banaye gaye connections, queries ya requests (ek connection kaafi hai), ya aisa loop jo khud kabhi khatam nahi hota.',
    ],
    waiting: [
      'Aapka code kisi aisi cheez ka wait karta raha jo kabhi hui hi nahi: na kuch chal raha tha, na kuch ho raha tha, isliye check ne use rok diya.',
      'Aisa promise dhoondhiye jo kabhi resolve nahi hota, kisi aisi cheez pe await jo kabhi nahi aati, ya aisa route jo kabhi answer nahi deta (res.json, res.send).',
    ],
    'ended-itself': [
      'Aapke code ne apna hi process khatam kar diya (process.exit(), ya apne hi process id ko kill karke).',
      'Lesson ke code ko kabhi program khatam nahi karna chahiye: uski jagah error throw kijiye, ya error status ke saath answer dijiye.',
    ],
    'out-of-memory': [
      'Aapke code ne apne process ki saari memory use kar li, aur process mar gaya (JavaScript heap out of memory).',
      'Aisi cheez dhoondhiye jo bina ruke badhti ja rahi hai: koi loop jo array mein push karta rahe ya string mein jodta rahe aur kabhi na ruke, ya data jo baar baar load hokar rakha jaata rahe.',
    ],
    'too-much-output': [
      'Aapke code ne itna zyada print kiya jitna terminal le hi nahi sakta, isliye check poora nahi ho paya.',
      'Kisi loop ke andar console.log ya process.stdout.write dhoondhiye, ya koi bahut badi value jo poori print ho rahi hai; uski jagah count ya chhota sa sample print kijiye.',
    ],
  },
  ceiling: [
    'Check bahut der tak chalta raha aur khatam nahi hua, isliye use roka gaya.',
    'Phir se try kijiye; agar baar baar ho, toh playground maintainers ko bataiye.',
  ],
  unhandled:
    'Aapke code ne checks ke bahar error throw kiya, kisi aisi cheez se jo baad mein chali (timer ya callback):',
  setup: [
    'Check lesson ko taiyaar nahi kar paya, isliye aapka code abhi check nahi hua. Zyada chance hai ki yeh aapke code ki galti nahi hai:',
    'Check phir se chalaiye; agar baar baar ho, toh playground maintainers ko bataiye.',
  ],
  noTests: 'Is lesson mein abhi koi check nahi hai, isliye pass karne ko kuch nahi hai.',
  crash: [
    'Check khud hi aapke code ko judge karne se pehle ruk gaya (aapki galti nahi):',
    'Phir se try kijiye; agar baar baar ho, toh playground maintainers ko bataiye.',
  ],
  testFileMissing: (file) => [
    `Checks ki apni file ${file} gayab hai, isliye aapka code check nahi ho paya. Kya aapke code ne (ya aapne) use delete kar diya?`,
    `Use wapas laaiye: git checkout -- ${file} (agar playground git copy hai), ya playground ke naye download se copy kijiye. Reset sirf aapki exercise files wapas laata hai, checks nahi.`,
  ],
  whileLoading: '  Yeh tab hua jab aapka code load ho raha tha, kisi check ke chalne se pehle.',
  during: (test) => `  Yeh check ${test} ke dauraan hua.`,
};

/** The verdict's words in `language`. */
export function explainWords(language: VerdictLanguage = 'en'): ExplainWords {
  return language === 'hinglish' ? hinglish : english;
}
