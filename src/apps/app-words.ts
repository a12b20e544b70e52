// What a running lesson app says around the learner's requests, in the learner's language.
// The requests themselves (what each one shows) come from the lesson's app.ts.
import type { Language } from '../progress/progress-store.ts';

export interface AppWords {
  running: (lessonNumber: string, url: string) => string;
  runningAgain: (lessonNumber: string, url: string) => string;
  yourCode: (folder: string) => string;
  copy: (target: string) => string;
  storage: string;
  /** The storage line, as start-storage.ts says it in English. */
  localStorage: (url: string, folder: string) => string;
  yourImageKit: (url: string) => string;
  tryIt: string;
  requestsBelow: string;
  /** For the learner's own server, whose requests the playground does not see. */
  outputBelow: string;
  pressToStop: string;
  signalToStop: string;
  stopping: string;
  stopped: string;
  /** The learner's own server (lesson 08) ended: how, and on which port it should have listened. */
  ownServerEnded: (how: string, port: number) => string;
}

const english: AppWords = {
  running: (n, url) => `Lesson ${n}'s app is running at ${url}`,
  runningAgain: (n, url) => `Lesson ${n}'s app is running again at ${url}, with your change.`,
  yourCode: (folder) => `your code in ${folder}/`,
  copy: (target) => `the ${target} copy`,
  storage: 'Storage:',
  localStorage: (url, folder) =>
    `Local ImageKit-compatible storage at ${url} (files in ${folder}, removed when it stops).`,
  yourImageKit: (url) =>
    `Using your ImageKit account (${url}), because IMAGEKIT_PUBLIC_KEY, IMAGEKIT_PRIVATE_KEY and IMAGEKIT_URL_ENDPOINT are set.`,
  tryIt: 'Try it: paste these into another terminal.',
  requestsBelow: 'Each request shows up below with what it did to the database.',
  outputBelow: 'What your server prints shows up below.',
  pressToStop: 'Press Enter or Ctrl-C to stop it.',
  signalToStop: 'Stop it with Ctrl-C.',
  stopping: 'Stopping the app, the database and the storage…',
  stopped: 'Stopped.',
  ownServerEnded: (how, port) =>
    `Your server.ts ended (${how}) instead of serving on PORT ${port}: see what it printed above. ` +
    'It should connect to the database, then listen on env.port, and keep running. Fix it, save, and it starts again.',
};

const hinglish: AppWords = {
  running: (n, url) => `Lesson ${n} ka app ${url} pe chal raha hai`,
  runningAgain: (n, url) => `Lesson ${n} ka app aapke change ke saath phir se ${url} pe chal raha hai.`,
  yourCode: (folder) => `aapka code, ${folder}/ se`,
  copy: (target) => `${target} wali copy`,
  storage: 'Storage:',
  localStorage: (url, folder) =>
    `Local ImageKit-jaisa storage ${url} pe (files ${folder} mein, app band hone pe hata di jaati hain).`,
  yourImageKit: (url) =>
    `Aapka apna ImageKit account (${url}), kyunki IMAGEKIT_PUBLIC_KEY, IMAGEKIT_PRIVATE_KEY aur IMAGEKIT_URL_ENDPOINT set hain.`,
  tryIt: 'Try kijiye: yeh commands doosre terminal mein paste kijiye.',
  requestsBelow: 'Har request neeche dikhegi, saath mein usne database mein kya kiya.',
  outputBelow: 'Aapka server jo print karega, woh neeche dikhega.',
  pressToStop: 'Band karne ke liye Enter ya Ctrl-C dabaiye.',
  signalToStop: 'Band karne ke liye Ctrl-C dabaiye.',
  stopping: 'App, database aur storage band ho rahe hain…',
  stopped: 'Band ho gaya.',
  ownServerEnded: (how, port) =>
    `Aapka server.ts PORT ${port} pe serve karne ki jagah band ho gaya (${how}): upar dekhiye usne kya print kiya. ` +
    'Use pehle database se connect karna hai, phir env.port pe listen karna hai, aur chalte rehna hai. Theek karke save kijiye, woh phir se start hoga.',
};

/** The running app's words in `language`. */
export function appWords(language: Language): AppWords {
  return language === 'hinglish' ? hinglish : english;
}
