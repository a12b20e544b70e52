// What `npm run lesson` says about its command line, in the learner's language: its --help,
// and what is wrong with a wrong one.
import type { Language } from '../progress/progress-store.ts';

interface UsageWords {
  whichLesson: (command: string, example: string) => string;
  noSuchLesson: (name: string) => string;
  unknownCommand: (name: string) => string;
  unknownOption: (option: string) => string;
  runOnly: (option: string, example: string) => string;
  oneFolder: string;
  lessons: string;
  commands: (names: string) => string;
  /** `--help`: every command and option. */
  help: string;
}

const english: UsageWords = {
  whichLesson: (command, example) => `Which lesson? Add its number, like: npm run lesson -- ${command} ${example}`,
  noSuchLesson: (name) => `There is no lesson "${name}".`,
  unknownCommand: (name) => `Unknown command "${name}".`,
  unknownOption: (option) => `Unknown option ${option}.`,
  runOnly: (option, example) => `--${option} is for run only, like: npm run lesson -- run 2 --${example}`,
  oneFolder: 'export takes one folder, like: npm run lesson -- export ../songs-app',
  lessons: 'Lessons:',
  commands: (names) => `Commands: ${names}. See npm run lesson -- --help`,
  help: `Lessons without the menu: for scripts, CI and instructors.

Usage: npm run lesson -- <command> [lesson] [options]

Commands
  list               every lesson, with your progress (✔ done, ▶ next, · not started)
  show <lesson>      print the lesson's text
  run <lesson>       run the lesson's app with your code, restarted on every save; Enter or Ctrl-C stops it
                       --port N   on port N (a free one without it)
                       --open     open its page in your browser
  check <lesson>     check your solution (exit code 0 when it passes, 1 when not); fast,
                       without TypeScript's view, which watch and the menu add
  watch <lesson>     check again on every save, until it passes
  hint <lesson> [n]  the next hint, or hint n
  reset <lesson>     put the starter files back (asks first; --yes skips the question)
  solution <lesson>  compare your files with the solution
  export [folder]    write your lesson 08 app out as a project of its own, for MongoDB Atlas and ImageKit
                       (into a new or empty folder; songs-app/ beside the playground without one)
  help               this text

A lesson is named by its number (02 or 2) or its folder name (02-schema).

Options
  --lang en|hinglish   the language of lesson texts, hints and check verdicts
                       (default: the one you chose in npm start)
  --yes, -y            do not ask for confirmation (reset, solution)
  --help, -h           this text

LESSON_TARGET=solution|starter|mistake:<folder> makes run and check use that copy
of the lesson instead of yours (for instructors); watch follows your copy only.

Without a terminal (CI, or input from a pipe), nothing ever waits for an answer:
reset and solution need --yes there.`,
};

const hinglish: UsageWords = {
  whichLesson: (command, example) =>
    `Kaunsa lesson? Uska number saath likhiye, jaise: npm run lesson -- ${command} ${example}`,
  noSuchLesson: (name) => `"${name}" naam ka koi lesson nahi hai.`,
  unknownCommand: (name) => `"${name}" koi command nahi hai.`,
  unknownOption: (option) => `${option} koi option nahi hai.`,
  runOnly: (option, example) => `--${option} sirf run ke saath chalta hai, jaise: npm run lesson -- run 2 --${example}`,
  oneFolder: 'export ek hi folder leta hai, jaise: npm run lesson -- export ../songs-app',
  lessons: 'Lessons:',
  commands: (names) => `Commands: ${names}. Poori jaankari: npm run lesson -- --help`,
  help: `Menu ke bina lessons: scripts, CI aur instructors ke liye.

Usage: npm run lesson -- <command> [lesson] [options]

Commands
  list               saare lessons, aapki progress ke saath (✔ ho gaya, ▶ agla, · shuru nahi hua)
  show <lesson>      lesson ka text print karta hai
  run <lesson>       lesson ki app aapke code ke saath chalata hai, har save par restart karke; Enter ya Ctrl-C se app ruk jaati hai
                       --port N   port N par (iske bina koi free port)
                       --open     app ka page aapke browser mein kholta hai
  check <lesson>     aapka solution check karta hai (pass ho toh exit code 0, warna 1); fast hai,
                       TypeScript kya kehta hai woh nahi dikhata, watch aur menu woh bhi dikhate hain
  watch <lesson>     har save par dobara check karta hai, jab tak pass na ho jaaye
  hint <lesson> [n]  agla hint, ya hint number n
  reset <lesson>     starter files wapas rakhta hai (pehle poochta hai; --yes se sawaal nahi poochta)
  solution <lesson>  aapki files ko solution se compare karta hai
  export [folder]    aapki lesson 08 ki app ko alag project bana kar likhta hai, MongoDB Atlas aur ImageKit ke liye
                       (naye ya khaali folder mein; folder na dein toh playground ke bagal mein songs-app/)
  help               yahi text

Lesson ko uske number (02 ya 2) ya folder ke naam (02-schema) se bataiye.

Options
  --lang en|hinglish   lesson texts, hints aur check verdicts ki language
                       (default: jo aapne npm start mein chuni thi)
  --yes, -y            confirmation nahi poochta (reset, solution)
  --help, -h           yahi text

LESSON_TARGET=solution|starter|mistake:<folder> se run aur check aapki copy ki jagah
lesson ki woh copy use karte hain (instructors ke liye); watch sirf aapki copy follow karta hai.

Terminal ke bina (CI, ya pipe se input) kuch bhi jawab ka wait nahi karta:
wahan reset aur solution ko --yes chahiye.`,
};

/** The command line's words in `language`. */
export function usageWords(language: Language): UsageWords {
  return language === 'hinglish' ? hinglish : english;
}
