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
  noSuchLesson: (asked: string, lessons: string) => string;
  tryIt: string;
  requestsBelow: string;
  pressToStop: string;
  signalToStop: string;
  stopping: string;
  stopped: string;
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
  noSuchLesson: (asked, lessons) => `There is no lesson "${asked}". Lessons: ${lessons}.`,
  tryIt: 'Try it: paste these into another terminal.',
  requestsBelow: 'Each request shows up below with what it did to the database.',
  pressToStop: 'Press Enter or Ctrl-C to stop it.',
  signalToStop: 'Stop it with Ctrl-C.',
  stopping: 'Stopping the app, the database and the storage…',
  stopped: 'Stopped.',
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
  noSuchLesson: (asked, lessons) => `"${asked}" naam ka koi lesson nahi hai. Lessons: ${lessons}.`,
  tryIt: 'Try karo: yeh commands doosre terminal mein paste karo.',
  requestsBelow: 'Har request neeche dikhegi, saath mein usne database mein kya kiya.',
  pressToStop: 'Band karne ke liye Enter ya Ctrl-C dabao.',
  signalToStop: 'Band karne ke liye Ctrl-C dabao.',
  stopping: 'App, database aur storage band ho rahe hain…',
  stopped: 'Band ho gaya.',
};

/** The running app's words in `language`. */
export function appWords(language: Language): AppWords {
  return language === 'hinglish' ? hinglish : english;
}
